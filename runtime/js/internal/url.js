// WHATWG URL and URLSearchParams, plus the file-URL and http-options helpers.
// Parsing and the component setters are native (internalBinding('url')); this file keeps
// the parsed components, the live link between a URL and its searchParams, and the
// application/x-www-form-urlencoded parser/serializer.
'use strict';

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');

const bindingUrl = internalBinding('url');
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kEmptyObject = Object.freeze({ __proto__: null });

let lazyInspect = null;
function inspect(value, options) {
  if (lazyInspect === null) lazyInspect = require('internal/util/inspect').inspect;
  return lazyInspect(value, options);
}

// `${value}` with lone surrogates replaced by U+FFFD (WebIDL USVString).
function toUSVString(value) {
  const str = `${value}`;
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  return str.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\ufffd');
}

function removeColors(str) {
  // eslint-disable-next-line no-control-regex
  return str.replace(/\u001b\[\d\d?m/g, '');
}

// ---- application/x-www-form-urlencoded ---------------------------------------------------

const { encodeStr, hexTable, makeNoEscapeTable } = require('internal/querystring');

// The form serializer leaves ASCII alphanumerics and *-._ alone and writes space as '+'.
const noEscapeForm = makeNoEscapeTable('*-._');
const paramHexTable = hexTable.slice();
paramHexTable[0x20] = '+';

function serializeParams(list) {
  const len = list.length;
  if (len === 0) return '';
  let output = `${encodeStr(list[0], noEscapeForm, paramHexTable)}=${encodeStr(list[1], noEscapeForm, paramHexTable)}`;
  for (let i = 2; i < len; i += 2) {
    output += `&${encodeStr(list[i], noEscapeForm, paramHexTable)}=${encodeStr(list[i + 1], noEscapeForm, paramHexTable)}`;
  }
  return output;
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

// '+' → space, %XX → byte (invalid escapes kept literally), then UTF-8 decode with
// replacement characters.
function decodeFormComponent(str) {
  if (!/[%+]/.test(str)) return str;
  str = str.replace(/\+/g, ' ');
  if (!str.includes('%')) return str;
  const bytes = [];
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 0x25 && i + 2 < str.length && hexValue(str.charCodeAt(i + 1)) >= 0 &&
        hexValue(str.charCodeAt(i + 2)) >= 0) {
      bytes.push(hexValue(str.charCodeAt(i + 1)) * 16 + hexValue(str.charCodeAt(i + 2)));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // Non-ASCII text: re-encode it as UTF-8 so the whole run decodes together.
      let end = i + 1;
      if (c >= 0xD800 && c <= 0xDBFF && end < str.length) {
        const c2 = str.charCodeAt(end);
        if (c2 >= 0xDC00 && c2 <= 0xDFFF) end++;
      }
      const encoded = internalBinding('buffer').encode(str.slice(i, end), 'utf8');
      for (let k = 0; k < encoded.length; k++) bytes.push(encoded[k]);
      i = end - 1;
    }
  }
  const u8 = new Uint8Array(bytes);
  return internalBinding('buffer').decode(u8, 0, u8.length, 'utf8');
}

// Parses a query string (without its leading '?') into a flat [name, value, …] list.
function parseParams(qs) {
  const out = [];
  if (qs.length === 0) return out;
  for (const sequence of qs.split('&')) {
    if (sequence.length === 0) continue;
    const eq = sequence.indexOf('=');
    let name;
    let value;
    if (eq === -1) {
      name = sequence;
      value = '';
    } else {
      name = sequence.slice(0, eq);
      value = sequence.slice(eq + 1);
    }
    out.push(decodeFormComponent(name), decodeFormComponent(value));
  }
  return out;
}

// ---- URLSearchParams ------------------------------------------------------------------

// Hooks shared between URL and URLSearchParams (filled in by their static blocks).
let isURLSearchParams;
let getParamsList;
let setParamsList;
let setParamsContext;
let urlUpdateSearchFromParams;

class URLSearchParams {
  // Flat list [name0, value0, name1, value1, …].
  #list = [];
  // The URL this object belongs to, if any.
  #context = null;

