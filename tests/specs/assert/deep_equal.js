// deepEqual (loose) and deepStrictEqual (strict) truth tables.
const assert = require('assert');
const util = require('util');

function check(name, a, b) {
  let loose = 'eq';
  let strict = 'eq';
  try {
    assert.deepEqual(a, b);
  } catch {
    loose = 'ne';
  }
  try {
    assert.deepStrictEqual(a, b);
  } catch {
    strict = 'ne';
  }
  const notLoose = (() => { try { assert.notDeepEqual(a, b); return 'ne'; } catch { return 'eq'; } })();
  const isDeep = util.isDeepStrictEqual(a, b) ? 'eq' : 'ne';
  console.log(`${name}: loose=${loose} strict=${strict} notDeepEqual=${notLoose} isDeepStrictEqual=${isDeep}`);
}

check('numbers', 1, 1);
check('number/string', 1, '1');
check('null/undefined', null, undefined);
check('NaN', NaN, NaN);
check('-0/0', -0, 0);
check('[-0]/[0]', [-0], [0]);
check('objects', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 });
check('object extra key', { a: 1 }, { a: 1, b: undefined });
check('loose values', { a: 1 }, { a: '1' });
check('arrays', [1, 2, 3], [1, 2, 3]);
check('array vs object', [1], { 0: 1 });
check('sparse', [1, , 3], [1, undefined, 3]);
check('array extra prop', Object.assign([1], { x: 1 }), [1]);
check('prototype', Object.create(null), {});
check('class', new (class A {})(), {});
check('dates', new Date(0), new Date(0));
check('dates differ', new Date(0), new Date(1));
check('date props', Object.assign(new Date(0), { a: 1 }), new Date(0));
check('regexps', /a/g, /a/g);
check('regexp flags', /a/g, /a/i);
check('regexp lastIndex', Object.assign(/a/g, { lastIndex: 1 }), /a/g);
check('errors', new Error('x'), new Error('x'));
check('errors message', new Error('x'), new Error('y'));
check('errors type', new Error('x'), new TypeError('x'));
check('error props', Object.assign(new Error('x'), { code: 1 }), Object.assign(new Error('x'), { code: 2 }));
check('error cause', new Error('x', { cause: 1 }), new Error('x', { cause: 2 }));
check('maps', new Map([[1, 'a']]), new Map([[1, 'a']]));
check('maps loose keys', new Map([[1, 'a']]), new Map([['1', 'a']]));
check('maps object keys', new Map([[{ a: 1 }, 'x']]), new Map([[{ a: 1 }, 'x']]));
check('maps differ', new Map([[1, 'a']]), new Map([[1, 'b']]));
check('sets', new Set([1, 2]), new Set([2, 1]));
check('sets loose', new Set([1]), new Set(['1']));
check('sets objects', new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }]));
check('sets null/undefined', new Set([null]), new Set([undefined]));
check('typed arrays', new Uint8Array([1, 2]), new Uint8Array([1, 2]));
check('typed array types', new Uint8Array([1]), new Int8Array([1]));
check('float NaN', new Float64Array([NaN]), new Float64Array([NaN]));
check('float -0', new Float64Array([0]), new Float64Array([-0]));
check('buffers', Buffer.from('ab'), Buffer.from('ab'));
check('buffer vs uint8', Buffer.from('ab'), new Uint8Array([97, 98]));
check('array buffers', new ArrayBuffer(2), new ArrayBuffer(2));
check('array buffer sizes', new ArrayBuffer(2), new ArrayBuffer(3));
check('boxed', new Number(1), new Number(1));
check('boxed differ', new Number(1), new Number(2));
check('boxed vs primitive', new String('a'), 'a');
check('symbols keys', { [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 2 });
check('non-enumerable', Object.defineProperty({}, 'x', { value: 1 }), {});
check('functions same', check, check);
check('functions differ', () => {}, () => {});
check('weakmaps', new WeakMap(), new WeakMap());
check('promises', Promise.resolve(1), Promise.resolve(2));
check('arguments', (function () { return arguments; })(1), [1]);
check('arguments both', (function () { return arguments; })(1), (function () { return arguments; })(1));
check('boxed symbol', Object(Symbol.iterator), Object(Symbol.iterator));
{
  const a = { x: 1 };
  a.self = a;
  const b = { x: 1 };
  b.self = b;
  check('circular', a, b);
  const c = { x: 1 };
  c.self = { x: 1, self: c };
  check('circular shifted', a, c);
}
check('nested', { a: [{ b: new Map([[1, new Set([1])]]) }] }, { a: [{ b: new Map([[1, new Set([1])]]) }] });
check('nested differ', { a: [{ b: new Map([[1, new Set([1])]]) }] }, { a: [{ b: new Map([[1, new Set([2])]]) }] });
