// The `string_decoder` module: decodes byte chunks into strings without splitting
// multi-byte characters (UTF-8, UTF-16LE surrogate pairs, base64 groups) across writes.
'use strict';

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const { normalizeEncoding: normalize, binding } = require('internal/buffer');

// The decoder state lives in a 7-byte Buffer laid out like Node's native decoder
// (so `lastChar` and util.inspect show the same bytes):
// [0..3] incomplete character bytes, [4] missing bytes, [5] buffered bytes, [6] encoding.
const kIncompleteCharactersStart = 0;
const kIncompleteCharactersEnd = 4;
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kNumFields = 7;

const kNativeDecoder = Symbol('kNativeDecoder');

const encodingsMap = {
  ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, base64url: 7,
};
const nativeNames = {
  ascii: 'ascii', utf8: 'utf8', base64: 'base64', utf16le: 'ucs2', latin1: 'latin1', hex: 'hex', base64url: 'base64url',
};

function normalizeEncoding(enc) {
  const nenc = normalize(enc);
  if (nenc === undefined) {
    // A user-patched Buffer.isEncoding may accept more names; pass those through.
    if (Buffer.isEncoding === isEncodingOriginal || !Buffer.isEncoding(enc)) {
      throw new ERR_UNKNOWN_ENCODING(enc);
    }
    return enc;
  }
  return nenc;
}
const isEncodingOriginal = Buffer.isEncoding;

function makeString(bytes, start, end, encoding) {
  return binding.decode(bytes, start, end, nativeNames[encoding] || 'utf8');
}

// Decodes one chunk, keeping an unfinished trailing character in the state buffer.
function decode(state, encoding, data) {
  let start = 0;
  let nread = data.length;
  if (encoding !== 'utf8' && encoding !== 'utf16le' && encoding !== 'base64' && encoding !== 'base64url') {
    return makeString(data, 0, nread, encoding);
  }

  let prepend = '';
  if (state[kMissingBytes] > 0) {
    if (encoding === 'utf8') {
      // A byte that should continue the pending character but does not ends it
      // early; V8 then decodes the partial bytes (to U+FFFD) like a whole-buffer decode.
      for (let i = 0; i < nread && i < state[kMissingBytes]; i++) {
        if ((data[start + i] & 0xC0) !== 0x80) {
          state[kMissingBytes] = 0;
          state.set(data.subarray(start, start + i), state[kBufferedBytes]);
          state[kBufferedBytes] += i;
          start += i;
          nread -= i;
          break;
        }
      }
    }
    const found = Math.min(nread, state[kMissingBytes]);
    state.set(data.subarray(start, start + found), state[kBufferedBytes]);
    start += found;
    nread -= found;
    state[kMissingBytes] -= found;
    state[kBufferedBytes] += found;
    if (state[kMissingBytes] === 0) {
      prepend = makeString(state, 0, state[kBufferedBytes], encoding);
      state[kBufferedBytes] = 0;
    }
  }

  if (nread === 0) return prepend;

  const end = start + nread;
  if (encoding === 'utf8' && (data[end - 1] & 0x80)) {
    // Walk back from the end to the lead byte of the last character.
    for (let i = end - 1; ; i--) {
      state[kBufferedBytes]++;
      if ((data[i] & 0xC0) === 0x80) {
        if (state[kBufferedBytes] >= 4 || i === start) {
          // Too many continuation bytes, or no lead byte in this chunk: let the
          // decoder deal with them now.
          state[kBufferedBytes] = 0;
          break;
        }
      } else {
        if ((data[i] & 0xE0) === 0xC0) {
          state[kMissingBytes] = 2;
        } else if ((data[i] & 0xF0) === 0xE0) {
          state[kMissingBytes] = 3;
        } else if ((data[i] & 0xF8) === 0xF0) {
          state[kMissingBytes] = 4;
        } else {
          // Not a valid lead byte: nothing to wait for.
          state[kBufferedBytes] = 0;
          break;
        }
        if (state[kBufferedBytes] >= state[kMissingBytes]) {
          // Complete (or over-long, which the decoder replaces) already.
          state[kMissingBytes] = 0;
          state[kBufferedBytes] = 0;
        }
        state[kMissingBytes] -= state[kBufferedBytes];
        break;
      }
    }
  } else if (encoding === 'utf16le') {
    if (nread % 2 === 1) {
      // Half a code unit.
      state[kBufferedBytes] = 1;
      state[kMissingBytes] = 1;
    } else if ((data[end - 1] & 0xFC) === 0xD8) {
      // A high surrogate whose pair is still to come.
      state[kBufferedBytes] = 2;
      state[kMissingBytes] = 2;
    }
  } else if (encoding === 'base64' || encoding === 'base64url') {
    state[kBufferedBytes] = nread % 3;
    if (state[kBufferedBytes] > 0) state[kMissingBytes] = 3 - state[kBufferedBytes];
  }

  let bodyEnd = end;
  if (state[kBufferedBytes] > 0) {
    bodyEnd = end - state[kBufferedBytes];
    state.set(data.subarray(bodyEnd, end), kIncompleteCharactersStart);
  }
  const body = bodyEnd > start ? makeString(data, start, bodyEnd, encoding) : '';
  return prepend + body;
}

function flush(state, encoding) {
  if (encoding === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    // A lone trailing byte of UTF-16 is dropped.
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  if (state[kBufferedBytes] === 0) return '';
  const ret = makeString(state, 0, state[kBufferedBytes], encoding);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return ret;
}

function asBytes(buf) {
  if (buf instanceof Uint8Array) return buf;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * StringDecoder provides an interface for efficiently splitting a series of
 * buffers into a series of JS strings without breaking apart multi-byte
 * characters.
 * @param {string} [encoding=utf8]
 */
function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  this[kNativeDecoder] = Buffer.alloc(kNumFields);
  this[kNativeDecoder][kEncodingField] = encodingsMap[this.encoding];
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (!this[kNativeDecoder]) throw new ERR_INVALID_THIS('StringDecoder');
  return decode(this[kNativeDecoder], this.encoding, asBytes(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += flush(this[kNativeDecoder], this.encoding);
  return ret;
};

// Decodes `buf` from `offset` on, forgetting any pending partial character.
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(kIncompleteCharactersStart, kIncompleteCharactersEnd);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes];
    },
  },
});

module.exports = { StringDecoder };
