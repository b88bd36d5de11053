// Finds the IAM policy statements written in Terraform files and checks them for wildcards.
//
// Statements come from two places:
//   - `statement` blocks (and `dynamic "statement"` content) of data "aws_iam_policy_document";
//   - object literals in any expression that carry action/resource keys: jsonencode({ Statement = [{ Action = ..,
//     Resource = .. }] }), lists of statement objects passed between modules ({ sid, actions, resources }),
//     and OpenSearch Serverless access-policy rules ({ Resource, Permission }).
// Only literal strings can be judged; an action or resource given by a variable is checked where that variable is
// validated (kinesis-consumer-lambda refuses wildcards in policy_statements).
import { readFileSync } from 'node:fs';
import { readStructure } from './structure.mjs';

const ACTION_KEYS = new Set(['actions', 'Action', 'Permission']);
const NOT_ACTION_KEYS = new Set(['not_actions', 'NotAction', 'not_resources', 'NotResource']);
const RESOURCE_KEYS = new Set(['resources', 'Resource']);

/**
 * Resource "*" is allowed only for these statements, whose actions AWS does not scope to resources. Each entry:
 * the statement id, the only actions it may hold, and why.
 */
export const WILDCARD_RESOURCE_EXCEPTIONS = [
  {
    sid: 'ManageVpcNetworkInterfaces',
    actions: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface',
      'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
    reason: 'Lambda needs these to attach a function to a VPC; the EC2 network-interface actions do not support '
      + 'resource-level permissions (the AWSLambdaVPCAccessExecutionRole managed policy uses "*" as well). Only '
      + 'present when vpc_config is set.',
  },
  {
    sid: 'DescribeServerlessCollection',
    actions: ['aoss:BatchGetCollection'],
    reason: 'OpenSearch Serverless BatchGetCollection has no resource-level permission; kinesis-to-es narrows it to '
      + 'one collection with the aoss:collection condition. Only present with es_sigv4_service = "aoss" and a '
      + 'collection name.',
  },
  {
    sid: 'WriteTraces',
    actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
    reason: 'X-Ray trace upload actions do not support resource-level permissions. Only present with tracing_mode = Active.',
  },
];

/** @returns {{ file: string, line: number, sid: string|null, actions: string[], resources: string[], negated: string[] }[]} */
export function findStatements(file, text = readFileSync(file, 'utf8')) {
  const statements = [];
  const body = readStructure(text);
  const visit = (b, insidePolicyDocument) => {
    for (const block of b.blocks) {
      const isDocument = block.type === 'data' && block.labels[0] === 'aws_iam_policy_document';
      if (insidePolicyDocument && (block.type === 'statement'
          || (block.type === 'dynamic' && block.labels[0] === 'statement'))) {
        const content = block.type === 'dynamic' ? block.body.blocks.find((x) => x.type === 'content')?.body : block.body;
        if (content) statements.push(fromAttributes(file, block.line, content.attributes));
        continue;
      }
      visit(block.body, insidePolicyDocument || isDocument);
    }
    for (const attr of b.attributes) {
      for (const object of objectLiterals(attr.expr)) {
        const statement = fromObjectLiteral(file, attr.line, object);
        if (statement) statements.push(statement);
      }
    }
  };
  visit(body, false);
  return statements;
}

/** Violations of the wildcard rules in the given statements. */
export function wildcardViolations(statements) {
  const problems = [];
  for (const s of statements) {
    const where = `${s.file}:${s.line}${s.sid ? ` (${s.sid})` : ''}`;
    for (const action of s.actions) {
      if (action.includes('*')) problems.push(`${where}: wildcard action "${action}"`);
    }
    for (const key of s.negated) problems.push(`${where}: ${key} grants everything not listed`);
    if (s.resources.includes('*')) {
      const exception = WILDCARD_RESOURCE_EXCEPTIONS.find((e) => e.sid === s.sid);
      if (!exception) {
        problems.push(`${where}: resource "*" is not a documented exception`);
      } else if (s.actions.length === 0 || s.actions.some((a) => !exception.actions.includes(a))) {
        problems.push(`${where}: resource "*" exception ${exception.sid} allows only ${exception.actions.join(', ')}`);
      }
    }
  }
  return problems;
}

