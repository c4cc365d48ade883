// util.inspect options: compact, breakLength, sorted, colors, customInspect,
// inspect.custom, defaultOptions, styles/colors tables.
const util = require('util');
const { inspect } = util;

const obj = { alpha: 'a'.repeat(20), beta: [1, 2, 3], gamma: { delta: 1, epsilon: [{ z: 1 }] } };
console.log(inspect(obj, { compact: false }));
console.log(inspect(obj, { compact: true }));
console.log(inspect(obj, { compact: 1 }));
console.log(inspect(obj, { compact: 2 }));
console.log(inspect(obj, { breakLength: 20 }));
console.log(inspect(obj, { breakLength: Infinity }));
console.log(inspect(obj, { compact: true, breakLength: 30 }));
console.log(inspect({}, { compact: false }), inspect([], { compact: false }));
console.log(inspect({ b: 1, a: 2, c: { z: 1, y: 2 } }, { sorted: true }));
console.log(inspect({ b: 1, a: 2 }, { sorted: (x, y) => (x < y ? 1 : -1) }));
console.log(inspect(new Map([['b', 1], ['a', 2]]), { sorted: true }));
console.log(inspect(Object.assign([3, 1], { b: 1, a: 2 }), { sorted: true }));

// Colors.
console.log(JSON.stringify(inspect([1, 'str', null, undefined, true, 5n, Symbol('s'), new Date(0), /re/, () => {}, [Object]], { colors: true })));
console.log(JSON.stringify(inspect({ m: new Map([[1, 2]]), w: new WeakSet(), p: Promise.resolve(1) }, { colors: true })));
console.log(JSON.stringify(inspect(new Number(1), { colors: true })));
console.log(JSON.stringify(inspect(Object.assign(new Number(1), { a: 1 }), { colors: true })));
console.log(JSON.stringify(inspect(Array.from({ length: 12 }, (_, i) => i * 10), { colors: true })));
console.log(Object.keys(inspect.styles).join(','));
console.log(Object.keys(inspect.colors).join(','));
console.log(Object.getOwnPropertyNames(inspect.colors).length, inspect.colors.grey === inspect.colors.gray);

// Custom inspection.
class Temperature {
  constructor(c) {
    this.c = c;
  }
  [inspect.custom](depth, options, insp) {
    return `Temperature<${options.stylize(this.c, 'number')}C depth=${depth} ${insp === inspect}>`;
  }
}
console.log(inspect(new Temperature(21)));
console.log(inspect({ t: new Temperature(5) }));
console.log(inspect({ a: { b: new Temperature(1) } }, { depth: 4 }));
console.log(inspect(new Temperature(21), { customInspect: false }));
console.log(inspect({ multi: { [inspect.custom]: () => 'line1\nline2' } }));
console.log(inspect({ [inspect.custom]: () => ({ replaced: [1, 2] }) }));
console.log(inspect({ [inspect.custom]() { return this; }, same: 1 }).includes('same'));
console.log(inspect({ [inspect.custom](d, o) { return Object.keys(o).join(','); } }));
console.log(inspect({ [inspect.custom](d, o) { return o.extra; } }, { extra: 'passed through' }));
console.log(inspect(Symbol.for('nodejs.util.inspect.custom') === inspect.custom));

// stylize.
console.log(inspect({ a: 1, b: 'x' }, { stylize: (s, t) => `<${t}:${s}>` }));

// defaultOptions.
const saved = { ...inspect.defaultOptions };
console.log(inspect.defaultOptions);
inspect.defaultOptions.depth = 0;
console.log(inspect({ a: { b: 1 } }));
inspect.defaultOptions = { depth: 2, compact: false };
console.log(inspect({ a: { b: 1 } }));
try {
  inspect.defaultOptions = null;
} catch (err) {
  console.log(err.code, err.message);
}
inspect.defaultOptions = saved;
console.log(inspect({ a: { b: 1 } }));
