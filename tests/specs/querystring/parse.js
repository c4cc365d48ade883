// querystring.parse: separators, maxKeys, decoding, malformed escapes, duplicates.
'use strict';
const qs = require('querystring');

function show(label, ...args) {
  try {
    console.log(label, qs.parse(...args));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

show('basic', 'a=1&b=2&a=3&c');
show('plus and escapes', 'name=John+Doe&city=S%C3%A3o%20Paulo&x=%41%42');
show('malformed', 'a=%zz&b=%41%&c=%E2%82&%=x&d=%u1234');
show('empty pieces', '&&a=1&&=2&b=&=&');
show('only eq', '===');
show('custom sep/eq', 'a:1;b:2;;c', ';', ':');
show('multichar sep/eq', 'a=>1&&b=>2&&c', '&&', '=>');
show('partial multichar', 'a=>1&b=>2', '&&', '=>');
show('maxKeys', 'a=1&b=2&c=3', null, null, { maxKeys: 2 });
show('maxKeys 0', 'a=1&b=2&c=3', null, null, { maxKeys: 0 });
show('maxKeys Infinity', 'a=1&b=2', null, null, { maxKeys: Infinity });
show('custom decode', 'a=b%20c+d&%41=x', null, null, { decodeURIComponent: (s) => `<${s}>` });
show('throwing decode', 'a=%41', null, null, { decodeURIComponent() { throw new Error('no'); } });
show('proto keys', '__proto__=1&constructor=2&toString=3');
show('not a string', 5);
show('empty', '');
show('unicode', 'é=ü&😀=%F0%9F%98%80');
console.log(Object.getPrototypeOf(qs.parse('a=1')), qs.decode === qs.parse);
