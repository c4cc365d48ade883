// fileURLToPath / pathToFileURL (POSIX), urlToHttpOptions, domainToASCII/Unicode.
'use strict';
const url = require('url');
const path = require('path');

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

for (const p of ['/a/b', '/a/b/', '/a%b', '/a\\b', '/a\nb\rc\td', '/a?b#c', '/ü/😀', '/a b', '/x/../y', '/%2f']) {
  show(`pathToFileURL ${JSON.stringify(p)}`, () => url.pathToFileURL(p).href);
}
show('pathToFileURL relative', () => url.pathToFileURL('rel/x').href === `file://${path.resolve('rel/x')}`);
show('pathToFileURL bad', () => url.pathToFileURL(5));
for (const u of ['file:///a/b', 'file:///a%20b', 'file://localhost/etc', 'file:///%E2%82%AC', 'file:///a%2Fb', 'file://host/a', 'http://x/a']) {
  show(`fileURLToPath ${u}`, () => url.fileURLToPath(u));
}
show('fileURLToPath URL object', () => url.fileURLToPath(new URL('file:///x/y')));
show('fileURLToPath bad', () => url.fileURLToPath(5));
show('urlToHttpOptions', () => url.urlToHttpOptions(new URL('https://u%20s:p%40@[::1]:8080/p/a?x=1#h')));
show('urlToHttpOptions plain', () => url.urlToHttpOptions(new URL('http://a/')));
show('domainToASCII', () => ['español.com', 'xn--espaol-zwa.com', 'EXAMPLE.com', 'xn--iñvalid.com', '[::1]'].map((d) => url.domainToASCII(d)));
show('domainToUnicode', () => ['xn--espaol-zwa.com', 'xn--ls8h.la', 'example.com'].map((d) => url.domainToUnicode(d)));
show('domainToASCII()', () => url.domainToASCII());
show('exports', () => Object.keys(url));
