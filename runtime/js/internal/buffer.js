// Buffer internals: FastBuffer (the real class behind every Buffer), encoding
// normalization and per-encoding operations, and the numeric read/write methods that
// are installed on Buffer.prototype by node/buffer.js.
'use strict';

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');

const binding = internalBinding('buffer');

// ---- Type checks that work across realms without a native helper ----------------------

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const getArrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const getSharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function'
  ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get
  : undefined;

function isUint8Array(value) {
  return getTypedArrayTag.call(value) === 'Uint8Array';
}

function isTypedArray(value) {
  return getTypedArrayTag.call(value) !== undefined;
}

// Native brand checks when available; otherwise a getter probe (slow: it throws).
const typesBinding = (() => {
  try {
    return internalBinding('types');
  } catch {
    return undefined;
  }
})();

function probeArrayBuffer(getter, value) {
  try {
    getter.call(value);
    return true;
  } catch {
    return false;
  }
}

function isArrayBuffer(value) {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  if (typesBinding !== undefined && typeof typesBinding.isArrayBuffer === 'function') {
    return typesBinding.isArrayBuffer(value);
  }
  return probeArrayBuffer(getArrayBufferByteLength, value);
}

function isSharedArrayBuffer(value) {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  if (typesBinding !== undefined && typeof typesBinding.isSharedArrayBuffer === 'function') {
    return typesBinding.isSharedArrayBuffer(value);
  }
  if (getSharedArrayBufferByteLength === undefined) return false;
  return probeArrayBuffer(getSharedArrayBufferByteLength, value);
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}

// ---- Errors shaped like the ones Node's C++ layer throws (plain message + code) --------

function nativeError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

function indexOutOfRange() {
  return nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
}

// ---- Encodings -----------------------------------------------------------------------

// Maps a user-supplied encoding name to Node's canonical name, or undefined.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowNormalizeEncoding(enc);
}

function slowNormalizeEncoding(enc) {
  switch (`${enc}`.toLowerCase()) {
    case 'utf8':
    case 'utf-8':
    case '':
      return 'utf8';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le';
    case 'latin1':
    case 'binary':
      return 'latin1';
    case 'base64':
      return 'base64';
    case 'base64url':
      return 'base64url';
    case 'hex':
      return 'hex';
    case 'ascii':
      return 'ascii';
    default:
      return undefined;
  }
}

// Node estimates base64 sizes from the text length and its trailing padding only.
function base64ByteLength(str, bytes) {
  if (bytes > 0 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function makeOps(encoding, nativeName, byteLength, indexOfKind) {
  return {
    encoding,
    nativeName,
    byteLength,
    write(buf, string, offset, len) {
      return binding.write(buf, string, offset, len, nativeName);
    },
    slice(buf, start, end) {
      return binding.decode(buf, start, end, nativeName);
    },
    indexOf(buf, val, byteOffset, dir) {
      // utf8/ucs2/latin1 search the string natively; the others search its bytes.
      const needle = indexOfKind === 'string' ? val : binding.encode(val, nativeName);
      return binding.indexOf(buf, needle, byteOffset, nativeName, dir);
    },
  };
}

const encodingOps = {
  utf8: makeOps('utf8', 'utf8', (s) => binding.byteLength(s, 'utf8'), 'string'),
  utf16le: makeOps('utf16le', 'ucs2', (s) => s.length * 2, 'string'),
  latin1: makeOps('latin1', 'latin1', (s) => s.length, 'string'),
  ascii: makeOps('ascii', 'ascii', (s) => s.length, 'bytes'),
  base64: makeOps('base64', 'base64', (s) => base64ByteLength(s, s.length), 'bytes'),
  base64url: makeOps('base64url', 'base64url', (s) => base64ByteLength(s, s.length), 'bytes'),
  hex: makeOps('hex', 'hex', (s) => s.length >>> 1, 'bytes'),
};

// Stricter than normalizeEncoding: only a (case-insensitive) encoding name matches;
// null, undefined and '' do not mean utf8 here.
function getEncodingOps(encoding) {
  encoding = `${encoding}`;
  if (encoding.length === 0) return undefined;
  const normalized = slowNormalizeEncoding(encoding);
  return normalized === undefined ? undefined : encodingOps[normalized];
}

// ---- FastBuffer ------------------------------------------------------------------------

// Every Buffer is really a FastBuffer: `Buffer` itself is a callable legacy function
// whose prototype is FastBuffer.prototype.
class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// ---- Bounds checking helpers for the numeric methods -----------------------------------

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
    boundsError(offset, buf.length - (byteLength + 1));
  }
}

