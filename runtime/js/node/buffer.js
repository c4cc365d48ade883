// The `buffer` module: Buffer (a Uint8Array subclass with Node's methods), the 8 KiB
// allocation pool, SlowBuffer, Blob/File, atob/btoa, transcode and the module constants.
'use strict';

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBuffer,
  validateInteger,
  validateNumber,
  validateString,
} = require('internal/validators');
const {
  FastBuffer,
  addBufferPrototypeMethods,
  normalizeEncoding,
  getEncodingOps,
  encodingOps,
  isUint8Array,
  isTypedArray,
  isAnyArrayBuffer,
  nativeError,
  binding,
} = require('internal/buffer');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
let INSPECT_MAX_BYTES = 50;

let lazyInspect = null;
function utilInspect(value, options) {
  if (lazyInspect === null) lazyInspect = require('internal/util/inspect').inspect;
  return lazyInspect(value, options);
}

// ---- The Buffer constructor and its prototype --------------------------------------

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
addBufferPrototypeMethods(Buffer.prototype);
Object.setPrototypeOf(Buffer, Uint8Array);

// Typed array methods that create new arrays (map, filter, …) build FastBuffers
// directly, so they never go through the deprecated Buffer() call path.
Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() { return FastBuffer; },
});

// ---- The allocation pool ------------------------------------------------------------

Buffer.poolSize = 8 * 1024;
let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  // The shared pool backs many Buffers: transferring it would detach all of them.
  require('internal/structured_clone').markAsUntransferable(allocPool);
  poolOffset = 0;
}
createPool();

// Keep pooled slices 8-byte aligned.
function alignPool() {
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

function assertSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return new FastBuffer(size);
}

// ---- Deprecation of the Buffer() constructor ---------------------------------------

const bufferWarning = 'Buffer() is deprecated due to security and usability ' +
                      'issues. Please use the Buffer.alloc(), ' +
                      'Buffer.allocUnsafe(), or Buffer.from() methods instead.';
let bufferWarningAlreadyEmitted = false;
let nodeModulesCheckCounter = 0;

function pendingDeprecationEnabled() {
  if (process.env && process.env.NODE_PENDING_DEPRECATION === '1') return true;
  const execArgv = process.execArgv || [];
  if (execArgv.includes('--pending-deprecation')) return true;
  const nodeOptions = (process.env && process.env.NODE_OPTIONS) || '';
  return /(^|\s)--pending-deprecation(\s|$)/.test(nodeOptions);
}

// The first stack frame that is not built-in code tells whether the caller lives in a
// node_modules folder (built-in frames have names that do not start with `/` nor hold `\`).
function isInsideNodeModules() {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let stack;
  try {
    Error.prepareStackTrace = (err, frames) => frames;
    Error.stackTraceLimit = Infinity;
    const holder = {};
    Error.captureStackTrace(holder, isInsideNodeModules);
    stack = holder.stack;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  if (!Array.isArray(stack) || stack.length === 0) return false;
  // Frames of this module itself never count, whatever its file name looks like.
  const ownFile = stack[0].getFileName();
  for (const frame of stack) {
    const filename = frame.getFileName();
    if (filename === ownFile) continue;
    if (typeof filename !== 'string' || !/^\/|\\/.test(filename)) continue;
    return /^(.*)[\\/]node_modules[\\/]/.test(filename);
  }
  return false;
}

function showFlaggedDeprecation() {
  if (bufferWarningAlreadyEmitted ||
      ++nodeModulesCheckCounter > 10000 ||
      (!pendingDeprecationEnabled() && isInsideNodeModules())) {
    return;
  }
  if (typeof process.emitWarning === 'function') {
    process.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
  }
  bufferWarningAlreadyEmitted = true;
}

/**
 * The legacy constructor: `Buffer(arg, encodingOrOffset, length)` with or without `new`.
 */
function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

// ---- Buffer.from and friends ------------------------------------------------------

function fromStringFast(string, ops) {
  const length = ops.byteLength(string);
  if (length >= (Buffer.poolSize >>> 1)) {
    const bytes = binding.encode(string, ops.nativeName);
    return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  if (length > (poolSize - poolOffset)) createPool();
  let b = new FastBuffer(allocPool, poolOffset, length);
  const actual = ops.write(b, string, 0, length);
  if (actual !== length) {
    // The estimate (base64, hex) was too large: shrink the view.
    b = new FastBuffer(allocPool, poolOffset, actual);
  }
  poolOffset += actual;
  alignPool();
  return b;
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < (Buffer.poolSize >>> 1)) {
    if (obj.length > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, obj.length);
    Uint8Array.prototype.set.call(b, obj, 0);
    poolOffset += obj.length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);

  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);

    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }

    const b = fromObject(value);
    if (b) return b;

    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }

  throw new ERR_INVALID_ARG_TYPE(
    'first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'],
    value,
  );
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.slice(offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

Buffer.of = function of(...items) {
  const newObj = new FastBuffer(items.length);
  for (let k = 0; k < items.length; k++) newObj[k] = items[k];
  return newObj;
};

Buffer.alloc = function alloc(size, fill, encoding) {
  assertSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  assertSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  assertSize(size);
  return new FastBuffer(size);
};

// Deprecated (DEP0030): an unpooled Buffer, callable with or without `new`.
function SlowBuffer(size) {
  assertSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
         normalizeEncoding(encoding) !== undefined;
};

function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateInteger(value, name, min, max);
}

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();

  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }

  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      // Checked here, after the size pass, like Node (so a bad entry still fails).
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += copyActual(buf, buffer, pos, 0, buf.length);
  }
  // Zero the tail when the requested length exceeds the inputs (memory may be pooled).
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  if (encoding) {
    const ops = getEncodingOps(encoding);
    if (ops) return ops.byteLength(string);
  }
  return encodingOps.utf8.byteLength(string);
}
Buffer.byteLength = byteLength;

