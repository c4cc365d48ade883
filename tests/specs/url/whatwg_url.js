// WHATWG URL: parsing with bases, every getter, setters (valid and ignored), errors.
'use strict';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message, e.input, e.base);
  }
}

const parts = (u) => [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port,
  u.pathname, u.search, u.hash].join(' | ');

for (const [input, base] of [
  ['https://user:pw@EXAMPLE.com:8080/a/./b/../c?x=1&y=2#frag'],
  ['../d?q#h', 'http://a/b/c/e'],
  ['//other.host/p', 'https://a/'],
  ['?only', 'http://a/b?old#h'],
  ['http://[::1]:80/'],
  ['http://0x7f.1/'],
  ['file:///tmp/a b'],
  ['mailto:someone@example.com'],
  ['non-special://host/p?q'],
  ['http://ñ.com/ü?ü#ü'],
  ['  http://trim.me/\t'],
  ['blob:https://a.com/uuid'],
]) {
  show(`parse ${input}`, () => parts(base === undefined ? new URL(input) : new URL(input, base)));
}
show('no args', () => new URL());
show('invalid', () => new URL('not a url'));
show('invalid with base', () => new URL('x', 'bad base'));
show('object input', () => new URL({ toString() { return 'http://obj/'; } }).href);
show('canParse', () => [URL.canParse('http://a'), URL.canParse('nope'), URL.canParse('/p', 'http://a'), URL.canParse('/p')]);
show('canParse()', () => URL.canParse());

function set(href, key, value) {
  const u = new URL(href);
  u[key] = value;
  return u.href;
}
show('set protocol', () => [set('http://a/', 'protocol', 'https'), set('http://a/', 'protocol', 'foo'), set('http://a/', 'protocol', 'ws:x')]);
show('set username/password', () => [set('http://a/', 'username', 'us er'), set('http://a/', 'password', 'p@ss'), set('file:///x', 'username', 'u')]);
show('set host', () => [set('http://a/', 'host', 'b.com:81'), set('http://a/', 'host', ''), set('http://a:1/', 'hostname', 'B.ORG')]);
show('set port', () => [set('http://a/', 'port', '8080'), set('http://a:9/', 'port', ''), set('http://a/', 'port', '80'), set('http://a/', 'port', 'x'), set('http://a/', 'port', '99999')]);
show('set pathname', () => [set('http://a/', 'pathname', 'x y/../z'), set('mailto:a', 'pathname', 'b')]);
show('set search', () => [set('http://a/', 'search', 'a=b c'), set('http://a/?x', 'search', ''), set('http://a/', 'search', '?')]);
show('set hash', () => [set('http://a/', 'hash', 'h h'), set('http://a/#x', 'hash', '')]);
show('set href', () => set('http://a/', 'href', 'https://b/'));
show('set bad href', () => set('http://a/', 'href', 'nope'));
show('toString/toJSON', () => {
  const u = new URL('http://a/b');
  return [String(u), u.toJSON(), JSON.stringify({ u })];
});
show('wrong receiver', () => URL.prototype.toString.call({}));
show('property shape', () => [Object.keys(new URL('http://a')), Object.getOwnPropertyNames(URL), typeof Object.getOwnPropertyDescriptor(URL.prototype, 'href').set]);
show('tag', () => Object.prototype.toString.call(new URL('http://a')));
show('global', () => URL === require('url').URL && URLSearchParams === require('url').URLSearchParams);
