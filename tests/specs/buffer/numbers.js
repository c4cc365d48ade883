// Numeric reads and writes, their bounds/range errors, and the byte swaps.
'use strict';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const src = Buffer.from([0x01, 0x82, 0xf3, 0x44, 0xff, 0x00, 0x80, 0x7f, 0xab, 0xcd]);
for (const m of ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE',
  'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE']) {
  show(m, () => [src[m](), src[m](1), src[m](2)]);
}
for (const bl of [1, 2, 3, 4, 5, 6]) {
  show(`readUIntLE/BE ${bl}`, () => [src.readUIntLE(1, bl), src.readUIntBE(1, bl), src.readIntLE(1, bl), src.readIntBE(1, bl)]);
}
show('aliases', () => [src.readUint8 === src.readUInt8, src.readBigUint64LE === src.readBigUInt64LE]);
show('read oob', () => src.readUInt32LE(8));
show('read fractional', () => src.readUInt8(1.5));
show('read string offset', () => src.readUInt16BE('1'));
show('read empty', () => Buffer.alloc(0).readInt8(0));
show('readUIntLE bad byteLength', () => src.readUIntLE(0, 7));
show('readUIntLE no offset', () => src.readUIntLE());

function write(method, ...args) {
  const b = Buffer.alloc(9, 0x2e);
  const ret = b[method](...args);
  return [ret, b];
}
show('writeUInt8', () => write('writeUInt8', 255, 1));
show('writeInt8 neg', () => write('writeInt8', -2));
show('writeUInt16LE', () => write('writeUInt16LE', 0xabcd, 1));
show('writeInt16BE', () => write('writeInt16BE', -2, 0));
show('writeUInt32BE', () => write('writeUInt32BE', 0xdeadbeef, 2));
show('writeInt32LE', () => write('writeInt32LE', -123456789));
show('writeUIntBE 6', () => write('writeUIntBE', 0x123456789abc, 1, 6));
show('writeIntLE 5 neg', () => write('writeIntLE', -2, 0, 5));
show('writeIntBE 3', () => write('writeIntBE', -0x123456, 0, 3));
show('writeFloatBE', () => write('writeFloatBE', 1.5, 0));
show('writeDoubleLE', () => write('writeDoubleLE', -0.1, 1));
show('writeBigInt64BE', () => write('writeBigInt64BE', -2n, 1));
show('writeBigUInt64LE', () => write('writeBigUInt64LE', 2n ** 64n - 1n));
show('write float rounding', () => {
  const b = Buffer.alloc(4);
  b.writeFloatLE(0.1);
  return b.readFloatLE();
});
show('write value range 8', () => write('writeUInt8', 256));
show('write value range 16', () => write('writeInt16LE', 0x8000));
show('write value range 32', () => write('writeUInt32LE', -1));
show('write value range 48', () => write('writeUIntLE', 2 ** 48, 0, 6));
show('write value range signed 40', () => write('writeIntBE', 2 ** 39, 0, 5));
show('write bigint range', () => write('writeBigInt64LE', 2n ** 63n));
show('write bigint number', () => write('writeBigInt64LE', 1));
show('write offset oob', () => write('writeUInt32LE', 1, 6));
show('write offset type', () => write('writeUInt16LE', 1, '0'));
show('write bad byteLength', () => write('writeUIntLE', 1, 0, 0));
show('write coerces value', () => write('writeUInt16LE', '258'));

show('swap16', () => Buffer.from([1, 2, 3, 4]).swap16());
show('swap32', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32());
show('swap64', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
show('swap16 odd', () => Buffer.from([1, 2, 3]).swap16());
show('swap64 bad', () => Buffer.alloc(12).swap64());