function fromAttributes(file, line, attributes) {
  const get = (name) => attributes.find((a) => a.name === name)?.expr;
  const sid = get('sid');
  return {
    file, line,
    sid: sid ? stringLiterals(sid)[0] ?? null : null,
    actions: stringLiterals(get('actions') ?? ''),
    resources: stringLiterals(get('resources') ?? ''),
    negated: ['not_actions', 'not_resources'].filter((n) => get(n)),
  };
}

function fromObjectLiteral(file, line, object) {
  const entries = topLevelEntries(object);
  const keys = Object.keys(entries);
  if (!keys.some((k) => ACTION_KEYS.has(k) || RESOURCE_KEYS.has(k) || NOT_ACTION_KEYS.has(k))) return null;
  const sidKey = keys.find((k) => k === 'sid' || k === 'Sid');
  return {
    file, line,
    sid: sidKey ? stringLiterals(entries[sidKey])[0] ?? null : null,
    actions: keys.filter((k) => ACTION_KEYS.has(k)).flatMap((k) => stringLiterals(entries[k])),
    resources: keys.filter((k) => RESOURCE_KEYS.has(k)).flatMap((k) => stringLiterals(entries[k])),
    negated: keys.filter((k) => NOT_ACTION_KEYS.has(k)),
  };
}

/** Splits text into string tokens (with their interpolations) and code, so braces in strings are skipped. */
function tokens(text) {
  const out = [];
  let i = 0;
  let code = '';
  while (i < text.length) {
    if (text[i] !== '"') { code += text[i++]; continue; }
    if (code) { out.push({ code }); code = ''; }
    let j = i + 1;
    let depth = 0;
    while (j < text.length) {
      const c = text[j];
      if (c === '\\') { j += 2; continue; }
      if (depth === 0 && c === '"') break;
      if ((c === '$' || c === '%') && text[j + 1] === '{') { depth++; j += 2; continue; }
      if (depth > 0 && c === '}') depth--;
      else if (depth > 0 && c === '{') depth++;
      j++;
    }
    out.push({ string: text.slice(i + 1, j) });
    i = j + 1;
  }
  if (code) out.push({ code });
  return out;
}

/** Every `{ ... }` object literal in an expression, outermost first, as source text without the braces. */
function objectLiterals(expr) {
  const result = [];
  const stack = [];
  let text = '';
  for (const token of tokens(expr)) {
    if (token.string !== undefined) { text += `"${token.string}"`; continue; }
    for (const c of token.code) {
      if (c === '{') stack.push(text.length + 1);
      if (c === '}' && stack.length) result.push(text.slice(stack.pop(), text.length));
      text += c;
    }
  }
  return result;
}

/** `key = value` pairs at the top level of an object literal's text. */
function topLevelEntries(object) {
  let flat = '';
  let depth = 0;
  for (const token of tokens(object)) {
    if (token.string !== undefined) { flat += depth ? ' '.repeat(token.string.length + 2) : `"${token.string}"`; continue; }
    for (const c of token.code) {
      if (c === '{' || c === '(') depth++;
      if (c === '}' || c === ')') depth--;
      flat += depth > 0 && c !== '{' && c !== '(' ? (c === '\n' ? '\n' : ' ') : c;
    }
  }
  const entries = {};
  const keyPattern = /(?:^|[\s,{])("?)([A-Za-z_][\w-]*)\1\s*[=:]\s*/g;
  const matches = [...flat.matchAll(keyPattern)];
  matches.forEach((m, index) => {
    const start = m.index + m[0].length;
    const end = index + 1 < matches.length ? matches[index + 1].index : flat.length;
    entries[m[2]] = object.slice(start, end);
  });
  return entries;
}

function stringLiterals(expr) {
  return tokens(expr).filter((t) => t.string !== undefined).map((t) => t.string);
}
