// url.parse(): the legacy parser and its quirks.
'use strict';
const url = require('url');

function show(input, ...args) {
  try {
    const u = url.parse(input, ...args);
    console.log(JSON.stringify(input), JSON.stringify(u), u.query !== null && typeof u.query === 'object' ? 'query-object' : '');
  } catch (e) {
    console.log(JSON.stringify(input), 'threw', e.name, e.code, e.message, e.input);
  }
}

show('http://user:pass@Host.COM:8080/p/a/t/h?query=string#hash');
show('HTTP://www.example.com/');
show('/just/a/path?x=1');
show('/just/a/path?x=1&y=2&x=3', true);
show('/no/query', true);
show('//host/path');
show('//host/path', false, true);
show('http://a\\b\\c?d\\e');
show('  \t http://trim.com/ \n');
show('http://a@b@c/');
show('http://a@b?@c');
show('http://x\ty@a\tb/c\td');
show('http://a b/c');
show('http://ÉXAMPLE.com/ü?ü#ü');
show('http://[::1]:8/a');
show('http://[fe80::1%25en0]/');
show('mailto:user@example.com');
show('javascript:alert("x y")');
show('git+ssh://git@github.com:npm/npm');
show('file:///etc/passwd');
show('file:/x');
show('HTTPS:host/x');
show('http://x.com/"<>^`{|}');
show('x:/y');
show('?q=1#h');
show('#only');
show('http://xn--iñvalid.com/');
show('http://a.com:/');
show(5);
console.log(url.parse('http://a/') instanceof url.Url, Object.keys(new url.Url()));
