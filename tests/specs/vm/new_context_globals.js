// A new context has only the JavaScript built-ins: none of Node's globals.
'use strict';
const vm = require('vm');

const names = ['process', 'require', 'Buffer', 'global', 'setTimeout', 'module', 'URL', 'structuredClone'];
console.log(vm.runInNewContext(`[${names.map((n) => `typeof ${n}`).join(', ')}]`));
const own = vm.runInNewContext('Object.getOwnPropertyNames(this)');
console.log(names.filter((n) => own.includes(n)));
console.log(['Object', 'Array', 'Promise', 'JSON', 'Math', 'globalThis', 'WebAssembly'].every((n) => own.includes(n)));
console.log(vm.runInNewContext('Object.keys(this)', { a: 1 }));
