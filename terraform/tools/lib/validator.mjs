// Offline validation of Terraform configurations and test files against the committed provider schema subset.
// See ../README.md for the list of checks. Every finding is { file, line, rule, message }.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { readStructure } from './structure.mjs';
import { referencesIn } from './references.mjs';
import {
  ALWAYS_DEFINED_ROOTS, BUILTIN_COMPUTED, BUILTIN_RESOURCES, CONFIG_FILE, DATA_LIFECYCLE, DATA_META_ATTRIBUTES,
  PROVISIONERS, RESOURCE_META_ATTRIBUTES, RESOURCE_META_BLOCKS, TEST_FILE,
} from './builtins.mjs';

const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers']);
const RESOURCE_TYPE_ROOT = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;

export function loadSchema(path = new URL('../schema/providers.json', import.meta.url)) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every .tf and .tftest.hcl file under the given paths (files or directories), sorted. */
export function findTerraformFiles(paths) {
  const out = [];
  const walk = (p) => {
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        walk(join(p, entry));
      }
    } else if (p.endsWith('.tf') || p.endsWith('.tftest.hcl') || p.endsWith('.tfvars') || p.endsWith('.tfvars.example')) {
      out.push(resolve(p));
    }
  };
  paths.forEach(walk);
  return [...new Set(out)].sort();
}

/**
 * Validates every Terraform file under `paths`.
 * @returns {Promise<{ file: string, line: number, rule: string, message: string }[]>}
 */
