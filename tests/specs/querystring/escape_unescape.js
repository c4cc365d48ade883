// querystring.escape / unescape / unescapeBuffer, and overriding escape/unescape.
'use strict';
const qs = require('querystring');

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

show('escape', () => [qs.escape('a b&c=d/é€'), qs.escape("!'()*-._~"), qs.escape(5), qs.escape({}), qs.escape(null)]);
show('escape surrogate pair', () => qs.escape('😀'));
show('escape lone high at end', () => qs.escape('a\ud800'));
show('escape lone low', () => qs.escape('\udc00a'));
show('unescape', () => [qs.unescape('a%20b+c'), qs.unescape('a%20b+c', true), qs.unescape('%E2%82%AC'), qs.unescape('%zz%'), qs.unescape('%E2%82')]);
show('unescapeBuffer', () => [qs.unescapeBuffer('a%20b+c'), qs.unescapeBuffer('a%20b+c', true), qs.unescapeBuffer('%4'), qs.unescapeBuffer('%%41'), qs.unescapeBuffer('é')]);
show('exports', () => Object.keys(qs));
const origEscape = qs.escape;
qs.escape = (s) => `{${s}}`;
show('overridden escape', () => qs.stringify({ a: 'b' }));
qs.escape = origEscape;
const origUnescape = qs.unescape;
qs.unescape = (s) => s.toUpperCase();
show('overridden unescape', () => qs.parse('a=b%20c&d=e'));
qs.unescape = origUnescape;
