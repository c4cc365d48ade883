// querystring.stringify: value types, arrays, separators, custom encoders, escape table.
'use strict';
const qs = require('querystring');

function show(label, ...args) {
  try {
    console.log(label, JSON.stringify(qs.stringify(...args)));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

show('types', { s: 'x y', n: 5, f: 1.5, big: 1e21, neg0: -0, nan: NaN, inf: Infinity, b: true, bi: 10n, nul: null, u: undefined, o: {}, fn() {} });
show('arrays', { a: [1, 'two', ''], empty: [], nested: [[1, 2]] });
show('separators', { a: 1, b: [2, 3] }, ';', ':');
show('empty separators', { a: 1, b: 2 }, '', '');
show('custom encoder', { 'a b': 'c d', n: 1 }, null, null, { encodeURIComponent: (s) => `[${s}]` });
show('escape table', { k: ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~é€😀' });
show('lone surrogate', { k: 'a\ud800' });
show('not object', 'abc');
show('array input', ['a', 'b']);
show('inherited ignored', Object.create({ inherited: 1 }));
console.log(qs.encode === qs.stringify);