  static {
    isURLSearchParams = (obj) => obj != null && typeof obj === 'object' && #list in obj;
    getParamsList = (obj) => obj.#list;
    setParamsList = (obj, list) => { obj.#list = list; };
    setParamsContext = (obj, url) => { obj.#context = url; };
  }

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // Nothing to do.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        // While the spec does not have this branch, we can use it as a
        // shortcut to avoid having to go through the costly generic iterator.
        this.#list = init.#list.slice();
      } else if (method != null) {
        // Sequence<sequence<USVString>>
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        const list = [];
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const converted = [];
          for (const element of pair) converted.push(toUSVString(element));
          if (converted.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          list.push(converted[0], converted[1]);
        }
        this.#list = list;
      } else {
        // Record<USVString, USVString>: later duplicates (after USV conversion)
        // overwrite the value at the first position.
        const visited = new Map();
        const list = [];
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const typedKey = toUSVString(key);
          const typedValue = toUSVString(init[key]);
          const index = visited.get(typedKey);
          if (index !== undefined) {
            list[index] = typedValue;
          } else {
            visited.set(typedKey, list.length + 1);
            list.push(typedKey, typedValue);
          }
        }
        this.#list = list;
      }
    } else {
      // USVString
      init = toUSVString(init);
      this.#list = parseParams(init.charCodeAt(0) === 0x3F ? init.slice(1) : init);
    }
  }

  static #check(self) {
    if (!isURLSearchParams(self)) throw new ERR_INVALID_THIS('URLSearchParams');
  }

  // Pushes the serialized list into the owning URL (if any).
  #update() {
    if (this.#context !== null) urlUpdateSearchFromParams(this.#context, serializeParams(this.#list));
  }

  [customInspectSymbol](recurseTimes, ctx) {
    URLSearchParams.#check(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce((prev, cur) => prev + removeColors(cur).length + separator.length, -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }

  get size() {
    URLSearchParams.#check(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    this.#list.push(name, value);
    this.#update();
  }

  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    const values = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this.#list;
    name = toUSVString(name);
    value = toUSVString(value);
    // Set the first match to the new value, drop the other matches.
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    URLSearchParams.#check(this);
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Stable sort by name, comparing UTF-16 code units.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const sorted = [];
    for (const [k, v] of pairs) sorted.push(k, v);
    this.#list = sorted;
    this.#update();
  }

  // https://heycam.github.io/webidl/#es-iterators
  // Define entries here rather than [Symbol.iterator] as the function name
  // must be set to `entries`.
  entries() {
    URLSearchParams.#check(this);
    return createSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    validateFunction(callback, 'callback');
    let list = this.#list;
    let i = 0;
    while (i < list.length) {
      const key = list[i];
      const value = list[i + 1];
      callback.call(thisArg, value, key, this);
      // In case the URL object's `search` is updated.
      list = this.#list;
      i += 2;
    }
  }

  keys() {
    URLSearchParams.#check(this);
    return createSearchParamsIterator(this, 'key');
  }

  values() {
    URLSearchParams.#check(this);
    return createSearchParamsIterator(this, 'value');
  }

  // https://heycam.github.io/webidl/#es-stringifier
  // https://url.spec.whatwg.org/#urlsearchparams-stringification-behavior
  toString() {
    URLSearchParams.#check(this);
    return serializeParams(this.#list);
  }
}

Object.defineProperties(URLSearchParams.prototype, {
  [Symbol.iterator]: {
    __proto__: null, configurable: true, writable: true, value: URLSearchParams.prototype.entries,
  },
  [Symbol.toStringTag]: {
    __proto__: null, configurable: true, value: 'URLSearchParams',
  },
});
for (const name of ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort',
  'entries', 'forEach', 'keys', 'values', 'toString']) {
  const desc = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URLSearchParams.prototype, name, desc);
}

// ---- URLSearchParams iterators ---------------------------------------------------

const kIteratorTarget = Symbol('context');
const kIteratorKind = Symbol('kind');
const kIteratorIndex = Symbol('index');
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

function checkIterator(self) {
  if (self == null || typeof self !== 'object' || self[kIteratorTarget] == null ||
      !isURLSearchParams(self[kIteratorTarget])) {
    throw new ERR_INVALID_THIS('URLSearchParamsIterator');
  }
}

const URLSearchParamsIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    writable: true,
    value: function next() {
      checkIterator(this);
      const target = this[kIteratorTarget];
      const kind = this[kIteratorKind];
      const index = this[kIteratorIndex];
      const values = getParamsList(target);
      const len = values.length;
      if (index >= len) return { value: undefined, done: true };
      const name = values[index];
      const value = values[index + 1];
      this[kIteratorIndex] = index + 2;
      let result;
      if (kind === 'key') result = name;
      else if (kind === 'value') result = value;
      else result = [name, value];
      return { value: result, done: false };
    },
  },
  [customInspectSymbol]: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value: function inspectIterator(recurseTimes, ctx) {
      checkIterator(this);
      if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
      const innerOpts = { ...ctx };
      if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
      const index = this[kIteratorIndex];
      const kind = this[kIteratorKind];
      const list = getParamsList(this[kIteratorTarget]);
      const output = [];
      for (let i = index; i < list.length; i += 2) {
        if (kind === 'key') output.push(list[i]);
        else if (kind === 'value') output.push(list[i + 1]);
        else output.push([list[i], list[i + 1]]);
      }
      const breakLn = inspect(output, innerOpts).includes('\n');
      const outputStrs = output.map((p) => inspect(p, innerOpts));
      let outputStr;
      if (breakLn) outputStr = `\n  ${outputStrs.join(',\n  ')}`;
      else outputStr = ` ${outputStrs.join(', ')}`;
      return `${this[Symbol.toStringTag]} {${outputStr} }`;
    },
  },
  [Symbol.toStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'URLSearchParams Iterator',
  },
});

function createSearchParamsIterator(target, kind) {
  const iterator = Object.create(URLSearchParamsIteratorPrototype);
  iterator[kIteratorTarget] = target;
  iterator[kIteratorKind] = kind;
  iterator[kIteratorIndex] = 0;
  return iterator;
}

// ---- URL ---------------------------------------------------------------------------------

const kSchemeTypes = { 'http:': 0, 'https:': 2, 'ws:': 3, 'ftp:': 4, 'wss:': 5, 'file:': 6 };
const kOmitted = 4294967295;

// The offsets view of a URL record, as Node's native URL keeps it (shown by
// util.inspect(url, { showHidden: true })).
class URLContext {
  constructor(c) {
    const href = c.href;
    const protocolEnd = c.protocol.length;
    let hashStart = kOmitted;
    if (c.hash.length > 0) hashStart = href.length - c.hash.length;
    else if (href.endsWith('#')) hashStart = href.length - 1;
    const beforeHash = hashStart === kOmitted ? href.length : hashStart;
    let searchStart = kOmitted;
    if (c.search.length > 0) searchStart = beforeHash - c.search.length;
    else if (href[beforeHash - 1] === '?') searchStart = beforeHash - 1;
    const pathnameStart = (searchStart === kOmitted ? beforeHash : searchStart) - c.pathname.length;
    let usernameEnd = protocolEnd;
    let hostStart = protocolEnd;
    let hostEnd = protocolEnd;
    if (href.startsWith('//', protocolEnd)) {
      usernameEnd = protocolEnd + 2 + c.username.length;
      hostStart = usernameEnd;
      if (c.password.length > 0) hostStart += 1 + c.password.length;
      const hasCredentials = c.username.length > 0 || c.password.length > 0;
      hostEnd = hostStart + (hasCredentials ? 1 : 0) + c.hostname.length;
    }
    this.href = href;
    this.protocol_end = protocolEnd;
    this.username_end = usernameEnd;
    this.host_start = hostStart;
    this.host_end = hostEnd;
    this.pathname_start = pathnameStart;
    this.search_start = searchStart;
    this.hash_start = hashStart;
    this.port = c.port === '' ? kOmitted : Number(c.port);
    this.scheme_type = kSchemeTypes[c.protocol] ?? 1;
    Object.defineProperties(this, {
      hasPort: { __proto__: null, configurable: true, enumerable: false, get() { return this.port !== kOmitted; } },
      hasSearch: { __proto__: null, configurable: true, enumerable: false, get() { return this.search_start !== kOmitted; } },
      hasHash: { __proto__: null, configurable: true, enumerable: false, get() { return this.hash_start !== kOmitted; } },
    });
  }
}

