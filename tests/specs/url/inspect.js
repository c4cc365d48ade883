// util.inspect of URL, URLSearchParams and their iterators (incl. showHidden context).
'use strict';
const util = require('util');

const url = new URL('https://username:password@host.name:8080/path/name/?que=ry#hash');
console.log(url);
console.log(util.inspect(url, { showHidden: true }));
console.log(util.inspect({ a: url }, { depth: 0 }));
console.log(util.inspect(new URL('file:///x'), { showHidden: true, breakLength: Infinity }));
console.log(util.inspect(new URL('mailto:x?y#z'), { showHidden: true, breakLength: Infinity }));
class MyURL extends URL {}
console.log(new MyURL('http://sub/'));

const sp = new URLSearchParams('?a=a&b=b&b=c');
console.log(sp);
console.log(util.inspect(sp, { depth: -1 }));
console.log(util.inspect(sp, { breakLength: 1 }));
console.log(sp.keys(), sp.values());
console.log(util.inspect(sp.keys(), { breakLength: 1 }));
const it = sp.entries();
console.log(it);
it.next();
console.log(it);
it.next();
it.next();
console.log(it);
console.log(new URLSearchParams());
console.log(Object.prototype.toString.call(sp.keys()));
