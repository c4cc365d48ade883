// util.inspect and the class shapes of TextEncoder / TextDecoder.
'use strict';
const util = require('util');

console.log(new TextEncoder());
console.log(new TextDecoder());
console.log(new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }));
console.log(util.inspect(new TextDecoder('latin1'), { showHidden: true }));
console.log(util.inspect({ a: { b: { c: new TextDecoder(), d: new TextEncoder() } } }));
class MyDecoder extends TextDecoder {}
console.log(new MyDecoder('ascii'));
console.log(Object.prototype.toString.call(new TextDecoder()), Object.prototype.toString.call(new TextEncoder()));
console.log(Object.getOwnPropertyNames(TextDecoder.prototype), Object.getOwnPropertyNames(TextEncoder.prototype));
console.log(TextDecoder.length, TextEncoder.length, Object.keys(new TextDecoder()));
