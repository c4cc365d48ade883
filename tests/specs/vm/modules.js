// vm.SourceTextModule / vm.SyntheticModule run in a child with --experimental-vm-modules
// (fixtures/modules.mjs); without the flag the classes are not exported.
'use strict';
const vm = require('vm');
const { spawnSync } = require('child_process');
const path = require('path');

console.log(typeof vm.Module, typeof vm.SourceTextModule, typeof vm.SyntheticModule);
const child = spawnSync(process.execPath, ['--experimental-vm-modules', path.join(__dirname, 'fixtures', 'modules.mjs')]);
console.log(child.status);
process.stdout.write(child.stdout);