// `byteLength` here is the number of bytes minus one, as in the bounds checks.
function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and < 2${n} ** ${(byteLength + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength);
}

// ---- Reads -------------------------------------------------------------------------------

function readUInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val;
}

function readInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val | (val & 2 ** 7) * 0x1fffffe;
}

function readUInt16LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  return first + last * 2 ** 8;
}

function readUInt16BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  return first * 2 ** 8 + last;
}

function readInt16LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  const val = first + last * 2 ** 8;
  return val | (val & 2 ** 15) * 0x1fffe;
}

function readInt16BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  const val = first * 2 ** 8 + last;
  return val | (val & 2 ** 15) * 0x1fffe;
}

function readUInt24LE(buf, offset) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 2];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 3);
  return first + buf[offset + 1] * 2 ** 8 + last * 2 ** 16;
}

function readUInt24BE(buf, offset) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 2];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 3);
  return first * 2 ** 16 + buf[offset + 1] * 2 ** 8 + last;
}

function readInt24LE(buf, offset) {
  const val = readUInt24LE(buf, offset);
  return val | (val & 2 ** 23) * 0x1fe;
}

function readInt24BE(buf, offset) {
  const val = readUInt24BE(buf, offset);
  return val | (val & 2 ** 23) * 0x1fe;
}

function readUInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[++offset] * 2 ** 8 + this[++offset] * 2 ** 16 + last * 2 ** 24;
}

function readUInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first * 2 ** 24 + this[++offset] * 2 ** 16 + this[++offset] * 2 ** 8 + last;
}

function readInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[++offset] * 2 ** 8 + this[++offset] * 2 ** 16 + (last << 24);
}

function readInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return (first << 24) + this[++offset] * 2 ** 16 + this[++offset] * 2 ** 8 + last;
}

// Reads `byteLength` bytes (5 or 6) as an unsigned little/big-endian integer.
function readUIntWideLE(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + byteLength - 1];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - byteLength);
  let val = 0;
  for (let i = byteLength - 1; i >= 0; i--) val = val * 2 ** 8 + buf[offset + i];
  return val;
}

function readUIntWideBE(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + byteLength - 1];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - byteLength);
  let val = 0;
  for (let i = 0; i < byteLength; i++) val = val * 2 ** 8 + buf[offset + i];
  return val;
}

function readIntWideLE(buf, offset, byteLength) {
  const val = readUIntWideLE(buf, offset, byteLength);
  const bits = byteLength * 8;
  return val >= 2 ** (bits - 1) ? val - 2 ** bits : val;
}

function readIntWideBE(buf, offset, byteLength) {
  const val = readUIntWideBE(buf, offset, byteLength);
  const bits = byteLength * 8;
  return val >= 2 ** (bits - 1) ? val - 2 ** bits : val;
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 6 || byteLength === 5) return readUIntWideLE(this, offset, byteLength);
  if (byteLength === 3) return readUInt24LE(this, offset);
  if (byteLength === 4) return readUInt32LE.call(this, offset);
  if (byteLength === 2) return readUInt16LE.call(this, offset);
  if (byteLength === 1) return readUInt8.call(this, offset);
  boundsError(byteLength, 6, 'byteLength');
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 6 || byteLength === 5) return readUIntWideBE(this, offset, byteLength);
  if (byteLength === 3) return readUInt24BE(this, offset);
  if (byteLength === 4) return readUInt32BE.call(this, offset);
  if (byteLength === 2) return readUInt16BE.call(this, offset);
  if (byteLength === 1) return readUInt8.call(this, offset);
  boundsError(byteLength, 6, 'byteLength');
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 6 || byteLength === 5) return readIntWideLE(this, offset, byteLength);
  if (byteLength === 3) return readInt24LE(this, offset);
  if (byteLength === 4) return readInt32LE.call(this, offset);
  if (byteLength === 2) return readInt16LE.call(this, offset);
  if (byteLength === 1) return readInt8.call(this, offset);
  boundsError(byteLength, 6, 'byteLength');
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 6 || byteLength === 5) return readIntWideBE(this, offset, byteLength);
  if (byteLength === 3) return readInt24BE(this, offset);
  if (byteLength === 4) return readInt32BE.call(this, offset);
  if (byteLength === 2) return readInt16BE.call(this, offset);
  if (byteLength === 1) return readInt8.call(this, offset);
  boundsError(byteLength, 6, 'byteLength');
}