export async function validate(paths, { schema = loadSchema(), base = process.cwd() } = {}) {
  const v = new Validator(schema, base);
  const files = findTerraformFiles(paths);
  const moduleDirs = new Set(files.filter((f) => f.endsWith('.tf')).map((f) => dirname(f)));
  for (const dir of [...moduleDirs].sort()) await v.checkModule(dir);
  for (const file of files.filter((f) => f.endsWith('.tftest.hcl'))) await v.checkTestFile(file);
  for (const file of files.filter((f) => f.endsWith('.tfvars') || f.endsWith('.tfvars.example'))) await v.checkVariableValues(file);
  return v.findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

class Validator {
  constructor(schema, base) {
    this.schema = schema;
    this.base = base;
    this.findings = [];
    this.modules = new Map();
    this.parsed = new Map();
  }

  report(file, line, rule, message) {
    this.findings.push({ file: relative(this.base, file) || file, line, rule, message });
  }

  /** Parses with hcl2json (syntax), then reads the structure. Returns null on a syntax error. */
  async parseFile(file) {
    if (this.parsed.has(file)) return this.parsed.get(file);
    const text = readFileSync(file, 'utf8');
    let result = null;
    try {
      await parse(basename(file), text);
      result = { file, text, body: readStructure(text) };
    } catch (error) {
      const message = String(error.message ?? error).replace(/^parse config: /, '');
      const line = Number((message.match(/:(\d+),\d+/) ?? [])[1] ?? 1);
      this.report(file, line, 'syntax', message.replace(/^\[|\]$/g, ''));
    }
    this.parsed.set(file, result);
    return result;
  }

  /** Loads a module directory: its parsed files and declarations (memoised; findings reported once). */
  async loadModule(dir) {
    if (this.modules.has(dir)) return this.modules.get(dir);
    const files = [];
    for (const entry of readdirSync(dir).sort()) {
      if (!entry.endsWith('.tf')) continue;
      const parsed = await this.parseFile(join(dir, entry));
      if (parsed) files.push(parsed);
    }
    const module = { dir, files, decls: declarations(files) };
    this.modules.set(dir, module);
    return module;
  }

  providerSchema(type) {
    const providerName = type.split('_')[0];
    return this.schema.providers[providerName] ? { name: providerName, ...this.schema.providers[providerName] } : null;
  }

  resourceSchema(kind, type, file, line) {
    if (kind === 'resource' && BUILTIN_RESOURCES[type]) return BUILTIN_RESOURCES[type];
    const provider = this.providerSchema(type);
    const kindName = kind === 'resource' ? 'resource' : 'data source';
    if (!provider) {
      this.report(file, line, kind === 'resource' ? 'unknown-resource-type' : 'unknown-data-source-type',
        `${kindName} type "${type}": no provider "${type.split('_')[0]}" in the schema (providers: ${Object.keys(this.schema.providers).join(', ')})`);
      return null;
    }
    const subset = kind === 'resource' ? provider.resources : provider.dataSources;
    if (subset[type]) return subset[type];
    const all = kind === 'resource' ? provider.allResourceTypes : provider.allDataSourceTypes;
    if (all.includes(type)) {
      this.report(file, line, 'type-not-extracted',
        `${kindName} type "${type}" exists in ${provider.source} ${provider.version} but is not in the committed subset: run \`npm run extract-schema\` in terraform/tools`);
    } else {
      this.report(file, line, kind === 'resource' ? 'unknown-resource-type' : 'unknown-data-source-type',
        `${kindName} type "${type}" does not exist in ${provider.source} ${provider.version}`);
    }
    return null;
  }

  async checkModule(dir) {
    const module = await this.loadModule(dir);
    const { decls } = module;
    for (const dup of decls.duplicates) this.report(dup.file, dup.line, 'duplicate-declaration', dup.message);
    const providersUsed = new Set();
    for (const { file, body } of module.files) {
      this.checkBody(file, body, CONFIG_FILE, 'file');
      for (const block of body.blocks) {
        const where = `${block.type}${block.labels.map((l) => ` "${l}"`).join('')}`;
        switch (block.type) {
          case 'variable': this.checkVariable(file, block); break;
          case 'output':
            if (!attribute(block.body, 'description')) this.report(file, block.line, 'description-missing', `${where} has no description`);
            break;
          case 'resource':
          case 'data': {
            if (block.labels.length !== 2) break;
            const type = block.labels[0];
            if (!BUILTIN_RESOURCES[type]) providersUsed.add(type.split('_')[0]);
            const schema = this.resourceSchema(block.type, type, file, block.line);
            if (schema) this.checkResource(file, block, schema, where);
            break;
          }
          case 'check':
            for (const inner of block.body.blocks.filter((b) => b.type === 'data' && b.labels.length === 2)) {
              providersUsed.add(inner.labels[0].split('_')[0]);
              const schema = this.resourceSchema('data', inner.labels[0], file, inner.line);
              if (schema) this.checkResource(file, inner, schema, `${where} data "${inner.labels.join('" "')}"`);
            }
            break;
          case 'provider': {
            const provider = this.schema.providers[block.labels[0]];
            if (!provider) {
              this.report(file, block.line, 'unknown-provider', `provider "${block.labels[0]}" is not in the schema`);
            } else {
              this.checkBody(file, block.body, withExtraAttributes(provider.provider, ['alias']), where);
            }
            break;
          }
          case 'module': await this.checkModuleCall(file, block, dir); break;
          default: break;
        }
      }
      this.checkReferences(file, body, module, null);
    }
    for (const provider of providersUsed) {
      if (!decls.requiredProviders.has(provider)) {
        const first = module.files[0];
        this.report(first.file, 1, 'missing-required-provider',
          `module ${relative(this.base, dir) || '.'} uses provider "${provider}" but its terraform { required_providers } does not declare it`);
      }
    }
    if (!decls.requiredVersion && module.files.length) {
      this.report(module.files[0].file, 1, 'missing-required-version',
        `module ${relative(this.base, dir) || '.'} has no terraform { required_version }`);
    }
  }

  checkVariable(file, block) {
    const where = `variable "${block.labels[0]}"`;
    const type = attribute(block.body, 'type');
    if (!type) this.report(file, block.line, 'variable-type-missing', `${where} has no type`);
    else if (/\bany\b/.test(type.expr)) this.report(file, type.line, 'variable-any-type', `${where} uses the type "any": give it a concrete type`);
    if (!attribute(block.body, 'description')) this.report(file, block.line, 'description-missing', `${where} has no description`);
  }

  checkResource(file, block, schema, where) {
    const isData = block.type === 'data';
    const merged = {
      attributes: { ...schema.attributes },
      blocks: { ...schema.blocks },
    };
    for (const meta of isData ? DATA_META_ATTRIBUTES : RESOURCE_META_ATTRIBUTES) merged.attributes[meta] = { required: false };
    if (isData) merged.blocks.lifecycle = DATA_LIFECYCLE;
    else Object.assign(merged.blocks, RESOURCE_META_BLOCKS, { provisioner: { nesting: 'list', labels: 1, provisioners: true } });
    this.checkBody(file, block.body, merged, where, true);
  }

  /** Checks one body against a schema node: arguments, blocks, block-vs-attribute use, required ones. */
  checkBody(file, body, schema, where, allowDynamic = false) {
    if (schema.open) return;
    const present = new Map();
    for (const attr of body.attributes) {
      if (schema.attributes[attr.name]) {
        present.set(attr.name, (present.get(attr.name) ?? 0) + 1);
      } else if (schema.blocks[attr.name]) {
        this.report(file, attr.line, 'block-as-attribute',
          `${where}: "${attr.name}" is a block; write \`${attr.name} { ... }\` instead of \`${attr.name} = ...\``);
        present.set(attr.name, 1);
      } else {
        this.report(file, attr.line, 'unknown-argument', `${where}: unknown argument "${attr.name}"${suggest(attr.name, schema)}`);
      }
    }
    const blockCounts = new Map();
    for (const block of body.blocks) {
      let name = block.type;
      let content = block.body;
      if (name === 'dynamic' && allowDynamic) {
        name = block.labels[0];
        const contentBlock = block.body.blocks.find((b) => b.type === 'content');
        if (!attribute(block.body, 'for_each')) this.report(file, block.line, 'missing-required-argument', `${where}: dynamic "${name}" has no for_each`);
        if (!contentBlock) {
          this.report(file, block.line, 'missing-required-block', `${where}: dynamic "${name}" has no content block`);
          continue;
        }
        for (const a of block.body.attributes) {
          if (!['for_each', 'iterator', 'labels'].includes(a.name)) this.report(file, a.line, 'unknown-argument', `${where}: dynamic "${name}": unknown argument "${a.name}"`);
        }
        content = contentBlock.body;
        blockCounts.set(name, Infinity); // a dynamic block may produce any number of blocks
      }
      const spec = schema.blocks[name];
      if (!spec) {
        if (schema.attributes[name]) {
          this.report(file, block.line, 'attribute-as-block', `${where}: "${name}" is an argument; write \`${name} = ...\` instead of a block`);
        } else {
          this.report(file, block.line, 'unknown-block', `${where}: unknown block type "${name}"${suggest(name, schema)}`);
        }
        continue;
      }
      if (block.type !== 'dynamic') blockCounts.set(name, (blockCounts.get(name) ?? 0) + 1);
      const labels = spec.labels ?? 0;
      if (block.type !== 'dynamic' && block.labels.length !== labels) {
        this.report(file, block.line, 'wrong-labels', `${where}: block "${name}" takes ${labels} label(s), found ${block.labels.length}`);
        continue;
      }
      const inner = `${where} ${name}${block.type === 'dynamic' ? '' : block.labels.map((l) => ` "${l}"`).join('')}`;
      if (spec.provisioners) {
        const provisioner = PROVISIONERS[block.labels[0]];
        if (!provisioner) this.report(file, block.line, 'unknown-block', `${where}: unsupported provisioner "${block.labels[0]}" (allowed: ${Object.keys(PROVISIONERS).join(', ')})`);
        else this.checkBody(file, content, { ...provisioner, blocks: { ...provisioner.blocks, connection: RESOURCE_META_BLOCKS.connection } }, inner);
        continue;
      }
      this.checkBody(file, content, spec, inner, allowDynamic);
    }
    for (const [name, count] of blockCounts) {
      if (schema.blocks[name].nesting === 'single' && count > 1 && count !== Infinity) {
        this.report(file, body.blocks.find((b) => b.type === name).line, 'duplicate-block', `${where}: block "${name}" may appear only once`);
      }
    }
    for (const [name, spec] of Object.entries(schema.attributes)) {
      if (spec.required && !present.has(name)) {
        this.report(file, firstLine(body), 'missing-required-argument', `${where}: required argument "${name}" is missing`);
      }
    }
    for (const [name, spec] of Object.entries(schema.blocks)) {
      if (spec.required && !blockCounts.has(name) && !present.has(name)) {
        this.report(file, firstLine(body), 'missing-required-block', `${where}: required block "${name}" is missing`);
      }
    }
  }

  async checkModuleCall(file, block, dir) {
    const where = `module "${block.labels[0]}"`;
    const source = attribute(block.body, 'source');
    for (const nested of block.body.blocks) {
      this.report(file, nested.line, 'unknown-block', `${where}: module calls take no blocks ("${nested.type}")`);
    }
    if (!source) {
      this.report(file, block.line, 'missing-required-argument', `${where}: required argument "source" is missing`);
      return;
    }
    const called = await this.calledModule(source, dir, file, where);
    if (!called) return;
    const passed = block.body.attributes.filter((a) => !MODULE_META_ARGUMENTS.has(a.name));
    this.checkInputs(file, block.line, where, called, passed.map((a) => ({ name: a.name, line: a.line })));
  }

  /** Resolves a local module source ("./x", "../x"); remote sources are not checked. */
  async calledModule(source, dir, file, where) {
    let value;
    try { value = JSON.parse(source.expr); } catch { return null; }
    if (!value.startsWith('./') && !value.startsWith('../')) return null;
    const target = resolve(dir, value);
    if (!existsSync(target) || !readdirSync(target).some((f) => f.endsWith('.tf'))) {
      this.report(file, source.line, 'module-source-missing', `${where}: no Terraform module at ${value}`);
      return null;
    }
    return this.loadModule(target);
  }

  /** Inputs passed to a module (call or test run) are declared variables, and every required one is given. */
  checkInputs(file, line, where, called, passed, { requireAll = true } = {}) {
    const variables = called.decls.variables;
    for (const input of passed) {
      if (!variables.has(input.name)) {
        this.report(file, input.line, 'unknown-module-input',
          `${where}: "${input.name}" is not a variable of ${relative(this.base, called.dir)}${suggestFrom(input.name, [...variables.keys()])}`);
      }
    }
    if (!requireAll) return;
    const given = new Set(passed.map((p) => p.name));
    for (const [name, variable] of variables) {
      if (variable.required && !given.has(name)) {
        this.report(file, line, 'missing-module-input', `${where}: required input "${name}" of ${relative(this.base, called.dir)} is not set`);
      }
    }
  }

  /** Every reference in every expression of `body` resolves to a declaration of `module` (or the test scope). */
  checkReferences(file, body, module, testScope) {
    const visit = (b, iterators, context) => {
      for (const attr of b.attributes) {
        if (context === 'lifecycle' && attr.name === 'ignore_changes') continue;
        if ((context === 'moved' || context === 'removed') && attr.name === 'from') continue;
        if (context === 'run' && attr.name === 'command') continue;
        if (context === 'override' && attr.name === 'target') {
          this.checkAddress(file, attr, module);
          continue;
        }
        for (const ref of referencesIn(attr.expr)) {
          const problem = this.resolveReference(ref, module, iterators, testScope);
          if (problem) this.report(file, attr.line, 'undeclared-reference', `${ref.root}.${ref.parts.join('.')}: ${problem}`);
        }
      }
      for (const inner of b.blocks) {
        let scope = iterators;
        if (inner.type === 'dynamic') {
          const iterator = attribute(inner.body, 'iterator');
          scope = new Set([...iterators, iterator ? iterator.expr : inner.labels[0]]);
        }
        const innerContext = ['lifecycle', 'moved', 'removed', 'run'].includes(inner.type) ? inner.type
          : inner.type.startsWith('override_') ? 'override' : context;
        visit(inner.body, scope, innerContext);
      }
    };
    visit(body, new Set(), null);
  }

  checkAddress(file, attr, module) {
    const refs = referencesIn(attr.expr);
    for (const ref of refs) {
      const problem = this.resolveReference(ref, module, new Set(), null);
      if (problem) this.report(file, attr.line, 'undeclared-reference', `${ref.root}.${ref.parts.join('.')}: ${problem}`);
    }
  }

  resolveReference({ root, parts }, module, iterators, testScope) {
    const d = module.decls;
    if (ALWAYS_DEFINED_ROOTS.has(root) || iterators.has(root)) return null;
    switch (root) {
      case 'var': return d.variables.has(parts[0]) ? null : `no variable "${parts[0]}" is declared`;
      case 'local': return d.locals.has(parts[0]) ? null : `no local value "${parts[0]}" is declared`;
      case 'data':
        if (parts.length < 2) return 'a data reference needs a type and a name';
        if (!d.data.has(`${parts[0]}.${parts[1]}`)) return `no data "${parts[0]}" "${parts[1]}" is declared`;
        return this.attributeProblem('data', parts[0], parts[2]);
      case 'module': {
        const call = d.modules.get(parts[0]);
        if (!call) return `no module "${parts[0]}" is called`;
        const called = call.dir && this.modules.get(call.dir);
        if (called && parts[1] && !called.decls.outputs.has(parts[1])) return `module "${parts[0]}" has no output "${parts[1]}"`;
        return null;
      }
      case 'run':
        if (!testScope) return 'run references exist only in test files';
        return testScope.runs.has(parts[0]) ? null : `no earlier run "${parts[0]}" in this file`;
      case 'output':
        if (!testScope) return 'output references exist only in test files';
        return d.outputs.has(parts[0]) ? null : `the module under test has no output "${parts[0]}"`;
      default:
        if (RESOURCE_TYPE_ROOT.test(root) || BUILTIN_RESOURCES[root]) {
          if (!d.resources.has(`${root}.${parts[0]}`)) return `no resource "${root}" "${parts[0]}" is declared`;
          return this.attributeProblem('resource', root, parts[1]);
        }
        return `"${root}" is not a declared name`;
    }
  }

  /** A variable definitions file sets only variables of its directory's module, and every required one. */
  async checkVariableValues(file) {
    const parsed = await this.parseFile(file);
    if (!parsed) return;
    const module = await this.loadModule(dirname(file));
    for (const block of parsed.body.blocks) {
      this.report(file, block.line, 'unknown-block', `${basename(file)} may only set variables ("${block.type}" is a block)`);
    }
    this.checkInputs(file, 1, basename(file), module, parsed.body.attributes.map((a) => ({ name: a.name, line: a.line })));
  }

  /** A referenced attribute exists on the type: an argument, a block or an exported attribute. */
  attributeProblem(kind, type, attribute) {
    if (!attribute) return null;
    let schema;
    if (kind === 'resource' && BUILTIN_RESOURCES[type]) {
      schema = { ...BUILTIN_RESOURCES[type], computed: BUILTIN_COMPUTED[type] };
    } else {
      const provider = this.schema.providers[type.split('_')[0]];
      schema = provider && (kind === 'resource' ? provider.resources : provider.dataSources)[type];
    }
    if (!schema) return null; // the type itself is reported where it is declared
    if (attribute === 'id' || schema.attributes[attribute] || schema.blocks[attribute] || (schema.computed ?? []).includes(attribute)) return null;
    return `${kind === 'resource' ? '' : 'data source '}"${type}" has no attribute "${attribute}"${suggestFrom(attribute, [...Object.keys(schema.attributes), ...Object.keys(schema.blocks), ...(schema.computed ?? [])])}`;
  }

  async checkTestFile(file) {
    const parsed = await this.parseFile(file);
    if (!parsed) return;
    const dir = dirname(file);
    const moduleDir = basename(dir) === 'tests' ? dirname(dir) : dir;
    const module = await this.loadModule(moduleDir);
    this.checkBody(file, parsed.body, TEST_FILE, 'test file');
    const fileVariables = parsed.body.blocks.filter((b) => b.type === 'variables').flatMap((b) => b.body.attributes);
    const runs = new Set();
    const seenRuns = new Map();
    const checkMocks = (blocks) => {
      for (const mock of blocks) {
        if (mock.type === 'mock_resource' || mock.type === 'mock_data') {
          this.resourceSchema(mock.type === 'mock_resource' ? 'resource' : 'data', mock.labels[0], file, mock.line);
        }
      }
    };
    for (const block of parsed.body.blocks) {
      if (block.type === 'mock_provider' || block.type === 'provider') {
        if (!this.schema.providers[block.labels[0]]) {
          this.report(file, block.line, 'unknown-provider', `${block.type} "${block.labels[0]}" is not in the schema`);
        } else if (block.type === 'provider') {
          this.checkBody(file, block.body, withExtraAttributes(this.schema.providers[block.labels[0]].provider, ['alias']), `provider "${block.labels[0]}"`);
        }
        checkMocks(block.body.blocks);
      }
    }
    this.checkInputs(file, 1, `variables of ${basename(file)}`, module, fileVariables, { requireAll: false });
    for (const block of parsed.body.blocks) {
      if (block.type !== 'run') {
        this.checkReferences(file, { attributes: [], blocks: [block] }, module, { runs });
        continue;
      }
      const name = block.labels[0];
      if (seenRuns.has(name)) this.report(file, block.line, 'duplicate-declaration', `run "${name}" is declared twice`);
      seenRuns.set(name, block.line);
      const moduleBlock = block.body.blocks.find((b) => b.type === 'module');
      let target = module;
      if (moduleBlock) {
        const source = attribute(moduleBlock.body, 'source');
        target = source ? await this.calledModule(source, moduleDir, file, `run "${name}"`) : null;
      }
      const runVariables = block.body.blocks.filter((b) => b.type === 'variables').flatMap((b) => b.body.attributes);
      if (target) {
        const passed = [...new Map([...fileVariables, ...runVariables].map((a) => [a.name, a])).values()];
        this.checkInputs(file, block.line, `run "${name}"`, target, runVariables, { requireAll: false });
        const given = new Set(passed.map((p) => p.name));
        for (const [variable, spec] of target.decls.variables) {
          if (spec.required && !given.has(variable)) {
            this.report(file, block.line, 'missing-module-input', `run "${name}": required input "${variable}" of ${relative(this.base, target.dir)} is not set`);
          }
        }
        this.checkReferences(file, { attributes: [], blocks: [block] }, target, { runs });
      }
      runs.add(name);
    }
  }
}

/** Names declared by a module's files, plus duplicate declarations. */
function declarations(files) {
  const d = {
    variables: new Map(), locals: new Map(), outputs: new Map(), resources: new Map(), data: new Map(),
    modules: new Map(), requiredProviders: new Set(), requiredVersion: false, duplicates: [],
  };
  const add = (map, key, value, what) => {
    if (map.has(key)) {
      d.duplicates.push({ file: value.file, line: value.line, message: `${what} is declared twice (first at ${basename(map.get(key).file)}:${map.get(key).line})` });
    } else {
      map.set(key, value);
    }
  };
  for (const { file, body } of files) {
    for (const block of body.blocks) {
      const at = { file, line: block.line };
      const [a, b] = block.labels;
      switch (block.type) {
        case 'variable':
          add(d.variables, a, { ...at, required: !attribute(block.body, 'default') }, `variable "${a}"`);
          break;
        case 'output': add(d.outputs, a, at, `output "${a}"`); break;
        case 'resource': add(d.resources, `${a}.${b}`, at, `resource "${a}" "${b}"`); break;
        case 'data': add(d.data, `${a}.${b}`, at, `data "${a}" "${b}"`); break;
        case 'check':
          for (const inner of block.body.blocks.filter((x) => x.type === 'data')) {
            add(d.data, `${inner.labels[0]}.${inner.labels[1]}`, { file, line: inner.line }, `data "${inner.labels[0]}" "${inner.labels[1]}"`);
          }
          break;
        case 'module': {
          const source = attribute(block.body, 'source');
          let dir = null;
          try {
            const value = JSON.parse(source?.expr ?? 'null');
            if (typeof value === 'string' && (value.startsWith('./') || value.startsWith('../'))) dir = resolve(dirname(file), value);
          } catch { /* not a literal: not followed */ }
          add(d.modules, a, { ...at, dir }, `module "${a}"`);
          break;
        }
        case 'locals':
          for (const attr of block.body.attributes) add(d.locals, attr.name, { file, line: attr.line }, `local value "${attr.name}"`);
          break;
        case 'terraform':
          if (attribute(block.body, 'required_version')) d.requiredVersion = true;
          for (const rp of block.body.blocks.filter((x) => x.type === 'required_providers')) {
            for (const attr of rp.body.attributes) d.requiredProviders.add(attr.name);
          }
          break;
        default: break;
      }
    }
  }
  return d;
}

function attribute(body, name) {
  return body.attributes.find((a) => a.name === name);
}

function firstLine(body) {
  const lines = [...body.attributes.map((a) => a.line), ...body.blocks.map((b) => b.line)];
  return lines.length ? Math.min(...lines) - 1 || 1 : 1;
}

function withExtraAttributes(schema, names) {
  return { ...schema, attributes: { ...schema.attributes, ...Object.fromEntries(names.map((n) => [n, { required: false }])) } };
}

function suggest(name, schema) {
  return suggestFrom(name, [...Object.keys(schema.attributes), ...Object.keys(schema.blocks)]);
}

function suggestFrom(name, candidates) {
  let best = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) { best = candidate; bestDistance = distance; }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

export { BUILTIN_COMPUTED };
