// Small helpers shared by the built-in modules (encodings, promisify, deprecate, lazy
// properties, system error names).
'use strict';

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
  },
  uvErrName,
} = require('internal/errors');
const {
  validateFunction,
  validateNumber,
  validateString,
} = require('internal/validators');

const kEmptyObject = Object.freeze({ __proto__: null });
const kEnumerableProperty = Object.freeze({ __proto__: null, enumerable: true });

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
// Set on callback APIs whose callback gets several values (e.g. fs.read's
// `bytesRead, buffer`): the promisified version resolves with an object of those names.
const customPromisifyArgs = Symbol('customPromisifyArgs');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');

// ---- Encodings ------------------------------------------------------------------------

// Canonical encoding name, or undefined for unknown ones. `null`/`undefined` mean utf8.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  if (typeof enc !== 'string') return undefined;
  switch (enc.length) {
    case 0:
      return 'utf8';
    case 3:
      if (enc === 'hex' || enc.toLowerCase() === 'hex') return 'hex';
      break;
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = enc.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 5:
      if (enc === 'utf-8' || enc === 'UTF-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      enc = enc.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      enc = enc.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || enc.toLowerCase() === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || enc.toLowerCase() === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' || enc.toLowerCase() === 'base64url') {
        return 'base64url';
      }
      break;
    default:
      break;
  }
  return undefined;
}

// ---- promisify ------------------------------------------------------------------------

function promisify(original) {
  validateFunction(original, 'original');

  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
    });
  }

  const argumentNames = original[customPromisifyArgs];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
  });
  // Copy every own property (name, length and user properties) of the original.
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const desc of Object.values(descriptors)) Object.setPrototypeOf(desc, null);
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

// ---- deprecate ------------------------------------------------------------------------

// Codes that have already produced a warning: each code warns once per process.
const codesWarned = new Set();

function deprecate(fn, msg, code, useEmitSync) {
  // Deprecations silenced up front (e.g. `--no-deprecation`) need no wrapper at all.
  if (process.noDeprecation === true) return fn;

  if (code !== undefined) validateString(code, 'code');

  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }

  // Keep the prototype chain of `fn` so statics and instanceof keep working.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) {
    // Calling the unwrapped constructor still gives an instance of the wrapped one.
    deprecated.prototype = fn.prototype;
  }
  return deprecated;
}

// Deprecation warnings issued by internal code (once per code).
function emitDeprecationWarning(msg, code) {
  if (process.noDeprecation || codesWarned.has(code)) return;
  codesWarned.add(code);
  process.emitWarning(msg, 'DeprecationWarning', code);
}

const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  const msg = `${feature} is an experimental feature and might change at any time`;
  experimentalWarnings.add(feature);
  process.emitWarning(msg, 'ExperimentalWarning');
}

// ---- System errors --------------------------------------------------------------------

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return uvErrName(err);
}

function getSystemErrorMap() {
  return internalBinding('errors').errmap();
}

// ---- Misc -----------------------------------------------------------------------------

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

// Accessors that `require(id)[key]` on first use and then turn into plain data properties.
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (const key of keys) {
    let lazyLoadedValue;
    function set(value) {
      Object.defineProperty(target, key, { __proto__: null, writable: true, value });
    }
    Object.defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    function get() {
      mod ??= require(id);
      if (lazyLoadedValue === undefined) {
        lazyLoadedValue = mod[key];
        set(lazyLoadedValue);
      }
      return lazyLoadedValue;
    }
    Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    descriptors[key] = { __proto__: null, configurable: true, enumerable, get, set };
  }
  Object.defineProperties(target, descriptors);
}

function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result;
  };
}

function filterDuplicateStrings(items, low) {
  const map = new Map();
  for (const item of items) {
    const key = item.toLowerCase();
    if (low) map.set(key, key);
    else map.set(key, item);
  }
  return [...map.values()].sort();
}

function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const lastIndex = output.length - 1;
    for (let i = 0; i < lastIndex; i++) {
      str += output[i];
      str += separator;
    }
    str += output[lastIndex];
  }
  return str;
}

function isError(e) {
  return require('internal/util/inspect').isError(e);
}

// Replaces lone surrogates with U+FFFD.
function toUSVString(str) {
  return `${str}`.toWellFormed();
}

function setOwnProperty(obj, key, value) {
  return Object.defineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, value, writable: true,
  });
}

function getSignalsToNamesMapping() {
  const { signals } = require('os').constants;
  const result = { __proto__: null };
  for (const key of Object.keys(signals)) result[signals[key]] = key;
  return result;
}

function convertToValidSignal(signal) {
  if (typeof signal === 'number' && getSignalsToNamesMapping()[signal]) return signal;
  if (typeof signal === 'string') {
    const signalName = require('os').constants.signals[signal.toUpperCase()];
    if (signalName) return signalName;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

let DOMExceptionClass;
function lazyDOMExceptionClass() {
  DOMExceptionClass ??= globalThis.DOMException;
  return DOMExceptionClass;
}
function lazyDOMException(message, name) {
  return new (lazyDOMExceptionClass())(message, name);
}

function isInsideNodeModules() {
  const stack = new Error().stack || '';
  return /[/\\]node_modules[/\\]/.test(stack.split('\n').slice(2).join('\n'));
}

function assertFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// The nearest own `constructor` function on the prototype chain, or null.
function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

// A global interface (class) the way WebIDL defines it: writable, configurable and
// not enumerable.
function exposeInterface(target, name, interfaceObject) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: false, configurable: true, value: interfaceObject,
  });
}

function exposeLazyInterfaces(target, id, keys) {
  defineLazyProperties(target, id, keys, false);
}

// A WebIDL operation: writable, enumerable, configurable.
function defineOperation(target, name, method) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: true, configurable: true, value: method,
  });
}

function getLazy(initializer) {
  let value;
  let initialized = false;
  return function() {
    if (initialized === false) {
      value = initializer();
      initialized = true;
    }
    return value;
  };
}

const arrayBufferDetachedGetter =
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;
function isArrayBufferDetached(value) {
  if (arrayBufferDetachedGetter !== undefined) return arrayBufferDetachedGetter.call(value);
  if (value.byteLength !== 0) return false;
  try {
    // A detached buffer cannot back a new view.
    new Uint8Array(value);
    return false;
  } catch {
    return true;
  }
}

const isWindows = process.platform === 'win32';

module.exports = {
  assertFunction,
  cachedResult,
  convertToValidSignal,
  createDeferredPromise,
  defineOperation,
  exposeInterface,
  exposeLazyInterfaces,
  getConstructorOf,
  getLazy,
  isArrayBufferDetached,
  customInspectSymbol,
  customPromisifyArgs,
  defineLazyProperties,
  deprecate,
  emitDeprecationWarning,
  emitExperimentalWarning,
  filterDuplicateStrings,
  getSignalsToNamesMapping,
  getSystemErrorMap,
  getSystemErrorName,
  isError,
  isInsideNodeModules,
  isWindows,
  join,
  kCustomPromisifiedSymbol,
  kEmptyObject,
  kEnumerableProperty,
  kIsEncodingSymbol,
  lazyDOMException,
  lazyDOMExceptionClass,
  normalizeEncoding,
  once,
  promisify,
  setOwnProperty,
  spliceOne,
  toUSVString,
};
