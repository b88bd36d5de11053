// The structure reader and the reference scanner on the HCL forms the modules use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readStructure } from '../lib/structure.mjs';
import { referencesIn } from '../lib/references.mjs';

const refs = (expr) => referencesIn(expr).map((r) => [r.root, ...r.parts].join('.'));

test('readStructure_tellsBlocksFromAttributesWithLines', () => {
  const body = readStructure([
    'resource "aws_lambda_function" "f" {',
    '  environment {',
    '    variables = { A = "}" }',
    '  }',
    '  vpc_config = [{ subnet_ids = [] }]',
    '  lifecycle { ignore_changes = [tags] }',
    '}',
  ].join('\n'));
  const resource = body.blocks[0];
  assert.deepEqual([resource.type, ...resource.labels, resource.line], ['resource', 'aws_lambda_function', 'f', 1]);
  assert.deepEqual(resource.body.blocks.map((b) => [b.type, b.line]), [['environment', 2], ['lifecycle', 6]]);
  assert.deepEqual(resource.body.attributes.map((a) => [a.name, a.line]), [['vpc_config', 5]]);
  assert.deepEqual(resource.body.blocks[1].body.attributes.map((a) => a.expr), ['[tags]']);
});

test('readStructure_skipsHeredocsCommentsAndNestedTemplates', () => {
  const body = readStructure([
    '# comment { not a block',
    'locals {',
    '  script = <<-EOT',
    '    echo "${var.a}" }',
    '    EOT',
    '  /* } */ name = "x-${lookup(var.m, "k}", "d")}" // trailing }',
    '  list = [',
    '    1, # }',
    '  ]',
    '}',
    'output "o" {',
    '  value = local.name',
    '}',
  ].join('\n'));
  assert.deepEqual(body.blocks.map((b) => [b.type, b.line]), [['locals', 2], ['output', 11]]);
  assert.deepEqual(body.blocks[0].body.attributes.map((a) => [a.name, a.line]), [['script', 3], ['name', 6], ['list', 7]]);
});

test('referencesIn_findsTraversalsButNotStringsForVariablesOrFunctions', () => {
  assert.deepEqual(refs('"${var.x.a}-fn"'), ['var.x.a']);
  assert.deepEqual(refs('"var.not_a_reference"'), []);
  assert.deepEqual(refs('[for k, v in var.m : v.x if k != local.z]'), ['var.m', 'local.z']);
  assert.deepEqual(refs('aws_kinesis_stream.target[each.key].arn'), ['each.key', 'aws_kinesis_stream.target.arn']);
  assert.deepEqual(refs('module.forwarder["search"].environment'), ['module.forwarder.environment']);
  assert.deepEqual(refs('data.aws_iam_policy_document.p[*].json'), ['data.aws_iam_policy_document.p.json']);
  assert.deepEqual(refs('"$${literal.text} ${local.real}"'), ['local.real']);
  assert.deepEqual(refs('<<-EOT\n  a ${var.q}\n  EOT'), ['var.q']);
  assert.deepEqual(refs('1.5 + try(var.n, 0) # var.comment'), ['var.n']);
});

test('schemaSubset_recordsProviderVersionAndSource', () => {
  const schema = JSON.parse(readFileSync(new URL('../schema/providers.json', import.meta.url), 'utf8'));
  assert.equal(schema.providers.aws.source, 'hashicorp/aws');
  assert.equal(schema.providers.aws.version, '6.25.0');
  assert.equal(schema.providers.aws.extractedFrom, '@cdktf/provider-aws@21.22.1');
  assert.equal(schema.providers.aws.resources.aws_lambda_event_source_mapping.blocks.destination_config.blocks.on_failure.attributes.destination_arn.required, true);
});
