#!/usr/bin/env node
// Regenerates schema/providers.json: the subset of the Terraform provider schemas that Logway's modules use,
// read from the .jsii type manifest that @cdktf/provider-aws ships (generated from `terraform providers schema`
// of hashicorp/aws, version in the manifest's doc links).
//
// Usage (needs the devDependencies: `npm ci` in terraform/tools):
//   node extract-schema.mjs            # writes schema/providers.json
//   node extract-schema.mjs --check    # exits 1 if schema/providers.json is not what this script would write
//
// The subset holds every resource and data source type referenced anywhere under terraform/ (outside
// tools/test/fixtures), with argument names, nested block names, nesting (single or list) and required flags,
// plus the provider configuration block and the complete list of type names (so the validator can tell an
// unknown type from one that exists but was not extracted).
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TERRAFORM_ROOT = join(HERE, '..');
const OUTPUT = join(HERE, 'schema', 'providers.json');

/** Providers Logway's modules may require, with the npm package that carries each one's schema. */
const PROVIDERS = [{ name: 'aws', source: 'hashicorp/aws', npmPackage: '@cdktf/provider-aws' }];

const require = createRequire(import.meta.url);

function walk(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (relative(TERRAFORM_ROOT, full) === join('tools', 'test', 'fixtures')) continue;
      walk(full, out);
    } else if (entry.endsWith('.tf') || entry.endsWith('.tftest.hcl')) {
      out.push(full);
    }
  }
  return out;
}

/** Resource and data source types the Terraform files mention (resource, data, mocks and overrides). */
function usedTypes() {
  const resources = new Set();
  const dataSources = new Set();
  const pattern = /^\s*(resource|data|mock_resource|mock_data)\s+"([a-z0-9_]+)"/gm;
  for (const file of walk(TERRAFORM_ROOT)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      (match[1] === 'resource' || match[1] === 'mock_resource' ? resources : dataSources).add(match[2]);
    }
  }
  return { resources, dataSources };
}

const LINK = /\{@link https:\/\/registry\.terraform\.io\/providers\/([a-z0-9-]+\/[a-z0-9-]+)\/([0-9.]+)\/docs(?:\/(resources|data-sources)\/([a-z0-9_]+))? ([a-z0-9_]+)\}/;
const ANCHOR = /#([a-z0-9_]+) [A-Za-z0-9]+#[a-z0-9_]+\}/;

function snakeCase(camel) {
  return camel.replace(/([A-Z])/g, (c) => '_' + c.toLowerCase());
}

function structFqn(type) {
  if (type.fqn && !type.fqn.startsWith('cdktf.')) return { fqn: type.fqn, nesting: 'single' };
  if (type.collection && type.collection.kind === 'array' && type.collection.elementtype.fqn
      && !type.collection.elementtype.fqn.startsWith('cdktf.')) {
    return { fqn: type.collection.elementtype.fqn, nesting: 'list' };
  }
  if (type.union) {
    for (const member of type.union.types) {
      const found = structFqn(member);
      if (found) return found;
    }
  }
  return null;
}

function simpleType(type) {
  if (type.primitive) return type.primitive === 'boolean' ? 'bool' : type.primitive;
  if (type.collection) return `${type.collection.kind === 'array' ? 'list' : 'map'}(${simpleType(type.collection.elementtype)})`;
  if (type.union) return simpleType(type.union.types.find((t) => !(t.fqn && t.fqn === 'cdktf.IResolvable')) ?? type.union.types[0]);
  return 'any';
}

