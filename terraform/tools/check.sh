#!/usr/bin/env bash
# Offline checks of terraform/ (no terraform binary, no network beyond the npm registry for `npm ci`):
#   1. npm ci (only when node_modules is missing or older than the lock file; devDependencies are skipped:
#      the AWS provider schema package is needed only to regenerate schema/providers.json)
#   2. the validator over modules/ and examples/ (schema, references, module inputs, types, descriptions)
#   3. README inputs/outputs tables are current
#   4. node --test: validator fixtures, IAM wildcard test, zero findings on the real modules
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ ! -d node_modules/@cdktf/hcl2json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "== npm ci (terraform/tools)"
  npm ci --omit=dev --ignore-scripts --no-audit --no-fund
fi

echo "== terraform validator"
node validate.mjs

echo "== README tables"
node readme.mjs --check

echo "== node --test"
node --test test/