// ---- Prototype methods ---------------------------------------------------------------

Object.defineProperty(Buffer.prototype, 'parent', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);

  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }

  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.byteLength}`, sourceStart);
    }
  }

  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }

  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

// Copies bytes (not elements) between any two views, clamped to the target's room.
function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.byteLength - targetStart) {
    sourceEnd = sourceStart + target.byteLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.byteLength - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  const src = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  const dst = isUint8Array(target) ? target : new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  dst.set(src, targetStart);
  return nb;
}

Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.decode(this, 0, this.length, 'utf8');

  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = Math.trunc(start) || 0;
  }

  if (end === undefined || end > len) {
    end = len;
  } else {
    end = Math.trunc(end) || 0;
  }

  if (end <= start) return '';

  if (encoding === undefined) return binding.decode(this, start, end, 'utf8');

  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = this.byteLength;
  if (len !== otherBuffer.byteLength) return false;
  return len === 0 || binding.compare(this, otherBuffer) === 0;
};

// Compares source[sourceStart, sourceEnd) with target[targetStart, targetEnd).
function compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd) {
  if (sourceStart > source.length) {
    throw new RangeError('The value of "sourceStart" is out of range.');
  }
  if (targetStart > target.length) {
    throw new RangeError('The value of "targetStart" is out of range.');
  }
  sourceEnd = Math.min(sourceEnd, source.length);
  targetEnd = Math.min(targetEnd, target.length);
  return binding.compare(source.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
}

Buffer.prototype.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);

  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');

  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);

  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');

  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);

  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;

  return compareOffset(this, target, targetStart, sourceStart, targetEnd, sourceEnd);
};

// Finds `val` searching forwards (dir) or backwards from `byteOffset`.
function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  validateBuffer(buffer);

  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  // Coerce to a number; undefined, NaN or non-numeric means "search the whole buffer".
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  dir = !!dir;

  if (typeof val === 'number') {
    return binding.indexOf(buffer, (val >>> 0) & 0xff, byteOffset, 'utf8', dir);
  }

  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);

  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, val, byteOffset, dir);
  }

  if (isUint8Array(val)) {
    const nativeName = ops === undefined ? 'utf8' : ops.nativeName;
    return binding.indexOf(buffer, val, byteOffset, nativeName, dir);
  }

  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// Fills buf[offset, end) with `value` repeated; -1 means the value encodes to no bytes.
function fillWithBytes(buf, value, offset, end, encoding) {
  let bytes;
  if (typeof value === 'string') {
    bytes = binding.encode(value, getEncodingOps(encoding).nativeName);
  } else if (ArrayBuffer.isView(value)) {
    bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else {
    // Anything else is converted like the C++ layer does: ToUint32, low byte.
    Uint8Array.prototype.fill.call(buf, (+value >>> 0) & 255, offset, end);
    return 0;
  }
  if (bytes.length === 0) return -1;
  const fillLength = end - offset;
  if (bytes.length >= fillLength) {
    buf.set(bytes.subarray(0, fillLength), offset);
    return 0;
  }
  // Copy the pattern once, then keep doubling the filled region.
  if (bytes.buffer === buf.buffer) bytes = bytes.slice();
  buf.set(bytes, offset);
  let filled = bytes.length;
  while (filled < fillLength) {
    const chunk = Math.min(filled, fillLength - filled);
    buf.copyWithin(offset + filled, offset, offset + chunk);
    filled += chunk;
  }
  return 0;
}

function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }

    const normalizedEncoding = normalizeEncoding(encoding);
    if (normalizedEncoding === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    encoding = normalizedEncoding;

    if (value.length === 0) {
      // An empty string fills with zeroes.
      value = 0;
    } else if (value.length === 1) {
      // Fast path: a single byte.
      if (normalizedEncoding === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalizedEncoding === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  } else {
    encoding = undefined;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    const byteLen = buf.byteLength;
    const fillLength = end - offset;
    if (offset > end || fillLength + offset > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(buf, value, offset, end);
  } else {
    const res = fillWithBytes(buf, value, offset, end, encoding);
    if (res < 0) {
      if (res === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
      throw new ERR_BUFFER_OUT_OF_BOUNDS();
    }
  }
  return buf;
}

Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

Buffer.prototype.write = function write(string, offset, length, encoding) {
  // Buffer#write(string);
  if (offset === undefined) return this.utf8Write(string, 0, this.length);

  // Buffer#write(string, encoding)
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    // Buffer#write(string, offset[, length][, encoding])
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }

  if (!encoding || encoding === 'utf8') return this.utf8Write(string, offset, length);
  if (encoding === 'ascii') return this.asciiWrite(string, offset, length);

  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (typeof string !== 'string') {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  }
  if (length === 0) return 0;
  return ops.write(this, string, offset, length);
};

Buffer.prototype.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  // Use Math.trunc() to convert offset to an integer value that can be larger
  // than an Int32. Hence, don't use offset | 0 or similar techniques.
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

Buffer.prototype.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
  return this;
};

Buffer.prototype.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  for (let i = 0; i < len; i += 4) {
    swap(this, i, i + 3);
    swap(this, i + 1, i + 2);
  }
  return this;
};

Buffer.prototype.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  for (let i = 0; i < len; i += 8) {
    swap(this, i, i + 7);
    swap(this, i + 1, i + 6);
    swap(this, i + 2, i + 5);
    swap(this, i + 3, i + 4);
  }
  return this;
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

// `<Buffer 01 02 … N more bytes, extra: props>`, as util.inspect shows a Buffer.
Buffer.prototype[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = binding.decode(this, 0, actualMax, 'hex').replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Own non-index properties are invisible to the typed array formatter, so show them here.
  if (ctx) {
    let extras = false;
    const obj = { __proto__: null };
    const keys = internalBinding('util').getOwnNonIndexProperties(this, !ctx.showHidden);
    for (const key of keys) {
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      if (this.length !== 0) str += ', ';
      // Strip `[Object: null prototype] {` and the closing ` }`.
      str += utilInspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

// ---- transcode ------------------------------------------------------------------------

const kTranscodeEncodings = new Set(['ascii', 'latin1', 'utf16le', 'utf8']);

function transcodeError(code, errno) {
  const err = new Error(`Unable to transcode Buffer [${code}]`);
  err.code = code;
  err.errno = errno;
  return err;
}

// UTF-16LE code units of `source`; `onLone` handles unpaired surrogates and `odd` tells
// whether a trailing odd byte becomes U+FFFD (only for UTF-16 → UTF-16).
function decodeUtf16ForTranscode(source, onLone, oddToReplacement) {
  const units = [];
  const n = source.length & ~1;
  for (let i = 0; i < n; i += 2) units.push(source[i] | (source[i + 1] << 8));
  let out = '';
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units.length &&
        units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
      out += String.fromCharCode(u, units[i + 1]);
      i++;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      out += onLone();
    } else {
      out += String.fromCharCode(u);
    }
  }
  if ((source.length & 1) && oddToReplacement) out += '\ufffd';
  return out;
}

// Encodes a well-formed string into a single-byte charset, one `?` per unmappable code point.
function encodeSingleByte(str, limit) {
  const out = [];
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    out.push(cp <= limit ? cp : 0x3F);
  }
  return Buffer.from(out);
}

function transcodeBytes(source, from, to) {
  let text;
  if (from === 'utf16le') {
    if (to === 'utf8') {
      text = decodeUtf16ForTranscode(source, () => { throw transcodeError('U_INVALID_CHAR_FOUND', 10); }, false);
    } else if (to === 'utf16le') {
      text = decodeUtf16ForTranscode(source, () => '\ufffd', true);
    } else {
      text = decodeUtf16ForTranscode(source, () => '\ufffd', false);
    }
  } else if (from === 'utf8') {
    if (to === 'utf16le' && !binding.isUtf8(source)) throw transcodeError('U_INVALID_CHAR_FOUND', 10);
    text = binding.decode(source, 0, source.length, 'utf8');
  } else if (from === 'latin1') {
    text = binding.decode(source, 0, source.length, 'latin1');
  } else {
    // US-ASCII: bytes above 0x7F are illegal and become U+FFFD.
    text = '';
    for (let i = 0; i < source.length; i++) {
      text += source[i] < 0x80 ? String.fromCharCode(source[i]) : '\ufffd';
    }
  }
  switch (to) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf16le': return Buffer.from(text, 'utf16le');
    case 'latin1': return encodeSingleByte(text, 0xFF);
    default: return encodeSingleByte(text, 0x7F);
  }
}

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (!kTranscodeEncodings.has(from) || !kTranscodeEncodings.has(to)) {
    throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR', 1);
  }
  return transcodeBytes(source, from, to);
}

// ---- atob / btoa ----------------------------------------------------------------------

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  if (DOMExceptionCtor === undefined) {
    DOMExceptionCtor = globalThis.DOMException || require('internal/domexception').DOMException;
  }
  return new DOMExceptionCtor(message, name);
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let n = 0; n < input.length; n++) {
    if (input.charCodeAt(n) > 0xff) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  }
  return binding.decode(binding.encode(input, 'latin1'), 0, input.length, 'base64');
}

// The forgiving-base64 decode of the HTML spec (ASCII whitespace is skipped).
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let data = '';
  for (let n = 0; n < input.length; n++) {
    const c = input.charCodeAt(n);
    if (c === 0x09 || c === 0x0A || c === 0x0C || c === 0x0D || c === 0x20) continue;
    data += input[n];
  }
  if (data.length % 4 === 0) {
    if (data.endsWith('==')) data = data.slice(0, -2);
    else if (data.endsWith('=')) data = data.slice(0, -1);
  }
  for (let n = 0; n < data.length; n++) {
    const c = data.charCodeAt(n);
    const ok = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) ||
               (c >= 0x30 && c <= 0x39) || c === 0x2B || c === 0x2F;
    if (!ok) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  }
  if (data.length % 4 === 1) {
    throw lazyDOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  const bytes = binding.encode(data, 'base64');
  return binding.decode(bytes, 0, bytes.length, 'latin1');
}

// ---- isUtf8 / isAscii -------------------------------------------------------------

// Views over a detached buffer are simply empty; a detached ArrayBuffer is an error.
function validationBytes(input) {
  if (isAnyArrayBuffer(input)) {
    if (input.detached === true) {
      throw nativeError(Error, 'ERR_INVALID_STATE', 'Cannot validate on a detached buffer');
    }
    return new Uint8Array(input);
  }
  if (input.byteLength === 0) return new Uint8Array(0);
  return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

function isUtf8(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) return binding.isUtf8(validationBytes(input));
  throw new ERR_INVALID_ARG_TYPE('input', ['TypedArray', 'Buffer'], input);
}

function isAscii(input) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) return binding.isAscii(validationBytes(input));
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

// ---- Exports -----------------------------------------------------------------------------

const { Blob, File, resolveObjectURL } = require('internal/blob');

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined, // Replaced by the accessor below (kept here for key order).
  Blob,
  resolveObjectURL,
  File,
};

Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return INSPECT_MAX_BYTES; },
  set(val) {
    validateNumber(val, 'INSPECT_MAX_BYTES', 0);
    INSPECT_MAX_BYTES = val;
  },
});