function readBigUInt64LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const lo = first + this[++offset] * 2 ** 8 + this[++offset] * 2 ** 16 + this[++offset] * 2 ** 24;
  const hi = this[++offset] + this[++offset] * 2 ** 8 + this[++offset] * 2 ** 16 + last * 2 ** 24;
  return BigInt(lo) + (BigInt(hi) << 32n);
}

function readBigUInt64BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = first * 2 ** 24 + this[++offset] * 2 ** 16 + this[++offset] * 2 ** 8 + this[++offset];
  const lo = this[++offset] * 2 ** 24 + this[++offset] * 2 ** 16 + this[++offset] * 2 ** 8 + last;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const lo = first + this[++offset] * 2 ** 8 + this[++offset] * 2 ** 16 + this[++offset] * 2 ** 24;
  const hi = this[++offset] + this[++offset] * 2 ** 8 + this[++offset] * 2 ** 16 + (last << 24);
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = (first << 24) + this[++offset] * 2 ** 16 + this[++offset] * 2 ** 8 + this[++offset];
  const lo = this[++offset] * 2 ** 24 + this[++offset] * 2 ** 16 + this[++offset] * 2 ** 8 + last;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

// Floats go through a scratch typed array sharing memory with a byte view.
const float32Array = new Float32Array(1);
const float32Bytes = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const float64Bytes = new Uint8Array(float64Array.buffer);
float32Array[0] = -1;
const bigEndian = float32Bytes[3] === 0;

function readFloatAt(buf, offset, littleEndian) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 4);
  const swap = littleEndian === bigEndian;
  for (let i = 0; i < 4; i++) float32Bytes[swap ? 3 - i : i] = buf[offset + i];
  return float32Array[0];
}

function readDoubleAt(buf, offset, littleEndian) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 8);
  const swap = littleEndian === bigEndian;
  for (let i = 0; i < 8; i++) float64Bytes[swap ? 7 - i : i] = buf[offset + i];
  return float64Array[0];
}

// Named after host byte order ("forwards" = native order), as Node's functions are.
function readFloatForwards(offset = 0) { return readFloatAt(this, offset, !bigEndian); }
function readFloatBackwards(offset = 0) { return readFloatAt(this, offset, bigEndian); }
function readDoubleForwards(offset = 0) { return readDoubleAt(this, offset, !bigEndian); }
function readDoubleBackwards(offset = 0) { return readDoubleAt(this, offset, bigEndian); }
const readFloatLE = bigEndian ? readFloatBackwards : readFloatForwards;
const readFloatBE = bigEndian ? readFloatForwards : readFloatBackwards;
const readDoubleLE = bigEndian ? readDoubleBackwards : readDoubleForwards;
const readDoubleBE = bigEndian ? readDoubleForwards : readDoubleBackwards;

// ---- Writes ------------------------------------------------------------------------------

function writeU_Int8(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function writeU_Int16LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 1);
  buf[offset++] = value;
  buf[offset++] = value >>> 8;
  return offset;
}

function writeU_Int16BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 1);
  buf[offset++] = value >>> 8;
  buf[offset++] = value;
  return offset;
}

function writeU_Int24LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 2);
  buf[offset++] = value;
  value = value >>> 8;
  buf[offset++] = value;
  value = value >>> 8;
  buf[offset++] = value;
  return offset;
}

function writeU_Int24BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 2);
  buf[offset + 2] = value;
  value = value >>> 8;
  buf[offset + 1] = value;
  value = value >>> 8;
  buf[offset] = value;
  return offset + 3;
}

function writeU_Int32LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 3);
  buf[offset++] = value;
  value = value >>> 8;
  buf[offset++] = value;
  value = value >>> 8;
  buf[offset++] = value;
  value = value >>> 8;
  buf[offset++] = value;
  return offset;
}

