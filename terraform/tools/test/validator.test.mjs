// The validator against one fixture per kind of mistake, and against the real modules and examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '../lib/validator.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
const terraformRoot = join(here, '..', '..');

async function findingsOf(fixture) {
  return validate([join(fixtures, fixture)], { base: fixtures });
}

/** The fixture yields exactly one finding, of the given rule, on the given line, matching the message. */
async function assertSingleFinding(fixture, rule, line, message) {
  const findings = await findingsOf(fixture);
  assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
  assert.equal(findings[0].rule, rule);
  assert.equal(findings[0].file, join(fixture, 'main.tf'));
  assert.equal(findings[0].line, line);
  assert.match(findings[0].message, message);
}

test('validate_whenFixtureIsValid_reportsNothing', async () => {
  assert.deepEqual(await findingsOf('valid'), []);
});

test('validate_whenSyntaxError_reportsSyntaxWithPosition', async () => {
  await assertSingleFinding('syntax-error', 'syntax', 13, /Unclosed configuration block/);
});

test('validate_whenResourceTypeUnknown_reportsUnknownResourceType', async () => {
  await assertSingleFinding('unknown-resource-type', 'unknown-resource-type', 13,
    /"aws_kinesis_streams" does not exist in hashicorp\/aws 6\.25\.0/);
});

test('validate_whenArgumentUnknown_reportsUnknownArgument', async () => {
  await assertSingleFinding('unknown-argument', 'unknown-argument', 16, /unknown argument "shards"/);
});

test('validate_whenRequiredArgumentMissing_reportsMissingRequiredArgument', async () => {
  await assertSingleFinding('missing-required-argument', 'missing-required-argument', 13,
    /aws_iam_role_policy" "read": required argument "role" is missing/);
});

test('validate_whenBlockWrittenAsAttribute_reportsBlockAsAttribute', async () => {
  await assertSingleFinding('block-as-attribute', 'block-as-attribute', 15,
    /"stream_mode_details" is a block; write `stream_mode_details \{ \.\.\. \}`/);
});

test('validate_whenVariableUndeclared_reportsUndeclaredReference', async () => {
  await assertSingleFinding('undeclared-variable', 'undeclared-reference', 15,
    /var\.retention_hours: no variable "retention_hours" is declared/);
});

test('validate_whenResourceDeclaredTwice_reportsDuplicateDeclaration', async () => {
  await assertSingleFinding('duplicate-resource', 'duplicate-declaration', 17,
    /resource "aws_kinesis_stream" "logs" is declared twice \(first at main\.tf:13\)/);
});

test('validate_whenModuleInputUnknown_reportsUnknownModuleInput', async () => {
  await assertSingleFinding('unknown-module-input', 'unknown-module-input', 17,
    /module "stream": "shard_count" is not a variable of unknown-module-input\/child/);
});

test('validate_whenRequiredModuleInputMissing_reportsMissingModuleInput', async () => {
  await assertSingleFinding('missing-module-input', 'missing-module-input', 13,
    /module "stream": required input "stream_name" of missing-module-input\/child is not set/);
});

test('validate_whenReferencedAttributeUnknown_reportsItWithSuggestion', async () => {
  await assertSingleFinding('unknown-attribute-reference', 'undeclared-reference', 19,
    /aws_kinesis_stream\.logs\.arnn: "aws_kinesis_stream" has no attribute "arnn" \(did you mean "arn"\?\)/);
});

test('validate_whenDynamicBlockContentHasUnknownArgument_reportsUnknownArgument', async () => {
  await assertSingleFinding('dynamic-unknown-argument', 'unknown-argument', 22, /vpc_config: unknown argument "subnets"/);
});

test('validate_whenVariableUntypedUndescribedOrAny_reportsEach', async () => {
  const findings = await findingsOf('variable-untyped');
  assert.deepEqual(findings.map((f) => [f.rule, f.line]), [
    ['description-missing', 13], ['variable-type-missing', 13], ['variable-any-type', 19],
  ]);
});

test('validate_whenTestRunSetsUnknownVariable_reportsUnknownModuleInput', async () => {
  const findings = await findingsOf('test-unknown-variable');
  assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
  assert.equal(findings[0].file, join('test-unknown-variable', 'tests', 'stream.tftest.hcl'));
  assert.equal(findings[0].rule, 'unknown-module-input');
  assert.match(findings[0].message, /run "named_stream": "shard_count" is not a variable/);
});

test('validate_whenTfvarsExampleSetsUnknownVariable_reportsUnknownModuleInput', async () => {
  const findings = await findingsOf('tfvars-unknown-variable');
  assert.deepEqual(findings.map((f) => [f.file, f.line, f.rule]),
    [[join('tfvars-unknown-variable', 'terraform.tfvars.example'), 2, 'unknown-module-input']]);
});

test('validate_modulesAndExamples_haveZeroFindings', async () => {
  const findings = await validate([join(terraformRoot, 'modules'), join(terraformRoot, 'examples')], { base: terraformRoot });
  assert.deepEqual(findings, []);
});
