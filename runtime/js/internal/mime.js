// util.MIMEType / util.MIMEParams: the WHATWG MIME Sniffing "parse a MIME type" and
// "serialize a MIME type" algorithms.
'use strict';

const {
  codes: {
    ERR_INVALID_MIME_SYNTAX,
  },
} = require('internal/errors');

// HTTP token code points: !#$%&'*+-.^_`|~, digits and ASCII letters.
const NOT_HTTP_TOKEN_CODE_POINT = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
// HTTP quoted-string token code points: tab, U+0020-U+007E, U+0080-U+00FF.
const NOT_HTTP_QUOTED_STRING_CODE_POINT = /[^\t\u0020-\u007E\u0080-\u00FF]/;

const isHTTPWhitespace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function firstMatch(regexp, str) {
  const match = regexp.exec(str);
  return match === null ? -1 : match.index;
}

function trimHTTPWhitespace(str) {
  let start = 0;
  let end = str.length;
  while (start < end && isHTTPWhitespace(str[start])) start++;
  while (end > start && isHTTPWhitespace(str[end - 1])) end--;
  return str.slice(start, end);
}

function trimTrailingHTTPWhitespace(str) {
  let end = str.length;
  while (end > 0 && isHTTPWhitespace(str[end - 1])) end--;
  return str.slice(0, end);
}

function toASCIILower(str) {
  return str.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

// Parameter values are written bare when they are non-empty tokens, quoted otherwise.
function encodeParamValue(value) {
  if (value.length === 0) return '""';
  if (NOT_HTTP_TOKEN_CODE_POINT.test(value)) return `"${value.replace(/["\\]/g, '\\$&')}"`;
  return value;
}

class MIMEParams {
  #data = new Map();

  delete(name) {
    this.#data.delete(name);
  }

  get(name) {
    const data = this.#data;
    if (data.has(name)) return data.get(name);
    return null;
  }

  has(name) {
    return this.#data.has(name);
  }

  set(name, value) {
    const data = this.#data;
    name = `${name}`;
    value = `${value}`;
    const invalidNameIndex = firstMatch(NOT_HTTP_TOKEN_CODE_POINT, name);
    if (name.length === 0 || invalidNameIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, invalidNameIndex);
    }
    const invalidValueIndex = firstMatch(NOT_HTTP_QUOTED_STRING_CODE_POINT, value);
    if (invalidValueIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, invalidValueIndex);
    }
    data.set(name, value);
  }

  *entries() {
    yield* this.#data.entries();
  }

  *keys() {
    yield* this.#data.keys();
  }

  *values() {
    yield* this.#data.values();
  }

  toString() {
    let ret = '';
    for (const { 0: key, 1: value } of this.#data) {
      const encoded = encodeParamValue(value);
      if (ret.length !== 0) ret += ';';
      ret += `${key}=${encoded}`;
    }
    return ret;
  }

  // Called by MIMEType while parsing: the first occurrence of a name wins and invalid
  // parameters are skipped.
  static parseParametersString(str, position, params) {
    const paramsMap = params.#data;
    const endOfSource = str.length;
    while (position < endOfSource) {
      // Skip the ';' and any whitespace after it.
      position++;
      while (position < endOfSource && isHTTPWhitespace(str[position])) position++;

      let nameEnd = position;
      while (nameEnd < endOfSource && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
      const parameterName = toASCIILower(str.slice(position, nameEnd));
      position = nameEnd;

      if (position >= endOfSource) break;
      if (str[position] === ';') continue;

      // Skip the '='.
      position++;
      if (position >= endOfSource) break;

      let parameterValue = null;
      if (str[position] === '"') {
        // Quoted string: backslash escapes the next character.
        position++;
        parameterValue = '';
        while (position < endOfSource) {
          const c = str[position];
          if (c === '"') {
            position++;
            break;
          }
          if (c === '\\') {
            position++;
            if (position >= endOfSource) {
              parameterValue += '\\';
              break;
            }
            parameterValue += str[position];
            position++;
            continue;
          }
          parameterValue += c;
          position++;
        }
        // Ignore anything up to the next ';'.
        while (position < endOfSource && str[position] !== ';') position++;
      } else {
        let valueEnd = position;
        while (valueEnd < endOfSource && str[valueEnd] !== ';') valueEnd++;
        parameterValue = trimTrailingHTTPWhitespace(str.slice(position, valueEnd));
        position = valueEnd;
        if (parameterValue === '') continue;
      }

      if (parameterName !== '' &&
          !NOT_HTTP_TOKEN_CODE_POINT.test(parameterName) &&
          !NOT_HTTP_QUOTED_STRING_CODE_POINT.test(parameterValue) &&
          !paramsMap.has(parameterName)) {
        paramsMap.set(parameterName, parameterValue);
      }
    }
    return params;
  }
}

const parseParametersString = MIMEParams.parseParametersString;
delete MIMEParams.parseParametersString;

Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
  __proto__: null,
  configurable: true,
  value: MIMEParams.prototype.entries,
  writable: true,
});

MIMEParams.prototype.toJSON = MIMEParams.prototype.toString;
Object.defineProperty(MIMEParams.prototype, 'toJSON', { enumerable: false });

class MIMEType {
  #type;
  #subtype;
  #parameters;

  constructor(string) {
    string = `${string}`;
    const data = trimHTTPWhitespace(string);

    const slash = data.indexOf('/');
    const type = slash === -1 ? data : data.slice(0, slash);
    const invalidTypeIndex = firstMatch(NOT_HTTP_TOKEN_CODE_POINT, type);
    if (type.length === 0 || invalidTypeIndex !== -1 || slash === -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', data, invalidTypeIndex);
    }

    let semicolon = data.indexOf(';', slash + 1);
    if (semicolon === -1) semicolon = data.length;
    const subtype = trimTrailingHTTPWhitespace(data.slice(slash + 1, semicolon));
    const invalidSubtypeIndex = firstMatch(NOT_HTTP_TOKEN_CODE_POINT, subtype);
    if (subtype.length === 0 || invalidSubtypeIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', data, invalidSubtypeIndex);
    }

    this.#type = toASCIILower(type);
    this.#subtype = toASCIILower(subtype);
    this.#parameters = parseParametersString(data, semicolon, new MIMEParams());
  }

  get type() {
    return this.#type;
  }

  set type(v) {
    v = `${v}`;
    const invalidTypeIndex = firstMatch(NOT_HTTP_TOKEN_CODE_POINT, v);
    if (v.length === 0 || invalidTypeIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', v, invalidTypeIndex);
    }
    this.#type = toASCIILower(v);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(v) {
    v = `${v}`;
    const invalidSubtypeIndex = firstMatch(NOT_HTTP_TOKEN_CODE_POINT, v);
    if (v.length === 0 || invalidSubtypeIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', v, invalidSubtypeIndex);
    }
    this.#subtype = toASCIILower(v);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    let ret = `${this.#type}/${this.#subtype}`;
    const paramStr = this.#parameters.toString();
    if (paramStr.length) ret += `;${paramStr}`;
    return ret;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = {
  MIMEParams,
  MIMEType,
};