function writeU_Int32BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 3);
  buf[offset + 3] = value;
  value = value >>> 8;
  buf[offset + 2] = value;
  value = value >>> 8;
  buf[offset + 1] = value;
  value = value >>> 8;
  buf[offset] = value;
  return offset + 4;
}

// 40- and 48-bit values: split into a low 32-bit part and a high part.
function writeU_IntWideLE(buf, value, offset, min, max, byteLength) {
  value = +value;
  checkInt(value, min, max, buf, offset, byteLength - 1);
  const lo = value >>> 0;
  let hi = Math.floor(value / 2 ** 32);
  buf[offset++] = lo;
  buf[offset++] = lo >>> 8;
  buf[offset++] = lo >>> 16;
  buf[offset++] = lo >>> 24;
  buf[offset++] = hi;
  if (byteLength === 6) {
    hi = Math.floor(hi / 2 ** 8);
    buf[offset++] = hi;
  }
  return offset;
}

function writeU_IntWideBE(buf, value, offset, min, max, byteLength) {
  value = +value;
  checkInt(value, min, max, buf, offset, byteLength - 1);
  const lo = value >>> 0;
  let hi = Math.floor(value / 2 ** 32);
  let pos = offset + byteLength - 1;
  buf[pos--] = lo;
  buf[pos--] = lo >>> 8;
  buf[pos--] = lo >>> 16;
  buf[pos--] = lo >>> 24;
  buf[pos--] = hi;
  if (byteLength === 6) {
    hi = Math.floor(hi / 2 ** 8);
    buf[pos--] = hi;
  }
  return offset + byteLength;
}

function writeUInt8(value, offset = 0) { return writeU_Int8(this, value, offset, 0, 0xff); }
function writeInt8(value, offset = 0) { return writeU_Int8(this, value, offset, -0x80, 0x7f); }
function writeUInt16LE(value, offset = 0) { return writeU_Int16LE(this, value, offset, 0, 0xffff); }
function writeUInt16BE(value, offset = 0) { return writeU_Int16BE(this, value, offset, 0, 0xffff); }
function writeInt16LE(value, offset = 0) { return writeU_Int16LE(this, value, offset, -0x8000, 0x7fff); }
function writeInt16BE(value, offset = 0) { return writeU_Int16BE(this, value, offset, -0x8000, 0x7fff); }
function writeUInt32LE(value, offset = 0) { return writeU_Int32LE(this, value, offset, 0, 0xffffffff); }
function writeUInt32BE(value, offset = 0) { return writeU_Int32BE(this, value, offset, 0, 0xffffffff); }
function writeInt32LE(value, offset = 0) { return writeU_Int32LE(this, value, offset, -0x80000000, 0x7fffffff); }
function writeInt32BE(value, offset = 0) { return writeU_Int32BE(this, value, offset, -0x80000000, 0x7fffffff); }

function writeUIntLE(value, offset, byteLength) {
  if (byteLength === 6) return writeU_IntWideLE(this, value, offset, 0, 0xffffffffffff, 6);
  if (byteLength === 5) return writeU_IntWideLE(this, value, offset, 0, 0xffffffffff, 5);
  if (byteLength === 3) return writeU_Int24LE(this, value, offset, 0, 0xffffff);
  if (byteLength === 4) return writeU_Int32LE(this, value, offset, 0, 0xffffffff);
  if (byteLength === 2) return writeU_Int16LE(this, value, offset, 0, 0xffff);
  if (byteLength === 1) return writeU_Int8(this, value, offset, 0, 0xff);
  boundsError(byteLength, 6, 'byteLength');
}

function writeUIntBE(value, offset, byteLength) {
  if (byteLength === 6) return writeU_IntWideBE(this, value, offset, 0, 0xffffffffffff, 6);
  if (byteLength === 5) return writeU_IntWideBE(this, value, offset, 0, 0xffffffffff, 5);
  if (byteLength === 3) return writeU_Int24BE(this, value, offset, 0, 0xffffff);
  if (byteLength === 4) return writeU_Int32BE(this, value, offset, 0, 0xffffffff);
  if (byteLength === 2) return writeU_Int16BE(this, value, offset, 0, 0xffff);
  if (byteLength === 1) return writeU_Int8(this, value, offset, 0, 0xff);
  boundsError(byteLength, 6, 'byteLength');
}

