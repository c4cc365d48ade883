// The public `util/types` module (also `util.types`).
'use strict';

const types = require('internal/util/types');

// Same key order as Node.
const names = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject',
  'isNumberObject', 'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp',
  'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject', 'isPromise', 'isMap',
  'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer',
  'isDataView', 'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject',
  'isAnyArrayBuffer', 'isBoxedPrimitive', 'isArrayBufferView', 'isTypedArray',
  'isUint8Array', 'isUint8ClampedArray', 'isUint16Array', 'isUint32Array', 'isInt8Array',
  'isInt16Array', 'isInt32Array', 'isFloat32Array', 'isFloat64Array', 'isBigInt64Array',
  'isBigUint64Array', 'isKeyObject', 'isCryptoKey',
];

for (const name of names) module.exports[name] = types[name];
