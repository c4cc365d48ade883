// exit: 1
// An uncaught error from vm code: stdout before it, the report goes to stderr.
'use strict';
const vm = require('vm');
console.log('before');
vm.runInNewContext('throw new Error("uncaught in vm")', {}, { filename: 'vm-file.js' });
console.log('never');
