// Installs the repository's npm packages (the local Kinesis servers kinesis-local and kinesalite) with
// `npm ci` when node_modules is missing or older than package-lock.json; does nothing otherwise, so builds
// running side by side do not wipe each other's node_modules. Run by testing-internal's pom (exec-maven-plugin)
// with the repository root as the only argument.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(process.argv[2] || '.');
const lockFile = path.join(root, 'package-lock.json');
// npm writes this hidden lockfile after every install: its age is the age of node_modules.
const installedMarker = path.join(root, 'node_modules', '.package-lock.json');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch (e) {
    return -1;
  }
}

const lockTime = mtime(lockFile);
if (lockTime < 0) {
  console.error('npm-ci-if-stale: no package-lock.json in ' + root);
  process.exit(1);
}
const installedTime = mtime(installedMarker);
if (installedTime >= lockTime) {
  console.log('npm-ci-if-stale: node_modules is up to date with package-lock.json');
  process.exit(0);
}
console.log('npm-ci-if-stale: ' + (installedTime < 0 ? 'node_modules is missing' : 'node_modules is older than package-lock.json')
    + '; running npm ci in ' + root);
// --ignore-scripts: no install scripts run (leveldown's native build is not needed: kinesalite runs in memory).
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (result.error) {
  console.error('npm-ci-if-stale: cannot run npm: ' + result.error.message);
  process.exit(1);
}
process.exit(result.status === null ? 1 : result.status);
