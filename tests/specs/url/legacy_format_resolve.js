// url.format() (legacy objects, strings, WHATWG URLs with options), resolve, resolveObject.
'use strict';
const url = require('url');

function show(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

show('object', () => url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json', a: ['x', 'y z'] } }));
show('auth escaping', () => url.format({ protocol: 'http:', auth: 'us er:p@ss', host: 'h', pathname: 'p#q?r' }));
show('ipv6 hostname', () => url.format({ protocol: 'http', hostname: '::1', port: 8 }));
show('search and hash', () => url.format({ search: 'a#b', hash: 'c', pathname: '/x' }));
show('file', () => url.format({ protocol: 'file', pathname: '/tmp' }));
show('slashes', () => url.format({ protocol: 'foo', slashes: true, host: 'h', pathname: 'p' }));
show('string', () => url.format('HTTP://Example.COM/a b'));
show('bad', () => url.format(5));
show('null', () => url.format(null));
const whatwg = new URL('http://user:pw@xn--ls8h.com:81/p?a#b');
show('URL', () => url.format(whatwg));
show('URL unicode', () => url.format(whatwg, { unicode: true }));
show('URL strip', () => url.format(whatwg, { auth: false, search: false, fragment: false }));
show('URL bad options', () => url.format(whatwg, 5));

for (const [from, to] of [
  ['http://a/b/c/d;p?q', 'g'], ['http://a/b/c/d;p?q', '../g'], ['http://a/b/c/d;p?q', '../../../../g'],
  ['http://a/b/c/d;p?q', '//g'], ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', '#s'],
  ['http://a/b/c/d;p?q', ''], ['http://a/b/c/d;p?q', '.'], ['http://a/b/c/d;p?q', 'g/./h/..'],
  ['/one/two/three', 'four'], ['/one/two/', '../x'], ['http://example.com/b//c//d;p?q#blarg', 'https:/p/a/t/h?s#hash2'],
  ['mailto:user@example.org', 'mailto:another.host.com'], ['mailto:u@a', 'mailto:?x'], ['http://u@a/b', '/d'],
  ['http://example.com', 'http:foo'], ['foo:bar', 'baz'], ['', 'relative'],
]) {
  show(`resolve ${from} + ${to}`, () => url.resolve(from, to));
}
const ro = url.resolveObject('http://a/b/c', '../d?x=1');
console.log(ro instanceof url.Url, ro.href, ro.path, ro.search);
console.log(url.resolveObject('', 'x'));
