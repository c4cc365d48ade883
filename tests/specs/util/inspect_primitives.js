// util.inspect of primitives and strings: quoting, escapes, numbers, bigints, symbols.
const { inspect } = require('util');

const values = [
  1, -1, 0, -0, 1.5, NaN, Infinity, -Infinity, 1e21, 1e-7, 2 ** 53,
  1n, -123n, 0n,
  true, false, null, undefined,
  Symbol(), Symbol('desc'), Symbol.iterator, Symbol.for('registered'), Symbol('with space'),
  '', 'plain', "it's", 'say "hi"', 'both \' and "', 'all \' " `', 'all \' " ` ${x}',
  'tab\there', 'new\nline', 'cr\rlf', 'back\\slash', 'nul\0byte', 'bell\x07', 'esc\x1b[0m',
  'del\x7f', 'c1\x85\x9f', 'nbsp\xa0', 'emoji 😀', 'lone \ud83d high', 'lone \ude00 low',
  'ünïcödé', '中文',
];
for (const v of values) console.log(inspect(v));

console.log(inspect([-0, 0, +0]));
console.log(inspect(1234567.891, { numericSeparator: true }));
console.log(inspect(-1234567, { numericSeparator: true }));
console.log(inspect(123456789012345678901234567890n, { numericSeparator: true }));
console.log(inspect(0.0001234, { numericSeparator: true }));
console.log(inspect(1e21, { numericSeparator: true }));
console.log(inspect(123, { numericSeparator: true }));
console.log(inspect(new Float64Array([1234.5678, 1000000]), { numericSeparator: true }));

console.log(inspect('abcdefghij', { maxStringLength: 4 }));
console.log(inspect('abcdefghij', { maxStringLength: 9 }));
console.log(inspect('abcdefghij', { maxStringLength: 0 }));
console.log(inspect(['abcdefghij'], { maxStringLength: 2 }));
console.log(inspect('abc', { maxStringLength: null }));

// Long strings are split at line breaks.
console.log(inspect('line one\nline two\n'.repeat(6)));
console.log(inspect({ text: 'line one\nline two\n'.repeat(6) }));
console.log(inspect('x'.repeat(100)));
console.log(inspect('short\nstring'));
console.log(inspect('a\n'.repeat(20), { breakLength: Infinity }));
console.log(inspect('a\n'.repeat(20), { compact: true }));

// Legacy signature: inspect(value, showHidden, depth, colors)
console.log(inspect({ a: { b: { c: { d: 1 } } } }, false, 0));
console.log(inspect({ a: { b: { c: { d: 1 } } } }, false, null));
console.log(inspect({ a: 1, s: 'x' }, false, 2, true));
