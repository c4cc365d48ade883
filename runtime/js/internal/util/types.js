// util.types: brand checks. V8 answers most natively (internalBinding('types')); the typed
// array checks use the %TypedArray%.prototype[@@toStringTag] getter, which reads the
// internal slot and so cannot be fooled by user-defined Symbol.toStringTag.
'use strict';

const binding = internalBinding('types');

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

function getTypedArrayTag(value) {
  return typedArrayTag.call(value);
}

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

function isTypedArray(value) {
  return typedArrayTag.call(value) !== undefined;
}

function makeTypedArrayCheck(name) {
  const check = {
    [`is${name}`](value) {
      return typedArrayTag.call(value) === name;
    },
  }[`is${name}`];
  return check;
}

// Fallbacks for predicates a binding might lack; each relies on a brand check that
// throws for the wrong receiver.
function brandCheck(fn) {
  return (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    try {
      fn(value);
      return true;
    } catch {
      return false;
    }
  };
}

const fallbacks = {
  isDate: brandCheck((v) => Date.prototype.getTime.call(v)),
  isRegExp: brandCheck((v) => {
    if (v === RegExp.prototype) throw 0;
    Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call(v);
  }),
  isMap: brandCheck((v) => Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call(v)),
  isSet: brandCheck((v) => Object.getOwnPropertyDescriptor(Set.prototype, 'size').get.call(v)),
  isWeakMap: brandCheck((v) => WeakMap.prototype.has.call(v, {})),
  isWeakSet: brandCheck((v) => WeakSet.prototype.has.call(v, {})),
  isArrayBuffer: brandCheck((v) => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get.call(v)),
  isSharedArrayBuffer: typeof SharedArrayBuffer === 'function' ?
    brandCheck((v) => Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get.call(v)) :
    () => false,
  isDataView: brandCheck((v) => Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get.call(v)),
  isNumberObject: brandCheck((v) => { if (typeof v !== 'object') throw 0; Number.prototype.valueOf.call(v); }),
  isStringObject: brandCheck((v) => { if (typeof v !== 'object') throw 0; String.prototype.valueOf.call(v); }),
  isBooleanObject: brandCheck((v) => { if (typeof v !== 'object') throw 0; Boolean.prototype.valueOf.call(v); }),
  isBigIntObject: brandCheck((v) => { if (typeof v !== 'object') throw 0; BigInt.prototype.valueOf.call(v); }),
  isSymbolObject: brandCheck((v) => { if (typeof v !== 'object') throw 0; Symbol.prototype.valueOf.call(v); }),
};
fallbacks.isAnyArrayBuffer = (v) => fallbacks.isArrayBuffer(v) || fallbacks.isSharedArrayBuffer(v);
fallbacks.isBoxedPrimitive = (v) => fallbacks.isNumberObject(v) || fallbacks.isStringObject(v) ||
  fallbacks.isBooleanObject(v) || fallbacks.isBigIntObject(v) || fallbacks.isSymbolObject(v);

const nativeNames = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject',
  'isNumberObject', 'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp',
  'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject', 'isPromise', 'isMap',
  'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer',
  'isDataView', 'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject',
  'isAnyArrayBuffer', 'isBoxedPrimitive',
];

const types = {};
for (const name of nativeNames) {
  if (typeof binding[name] === 'function') {
    types[name] = binding[name];
  } else if (fallbacks[name] !== undefined) {
    types[name] = fallbacks[name];
  } else {
    // Nothing JS can answer (e.g. isProxy): the binding is required for these.
    types[name] = () => {
      throw new (require('internal/errors').codes.ERR_NOT_IMPLEMENTED)(`util.types.${name}`);
    };
  }
}

types.isArrayBufferView = isArrayBufferView;
types.isTypedArray = isTypedArray;
for (const name of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array',
  'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array']) {
  types[`is${name}`] = makeTypedArrayCheck(name);
}

// KeyObject / CryptoKey belong to the crypto module; without it nothing is one.
let cryptoClasses;
function getCryptoClasses() {
  if (cryptoClasses === undefined) {
    cryptoClasses = null;
    try {
      const crypto = require('crypto');
      cryptoClasses = { KeyObject: crypto.KeyObject, CryptoKey: crypto.webcrypto?.CryptoKey };
    } catch {
      // No crypto: leave null.
    }
  }
  return cryptoClasses;
}
types.isKeyObject = function isKeyObject(obj) {
  const c = getCryptoClasses();
  return c !== null && typeof c.KeyObject === 'function' && obj != null && obj instanceof c.KeyObject;
};
types.isCryptoKey = function isCryptoKey(obj) {
  const c = getCryptoClasses();
  return c !== null && typeof c.CryptoKey === 'function' && obj != null && obj instanceof c.CryptoKey;
};

module.exports = {
  ...types,
  getTypedArrayTag,
};
