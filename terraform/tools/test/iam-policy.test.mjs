// Every IAM policy statement written in the modules: no wildcard action, no "*" resource beyond the documented
// exceptions (lib/iam.mjs WILDCARD_RESOURCE_EXCEPTIONS, also listed in docs/terraform.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findStatements, wildcardViolations } from '../lib/iam.mjs';
import { findTerraformFiles } from '../lib/validator.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const terraformRoot = join(here, '..', '..');


function statementsOf(path) {
  return findTerraformFiles([path]).filter((f) => f.endsWith('.tf')).flatMap((f) => {
    const statements = findStatements(f);
    return statements.map((s) => ({ ...s, file: relative(terraformRoot, f) }));
  });
}

test('modules_policyStatements_haveNoWildcardsBeyondDocumentedExceptions', () => {
  const statements = statementsOf(join(terraformRoot, 'modules'));
  assert.ok(statements.length >= 30, `expected the modules' statements to be found, got ${statements.length}`);
  assert.deepEqual(wildcardViolations(statements), []);
});

test('modules_policyStatements_includeTheDocumentedExceptionsOnly', () => {
  const wildcard = statementsOf(join(terraformRoot, 'modules')).filter((s) => s.resources.includes('*'));
  assert.deepEqual(wildcard.map((s) => s.sid).sort(), ['DescribeServerlessCollection', 'ManageVpcNetworkInterfaces', 'WriteTraces']);
});

test('examples_policyStatements_haveNoWildcards', () => {
  assert.deepEqual(wildcardViolations(statementsOf(join(terraformRoot, 'examples'))), []);
});

test('wildcardFixture_reportsEveryKindOfViolation', () => {
  const problems = wildcardViolations(statementsOf(join(here, 'fixtures', 'iam-wildcards')));
  const text = problems.join('\n');
  assert.match(text, /AllOfOpenSearch\): wildcard action "es:\*"/);
  assert.match(text, /Anything\): resource "\*" is not a documented exception/);
  assert.match(text, /ManageVpcNetworkInterfaces\): resource "\*" exception ManageVpcNetworkInterfaces allows only/);
  assert.match(text, /FromAList\): wildcard action "kinesis:\*"/);
  assert.match(text, /main\.tf:\d+: resource "\*" is not a documented exception/); // the jsonencode statement
  assert.equal(problems.length, 5, text);
});

