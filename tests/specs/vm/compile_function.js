// vm.compileFunction: parameters, parsing contexts, context extensions, cached data.
'use strict';
const vm = require('vm');

const add = vm.compileFunction('return a + b', ['a', 'b']);
console.log(add(2, 3), add.length, add.name, typeof add);
console.log(vm.compileFunction('return typeof require')());

const ctx = vm.createContext({ base: 100 });
const inCtx = vm.compileFunction('return base + x', ['x'], { parsingContext: ctx });
console.log(inCtx(1));
console.log(vm.compileFunction('return Array', [], { parsingContext: ctx })() === Array);

const ext = vm.compileFunction('return fromExt + fromOther', [], { contextExtensions: [{ fromExt: 1 }, { fromOther: 2 }] });
console.log(ext());

const produced = vm.compileFunction('return 1', [], { produceCachedData: true });
console.log(produced.cachedDataProduced, Buffer.isBuffer(produced.cachedData));
const consumed = vm.compileFunction('return 1', [], { cachedData: produced.cachedData });
console.log(consumed.cachedDataRejected, consumed());

try {
  vm.compileFunction('throw new Error("from function")', [], { filename: 'fn.js', lineOffset: 2 })();
} catch (e) {
  console.log(e.stack.split('\n').slice(0, 2));
}
try {
  vm.compileFunction('return )', [], { filename: 'bad.js' });
} catch (e) {
  console.log(e.stack.split('\n').slice(0, 5));
}
vm.compileFunction('', [], { lineOffset: -2147483648, columnOffset: -2147483648 });
vm.compileFunction('', [], { lineOffset: 2147483647, columnOffset: 2147483647 });
console.log('offsets ok');
