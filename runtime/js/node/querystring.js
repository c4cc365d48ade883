// The `querystring` module: Node's lenient key=value&… parser and serializer.
'use strict';

const { Buffer } = require('buffer');
const {
  encodeStr,
  hexTable,
  isHexTable,
  makeNoEscapeTable,
} = require('internal/querystring');

// Same set as encodeURIComponent leaves alone: alphanumerics and !'()*-._~
const noEscape = makeNoEscapeTable("!'()*-._~");

// Hex digit value of each ASCII code, -1 otherwise.
const unhexTable = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) unhexTable[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  unhexTable[0x41 + i] = 10 + i;
  unhexTable[0x61 + i] = 10 + i;
}

/**
 * Decodes %XX escapes into bytes ('+' becomes a space when `decodeSpaces`). Malformed
 * escapes stay as they are, and other characters are stored as their low byte.
 * @param {string} s
 * @param {boolean} [decodeSpaces]
 * @returns {Buffer}
 */
function unescapeBuffer(s, decodeSpaces) {
  const out = Buffer.allocUnsafe(s.length);
  let outIndex = 0;
  let decodedAny = false;
  const lastEscapeStart = s.length - 2;
  let index = 0;
  while (index < s.length) {
    let code = s.charCodeAt(index);
    if (code === 0x2B && decodeSpaces) {
      out[outIndex++] = 0x20;
      index++;
      continue;
    }
    if (code === 0x25 && index < lastEscapeStart) {
      const high = unhexTable[s.charCodeAt(index + 1) & 0xFFFF] ?? -1;
      const low = unhexTable[s.charCodeAt(index + 2) & 0xFFFF] ?? -1;
      if (high < 0) {
        // Not an escape: keep '%' and look at the next character on its own.
        out[outIndex++] = 0x25;
        index++;
        continue;
      }
      if (low < 0) {
        out[outIndex++] = 0x25;
        index++;
        continue;
      }
      decodedAny = true;
      code = high * 16 + low;
      index += 2;
    }
    out[outIndex++] = code;
    index++;
  }
  return decodedAny ? out.slice(0, outIndex) : out;
}

/**
 * @param {string} s
 * @param {boolean} [decodeSpaces]
 * @returns {string}
 */
function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return QueryString.unescapeBuffer(s, decodeSpaces).toString();
  }
}

/**
 * QueryString.escape() replaces encodeURIComponent()
 * @see https://www.ecma-international.org/ecma-262/5.1/#sec-15.1.3.4
 * @param {any} str
 * @returns {string}
 */
function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeStr(str, noEscape, hexTable);
}

/**
 * @param {string | number | bigint | boolean} v
 * @returns {string}
 */
function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

