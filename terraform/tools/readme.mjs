#!/usr/bin/env node
// Generates the Inputs/Outputs tables of every module README (and example README) from the variable and output
// blocks of its .tf files, between <!-- BEGIN_TF_DOCS --> and <!-- END_TF_DOCS -->.
//   node readme.mjs           rewrite the tables
//   node readme.mjs --check   exit 1 if a README is missing its markers or its tables are stale (CI)
import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStructure } from './lib/structure.mjs';

const BEGIN = '<!-- BEGIN_TF_DOCS -->';
const END = '<!-- END_TF_DOCS -->';
const terraformRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function moduleDirectories() {
  const dirs = [];
  for (const parent of ['modules', 'examples']) {
    const root = join(terraformRoot, parent);
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root).sort()) {
      const dir = join(root, entry);
      if (statSync(dir).isDirectory() && readdirSync(dir).some((f) => f.endsWith('.tf'))) dirs.push(dir);
    }
  }
  return dirs;
}

const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ').replace(/\{ /g, '{ ').trim();
const cell = (text) => text.replace(/\|/g, '\\|');
const code = (text) => `<code>${cell(oneLine(text)).replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`;

function literal(expr) {
  try { return JSON.parse(expr); } catch { return oneLine(expr); }
}

/** The generated section for one module directory. */
export function tables(dir) {
  const variables = [];
  const outputs = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tf')).sort()) {
    const body = readStructure(readFileSync(join(dir, file), 'utf8'));
    for (const block of body.blocks) {
      const get = (name) => block.body.attributes.find((a) => a.name === name)?.expr;
      if (block.type === 'variable') {
        variables.push({
          name: block.labels[0], description: literal(get('description') ?? '""'), type: get('type') ?? 'any',
          default: get('default'),
        });
      } else if (block.type === 'output') {
        outputs.push({ name: block.labels[0], description: literal(get('description') ?? '""') });
      }
    }
  }
  variables.sort((a, b) => (a.default === undefined ? 0 : 1) - (b.default === undefined ? 0 : 1) || a.name.localeCompare(b.name));
  outputs.sort((a, b) => a.name.localeCompare(b.name));
  const lines = [BEGIN, '## Inputs', ''];
  if (variables.length) {
    lines.push('| Name | Description | Type | Default | Required |', '|------|-------------|------|---------|:--------:|');
    for (const v of variables) {
      lines.push(`| ${v.name} | ${cell(v.description)} | ${code(v.type)} | ${v.default === undefined ? 'n/a' : code(v.default)} | ${v.default === undefined ? 'yes' : 'no'} |`);
    }
  } else {
    lines.push('No inputs.');
  }
  lines.push('', '## Outputs', '');
  if (outputs.length) {
    lines.push('| Name | Description |', '|------|-------------|');
    for (const o of outputs) lines.push(`| ${o.name} | ${cell(o.description)} |`);
  } else {
    lines.push('No outputs.');
  }
  lines.push(END);
  return lines.join('\n');
}

function main() {
  const check = process.argv.includes('--check');
  const problems = [];
  for (const dir of moduleDirectories()) {
    const readme = join(dir, 'README.md');
    const name = relative(terraformRoot, readme);
    if (!existsSync(readme)) { problems.push(`${name}: missing`); continue; }
    const text = readFileSync(readme, 'utf8');
    const begin = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    if (begin < 0 || end < begin) { problems.push(`${name}: no ${BEGIN} ... ${END} section`); continue; }
    const updated = text.slice(0, begin) + tables(dir) + text.slice(end + END.length);
    if (updated === text) continue;
    if (check) problems.push(`${name}: inputs/outputs tables are stale`);
    else { writeFileSync(readme, updated); console.log(`updated ${name}`); }
  }
  for (const p of problems) console.error(p);
  if (problems.length) {
    if (check) console.error('run `node terraform/tools/readme.mjs` to regenerate the tables');
    process.exit(1);
  }
  if (check) console.log(`README tables current in ${moduleDirectories().length} module/example directories`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