function getConstructorOf(obj) {
  let proto = Object.getPrototypeOf(obj);
  while (proto !== null) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '') return desc.value;
    proto = Object.getPrototypeOf(proto);
  }
  return null;
}

const contextForInspect = Symbol('context');
let blobModule;
function lazyBlob() {
  blobModule ??= require('internal/blob');
  return blobModule;
}

// The constructor's parse failure is raised by Node's C++ parser: a plain TypeError
// ("TypeError: Invalid URL", no [CODE] in the stack) carrying code, input and base.
function invalidURLFromParser(input, base) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

class URL {
  // The components returned by the native parser.
  #components;
  #searchParams;

  static {
    urlUpdateSearchFromParams = (url, serialized) => url.#setSearchFromParams(serialized);
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    // toUSVString is not needed.
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const components = base === undefined ? bindingUrl.parse(input) : bindingUrl.parse(input, base);
    if (!components) throw invalidURLFromParser(input, base);
    this.#components = components;
  }

  // A private method, so a wrong receiver fails V8's brand check ("Receiver must be an
  // instance of class URL") just like Node's URL.
  #getComponents() {
    return this.#components;
  }

  #updateContext(components) {
    this.#components = components;
    if (this.#searchParams) {
      const search = components.search;
      setParamsList(this.#searchParams, search ? parseParams(search.slice(1)) : []);
    }
  }

  // Applies a component setter natively; invalid values leave the URL unchanged.
  #set(name, value) {
    const updated = bindingUrl.setComponent(this.#components.href, name, value);
    if (updated) this.#updateContext(updated);
  }

  #setSearchFromParams(serialized) {
    const updated = bindingUrl.setComponent(this.#components.href, 'search', serialized);
    if (updated) this.#components = updated;
  }

  [customInspectSymbol](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = getConstructorOf(this) || URL;
    const obj = { __proto__: { constructor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[contextForInspect] = new URLContext(this.#getComponents());
    return `${constructor.name} ${inspect({ ...obj }, opts)}`;
  }

  toString() {
    return this.#getComponents().href;
  }

  get href() {
    return this.#getComponents().href;
  }

  set href(value) {
    this.#getComponents();
    value = `${value}`;
    const updated = bindingUrl.parse(value);
    if (!updated) throw new ERR_INVALID_URL(value);
    this.#updateContext(updated);
  }

  // readonly
  get origin() {
    return this.#getComponents().origin;
  }

  get protocol() {
    return this.#getComponents().protocol;
  }

  set protocol(value) {
    this.#getComponents();
    this.#set('protocol', `${value}`);
  }

  get username() {
    return this.#getComponents().username;
  }

  set username(value) {
    this.#getComponents();
    this.#set('username', `${value}`);
  }

  get password() {
    return this.#getComponents().password;
  }

  set password(value) {
    this.#getComponents();
    this.#set('password', `${value}`);
  }

  get host() {
    return this.#getComponents().host;
  }

  set host(value) {
    this.#getComponents();
    this.#set('host', `${value}`);
  }

  get hostname() {
    return this.#getComponents().hostname;
  }

  set hostname(value) {
    this.#getComponents();
    this.#set('hostname', `${value}`);
  }

  get port() {
    return this.#getComponents().port;
  }

  set port(value) {
    this.#getComponents();
    this.#set('port', `${value}`);
  }

  get pathname() {
    return this.#getComponents().pathname;
  }

  set pathname(value) {
    this.#getComponents();
    this.#set('pathname', `${value}`);
  }

  get search() {
    return this.#getComponents().search;
  }

  set search(value) {
    this.#getComponents();
    this.#set('search', `${value}`);
  }

  // readonly
  get searchParams() {
    this.#getComponents();
    // Create URLSearchParams on demand to greatly improve the URL performance.
    if (this.#searchParams == null) {
      this.#searchParams = new URLSearchParams(this.search);
      setParamsContext(this.#searchParams, this);
    }
    return this.#searchParams;
  }

  get hash() {
    return this.#getComponents().hash;
  }

  set hash(value) {
    this.#getComponents();
    this.#set('hash', `${value}`);
  }

  toJSON() {
    return this.#getComponents().href;
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    if (base !== undefined) return bindingUrl.canParse(url, `${base}`);
    return bindingUrl.canParse(url);
  }

  static createObjectURL(obj) {
    return lazyBlob().createObjectURL(obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    return lazyBlob().revokeObjectURL(url);
  }
}

for (const name of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  const desc = Object.getOwnPropertyDescriptor(URL.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URL.prototype, name, desc);
}
for (const name of ['canParse', 'createObjectURL', 'revokeObjectURL']) {
  const desc = Object.getOwnPropertyDescriptor(URL, name);
  desc.enumerable = true;
  Object.defineProperty(URL, name, desc);
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'URL',
});

// Duck-typed check used across the codebase: a WHATWG URL (not a legacy url.parse result).
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

// ---- Helpers: domains, file URLs, http options -----------------------------------

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return bindingUrl.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return bindingUrl.domainToUnicode(`${domain}`);
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return getPathFromURLPosix(path);
}

// Characters that are legal in POSIX paths but would change a file URL's meaning.
function encodePathChars(filepath) {
  if (filepath.includes('%')) filepath = filepath.replace(/%/g, '%25');
  // In posix, backslash is a valid character in paths:
  if (filepath.includes('\\')) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.includes('\n')) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.includes('\r')) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.includes('\t')) filepath = filepath.replace(/\t/g, '%09');
  return filepath;
}