function writeIntLE(value, offset, byteLength) {
  if (byteLength === 6) return writeU_IntWideLE(this, value, offset, -0x800000000000, 0x7fffffffffff, 6);
  if (byteLength === 5) return writeU_IntWideLE(this, value, offset, -0x8000000000, 0x7fffffffff, 5);
  if (byteLength === 3) return writeU_Int24LE(this, value, offset, -0x800000, 0x7fffff);
  if (byteLength === 4) return writeU_Int32LE(this, value, offset, -0x80000000, 0x7fffffff);
  if (byteLength === 2) return writeU_Int16LE(this, value, offset, -0x8000, 0x7fff);
  if (byteLength === 1) return writeU_Int8(this, value, offset, -0x80, 0x7f);
  boundsError(byteLength, 6, 'byteLength');
}

function writeIntBE(value, offset, byteLength) {
  if (byteLength === 6) return writeU_IntWideBE(this, value, offset, -0x800000000000, 0x7fffffffffff, 6);
  if (byteLength === 5) return writeU_IntWideBE(this, value, offset, -0x8000000000, 0x7fffffffff, 5);
  if (byteLength === 3) return writeU_Int24BE(this, value, offset, -0x800000, 0x7fffff);
  if (byteLength === 4) return writeU_Int32BE(this, value, offset, -0x80000000, 0x7fffffff);
  if (byteLength === 2) return writeU_Int16BE(this, value, offset, -0x8000, 0x7fff);
  if (byteLength === 1) return writeU_Int8(this, value, offset, -0x80, 0x7f);
  boundsError(byteLength, 6, 'byteLength');
}

function writeBigU_Int64LE(buf, value, offset, min, max) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  buf[offset++] = lo;
  lo >>= 8;
  buf[offset++] = lo;
  lo >>= 8;
  buf[offset++] = lo;
  lo >>= 8;
  buf[offset++] = lo;
  let hi = Number(value >> 32n & 0xffffffffn);
  buf[offset++] = hi;
  hi >>= 8;
  buf[offset++] = hi;
  hi >>= 8;
  buf[offset++] = hi;
  hi >>= 8;
  buf[offset++] = hi;
  return offset;
}

function writeBigU_Int64BE(buf, value, offset, min, max) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  buf[offset + 7] = lo;
  lo >>= 8;
  buf[offset + 6] = lo;
  lo >>= 8;
  buf[offset + 5] = lo;
  lo >>= 8;
  buf[offset + 4] = lo;
  let hi = Number(value >> 32n & 0xffffffffn);
  buf[offset + 3] = hi;
  hi >>= 8;
  buf[offset + 2] = hi;
  hi >>= 8;
  buf[offset + 1] = hi;
  hi >>= 8;
  buf[offset] = hi;
  return offset + 8;
}

function writeBigUInt64LE(value, offset = 0) {
  return writeBigU_Int64LE(this, value, offset, 0n, 0xffffffffffffffffn);
}
function writeBigUInt64BE(value, offset = 0) {
  return writeBigU_Int64BE(this, value, offset, 0n, 0xffffffffffffffffn);
}
function writeBigInt64LE(value, offset = 0) {
  return writeBigU_Int64LE(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n);
}
function writeBigInt64BE(value, offset = 0) {
  return writeBigU_Int64BE(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n);
}

function writeFloatAt(buf, val, offset, littleEndian) {
  val = +val;
  checkBounds(buf, offset, 3);
  float32Array[0] = val;
  const swap = littleEndian === bigEndian;
  for (let i = 0; i < 4; i++) buf[offset + i] = float32Bytes[swap ? 3 - i : i];
  return offset + 4;
}

function writeDoubleAt(buf, val, offset, littleEndian) {
  val = +val;
  checkBounds(buf, offset, 7);
  float64Array[0] = val;
  const swap = littleEndian === bigEndian;
  for (let i = 0; i < 8; i++) buf[offset + i] = float64Bytes[swap ? 7 - i : i];
  return offset + 8;
}

