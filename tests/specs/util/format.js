// util.format / util.formatWithOptions.
const util = require('util');
const { format } = util;

console.log(format());
console.log(format('plain'));
console.log(format('%s', 'str'));
console.log(format('%s %s %s %s %s %s', 1, 1n, Symbol('s'), null, undefined, -0));
console.log(format('%s', { a: { b: { c: 1 } } }));
console.log(format('%s', [1, [2, [3]]]));
console.log(format('%s', new Map([[1, 2]])));
console.log(format('%s', { toString() { return 'custom toString'; } }));
console.log(format('%s', new (class A { toString() { return 'class toString'; } })()));
console.log(format('%s', Object.create(null)));
console.log(format('%s', new Date(0)));
console.log(format('%s', () => 'fn'));
console.log(format('%d %d %d %d %d %d', 42, '42', 1.5, 10n, {}, Symbol('x')));
console.log(format('%d', -0), format('%i', -0.5), format('%d', ''));
console.log(format('%i %i %i %i', 42.9, '42.9abc', 7n, 'abc'));
console.log(format('%f %f %f %f', 1.5, '1.5e3', 'abc', Symbol('s')));
console.log(format('%j %j %j %j', { a: 1 }, 'str', undefined, [1]));
{
  const circular = {};
  circular.self = circular;
  console.log(format('%j', circular));
}
console.log(format('%o', { a: [1, 2], f() {} }));
console.log(format('%O', { a: { b: { c: { d: 1 } } } }));
console.log(format('%O', 'string'));
console.log(format('%c%s%c', 'color: red', 'styled', 'color: blue'));
console.log(format('%%s %s', 'x'));
console.log(format('%% %s'));
console.log(format('100%', 1));
console.log(format('%x %s', 1));
console.log(format('%s'));
console.log(format('%s:%s', 'only one'));
console.log(format('%s', 'a', 'b', { c: 1 }));
console.log(format(1, 2, 'three', { four: 4 }, [5]));
console.log(format('', 1));
console.log(format(null, 'a'));
console.log(format('%s', 'x'.repeat(3), '%s'));
console.log(format('a%', 'b'));
console.log(format('%', 'b'));
console.log(format('%s %o', 'both', [1]));
console.log(util.formatWithOptions({ colors: true }, '%s %O %d', 'x', { a: 1 }, 3, [true]));
console.log(util.formatWithOptions({ depth: 0 }, { a: { b: 1 } }));
console.log(util.formatWithOptions({ numericSeparator: true }, '%d %i %f %s', 1000000, 1000000, 1000000.5, 1000000));
console.log(util.formatWithOptions([], '%s', 'array options allowed'));
try {
  util.formatWithOptions(null, 'x');
} catch (err) {
  console.log(err.code, err.message);
}
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;https://example.com\u0007link\u001b]8;;\u0007 \u009b1mX'));
try {
  util.stripVTControlCharacters(1);
} catch (err) {
  console.log(err.code, err.message);
}
