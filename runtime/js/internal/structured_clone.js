// structuredClone(value, { transfer }): the HTML structured clone over V8's own
// ValueSerializer/ValueDeserializer (internalBinding('v8').structuredClone). Transferred
// ArrayBuffers are detached and their memory moved into the clone; anything V8 cannot
// clone throws a DataCloneError DOMException with V8's message, as in Node.
//
// JS classes can take part like Node's platform objects:
// - `markTransferMode(obj, false)` makes `obj` uncloneable ("Cannot clone object of
//   unsupported type.", e.g. URL);
// - `markTransferMode(obj, true)` makes it cloneable: `obj[kClone]()` returns
//   `{ data, deserializeInfo: 'module/id:ExportName' }`, and the clone is
//   `new ExportName()` from that module, given `data` through `[kDeserialize](data)`.
// - `markAsUntransferable(arrayBuffer)` keeps an ArrayBuffer out of transfer lists (Buffer's
//   shared pool must never be detached).
'use strict';

let binding;
const kClone = Symbol('kClone');
const kDeserialize = Symbol('kDeserialize');

const untransferable = new WeakSet();

function markAsUntransferable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') {
    untransferable.add(obj);
  }
}

function isMarkedAsUntransferable(obj) {
  return untransferable.has(obj);
}

function markTransferMode(obj, cloneable = false, transferable = false) {
  if (transferable) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_NOT_IMPLEMENTED('transferable platform objects');
  }
  binding ??= internalBinding('v8');
  binding.setTransferMode(obj, cloneable ? 1 : 0);
}

function dataCloneError(message) {
  const { DOMException } = require('internal/domexception');
  return new DOMException(message, 'DataCloneError');
}

// The value written in place of a cloneable object.
function cloneHost(obj) {
  const { data, deserializeInfo } = obj[kClone]();
  return [`${deserializeInfo}`, data];
}

function deserializeHost([deserializeInfo, data]) {
  const sep = deserializeInfo.lastIndexOf(':');
  const Ctor = require(deserializeInfo.slice(0, sep))[deserializeInfo.slice(sep + 1)];
  const obj = new Ctor();
  obj[kDeserialize](data);
  return obj;
}

// Node's C++ argument errors carry `code` without naming it in the message.
function codedTypeError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

// The transfer list as an array: undefined/null means none, an object without a callable
// [Symbol.iterator] is an empty list, any other primitive is an error.
function readTransferList(transfer) {
  if (transfer === undefined || transfer === null) return undefined;
  if (typeof transfer !== 'object' && typeof transfer !== 'function') {
    throw codedTypeError('ERR_INVALID_ARG_TYPE',
                         'Optional transferList argument must be an iterable');
  }
  if (typeof transfer[Symbol.iterator] !== 'function') return undefined;
  const list = [...transfer];
  for (const item of list) {
    if (untransferable.has(item)) {
      throw dataCloneError('Cannot transfer object of unsupported type.');
    }
  }
  return list;
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    throw codedTypeError('ERR_MISSING_ARGS', 'The value argument must be specified');
  }
  let transfer;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object' && typeof options !== 'function') {
      throw codedTypeError('ERR_INVALID_ARG_TYPE',
                           'The options argument must be either an object or undefined');
    }
    transfer = readTransferList(options.transfer);
  }
  // process.env is an exotic object in rnode that V8 will not clone; Node clones it as a
  // plain object of its variables.
  if (value !== null && typeof value === 'object' && value === process.env) {
    value = { ...value };
  }
  binding ??= internalBinding('v8');
  return binding.structuredClone(value, transfer, dataCloneError, cloneHost, deserializeHost);
}

module.exports = {
  structuredClone,
  markAsUntransferable,
  isMarkedAsUntransferable,
  markTransferMode,
  kClone,
  kDeserialize,
};
