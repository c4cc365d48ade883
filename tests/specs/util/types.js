// util.types predicates.
const { types } = require('util');

console.log(Object.keys(types).join(' '));
console.log(require('util/types') === types);

const samples = {
  object: {},
  array: [],
  date: new Date(),
  regexp: /x/,
  map: new Map(),
  set: new Set(),
  weakMap: new WeakMap(),
  weakSet: new WeakSet(),
  promise: Promise.resolve(),
  proxy: new Proxy({}, {}),
  arrayBuffer: new ArrayBuffer(1),
  sharedArrayBuffer: new SharedArrayBuffer(1),
  dataView: new DataView(new ArrayBuffer(1)),
  uint8: new Uint8Array(1),
  float64: new Float64Array(1),
  bigint64: new BigInt64Array(1),
  clamped: new Uint8ClampedArray(1),
  buffer: Buffer.alloc(1),
  numberObject: new Number(1),
  stringObject: new String(''),
  booleanObject: new Boolean(false),
  bigintObject: Object(1n),
  symbolObject: Object(Symbol()),
  error: new TypeError(),
  fakeError: { __proto__: Error.prototype },
  asyncFn: async () => {},
  generatorFn: function* () {},
  generatorObj: (function* () {})(),
  mapIterator: new Map().keys(),
  setIterator: new Set().values(),
  args: (function () { return arguments; })(),
  fakeDate: { __proto__: Date.prototype, [Symbol.toStringTag]: 'Date' },
  fakeTyped: { __proto__: Uint8Array.prototype },
};

for (const [name, fn] of Object.entries(types)) {
  const hits = Object.keys(samples).filter((k) => fn(samples[k]));
  console.log(`${name}: ${hits.join(', ')}`);
}
console.log(types.isUint8Array(1), types.isDate(null), types.isProxy(undefined));
