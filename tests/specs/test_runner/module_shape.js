// The shape of node:test and node:test/reporters, and that plain `test` is a package.
'use strict';
const test = require('node:test');

console.log(typeof test, test.name, test.length, test === test.test, test.it === test.test);
console.log(Object.keys(test));
for (const key of Object.keys(test)) {
  const value = test[key];
  console.log(key, typeof value, typeof value === 'function' ? `${value.name}/${value.length}` : '');
}
for (const fn of ['test', 'it', 'describe']) {
  console.log(fn, Object.keys(test[fn]), test[fn].skip.name, test[fn].skip.length);
}
console.log(test.mock === test.mock, test.mock.constructor.name);
console.log(require('node:test') === test);

const reporters = require('node:test/reporters');
const descriptors = Object.getOwnPropertyDescriptors(reporters);
for (const [key, d] of Object.entries(descriptors)) {
  console.log(key, d.get ? 'getter' : 'value', d.enumerable, d.configurable);
}
console.log(reporters.tap.name, reporters.dot.name, reporters.junit.name, reporters.spec.name);
console.log(reporters.lcov.constructor.name, reporters.lcov === reporters.lcov);
const spec = reporters.spec();
console.log(spec.constructor.name, typeof spec.pipe);

try {
  require('test');
} catch (err) {
  console.log(err.code, err.message.split('\n')[0]);
}
console.log(require('module').isBuiltin('node:test'), require('module').isBuiltin('test'));
