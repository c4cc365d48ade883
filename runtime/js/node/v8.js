// The `v8` module: V8's value serializer (Serializer/Deserializer and the Default* pair
// that `serialize`/`deserialize` use), heap statistics and snapshots, V8 flags, the GC
// profiler and the context's promise hooks, over internalBinding('v8').
'use strict';

const binding = internalBinding('v8');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { codes } = require('internal/errors');
const {
  validateBoolean, validateObject, validateString, validateUint32,
} = require('internal/validators');
const { isAsyncFunction } = internalBinding('types');

const {
  ERR_INVALID_ARG_TYPE, ERR_NOT_IMPLEMENTED, ERR_INVALID_ARG_VALUE,
} = codes;

function defineMethods(proto, methods) {
  for (const [name, fn] of methods) {
    Object.defineProperty(proto, name, {
      __proto__: null, value: fn, writable: true, enumerable: false, configurable: true,
    });
  }
}

function moveConstructorLast(proto) {
  const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
  delete proto.constructor;
  Object.defineProperty(proto, 'constructor', desc);
}

// Node's C++-thrown errors carry `code` without naming it in the message.
function constructCallRequired(name) {
  const err = new TypeError(`Class constructor ${name} cannot be invoked without 'new'`);
  err.code = 'ERR_CONSTRUCT_CALL_REQUIRED';
  return err;
}

// ---------------------------------------------------------------------------------------
// Serializer / Deserializer

function Serializer() {
  if (new.target === undefined) throw constructCallRequired('Serializer');
  binding.serializerInit(this);
}

function releaseBuffer() {
  const u8 = binding.releaseBuffer.call(this);
  return new FastBuffer(u8.buffer, u8.byteOffset, u8.length);
}
Object.defineProperty(releaseBuffer, 'name', { value: 'releaseBuffer' });

defineMethods(Serializer.prototype, [
  ['writeHeader', binding.writeHeader],
  ['writeValue', binding.writeValue],
  ['releaseBuffer', releaseBuffer],
  ['transferArrayBuffer', binding.transferArrayBuffer],
  ['writeUint32', binding.writeUint32],
  ['writeUint64', binding.writeUint64],
  ['writeDouble', binding.writeDouble],
  ['writeRawBytes', binding.writeRawBytes],
  ['_setTreatArrayBufferViewsAsHostObjects', binding._setTreatArrayBufferViewsAsHostObjects],
]);
// Node's native classes list `constructor` after the native methods.
moveConstructorLast(Serializer.prototype);
// A DataCloneError is `new this._getDataCloneError(message)`-shaped: Error by default.
Serializer.prototype._getDataCloneError = Error;

function Deserializer(buffer) {
  if (new.target === undefined) throw constructCallRequired('Deserializer');
  binding.deserializerInit(this, buffer);
  this.buffer = buffer;
}

// Returns the next `length` bytes as a Buffer sharing memory with `this.buffer`.
function readRawBytes(length) {
  const offset = this._readRawBytes(length);
  const buffer = this.buffer;
  return new FastBuffer(buffer.buffer, buffer.byteOffset + offset, length);
}

defineMethods(Deserializer.prototype, [
  ['readHeader', binding.readHeader],
  ['readValue', binding.readValue],
  ['getWireFormatVersion', binding.getWireFormatVersion],
  ['transferArrayBuffer', binding.transferArrayBuffer],
  ['readUint32', binding.readUint32],
  ['readUint64', binding.readUint64],
  ['readDouble', binding.readDouble],
  ['_readRawBytes', binding._readRawBytes],
]);
moveConstructorLast(Deserializer.prototype);
Deserializer.prototype.readRawBytes = readRawBytes;

// Host-object type tags of DefaultSerializer, as Node writes them (10 is Buffer).
const kViewTypes = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, DataView, FastBuffer, BigInt64Array,
  BigUint64Array,
];
const kTagIndex = new Map([
  ['[object Int8Array]', 0], ['[object Uint8Array]', 1], ['[object Uint8ClampedArray]', 2],
  ['[object Int16Array]', 3], ['[object Uint16Array]', 4], ['[object Int32Array]', 5],
  ['[object Uint32Array]', 6], ['[object Float32Array]', 7], ['[object Float64Array]', 8],
  ['[object DataView]', 9], ['[object BigInt64Array]', 11], ['[object BigUint64Array]', 12],
]);

