// The `vm` module: compile and run code in the current V8 context or in contextified ones
// (a fresh context whose global forwards to a sandbox object; see ops/vm.rs).
'use strict';

const binding = internalBinding('vm');
const {
  codes: {
    ERR_CONTEXT_NOT_INITIALIZED,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateBuffer,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateStringArray,
  validateUint32,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const { emitExperimentalWarning, kEmptyObject } = require('internal/util');
const {
  USE_MAIN_CONTEXT_DEFAULT_LOADER,
  isContext,
  validateContext,
  vmModulesEnabled,
  getHostDefinedOptionId,
  registerImportModuleDynamically,
} = require('internal/vm');

const kParsingContext = Symbol('script parsing context');

// A Buffer over the bytes of a Uint8Array made by the binding (no copy).
function toBuffer(u8) {
  return require('buffer').Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// Compiled code of each Script (a native handle), keyed by the Script.
const scriptHandles = new WeakMap();

// Node's native base class of Script: the methods that work on the compiled code.
class ContextifyScript {
  createCachedData() {
    return toBuffer(binding.createCachedData(scriptHandles.get(this)));
  }

  runInContext(contextifiedObject, timeout, displayErrors, breakOnSigint) {
    return binding.runScript(scriptHandles.get(this), contextifiedObject, timeout,
                             displayErrors, breakOnSigint);
  }
}

class Script extends ContextifyScript {
  constructor(code, options = kEmptyObject) {
    code = `${code}`;
    if (typeof options === 'string') {
      options = { filename: options };
    } else {
      validateObject(options, 'options');
    }
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
      [kParsingContext]: parsingContext,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    const hostId = getHostDefinedOptionId(importModuleDynamically, filename);
    super();
    scriptHandles.set(this, binding.compileScript(this, code, filename, lineOffset, columnOffset,
                                                  cachedData, produceCachedData, parsingContext,
                                                  hostId));
    if (this.cachedData !== undefined) this.cachedData = toBuffer(this.cachedData);
    registerImportModuleDynamically(hostId, this, importModuleDynamically);
  }

  runInThisContext(options) {
    const { timeout, displayErrors, breakOnSigint } = runOptions(options);
    return binding.runScript(scriptHandles.get(this), null, timeout, displayErrors, breakOnSigint);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { timeout, displayErrors, breakOnSigint } = runOptions(options);
    return binding.runScript(scriptHandles.get(this), contextifiedObject, timeout, displayErrors,
                             breakOnSigint);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, contextOptionsOf(options));
    return this.runInContext(context, options);
  }
}

// The options every run* call takes.
function runOptions(options = kEmptyObject) {
  validateObject(options, 'options');
  let timeout = options.timeout;
  if (timeout === undefined) {
    timeout = -1;
  } else {
    validateUint32(timeout, 'options.timeout', true);
  }
  const { displayErrors = true, breakOnSigint = false } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { timeout, displayErrors, breakOnSigint };
}

// runInNewContext's context options (`contextName`, `contextOrigin`, …) as createContext's.
function contextOptionsOf(options) {
  if (!options) return {};
  const result = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (result.name !== undefined) validateString(result.name, 'options.contextName');
  if (result.origin !== undefined) validateString(result.origin, 'options.contextOrigin');
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    const { strings, wasm } = options.contextCodeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.contextCodeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
    result.codeGeneration = { strings, wasm };
  }
  if (options.microtaskMode !== undefined) validateString(options.microtaskMode, 'options.microtaskMode');
  return result;
}

let defaultContextNameIndex = 1;
function createContext(contextObject = {}, options = kEmptyObject) {
  if (isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const {
    name = `VM Context ${defaultContextNameIndex++}`,
    origin,
    codeGeneration,
    microtaskMode,
    importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.codeGeneration');
  let strings = true;
  let wasm = true;
  if (codeGeneration !== undefined) {
    ({ strings = true, wasm = true } = codeGeneration);
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  const ownMicrotaskQueue = microtaskMode === 'afterEvaluate';
  // The context's own loader serves import() from code that has no referrer script.
  const hostId = getHostDefinedOptionId(importModuleDynamically, name);
  binding.makeContext(contextObject, name, origin, strings, wasm, ownMicrotaskQueue, hostId);
  registerImportModuleDynamically(hostId, contextObject, importModuleDynamically);
  return contextObject;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') {
    options = { filename: options, [kParsingContext]: contextifiedObject };
  } else {
    options = { ...options, [kParsingContext]: contextifiedObject };
  }
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, contextOptionsOf(options));
  options = { ...options, [kParsingContext]: contextObject };
  return createScript(code, options).runInNewContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params, options = kEmptyObject) {
  validateString(code, 'code');
  if (params !== undefined) validateStringArray(params, 'params');
  // Node 21 does not validate `options` itself: any object-coercible value is accepted.
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData = undefined,
    produceCachedData = false,
    parsingContext = undefined,
    contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (typeof parsingContext !== 'object' || parsingContext === null || !isContext(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  for (let i = 0; i < contextExtensions.length; i++) {
    validateObject(contextExtensions[i], `options.contextExtensions[${i}]`, kValidateObjectAllowNullable);
  }
  const hostId = getHostDefinedOptionId(importModuleDynamically, filename);
  const result = binding.compileFunction(code, filename, lineOffset, columnOffset, cachedData,
                                         produceCachedData, parsingContext, contextExtensions,
                                         params, hostId);
  const fn = result.function;
  if (produceCachedData) fn.cachedDataProduced = result.cachedDataProduced;
  if (result.cachedData) fn.cachedData = toBuffer(result.cachedData);
  if (typeof result.cachedDataRejected === 'boolean') fn.cachedDataRejected = result.cachedDataRejected;
  registerImportModuleDynamically(hostId, fn, importModuleDynamically);
  return fn;
}

const measureMemoryModes = ['summary', 'detailed'];
const measureMemoryExecutions = ['default', 'eager'];

// Partial: the estimate comes from V8's heap statistics for the whole isolate; `detailed`
// reports it as the current context's share and lists no other contexts.
function measureMemory(options = kEmptyObject) {
  emitExperimentalWarning('vm.measureMemory');
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', measureMemoryModes);
  validateOneOf(execution, 'options.execution', measureMemoryExecutions);
  const result = binding.measureMemory(mode === 'detailed');
  if (result === undefined) return Promise.reject(new ERR_CONTEXT_NOT_INITIALIZED());
  return result;
}

const vmConstants = { __proto__: null, USE_MAIN_CONTEXT_DEFAULT_LOADER };
Object.freeze(vmConstants);

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants: vmConstants,
};

// vm.Module and friends exist only with --experimental-vm-modules, as in Node.
if (vmModulesEnabled()) {
  const { Module, SourceTextModule, SyntheticModule } = require('internal/vm/module');
  module.exports.Module = Module;
  module.exports.SourceTextModule = SourceTextModule;
  module.exports.SyntheticModule = SyntheticModule;
}
