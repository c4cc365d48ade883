// util.inspect of Map, Set, weak collections, iterators, promises, proxies, boxed
// primitives, dates and regular expressions.
const { inspect } = require('util');

console.log(inspect(new Map()));
console.log(inspect(new Map([[1, 'one'], ['two', 2], [{ k: 1 }, [1, 2]]])));
console.log(inspect(new Map([[NaN, -0]])));
console.log(inspect(Object.assign(new Map([[1, 2]]), { extra: true })));
console.log(inspect(new Map(Array.from({ length: 5 }, (_, i) => [i, i])), { maxArrayLength: 2 }));
console.log(inspect(new Set()));
console.log(inspect(new Set([1, 'a', [1, 2], { b: 2 }])));
console.log(inspect(new Set(Array.from({ length: 105 }, (_, i) => i))));
console.log(inspect(new Set([1, 2, 3]), { maxArrayLength: 1 }));
console.log(inspect(Object.setPrototypeOf(new Map([[1, 2]]), null)));
console.log(inspect(Object.setPrototypeOf(new Set([1]), null)));
console.log(inspect(new Map([[{ a: 1, b: 2 }, { c: [1, 2, 3] }]]), { compact: false }));
console.log(inspect(new Set([{ a: 1 }]), { compact: false }));

console.log(inspect(new WeakMap()));
console.log(inspect(new WeakSet()));
console.log(inspect(new WeakMap([[{}, 1]]), { showHidden: true }));
console.log(inspect(new WeakSet([{ a: 1 }]), { showHidden: true }));

const map = new Map([['a', 1], ['b', { c: 2 }]]);
console.log(inspect(map.entries()));
console.log(inspect(map.keys()));
console.log(inspect(map.values()));
console.log(inspect(map[Symbol.iterator]()));
const set = new Set([1, 'x']);
console.log(inspect(set.values()));
console.log(inspect(set.entries()));
{
  const it = map.keys();
  it.next();
  console.log(inspect(it));
}
console.log(inspect(new Map([[1, 2], [3, 4]]).entries(), { maxArrayLength: 1 }));
console.log(inspect([1, 2].values()));
console.log(inspect('ab'[Symbol.iterator]()));
console.log(inspect((function* () {})()));

console.log(inspect(Promise.resolve(42)));
console.log(inspect(Promise.resolve({ nested: { value: [1, 2] } })));
console.log(inspect(new Promise(() => {})));
{
  const rejected = Promise.reject(3);
  rejected.catch(() => {});
  console.log(inspect(rejected));
}
console.log(inspect(Object.assign(Promise.resolve('x'), { extra: 1 })));
console.log(inspect(Object.setPrototypeOf(Promise.resolve(1), null)));
console.log(inspect({ p: Promise.resolve({ a: { b: { c: 1 } } }) }));

console.log(inspect(new Proxy({ a: 1 }, {})));
console.log(inspect(new Proxy([1, 2], { get() { return 'trap'; } })));
console.log(inspect(new Proxy({ a: 1 }, {}), { showProxy: true }));
console.log(inspect(new Proxy(new Proxy({}, {}), {}), { showProxy: true }));
console.log(inspect(new Proxy(function target() {}, {})));
console.log(inspect({ nested: new Proxy({}, {}) }, { showProxy: true, depth: 0 }));
{
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  console.log(inspect(proxy));
  console.log(inspect(proxy, { showProxy: true }));
}

console.log(inspect([new Number(3), new Number(-0), new String('str'), new Boolean(false), Object(5n), Object(Symbol('s'))]));
console.log(inspect(Object.assign(new String('ab'), { extra: 1 })));
console.log(inspect(new String('ab'), { showHidden: true }));
console.log(inspect(Object.setPrototypeOf(new Number(1), null)));
console.log(inspect(new (class MyNum extends Number {})(4)));

console.log(inspect(new Date(0)));
console.log(inspect(new Date(1700000000123)));
console.log(inspect(new Date(NaN)));
console.log(inspect(Object.assign(new Date(0), { extra: 1 })));
console.log(inspect(new (class MyDate extends Date {})(0)));
console.log(inspect(Object.setPrototypeOf(new Date(0), null)));

console.log(inspect([/abc/, /a\/b/gimsuy, new RegExp('x', 'd'), /[\n]/]));
console.log(inspect(Object.assign(/re/, { extra: 1 })));
console.log(inspect(new (class MyRe extends RegExp {})('x')));
console.log(inspect(Object.setPrototypeOf(/x/g, null)));
console.log(inspect({ deep: { deeper: { re: Object.assign(/x/, { a: 1 }) } } }, { depth: 1 }));
