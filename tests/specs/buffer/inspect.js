// util.inspect of Buffers: byte limit, INSPECT_MAX_BYTES, extra properties, subclasses.
'use strict';
const util = require('util');
const buffer = require('buffer');

console.log(Buffer.from('hello'));
console.log(Buffer.alloc(0));
console.log(Buffer.alloc(51, 1));
console.log(Buffer.alloc(60, 2));
console.log([Buffer.from('a'), { nested: Buffer.from('bc') }]);
const withProps = Buffer.from('xy');
withProps.tag = 'extra';
withProps[Symbol('sym')] = 1;
console.log(withProps);
const empty = Buffer.alloc(0);
empty.only = true;
console.log(empty);
class MyBuffer extends Buffer {}
console.log(Object.setPrototypeOf(Buffer.from('z'), MyBuffer.prototype));
console.log(buffer.INSPECT_MAX_BYTES);
buffer.INSPECT_MAX_BYTES = 3;
console.log(Buffer.from('abcdef'), Buffer.from('abcd'), Buffer.from('abc'));
try {
  buffer.INSPECT_MAX_BYTES = -1;
} catch (e) {
  console.log(e.code, e.message);
}
buffer.INSPECT_MAX_BYTES = 50;
console.log(util.inspect(Buffer.from('abc'), { depth: -1 }));
console.log(Buffer.prototype.inspect === Buffer.prototype[util.inspect.custom]);
console.log(String(Buffer.from('plain')), `${Buffer.from([0x41, 0x42])}`);
