// lastChar / lastNeed / lastTotal and util.inspect of a StringDecoder.
'use strict';
const { StringDecoder } = require('string_decoder');

const d = new StringDecoder('utf8');
console.log(d);
console.log(JSON.stringify(d.write(Buffer.from([0xf0, 0x9f]))));
console.log(d.lastChar, d.lastNeed, d.lastTotal);
console.log(d);
console.log(JSON.stringify(d.write(Buffer.from([0x98]))), d.lastNeed, d.lastTotal);
console.log(JSON.stringify(d.write(Buffer.from([0x80]))), d.lastNeed, d.lastTotal, d.lastChar);
const u = new StringDecoder('utf16le');
u.write(Buffer.from([0x3d, 0xd8, 0x00]));
console.log(u.lastChar, u.lastNeed, u.lastTotal);
const b = new StringDecoder('base64');
b.write(Buffer.from([1, 2, 3, 4]));
console.log(b.lastChar, b.lastNeed, b.lastTotal);
console.log(Object.keys(d), Object.getOwnPropertyNames(StringDecoder.prototype), StringDecoder.length);