function viewTypeIndex(view) {
  if (view.constructor === Buffer) return 10;
  const index = kTagIndex.get(Object.prototype.toString.call(view));
  return index === undefined ? -1 : index;
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  // Every ArrayBufferView is a host object: type tag, byte length, then the bytes.
  _writeHostObject(view) {
    const index = viewTypeIndex(view);
    if (index === -1) {
      const { inspect } = require('internal/util/inspect');
      throw new this._getDataCloneError(`Unserializable host object: ${inspect(view)}`);
    }
    this.writeUint32(index);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  // Views are made over the input's memory when aligned, else over an aligned copy.
  _readHostObject() {
    const Ctor = kViewTypes[this.readUint32()];
    const byteLength = this.readUint32();
    const offset = this._readRawBytes(byteLength);
    const elementSize = Ctor.BYTES_PER_ELEMENT || 1;
    const start = this.buffer.byteOffset + offset;
    if (start % elementSize === 0) {
      return new Ctor(this.buffer.buffer, start, byteLength / elementSize);
    }
    // Pooled Buffers are 8-byte aligned.
    const copy = Buffer.allocUnsafe(byteLength);
    copy.set(new Uint8Array(this.buffer.buffer, start, byteLength));
    return new Ctor(copy.buffer, copy.byteOffset, byteLength / elementSize);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

// ---------------------------------------------------------------------------------------
// Heap statistics, flags

const kHeapStatKeys = [
  'total_heap_size', 'total_heap_size_executable', 'total_physical_size',
  'total_available_size', 'used_heap_size', 'heap_size_limit', 'malloced_memory',
  'peak_malloced_memory', 'does_zap_garbage', 'number_of_native_contexts',
  'number_of_detached_contexts', 'total_global_handles_size', 'used_global_handles_size',
  'external_memory',
];

function heapStatsObject(values) {
  const out = {};
  for (let i = 0; i < kHeapStatKeys.length; i++) out[kHeapStatKeys[i]] = values[i];
  return out;
}

function heapSpacesArray(rows) {
  return rows.map(([name, size, used, available, physical]) => ({
    space_name: name,
    space_size: size,
    space_used_size: used,
    space_available_size: available,
    physical_space_size: physical,
  }));
}

function getHeapStatistics() {
  return heapStatsObject(binding.heapStatistics());
}

function getHeapSpaceStatistics() {
  return heapSpacesArray(binding.heapSpaceStatistics());
}

function getHeapCodeStatistics() {
  const [code, bytecode, external, profiler] = binding.heapCodeStatistics();
  return {
    code_and_metadata_size: code,
    bytecode_and_metadata_size: bytecode,
    external_script_source_size: external,
    cpu_profiler_metadata_size: profiler,
  };
}

function cachedDataVersionTag() {
  return binding.cachedDataVersionTag();
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  binding.setFlagsFromString(flags);
}

// ---------------------------------------------------------------------------------------
// Heap snapshots

function heapSnapshotOptions(options = {}) {
  validateObject(options, 'options');
  const { exposeInternals = false, exposeNumericValues = false } = options;
  validateBoolean(exposeInternals, 'options.exposeInternals');
  validateBoolean(exposeNumericValues, 'options.exposeNumericValues');
  if (exposeInternals) throw new ERR_NOT_IMPLEMENTED('heap snapshot option exposeInternals');
  if (exposeNumericValues) {
    throw new ERR_NOT_IMPLEMENTED('heap snapshot option exposeNumericValues');
  }
}

function validatedPath(p) {
  if (typeof p === 'string') {
    if (p.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE('path', p,
                                      'must be a string, Uint8Array, or URL without null bytes');
    }
    return p;
  }
  if (p instanceof Uint8Array) return validatedPath(Buffer.from(p).toString());
  if (p !== null && typeof p === 'object' && typeof p.href === 'string' && p.protocol !== undefined) {
    return require('url').fileURLToPath(p);
  }
  throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], p);
}

function writeHeapSnapshot(filename, options) {
  if (filename !== undefined) filename = validatedPath(filename);
  heapSnapshotOptions(options);
  if (filename === undefined) filename = binding.diagnosticFilename();
  binding.writeHeapSnapshot(filename);
  return filename;
}

let HeapSnapshotStream;

// The snapshot is taken at once; the stream hands out its JSON in chunks.
function getHeapSnapshot(options) {
  heapSnapshotOptions(options);
  const data = binding.takeHeapSnapshot();
  HeapSnapshotStream ??= class HeapSnapshotStream extends require('stream').Readable {
    #data;
    #offset = 0;

    constructor(bytes) {
      super({ autoDestroy: true });
      this.#data = bytes;
    }

    _read() {
      const data = this.#data;
      if (this.#offset >= data.length) {
        this.push(null);
        return;
      }
      const end = Math.min(this.#offset + 64 * 1024, data.length);
      this.push(new FastBuffer(data.buffer, data.byteOffset + this.#offset, end - this.#offset));
      this.#offset = end;
    }
  };
  return new HeapSnapshotStream(data);
}

// Snapshots go to the working directory (rnode has no --diagnostic-dir); the raised heap
// limit is not lowered again afterwards.
function setHeapSnapshotNearHeapLimit(limit) {
  validateUint32(limit, 'limit', true);
  binding.setHeapSnapshotNearHeapLimit(limit);
}

// Coverage is collected only under NODE_V8_COVERAGE; without it these do nothing in Node.
function takeCoverage() {
  if (process.env.NODE_V8_COVERAGE) throw new ERR_NOT_IMPLEMENTED('v8.takeCoverage()');
}

function stopCoverage() {
  if (process.env.NODE_V8_COVERAGE) throw new ERR_NOT_IMPLEMENTED('v8.stopCoverage()');
}

// ---------------------------------------------------------------------------------------
// GCProfiler

// The profiler reports its own camelCase subset of the heap statistics.
function gcSnapshot(heap, spaces) {
  const [
    totalHeapSize, totalHeapSizeExecutable, totalPhysicalSize, totalAvailableSize,
    usedHeapSize, heapSizeLimit, mallocedMemory, peakMallocedMemory, , , ,
    totalGlobalHandlesSize, usedGlobalHandlesSize, externalMemory,
  ] = heap;
  return {
    heapStatistics: {
      totalHeapSize, totalHeapSizeExecutable, totalPhysicalSize, totalAvailableSize,
      totalGlobalHandlesSize, usedGlobalHandlesSize, usedHeapSize, heapSizeLimit,
      mallocedMemory, externalMemory, peakMallocedMemory,
    },
    heapSpaceStatistics: spaces.map(([spaceName, spaceSize, spaceUsedSize,
                                      spaceAvailableSize, physicalSpaceSize]) => ({
      spaceName, spaceSize, spaceUsedSize, spaceAvailableSize, physicalSpaceSize,
    })),
  };
}

class GCProfiler {
  #id = 0;
  #startTime = 0;

  start() {
    if (this.#id !== 0) return;
    this.#id = binding.gcProfilerStart();
    this.#startTime = Date.now();
  }

  stop() {
    if (this.#id === 0) return undefined;
    const rows = binding.gcProfilerStop(this.#id) || [];
    this.#id = 0;
    const result = {
      version: 1,
      startTime: this.#startTime,
      statistics: rows.map(([gcType, cost, beforeHeap, beforeSpaces, afterHeap, afterSpaces]) => ({
        gcType,
        beforeGC: gcSnapshot(beforeHeap, beforeSpaces),
        cost,
        afterGC: gcSnapshot(afterHeap, afterSpaces),
      })),
    };
    result.endTime = Date.now();
    return result;
  }
}

// ---------------------------------------------------------------------------------------
// promiseHooks: the context's promise hooks (init, before, after, settled = V8's resolve)

const hookLists = { init: [], before: [], after: [], settled: [] };

// V8 reports an exception thrown by a promise hook instead of propagating it; Node makes
// it an uncaught exception, so the hooks are called through this guard.
function combined(list) {
  if (list.length === 0) return undefined;
  const hooks = list.slice();
  return function promiseHook(...args) {
    for (const fn of hooks) {
      try {
        fn.apply(this, args);
      } catch (err) {
        require('internal/process/execution').triggerUncaughtException(err, false);
      }
    }
  };
}

function updatePromiseHooks() {
  binding.setPromiseHooks(
    combined(hookLists.init), combined(hookLists.before),
    combined(hookLists.after), combined(hookLists.settled));
}

function makeUseHook(name) {
  const list = hookLists[name];
  return (hook) => {
    if (typeof hook !== 'function' || isAsyncFunction(hook)) {
      throw new ERR_INVALID_ARG_TYPE(`${name}Hook`, 'Function', hook);
    }
    list.push(hook);
    updatePromiseHooks();
    return () => {
      const index = list.indexOf(hook);
      if (index === -1) return;
      list.splice(index, 1);
      updatePromiseHooks();
    };
  };
}

const onInit = makeUseHook('init');
const onBefore = makeUseHook('before');
const onAfter = makeUseHook('after');
const onSettled = makeUseHook('settled');

function createHook({ init, before, after, settled } = {}) {
  const stops = [];
  if (init) stops.push(onInit(init));
  if (before) stops.push(onBefore(before));
  if (after) stops.push(onAfter(after));
  if (settled) stops.push(onSettled(settled));
  return () => {
    for (const stop of stops) stop();
  };
}

const promiseHooks = { createHook, onInit, onBefore, onAfter, onSettled };

// ---------------------------------------------------------------------------------------
// startupSnapshot: rnode is never building a snapshot for user code.

function notBuildingSnapshot() {
  const err = new Error('Operation cannot be invoked when not building startup snapshot');
  err.code = 'ERR_NOT_BUILDING_SNAPSHOT';
  return err;
}

const startupSnapshot = {
  addDeserializeCallback() { throw notBuildingSnapshot(); },
  addSerializeCallback() { throw notBuildingSnapshot(); },
  setDeserializeMainFunction() { throw notBuildingSnapshot(); },
  // Node answers with the 0/1 flag it keeps, not a boolean.
  isBuildingSnapshot() { return 0; },
};

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  writeHeapSnapshot,
  promiseHooks,
  startupSnapshot,
  setHeapSnapshotNearHeapLimit,
  GCProfiler,
};