/** Arguments and blocks of one jsii struct (a Config interface or a nested block struct). */
function describeStruct(types, fqn, seen = new Set()) {
  const struct = types[fqn];
  if (!struct) throw new Error(`type ${fqn} missing from the .jsii manifest`);
  const body = { attributes: {}, blocks: {} };
  for (const property of struct.properties ?? []) {
    const docs = `${property.docs?.summary ?? ''} ${property.docs?.remarks ?? ''}`;
    const anchor = docs.match(ANCHOR);
    const name = anchor ? anchor[1] : snakeCase(property.name);
    const isBlock = / block\.$/.test(property.docs?.summary ?? '');
    const nested = structFqn(property.type);
    if (isBlock && nested) {
      if (seen.has(nested.fqn)) continue; // recursive schemas (none in the used subset) are cut
      body.blocks[name] = {
        nesting: nested.nesting,
        required: !property.optional,
        ...describeStruct(types, nested.fqn, new Set([...seen, nested.fqn])),
      };
    } else {
      body.attributes[name] = { type: simpleType(property.type), required: !property.optional };
    }
  }
  return body;
}

/** Attributes a resource exports that are not arguments (arn, invoke_arn, ...), from the class's getters. */
function computedAttributes(types, classFqn) {
  const config = new Set((types[`${classFqn}Config`].properties ?? []).map((p) => p.name));
  return (types[classFqn].properties ?? [])
    .filter((p) => !p.static && !p.name.endsWith('Input') && !config.has(p.name))
    .map((p) => snakeCase(p.name))
    .sort();
}

function extractProvider({ name, source, npmPackage }, wanted) {
  const packageDir = dirname(require.resolve(`${npmPackage}/package.json`));
  const manifest = JSON.parse(readFileSync(join(packageDir, '.jsii'), 'utf8'));
  const allResources = {};
  const allDataSources = {};
  let providerFqn = null;
  let providerVersion = null;
  for (const [fqn, type] of Object.entries(manifest.types)) {
    if (type.kind !== 'class') continue;
    const link = (type.docs?.summary ?? '').match(LINK);
    if (!link || !fqn.startsWith(`${npmPackage}.`)) continue;
    const [, linkSource, version, kind, , terraformName] = link;
    if (linkSource !== source) continue;
    providerVersion ??= version;
    if (!kind) providerFqn = fqn;
    else if (kind === 'resources') allResources[terraformName] = fqn;
    else allDataSources[terraformName] = fqn;
  }
  const pick = (all, names) => Object.fromEntries([...names].filter((n) => all[n]).sort()
    .map((n) => [n, { ...describeStruct(manifest.types, `${all[n]}Config`), computed: computedAttributes(manifest.types, all[n]) }]));
  return {
    source,
    version: providerVersion,
    extractedFrom: `${npmPackage}@${manifest.version}`,
    provider: describeStruct(manifest.types, `${providerFqn}Config`),
    resources: pick(allResources, [...wanted.resources].filter((n) => n.startsWith(`${name}_`))),
    dataSources: pick(allDataSources, [...wanted.dataSources].filter((n) => n.startsWith(`${name}_`))),
    allResourceTypes: Object.keys(allResources).sort(),
    allDataSourceTypes: Object.keys(allDataSources).sort(),
  };
}

const wanted = usedTypes();
const schema = {
  comment: 'Generated by terraform/tools/extract-schema.mjs from the .jsii manifests of the @cdktf provider packages. Do not edit.',
  providers: Object.fromEntries(PROVIDERS.map((p) => [p.name, extractProvider(p, wanted)])),
};
const text = JSON.stringify(schema, null, 1) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(OUTPUT, 'utf8'); } catch { /* missing counts as stale */ }
  if (current !== text) {
    console.error(`${relative(process.cwd(), OUTPUT)} is stale: run \`npm run extract-schema\` in terraform/tools`);
    process.exit(1);
  }
  console.log('schema subset is current');
} else {
  writeFileSync(OUTPUT, text);
  const aws = schema.providers.aws;
  console.log(`wrote ${relative(process.cwd(), OUTPUT)}: hashicorp/aws ${aws.version}, ${Object.keys(aws.resources).length} resource types, ${Object.keys(aws.dataSources).length} data source types`);
  const missing = [...wanted.resources].filter((n) => !aws.resources[n] && n.startsWith('aws_'))
    .concat([...wanted.dataSources].filter((n) => !aws.dataSources[n] && n.startsWith('aws_')));
  if (missing.length) console.log(`not in the provider (the validator will report them): ${missing.join(', ')}`);
}