// The default encoder skips work for values that never need escaping.
function encodeStringified(v, encode) {
  if (typeof v === 'string') return (v.length ? encode(v) : '');
  if (typeof v === 'number' && Number.isFinite(v)) {
    // Values >= 1e21 automatically switch to scientific notation which requires
    // escaping due to the inclusion of a '+' in the output
    return (Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`));
  }
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringifiedCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

/**
 * @param {Record<string, string | number | boolean
 * | ReadonlyArray<string | number | boolean> | null>} obj
 * @param {string} [sep]
 * @param {string} [eq]
 * @param {{ encodeURIComponent?: (v: string) => string }} [options]
 * @returns {string}
 */
function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';

  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = (encode === qsEscape ? encodeStringified : encodeStringifiedCustom);

  if (obj === null || typeof obj !== 'object') return '';

  const pairs = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      for (let j = 0; j < v.length; ++j) pairs.push(ks + convert(v[j], encode));
    } else {
      pairs.push(ks + convert(v, encode));
    }
  }
  return pairs.join(sep);
}

function charCodes(str) {
  const ret = new Array(str.length);
  for (let i = 0; i < str.length; ++i) ret[i] = str.charCodeAt(i);
  return ret;
}
const defSepCodes = [0x26]; // &
const defEqCodes = [0x3D]; // =

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function addKeyVal(obj, key, value, keyEncoded, valEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeStr(key, decode);
  if (value.length > 0 && valEncoded) value = decodeStr(value, decode);

  if (obj[key] === undefined) {
    obj[key] = value;
  } else {
    const curValue = obj[key];
    // Only arrays we created have `pop`; strings do not.
    if (curValue.pop) curValue[curValue.length] = value;
    else obj[key] = [curValue, value];
  }
}

/**
 * Parse a key/val string.
 *
 * The scan is a small state machine over char codes: it matches the (possibly
 * multi-character) separators one code at a time — a mismatch restarts the match at
 * the next character without re-testing the current one — and remembers whether a key
 * or value contains something that looks like %XX or '+' so that only those are
 * passed through the decoder.
 * @param {string} qs
 * @param {string} [sep]
 * @param {string} [eq]
 * @param {{ maxKeys?: number; decodeURIComponent?(v: string): string }} [options]
 * @returns {Record<string, string | string[]>}
 */
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };

  if (typeof qs !== 'string' || qs.length === 0) return obj;

  const sepCodes = (!sep ? defSepCodes : charCodes(String(sep)));
  const eqCodes = (!eq ? defEqCodes : charCodes(String(eq)));
  const sepLen = sepCodes.length;
  const eqLen = eqCodes.length;

  // Remaining pairs; -1 (from maxKeys <= 0) never reaches 0, i.e. unlimited.
  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') {
    pairs = (options.maxKeys > 0 ? options.maxKeys : -1);
  }

  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const customDecode = (decode !== qsUnescape);

  let lastPos = 0;
  let sepIdx = 0;
  let eqIdx = 0;
  let key = '';
  let value = '';
  let keyEncoded = customDecode;
  let valEncoded = customDecode;
  const plusChar = (customDecode ? '%20' : ' ');
  // Progress through a '%' followed by two hex digits (0 = none seen).
  let encodeCheck = 0;

  for (let i = 0; i < qs.length; ++i) {
    const code = qs.charCodeAt(i);

    if (code === sepCodes[sepIdx]) {
      if (++sepIdx !== sepLen) continue;
      // A whole pair separator ends the current pair.
      const end = i - sepIdx + 1;
      if (eqIdx < eqLen) {
        // No (complete) key/value separator: everything so far is the key.
        if (lastPos < end) {
          key += qs.slice(lastPos, end);
        } else if (key.length === 0) {
          // An empty pair between two separators only uses up a pair slot.
          if (--pairs === 0) return obj;
          lastPos = i + 1;
          sepIdx = eqIdx = 0;
          continue;
        }
      } else if (lastPos < end) {
        value += qs.slice(lastPos, end);
      }

      addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);

      if (--pairs === 0) return obj;
      keyEncoded = valEncoded = customDecode;
      key = value = '';
      encodeCheck = 0;
      lastPos = i + 1;
      sepIdx = eqIdx = 0;
      continue;
    }

    sepIdx = 0;
    if (eqIdx < eqLen) {
      // Still in the key.
      if (code === eqCodes[eqIdx]) {
        if (++eqIdx === eqLen) {
          const end = i - eqIdx + 1;
          if (lastPos < end) key += qs.slice(lastPos, end);
          encodeCheck = 0;
          lastPos = i + 1;
        }
        continue;
      }
      eqIdx = 0;
      if (!keyEncoded) {
        // Look for one valid %XX in the key so only such keys get decoded.
        if (code === 0x25) {
          encodeCheck = 1;
          continue;
        }
        if (encodeCheck > 0) {
          if (isHexTable[code] === 1) {
            if (++encodeCheck === 3) keyEncoded = true;
            continue;
          }
          encodeCheck = 0;
        }
      }
      if (code === 0x2B) {
        if (lastPos < i) key += qs.slice(lastPos, i);
        key += plusChar;
        lastPos = i + 1;
        continue;
      }
    }
    // Value characters, and key characters not consumed above (Node lets those
    // reach the value bookkeeping too).
    if (code === 0x2B) {
      if (lastPos < i) value += qs.slice(lastPos, i);
      value += plusChar;
      lastPos = i + 1;
    } else if (!valEncoded) {
      if (code === 0x25) {
        encodeCheck = 1;
      } else if (encodeCheck > 0) {
        if (isHexTable[code] === 1) {
          if (++encodeCheck === 3) valEncoded = true;
        } else {
          encodeCheck = 0;
        }
      }
    }
  }

  // Deal with any leftover key or value data
  if (lastPos < qs.length) {
    if (eqIdx < eqLen) key += qs.slice(lastPos);
    else if (sepIdx < sepLen) value += qs.slice(lastPos);
  } else if (eqIdx === 0 && key.length === 0) {
    // We ended on an empty substring
    return obj;
  }

  addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);

  return obj;
}

const QueryString = module.exports = {
  unescapeBuffer,
  // `unescape()` is a JS global, so we need to use a different local name
  unescape: qsUnescape,

  // `escape()` is a JS global, so we need to use a different local name
  escape: qsEscape,

  stringify,
  encode: stringify,

  parse,
  decode: parse,
};
