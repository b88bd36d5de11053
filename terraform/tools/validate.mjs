#!/usr/bin/env node
// Validates every .tf and .tftest.hcl file under the given paths (default: terraform/modules and
// terraform/examples) against the committed provider schema subset. Prints one line per finding,
// `file:line: [rule] message`, and exits 1 if there is any.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from './lib/validator.mjs';

const terraformRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const paths = args.length ? args : [join(terraformRoot, 'modules'), join(terraformRoot, 'examples')];
const findings = await validate(paths, { base: process.cwd() });
for (const f of findings) console.log(`${f.file}:${f.line}: [${f.rule}] ${f.message}`);
console.log(`${findings.length} finding(s) in ${paths.join(', ')}`);
process.exit(findings.length ? 1 : 0);
