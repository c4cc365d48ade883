// Buffer.from / alloc / allocUnsafe / of / copyBytesFrom: contents and argument errors.
'use strict';
const { Buffer } = require('buffer');

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

show('string', () => Buffer.from('héllo'));
show('string hex', () => Buffer.from('0102fF', 'hex'));
show('string bad hex', () => Buffer.from('01zz02', 'hex'));
show('string base64', () => Buffer.from('aGVsbG8=', 'base64'));
show('string base64url', () => Buffer.from('aGk_-w', 'base64url'));
show('string latin1', () => Buffer.from('ÿ\u0100', 'latin1'));
show('string ucs2', () => Buffer.from('a€', 'ucs2'));
show('string ascii', () => Buffer.from('aé', 'ascii'));
show('unknown encoding', () => Buffer.from('abc', 'nope'));
show('empty unknown', () => Buffer.from('', 'nope'));
show('array', () => Buffer.from([1, 256, -1, 1.7, '3', 'x']));
show('array-like', () => Buffer.from({ length: 3, 0: 9, 2: 7 }));
show('json shape', () => Buffer.from({ type: 'Buffer', data: [4, 5] }));
show('typed array', () => Buffer.from(new Uint16Array([0x102, 0x304])));
show('buffer copy', () => {
  const a = Buffer.from('abc');
  const b = Buffer.from(a);
  b[0] = 0x7a;
  return [a.toString(), b.toString()];
});
show('arraybuffer shares memory', () => {
  const ab = new ArrayBuffer(6);
  const b = Buffer.from(ab, 2, 3);
  b.fill(1);
  return [b.length, b.byteOffset, new Uint8Array(ab)];
});
show('arraybuffer offset oob', () => Buffer.from(new ArrayBuffer(4), 5));
show('arraybuffer length oob', () => Buffer.from(new ArrayBuffer(4), 1, 4));
show('arraybuffer negative length', () => Buffer.from(new ArrayBuffer(4), 1, -2).length);
show('String object', () => Buffer.from(new String('boxed')));
show('toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]() { return 'prim'; } }));
show('number', () => Buffer.from(5));
show('null', () => Buffer.from(null));
show('alloc', () => Buffer.alloc(4));
show('alloc fill', () => Buffer.alloc(5, 'ab'));
show('alloc fill hex', () => Buffer.alloc(4, 'a1b2', 'hex'));
show('alloc fill number', () => Buffer.alloc(3, 257));
show('alloc negative', () => Buffer.alloc(-1));
show('alloc string size', () => Buffer.alloc('3'));
show('alloc NaN', () => Buffer.alloc(NaN));
show('allocUnsafe length', () => Buffer.allocUnsafe(10).length);
show('allocUnsafeSlow length', () => Buffer.allocUnsafeSlow(10).length);
show('allocUnsafe too big', () => Buffer.allocUnsafe(2 ** 33));
show('of', () => Buffer.of(1, 2, 300));
show('copyBytesFrom', () => Buffer.copyBytesFrom(new Uint16Array([1, 258, 3]), 1, 1));
show('copyBytesFrom bad', () => Buffer.copyBytesFrom([1, 2]));
show('isBuffer', () => [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1))]);
show('isEncoding', () => ['utf8', 'UTF-8', 'ucs-2', 'binary', 'base64url', '', 'foo', 1].map((e) => Buffer.isEncoding(e)));
show('byteLength', () => [
  Buffer.byteLength('héllo'), Buffer.byteLength('héllo', 'latin1'), Buffer.byteLength('aGVsbG8=', 'base64'),
  Buffer.byteLength('abcd', 'hex'), Buffer.byteLength('ab', 'ucs2'), Buffer.byteLength(new ArrayBuffer(7)),
  Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength('abc', 'bogus'),
]);
show('byteLength bad', () => Buffer.byteLength(5));
show('instance', () => {
  const b = Buffer.alloc(2);
  return [b instanceof Buffer, b instanceof Uint8Array, b.constructor === Buffer,
    Object.getPrototypeOf(Buffer) === Uint8Array, b.map((x) => x + 1) instanceof Buffer];
});
show('Buffer() with string encoding', () => Buffer(3, 'utf8'));
show('SlowBuffer', () => require('buffer').SlowBuffer(3).length);