function writeFloatForwards(val, offset = 0) { return writeFloatAt(this, val, offset, !bigEndian); }
function writeFloatBackwards(val, offset = 0) { return writeFloatAt(this, val, offset, bigEndian); }
function writeDoubleForwards(val, offset = 0) { return writeDoubleAt(this, val, offset, !bigEndian); }
function writeDoubleBackwards(val, offset = 0) { return writeDoubleAt(this, val, offset, bigEndian); }
const writeFloatLE = bigEndian ? writeFloatBackwards : writeFloatForwards;
const writeFloatBE = bigEndian ? writeFloatForwards : writeFloatBackwards;
const writeDoubleLE = bigEndian ? writeDoubleBackwards : writeDoubleForwards;
const writeDoubleBE = bigEndian ? writeDoubleForwards : writeDoubleBackwards;

// ---- The encoding-specific slice/write methods (buf.utf8Slice, buf.hexWrite, …) --------

// Integer conversion the C++ layer applies to start/end/offset arguments.
function parseArrayIndex(value, defaultValue) {
  if (value === undefined) return defaultValue;
  const n = Math.trunc(Number(value)) || 0;
  if (n < 0) throw indexOutOfRange();
  return n;
}

function makeSlice(nativeName) {
  return function(start, end) {
    const len = this.length;
    start = parseArrayIndex(start, 0);
    end = parseArrayIndex(end, len);
    if (end < start) end = start;
    if (end > len) throw indexOutOfRange();
    return binding.decode(this, start, end, nativeName);
  };
}

function makeWrite(nativeName) {
  return function(string, offset, length) {
    if (typeof string !== 'string') {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
    }
    const len = this.length;
    offset = parseArrayIndex(offset, 0);
    if (offset > len) {
      throw nativeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
    }
    let max = parseArrayIndex(length, len - offset);
    max = Math.min(len - offset, max);
    if (max === 0) return 0;
    return binding.write(this, string, offset, max, nativeName);
  };
}

function addBufferPrototypeMethods(proto) {
  const methods = {
    readBigUInt64LE, readBigUInt64BE, readBigUint64LE: readBigUInt64LE, readBigUint64BE: readBigUInt64BE,
    readBigInt64LE, readBigInt64BE,
    writeBigUInt64LE, writeBigUInt64BE, writeBigUint64LE: writeBigUInt64LE, writeBigUint64BE: writeBigUInt64BE,
    writeBigInt64LE, writeBigInt64BE,
    readUIntLE, readUInt32LE, readUInt16LE, readUInt8, readUIntBE, readUInt32BE, readUInt16BE,
    readUintLE: readUIntLE, readUint32LE: readUInt32LE, readUint16LE: readUInt16LE, readUint8: readUInt8,
    readUintBE: readUIntBE, readUint32BE: readUInt32BE, readUint16BE: readUInt16BE,
    readIntLE, readInt32LE, readInt16LE, readInt8, readIntBE, readInt32BE, readInt16BE,
    writeUIntLE, writeUInt32LE, writeUInt16LE, writeUInt8, writeUIntBE, writeUInt32BE, writeUInt16BE,
    writeUintLE: writeUIntLE, writeUint32LE: writeUInt32LE, writeUint16LE: writeUInt16LE, writeUint8: writeUInt8,
    writeUintBE: writeUIntBE, writeUint32BE: writeUInt32BE, writeUint16BE: writeUInt16BE,
    writeIntLE, writeInt32LE, writeInt16LE, writeInt8, writeIntBE, writeInt32BE, writeInt16BE,
    readFloatLE, readFloatBE, readDoubleLE, readDoubleBE,
    writeFloatLE, writeFloatBE, writeDoubleLE, writeDoubleBE,
  };
  for (const name of ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8']) {
    const nativeName = name;
    const slice = makeSlice(nativeName);
    Object.defineProperty(slice, 'name', { value: `${name}Slice` });
    methods[`${name}Slice`] = slice;
  }
  for (const name of ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8']) {
    const write = makeWrite(name);
    Object.defineProperty(write, 'name', { value: `${name}Write` });
    methods[`${name}Write`] = write;
  }
  for (const key of Object.keys(methods)) {
    Object.defineProperty(proto, key, {
      value: methods[key], writable: true, enumerable: true, configurable: true,
    });
  }
}

module.exports = {
  FastBuffer,
  addBufferPrototypeMethods,
  normalizeEncoding,
  getEncodingOps,
  encodingOps,
  base64ByteLength,
  isUint8Array,
  isTypedArray,
  isArrayBuffer,
  isSharedArrayBuffer,
  isAnyArrayBuffer,
  nativeError,
  indexOutOfRange,
  binding,
};
