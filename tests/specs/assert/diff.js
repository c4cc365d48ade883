// The `+ actual - expected` diff messages of strictEqual / deepStrictEqual.
const assert = require('assert');

function show(fn) {
  try {
    fn();
    console.log('passed');
  } catch (err) {
    console.log(err.message);
    console.log('-----');
  }
}

show(() => assert.strictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }));
show(() => assert.strictEqual([], []));
show(() => assert.strictEqual(new Error('foo'), new Error('foobar')));
show(() => assert.strictEqual({ a: 1 }, { a: 2 }));
show(() => assert.strictEqual(function f() {}, function f() {}));
show(() => assert.strictEqual('x'.repeat(50), 'x'.repeat(49) + 'y'));
show(() => assert.strictEqual('multi\nline\nstring', 'multi\nline\nstrong'));
show(() => assert.strictEqual(111554n, 11111115));
show(() => assert.strictEqual('A'.repeat(100), ''));
show(() => assert.deepStrictEqual({ a: 1, b: [1, 2, 3], c: { d: 'x' } }, { a: 1, b: [1, 2, 4], c: { d: 'y' } }));
show(() => assert.deepStrictEqual([[[1, 2, 3]], 4, 5], [[[1, 2, '3']], 4, 5]));
show(() => assert.deepStrictEqual(Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => (i === 15 ? -1 : i))));
show(() => assert.deepStrictEqual(Array.from({ length: 40 }, (_, i) => ({ i })), Array.from({ length: 40 }, (_, i) => ({ i: i * 2 }))));
show(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
show(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
show(() => assert.deepStrictEqual([1, 2, 1, 1, 0, 1, 1], [1, 1, 1, 1, 0, 1]));
show(() => assert.deepStrictEqual([1, 2, 1], undefined));
show(() => assert.deepStrictEqual([1, 2, 1], [2, 1]));
show(() => assert.deepStrictEqual(Array(28).fill(1), Array(28).fill(2)));
show(() => assert.deepStrictEqual({ a: Symbol('s') }, { a: Symbol('s') }));
show(() => assert.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]])));
show(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
show(() => assert.deepStrictEqual(new Error('a'), new Error('b')));
show(() => assert.deepStrictEqual(-0, 0));
show(() => assert.deepStrictEqual(Object.create(null), {}));
show(() => assert.deepStrictEqual({ a: 'x'.repeat(100), b: 1 }, { a: 'x'.repeat(100), b: 2 }));
show(() => assert.deepStrictEqual(Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n'), Array.from({ length: 40 }, (_, i) => (i === 20 ? 'X' : `line ${i}`)).join('\n')));
show(() => assert.deepStrictEqual({}, { [Symbol('k')]: 1 }));
show(() => assert.deepStrictEqual({ get g() { return 1; } }, { get g() { return 2; } }));
show(() => assert.deepStrictEqual([1, 2, 3], { 0: 1, 1: 2, 2: 3, length: 3 }));
show(() => assert.deepStrictEqual(new Date(0), new Date(1)));
show(() => assert.deepStrictEqual(/a/g, /a/i));
{
  const args = (function () { return arguments; })('a');
  show(() => assert.strictEqual(args, { 0: 'a' }));
}
{
  const big = Array.from({ length: 80 }, (_, i) => i);
  show(() => assert.deepStrictEqual(big, [...big.slice(0, 40), 'changed', ...big.slice(41)]));
}
{
  const obj1 = {};
  const obj2 = { loop: 'forever' };
  obj2[require('util').inspect.custom] = () => '{}';
  show(() => assert.deepStrictEqual(obj1, obj2));
}
