// vm.Script and the run* functions: results, options, cached data and decorated errors.
'use strict';
const vm = require('vm');

const script = new vm.Script('count += 1; name', { filename: 'counter.js' });
const a = { count: 0, name: 'a' };
vm.createContext(a);
console.log(script.runInContext(a), script.runInContext(a), a.count);
console.log(script.runInNewContext({ count: 10, name: 'new' }));
globalThis.count = 100;
globalThis.name = 'this';
console.log(script.runInThisContext(), globalThis.count);
delete globalThis.count;
delete globalThis.name;

console.log(vm.runInThisContext('typeof require'), vm.runInNewContext('typeof require'));
console.log(vm.runInThisContext('1 + 1', 'string-filename.js'));
console.log(vm.runInNewContext('a + b', { a: 1, b: 2 }, 'file.js'));

// Declarations in runInThisContext land on the real global.
vm.runInThisContext('var declaredByVm = 1');
console.log(typeof declaredByVm, Object.getOwnPropertyDescriptor(globalThis, 'declaredByVm').configurable);

// Errors carry the source arrow in their stack (displayErrors), with offsets applied.
function firstLines(fn, n) {
  try {
    fn();
  } catch (e) {
    return e.stack.split('\n').slice(0, n);
  }
}
console.log(firstLines(() => vm.runInThisContext(' throw new Error("boom")', { filename: 'f.js', lineOffset: 3, columnOffset: 10 }), 6));
console.log(firstLines(() => vm.runInThisContext('throw new Error("quiet")', { filename: 'q.js', displayErrors: false }), 2));
console.log(firstLines(() => new vm.Script('let x = ;', { filename: 'syntax.js' }), 5));
console.log(firstLines(() => vm.runInNewContext('({}).missing.prop', {}, { filename: 'ref.js' }), 6));
try {
  vm.runInThisContext('throw 42');
} catch (e) {
  console.log('primitive', e);
}
try {
  vm.runInThisContext('throw { stack: "S" }', { filename: 'obj.js' });
} catch (e) {
  console.log(JSON.stringify(e.stack));
}

// Cached data.
const src = 'function add(x, y) { return x + y; } add(2, 3)';
const producer = new vm.Script(src, { produceCachedData: true });
console.log(Buffer.isBuffer(producer.cachedData), producer.cachedDataProduced, Object.keys(producer));
const consumer = new vm.Script(src, { cachedData: producer.cachedData });
console.log(consumer.cachedDataRejected, consumer.runInThisContext(), Object.keys(consumer));
const created = producer.createCachedData();
console.log(Buffer.isBuffer(created), new vm.Script(src, { cachedData: new Uint8Array(created) }).cachedDataRejected);
console.log(new vm.Script('"other source"', { cachedData: created }).cachedDataRejected);

// The Script surface.
console.log(Object.getOwnPropertyNames(vm.Script.prototype));
console.log(vm.createScript('1') instanceof vm.Script, typeof vm.Script.prototype.createCachedData);
try {
  new vm.Script('').runInNewContext.call('x');
} catch (e) {
  console.log(e.name, e.message);
}
console.log(Object.keys(vm), vm.constants);
