// structuredClone: the HTML structured clone algorithm for the types a Node program can
// hold (primitives, wrappers, Date, RegExp, Map, Set, ArrayBuffer, views, Error, plain
// objects and arrays, with cycles); anything else throws a DataCloneError.
'use strict';

function dataCloneError(message) {
  const { DOMException } = require('internal/domexception');
  return new DOMException(message, 'DataCloneError');
}

const errorCtors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_MISSING_ARGS('value');
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const memory = new Map();
  const types = internalBinding('types');

  function clone(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol')) return v;
    if (typeof v === 'symbol') throw dataCloneError(`${String(v)} could not be cloned.`);
    if (typeof v === 'function') throw dataCloneError(`${Function.prototype.toString.call(v)} could not be cloned.`);
    if (memory.has(v)) return memory.get(v);
    let out;
    if (types.isBooleanObject(v)) out = Object(Boolean.prototype.valueOf.call(v));
    else if (types.isNumberObject(v)) out = Object(Number.prototype.valueOf.call(v));
    else if (types.isStringObject(v)) out = Object(String.prototype.valueOf.call(v));
    else if (types.isBigIntObject(v)) out = Object(BigInt.prototype.valueOf.call(v));
    else if (types.isDate(v)) out = new Date(Date.prototype.getTime.call(v));
    else if (types.isRegExp(v)) out = new RegExp(v.source, v.flags);
    else if (types.isArrayBuffer(v)) out = v.slice(0);
    else if (types.isSharedArrayBuffer(v)) out = v;
    else if (ArrayBuffer.isView(v)) {
      const buffer = clone(v.buffer);
      if (types.isDataView(v)) out = new DataView(buffer, v.byteOffset, v.byteLength);
      else {
        const Ctor = Object.getPrototypeOf(Object.getPrototypeOf(v)) === Uint8Array.prototype ? Uint8Array : v.constructor;
        out = new Ctor(buffer, v.byteOffset, v.length);
      }
    } else if (types.isMap(v)) {
      out = new Map();
      memory.set(v, out);
      for (const [k, val] of Map.prototype.entries.call(v)) out.set(clone(k), clone(val));
      return out;
    } else if (types.isSet(v)) {
      out = new Set();
      memory.set(v, out);
      for (const val of Set.prototype.values.call(v)) out.add(clone(val));
      return out;
    } else if (types.isNativeError(v)) {
      const name = errorCtors[v.name] ? v.name : 'Error';
      out = new errorCtors[name](v.message);
      memory.set(v, out);
      if (v.stack !== undefined) out.stack = `${v.stack}`;
      if ('cause' in v) out.cause = clone(v.cause);
      return out;
    } else if (Array.isArray(v)) {
      out = new Array(v.length);
      memory.set(v, out);
      for (const key of Object.keys(v)) out[key] = clone(v[key]);
      return out;
    } else if (types.isProxy(v) || types.isPromise(v) || types.isWeakMap(v) || types.isWeakSet(v) ||
               types.isGeneratorObject(v) || types.isModuleNamespaceObject(v)) {
      throw dataCloneError(`${Object.prototype.toString.call(v)} could not be cloned.`);
    } else {
      // Class instances are cloned as plain objects of their own data, as V8's serializer does.
      out = {};
      memory.set(v, out);
      for (const key of Object.keys(v)) out[key] = clone(v[key]);
      return out;
    }
    memory.set(v, out);
    return out;
  }
  return clone(value);
}

module.exports = { structuredClone };
