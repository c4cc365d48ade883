// Percent-encoding tables and the UTF-8 percent-encoder shared by querystring, the
// legacy url module and URLSearchParams.
'use strict';

const { codes: { ERR_INVALID_URI } } = require('internal/errors');

// '%00' … '%FF'
const hexTable = new Array(256);
for (let i = 0; i < 256; ++i) {
  hexTable[i] = `%${(i < 16 ? '0' : '') + i.toString(16).toUpperCase()}`;
}

// 1 for the ASCII characters that are hex digits.
const isHexTable = new Int8Array(256);
for (const c of '0123456789ABCDEFabcdef') isHexTable[c.charCodeAt(0)] = 1;

// Builds a 128-entry table with 1 for every character of `chars` and every ASCII
// letter and digit.
function makeNoEscapeTable(chars) {
  const table = new Int8Array(128);
  for (let c = 0x30; c <= 0x39; c++) table[c] = 1;
  for (let c = 0x41; c <= 0x5A; c++) table[c] = 1;
  for (let c = 0x61; c <= 0x7A; c++) table[c] = 1;
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

/**
 * Percent-encodes `str` as UTF-8, leaving the ASCII characters marked in `noEscapeTable`.
 * Node's quirks are kept: a surrogate in the last position throws URIError, and any
 * other surrogate (paired or not) is combined with the next code unit.
 * @param {string} str
 * @param {Int8Array} noEscapeTable
 * @param {string[]} hexTableArg
 * @returns {string}
 */
function encodeStr(str, noEscapeTable, hexTableArg) {
  const len = str.length;
  let out = '';
  // Start of the pending run of characters that are copied unchanged.
  let runStart = 0;
  for (let i = 0; i < len; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80 && noEscapeTable[c] === 1) continue;

    if (runStart < i) out += str.slice(runStart, i);
    if (c < 0x80) {
      out += hexTableArg[c];
    } else if (c < 0x800) {
      out += hexTableArg[0xC0 | (c >> 6)] + hexTableArg[0x80 | (c & 0x3F)];
    } else if (c < 0xD800 || c >= 0xE000) {
      out += hexTableArg[0xE0 | (c >> 12)] + hexTableArg[0x80 | ((c >> 6) & 0x3F)] +
             hexTableArg[0x80 | (c & 0x3F)];
    } else {
      if (i + 1 >= len) throw new ERR_INVALID_URI();
      const cp = 0x10000 + (((c & 0x3FF) << 10) | (str.charCodeAt(++i) & 0x3FF));
      out += hexTableArg[0xF0 | (cp >> 18)] + hexTableArg[0x80 | ((cp >> 12) & 0x3F)] +
             hexTableArg[0x80 | ((cp >> 6) & 0x3F)] + hexTableArg[0x80 | (cp & 0x3F)];
    }
    runStart = i + 1;
  }
  if (runStart === 0) return str;
  return runStart < len ? out + str.slice(runStart) : out;
}

module.exports = {
  encodeStr,
  hexTable,
  isHexTable,
  makeNoEscapeTable,
};
