// util.inspect of plain objects, classes, functions, getters, symbols, cycles.
const { inspect } = require('util');

console.log(inspect({}));
console.log(inspect({ a: 1, b: 'two', c: [3], d: { e: null } }));
console.log(inspect({ a: { b: { c: { d: { e: 1 } } } } }));
console.log(inspect({ 'key-dash': 1, 'with space': 2, valid_id: 3, $dollar: 4, '0': 5, 'ünï': 6, "it's": 7, '': 8 }));
console.log(inspect({ [Symbol('sym')]: 1, [Symbol()]: 2, [Symbol.iterator]: 3, regular: 4 }));
console.log(inspect({ __proto__: { inherited: true }, own: 1 }));
console.log(inspect(Object.defineProperty({}, '__proto__', { value: 1, enumerable: true })));
console.log(inspect(Object.defineProperty({ visible: 1 }, 'hidden', { value: 2 })));
console.log(inspect(Object.defineProperty({ visible: 1 }, 'hidden', { value: 2 }), { showHidden: true }));
console.log(inspect({ 'a\nb': 1, [Symbol('c\nd')]: 2 }));

// Null prototypes.
console.log(inspect(Object.create(null)));
console.log(inspect(Object.assign(Object.create(null), { a: 1 })));
console.log(inspect({ deep: { deeper: { deepest: Object.create(null) } } }));
console.log(inspect(Object.create(Object.create(null))));
console.log(inspect(Object.assign(Object.create(null), { [Symbol.toStringTag]: 'Tagged', x: 1 })));
console.log(inspect(Object.defineProperty(Object.create(null), Symbol.toStringTag, { value: 'Hidden' })));

// Classes and instances.
class Foo {
  constructor() {
    this.x = 1;
  }
  get computed() {
    return 2;
  }
  method() {}
}
class Bar extends Foo {}
class Empty {}
console.log(inspect(new Foo()));
console.log(inspect(new Bar()));
console.log(inspect(new Empty()));
console.log(inspect([Foo, Bar, Empty, class {}, class extends Foo {}]));
console.log(inspect(Object.assign(class WithProps {}, { staticProp: 1 })));
console.log(inspect(new Foo(), { showHidden: true }));
console.log(inspect(new Bar(), { showHidden: true }));
console.log(inspect(Object.setPrototypeOf(new Foo(), null)));
console.log(inspect(new (class extends Map {})()));
console.log(inspect(new (class MyArray extends Array {})(1, 2)));
console.log(inspect(new (class MySet extends Set {})([1])));
{
  class Tagged {
    get [Symbol.toStringTag]() {
      return 'TagName';
    }
  }
  console.log(inspect(new Tagged()));
  console.log(inspect(Object.defineProperty({}, Symbol.toStringTag, { value: 'Custom' })));
}
{
  function Legacy() {
    this.value = 1;
  }
  Legacy.prototype.method = function () {};
  console.log(inspect(new Legacy()));
  const anon = Object.create({ constructor: { name: '' } });
  console.log(inspect(anon));
}

// Functions.
function named() {}
async function asyncNamed() {}
function* gen() {}
async function* asyncGen() {}
console.log(inspect([named, asyncNamed, gen, asyncGen, () => {}, function () {}, async () => {}]));
console.log(inspect(Object.assign(function withProps() {}, { a: 1, b: { c: 2 } })));
console.log(inspect(Object.setPrototypeOf(function nullProto() {}, null)));
console.log(inspect(Object.defineProperty(function () {}, 'name', { value: 'renamed' })));
console.log(inspect(Math.max));
console.log(inspect(named.bind(null)));
console.log(inspect({ method() {}, arrow: () => {}, async am() {} }));

// Getters and setters.
const withAccessors = {
  get onlyGet() { return 1; },
  set onlySet(v) {},
  get both() { return 'value'; },
  set both(v) {},
  get obj() { return { nested: true }; },
  get nul() { return null; },
  get thrower() { throw new Error('nope'); },
};
console.log(inspect(withAccessors));
console.log(inspect(withAccessors, { getters: true }));
console.log(inspect(withAccessors, { getters: 'get' }));
console.log(inspect(withAccessors, { getters: 'set' }));

// Circular references.
{
  const a = { name: 'a' };
  a.self = a;
  a.list = [a, { back: a }];
  console.log(inspect(a));
  const b = { name: 'b' };
  const c = { name: 'c', b };
  b.c = c;
  console.log(inspect([b, c]));
  const m = new Map();
  m.set('me', m);
  console.log(inspect(m));
  console.log(inspect(a, { compact: true }));
}

// Depth.
const deep = { l1: { l2: { l3: { l4: { l5: {} } } } }, arr: [[[[[]]]]] };
console.log(inspect(deep));
console.log(inspect(deep, { depth: 0 }));
console.log(inspect(deep, { depth: -1 }));
console.log(inspect(deep, { depth: Infinity }));
console.log(inspect({ m: new Map([[1, { a: { b: 1 } }]]), s: new Set([[1, [2]]]) }, { depth: 1 }));

// Objects that look like other things.
console.log(inspect(Object.setPrototypeOf(function () {}, Object.prototype)));
console.log(inspect(Object.setPrototypeOf({ a: 1 }, Array.prototype)));
console.log(inspect([Math, JSON, Reflect, globalThis.Atomics]));
console.log(inspect([Object.prototype, Array.prototype, Function.prototype, Number.prototype]));
