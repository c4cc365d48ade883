// Smaller util APIs: inherits, isDeepStrictEqual, styleText, toUSVString,
// getSystemErrorName/Map, parseEnv, debuglog, legacy is* helpers, export list.
const util = require('util');

console.log(Object.keys(util).join(' '));
console.log(require('sys') === util);

function Animal(name) {
  this.name = name;
}
Animal.prototype.speak = function () {
  return `${this.name} speaks`;
};
function Dog(name) {
  Animal.call(this, name);
}
util.inherits(Dog, Animal);
console.log(new Dog('rex').speak(), Dog.super_ === Animal, new Dog('x') instanceof Animal);
for (const [ctor, sup] of [[null, Animal], [Dog, null], [Dog, {}]]) {
  try {
    util.inherits(ctor, sup);
  } catch (err) {
    console.log(err.code, err.message);
  }
}

console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
console.log(util.isDeepStrictEqual({ a: 1 }, { a: '1' }));
console.log(util.isDeepStrictEqual(new Set([1, 2]), new Set([2, 1])));
console.log(util.isDeepStrictEqual([NaN], [NaN]), util.isDeepStrictEqual(0, -0));

console.log(JSON.stringify(util.styleText('red', 'text')));
console.log(JSON.stringify(util.styleText('bgBlue', 'text')));
console.log(JSON.stringify(util.styleText('grey', 'text')));
for (const args of [['notAColor', 'x'], ['red', 1]]) {
  try {
    util.styleText(...args);
  } catch (err) {
    console.log(err.code, err.message.slice(0, 80));
  }
}

console.log(JSON.stringify(util.toUSVString('a\ud800b\udc00c\ud83d\ude00')));
console.log(util.getSystemErrorName(-2), util.getSystemErrorName(-13), util.getSystemErrorName(-98));
console.log(util.getSystemErrorMap() instanceof Map, util.getSystemErrorMap().get(-2));
for (const bad of [2, 'x', 0.5]) {
  try {
    util.getSystemErrorName(bad);
  } catch (err) {
    console.log(err.code, err.message);
  }
}

console.log(util.parseEnv([
  'A=1',
  'B="quoted\\nnewline" # comment',
  'export C = spaced',
  'D:  colon',
  '#E=commented',
  "F='single'",
  '  G = trimmed value  ',
  'H=',
  'I',
  'J=`backtick`',
  'K="multi',
  'line"',
  'L=a#b',
  'A=duplicate',
].join('\n')));

const debug = util.debuglog('fixture-section');
console.log(typeof debug, debug.enabled);
debug('not printed: NODE_DEBUG is not set');
console.log(util.debug === util.debuglog);

console.log(util.isArray([]), util.isBoolean(false), util.isNull(null), util.isNullOrUndefined(undefined));
console.log(util.isNumber(1), util.isString(''), util.isSymbol(Symbol()), util.isUndefined(undefined));
console.log(util.isRegExp(/x/), util.isObject({}), util.isObject(null), util.isDate(new Date()));
console.log(util.isError(new Error()), util.isError({}), util.isFunction(() => {}), util.isPrimitive('x'), util.isPrimitive({}));
console.log(util.isBuffer(Buffer.alloc(0)), util.isBuffer(new Uint8Array(0)));
console.log(util._extend({ a: 1 }, { b: 2, c: 3 }), util._extend({ a: 1 }, null));

const err = util._errnoException(-2, 'open');
console.log(err.message, err.code, err.errno, err.syscall);
