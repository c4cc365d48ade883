// Module exports, constants, transcode, isUtf8/isAscii, kMaxLength.
'use strict';
const buffer = require('buffer');
const { Buffer, transcode, isUtf8, isAscii } = buffer;

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message, e.errno);
  }
}

show('exports', () => Object.keys(buffer));
show('constants', () => [buffer.constants, buffer.kMaxLength, buffer.kStringMaxLength]);
show('poolSize', () => Buffer.poolSize);
show('statics', () => Object.keys(Buffer));
show('transcode utf8->ucs2', () => transcode(Buffer.from('a€'), 'utf8', 'ucs2'));
show('transcode ucs2->utf8', () => transcode(Buffer.from('a€', 'ucs2'), 'ucs2', 'utf8'));
show('transcode utf8->latin1', () => transcode(Buffer.from('aé€😀'), 'utf8', 'latin1'));
show('transcode utf8->ascii', () => transcode(Buffer.from('aé€'), 'utf8', 'ascii'));
show('transcode latin1->utf8', () => transcode(Buffer.from([0x61, 0xe9]), 'latin1', 'utf8'));
show('transcode ascii->utf8', () => transcode(Buffer.from([0x61, 0xe9]), 'ascii', 'utf8'));
show('transcode invalid utf8->ucs2', () => transcode(Buffer.from([0xff]), 'utf8', 'ucs2'));
show('transcode lone surrogate ucs2->utf8', () => transcode(Buffer.from([0x00, 0xd8]), 'ucs2', 'utf8'));
show('transcode hex', () => transcode(Buffer.from('a'), 'hex', 'utf8'));
show('transcode empty', () => transcode(Buffer.alloc(0), 'x', 'y'));
show('transcode bad source', () => transcode('a', 'utf8', 'ucs2'));
show('isUtf8', () => [isUtf8(Buffer.from('é')), isUtf8(Buffer.from([0xc3])), isUtf8(new ArrayBuffer(2)), isUtf8(new Uint16Array([0xffff]))]);
show('isAscii', () => [isAscii(Buffer.from('abc')), isAscii(Buffer.from([0x80])), isAscii(new ArrayBuffer(1))]);
show('isUtf8 bad', () => isUtf8('x'));
show('isAscii bad', () => isAscii(null));
show('parent/offset', () => {
  const b = Buffer.from('abc');
  return [b.parent === b.buffer, b.offset === b.byteOffset];
});
show('Buffer global', () => [globalThis.Buffer === Buffer, typeof globalThis.Blob, typeof globalThis.File]);
