// structuredClone(value, { transfer }): the HTML structured clone over V8's own
// ValueSerializer/ValueDeserializer (internalBinding('v8').structuredClone). Transferred
// ArrayBuffers are detached and their memory moved into the clone; anything V8 cannot
// clone throws a DataCloneError DOMException with V8's message, as in Node.
'use strict';

let binding;

// ArrayBuffers that must not be transferred (e.g. Buffer's shared pool).
const untransferable = new WeakSet();

function markAsUntransferable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') {
    untransferable.add(obj);
  }
}

function isMarkedAsUntransferable(obj) {
  return untransferable.has(obj);
}

function dataCloneError(message) {
  const { DOMException } = require('internal/domexception');
  return new DOMException(message, 'DataCloneError');
}

function invalidArgType(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// The transfer list as an array: undefined/null means none, an object without a callable
// [Symbol.iterator] is an empty list, any other primitive is an error.
function readTransferList(transfer) {
  if (transfer === undefined || transfer === null) return undefined;
  if (typeof transfer !== 'object' && typeof transfer !== 'function') {
    throw invalidArgType('Optional transferList argument must be an iterable');
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
    const err = new TypeError('The value argument must be specified');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  let transfer;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object' && typeof options !== 'function') {
      throw invalidArgType('The options argument must be either an object or undefined');
    }
    transfer = readTransferList(options.transfer);
  }
  // process.env is an exotic object in rnode that V8 will not clone; Node clones it as a
  // plain object of its variables.
  if (value !== null && typeof value === 'object' && value === process.env) {
    value = { ...value };
  }
  binding ??= internalBinding('v8');
  return binding.structuredClone(value, transfer, dataCloneError);
}

module.exports = { structuredClone, markAsUntransferable, isMarkedAsUntransferable };
