// assert.ok/equal/notEqual/strictEqual/... : pass cases, error properties and messages.
const assert = require('assert');

function show(fn) {
  try {
    fn();
    console.log('passed');
  } catch (err) {
    console.log(`${err.name} ${err.code} generated=${err.generatedMessage} operator=${err.operator}`);
    console.log(JSON.stringify(err.message));
  }
}

show(() => assert(true));
show(() => assert.ok(1));
show(() => assert.equal(1, '1'));
show(() => assert.equal(null, undefined));
show(() => assert.equal(NaN, NaN));
show(() => assert.notEqual(1, 2));
show(() => assert.strictEqual(NaN, NaN));
show(() => assert.notStrictEqual(0, -0));
show(() => assert.deepEqual({ a: [1, '2'] }, { a: ['1', 2] }));
show(() => assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 2] }));

show(() => assert.ok(false, 'custom message'));
show(() => assert.ok(0, new TypeError('thrown as is')));
show(() => assert.ok());
show(() => assert.equal(1, 2));
show(() => assert.equal(1, 2, 'equal message'));
show(() => assert.notEqual(1, '1'));
show(() => assert.notEqual(NaN, NaN));
show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual(1, '1'));
show(() => assert.strictEqual(0, -0));
show(() => assert.strictEqual(null, undefined));
show(() => assert.strictEqual('a'.repeat(10), 'b'.repeat(10)));
show(() => assert.strictEqual('hello world', 'hello there'));
show(() => assert.strictEqual(1, 2, new RangeError('custom error')));
show(() => assert.notStrictEqual(5, 5));
show(() => assert.notStrictEqual('long string value', 'long string value'));
show(() => assert.notStrictEqual([1].length, 1, 'not strict message'));
{
  const obj = { a: 1 };
  show(() => assert.notStrictEqual(obj, obj));
  const empty = {};
  show(() => assert.notStrictEqual(empty, empty));
}
show(() => assert.deepEqual({ a: 1 }, { a: 2 }));
show(() => assert.deepEqual('x'.repeat(600), 'y'));
show(() => assert.notDeepEqual({ a: 1 }, { a: 1 }));
show(() => assert.notDeepEqual({ a: 1 }, { a: '1' }));
show(() => assert.notDeepEqual([1, 2], ['1', '2']));
show(() => assert.notDeepStrictEqual([1, 2, 3], [1, 2, 3]));
show(() => assert.notDeepStrictEqual(Array(60).fill(1), Array(60).fill(1)));
show(() => assert.equal(1));
show(() => assert.strictEqual());
show(() => assert.notDeepStrictEqual(undefined));
show(() => assert.match('abc', /b/));
show(() => assert.match('abc', /x/));
show(() => assert.match('abc', /x/, 'match message'));
show(() => assert.match(123, /x/));
show(() => assert.match('abc', 'x'));
show(() => assert.doesNotMatch('abc', /x/));
show(() => assert.doesNotMatch('abc', /b/));
show(() => assert.doesNotMatch('abc', /b/, new Error('as error')));
show(() => assert.ifError(null));
show(() => assert.ifError(undefined));
show(() => assert.ifError(new Error('bad thing')));
show(() => assert.ifError('a string'));
show(() => assert.ifError(0));
show(() => assert.ifError(new TypeError('')));
show(() => assert.fail());
show(() => assert.fail('fail message'));
show(() => assert.fail(new TypeError('fail error')));
show(() => assert.fail(undefined));

console.log(Object.keys(assert).join(' '));
console.log(Object.keys(assert.strict).join(' '));
console.log(assert.strict.strict === assert.strict, require('assert/strict') === assert.strict);
console.log(assert.strict.equal === assert.strictEqual, assert.strict.deepEqual === assert.deepStrictEqual);
console.log(assert.strict.notEqual === assert.notStrictEqual, assert.strict.notDeepEqual === assert.notDeepStrictEqual);
show(() => assert.strict.equal(1, '1'));
show(() => assert.strict.deepEqual([1], ['1']));
show(() => assert.strict(0, 'strict ok'));