function pathToFileURL(filepath) {
  validateString(filepath, 'path');
  const path = require('path');
  let resolved = path.resolve(filepath);
  // path.resolve strips trailing slashes so we must add them back
  const filePathLast = filepath.charCodeAt(filepath.length - 1);
  if (filePathLast === 0x2F && resolved[resolved.length - 1] !== path.sep) resolved += '/';

  // Call encodePathChars first to avoid encoding % again for ? and #.
  resolved = encodePathChars(resolved);

  // Question and hash character should be included in pathname.
  // Therefore, encoding is required to eliminate parsing them in different states.
  // This is done as an optimization to not creating a URL instance and
  // later triggering pathname setter, which impacts performance
  if (resolved.includes('?')) resolved = resolved.replace(/\?/g, '%3F');
  if (resolved.includes('#')) resolved = resolved.replace(/#/g, '%23');
  return new URL(`file://${resolved}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

// Utility function that converts a URL object into an ordinary options object
// as expected by the http.request and https.request APIs.
function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url, // In case the url object was extended by the user.
    protocol: url.protocol,
    hostname: hostname && hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search: search,
    pathname: pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

// IDNA ToUnicode on a serialized host: only xn-- labels change (so opaque hosts of
// non-special URLs keep their percent-escapes).
function idnaLabelsToUnicode(hostname) {
  if (!/(^|\.)xn--/i.test(hostname)) return hostname;
  return hostname.split('.').map((label) => {
    if (!/^xn--/i.test(label)) return label;
    const unicode = bindingUrl.domainToUnicode(label);
    return unicode === '' ? label : unicode;
  }).join('.');
}

// url.format(URL, options): drop parts of the href and optionally show the host in
// Unicode.
function formatWhatwgURL(href, fragment, unicode, search, auth) {
  let components = bindingUrl.parse(href);
  const apply = (name, value) => {
    const updated = bindingUrl.setComponent(components.href, name, value);
    if (updated) components = updated;
  };
  if (!fragment) apply('hash', '');
  if (!search) apply('search', '');
  if (!auth) {
    apply('username', '');
    apply('password', '');
  }
  let out = components.href;
  if (unicode && components.hostname !== '') {
    const ctx = new URLContext(components);
    const hostStart = ctx.host_end - components.hostname.length;
    out = out.slice(0, hostStart) + idnaLabelsToUnicode(components.hostname) + out.slice(ctx.host_end);
  }
  return out;
}

module.exports = {
  URL,
  URLSearchParams,
  URLContext,
  isURL,
  isURLSearchParams: (obj) => isURLSearchParams(obj),
  toUSVString,
  encodeStr,
  hexTable,
  parseParams,
  serializeParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  formatWhatwgURL,
};
