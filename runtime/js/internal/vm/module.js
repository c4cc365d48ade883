// vm.Module, vm.SourceTextModule and vm.SyntheticModule (--experimental-vm-modules): ES
// modules over V8's module API (ops/vm.rs), linked by a user-supplied linker.
'use strict';

const binding = internalBinding('vm');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_VM_MODULE_ALREADY_LINKED,
    ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA,
    ERR_VM_MODULE_DIFFERENT_CONTEXT,
    ERR_VM_MODULE_LINK_FAILURE,
    ERR_VM_MODULE_NOT_MODULE,
    ERR_VM_MODULE_STATUS,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const { emitExperimentalWarning, kEmptyObject } = require('internal/util');
const {
  isContext,
  getHostDefinedOptionId,
  registerImportModuleDynamically,
} = require('internal/vm');

const kLink = Symbol('kLink');
const handles = new WeakMap(); // native handle → Module

// Default identifiers count per context (`vm:module(0)`, `vm:module(1)`, …).
let mainModuleId = 0;
const contextModuleIds = new WeakMap();
function nextModuleId(context) {
  if (context === undefined) return `vm:module(${mainModuleId++})`;
  const n = contextModuleIds.get(context) ?? 0;
  contextModuleIds.set(context, n + 1);
  return `vm:module(${n})`;
}

function toBuffer(u8) {
  return require('buffer').Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

function isModule(value) {
  return Module.isModule(value);
}

class Module {
  #handle;
  #context;
  #identifier;
  #linking = false;
  #linkError = undefined;
  #linkFailed = false;

  constructor(options) {
    emitExperimentalWarning('VM Modules');
    if (new.target === Module) {
      throw new TypeError('Module is not a constructor');
    }
    const { context, identifier, handle } = options;
    this.#handle = handle;
    this.#context = context;
    this.#identifier = identifier;
    handles.set(handle, this);
  }

  static isModule(value) {
    return typeof value === 'object' && value !== null && #handle in value;
  }

  static handleOf(module) {
    return module.#handle;
  }

  static setLinking(module, linking) {
    module.#linking = linking;
  }

  // A failed link() leaves the module 'errored' with the linker's error.
  static setLinkError(module, error) {
    module.#linkFailed = true;
    module.#linkError = error;
  }

  get identifier() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    return this.#identifier;
  }

  get context() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    return this.#context;
  }

  get status() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    const status = binding.moduleStatus(this.#handle);
    if (status === 'unlinked' && this.#linkFailed) return 'errored';
    if (status === 'unlinked' && this.#linking) return 'linking';
    return status;
  }

  get namespace() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    const status = this.status;
    if (status === 'unlinked' || status === 'linking') {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return binding.moduleNamespace(this.#handle);
  }

  get error() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (this.status !== 'errored') throw new ERR_VM_MODULE_STATUS('must be errored');
    if (this.#linkFailed) return this.#linkError;
    return binding.moduleError(this.#handle);
  }

  async link(linker) {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    validateFunction(linker, 'linker');
    const status = this.status;
    if (status === 'linked') throw new ERR_VM_MODULE_ALREADY_LINKED();
    if (status !== 'unlinked') throw new ERR_VM_MODULE_STATUS('must be unlinked');
    await this[kLink](linker);
    binding.moduleInstantiate(this.#handle, this.#context);
  }

  async evaluate(options = kEmptyObject) {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    validateObject(options, 'options');
    let timeout = options.timeout;
    if (timeout === undefined) {
      timeout = -1;
    } else {
      validateUint32(timeout, 'options.timeout', true);
    }
    const { breakOnSigint = false } = options;
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    const status = this.status;
    if (status !== 'linked' && status !== 'evaluating' && status !== 'evaluated' && status !== 'errored') {
      throw new ERR_VM_MODULE_STATUS('must be one of linked, evaluated, or errored');
    }
    await binding.moduleEvaluate(this.#handle, this.#context, timeout, breakOnSigint);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (!isModule(this)) return this;
    if (typeof depth === 'number' && depth < 0) return this;
    const name = this.constructor.name;
    const Named = { [name]: class {} }[name];
    const o = new Named();
    o.status = this.status;
    o.identifier = this.identifier;
    o.context = this.context;
    if (inspect === undefined) inspect = require('internal/util/inspect').inspect;
    return inspect(o, { ...options, customInspect: false });
  }
}

function validateModuleContext(context) {
  if (context !== undefined) {
    validateObject(context, 'options.context');
    if (!isContext(context)) {
      throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
    }
  }
}

class SourceTextModule extends Module {
  #requests;
  #linkPromise = undefined;

  constructor(sourceText, options = kEmptyObject) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      lineOffset = 0,
      columnOffset = 0,
      initializeImportMeta,
      importModuleDynamically,
      context,
      identifier,
      cachedData,
    } = options;
    validateModuleContext(context);
    if (identifier !== undefined) validateString(identifier, 'options.identifier');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    const id = identifier !== undefined ? identifier : nextModuleId(context);
    const hostId = getHostDefinedOptionId(importModuleDynamically, id);
    const [handle, requests] = binding.moduleCompile(sourceText, id, lineOffset, columnOffset,
                                                     cachedData, context, hostId);
    super({ context, identifier: id, handle });
    this.#requests = requests;
    metaHooks.set(this, initializeImportMeta);
    registerImportModuleDynamically(hostId, this, importModuleDynamically);
  }

  get dependencySpecifiers() {
    return Object.freeze(this.#requests.map(([specifier]) => specifier));
  }

  async [kLink](linker) {
    if (this.#linkPromise !== undefined) return this.#linkPromise;
    Module.setLinking(this, true);
    this.#linkPromise = (async () => {
      const resolved = await Promise.all(this.#requests.map(async ([specifier, attributes]) => {
        const module = await linker(specifier, this, { attributes, assert: attributes });
        if (!isModule(module)) throw new ERR_VM_MODULE_NOT_MODULE();
        if (module.context !== this.context) throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
        if (module.status === 'errored') {
          const err = new ERR_VM_MODULE_LINK_FAILURE(specifier, 'resolved to an errored module');
          err.cause = module.error;
          throw err;
        }
        if (module.status === 'unlinked') await module[kLink](linker);
        return [specifier, Module.handleOf(module)];
      }));
      binding.moduleLink(Module.handleOf(this), new Map(resolved));
    })();
    try {
      await this.#linkPromise;
    } catch (e) {
      Module.setLinkError(this, e);
      throw e;
    } finally {
      Module.setLinking(this, false);
    }
  }

  createCachedData() {
    const status = this.status;
    if (status === 'evaluating' || status === 'evaluated' || status === 'errored') {
      throw new ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    return toBuffer(binding.moduleCreateCachedData(Module.handleOf(this)));
  }
}

class SyntheticModule extends Module {
  #evaluateCallback;

  constructor(exportNames, evaluateCallback, options = kEmptyObject) {
    if (!Array.isArray(exportNames) || exportNames.some((e) => typeof e !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
    }
    const seen = new Set();
    for (const name of exportNames) {
      if (seen.has(name)) {
        throw new ERR_INVALID_ARG_VALUE(`exportNames.${name}`, name, 'is duplicated');
      }
      seen.add(name);
    }
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const { context, identifier } = options;
    validateModuleContext(context);
    if (identifier !== undefined) validateString(identifier, 'options.identifier');
    const id = identifier !== undefined ? identifier : nextModuleId(context);
    const handle = binding.moduleCreateSynthetic(exportNames, id);
    super({ context, identifier: id, handle });
    this.#evaluateCallback = evaluateCallback;
  }

  static evaluateOf(module) {
    return module.#evaluateCallback;
  }

  async [kLink]() {}

  setExport(name, value) {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    validateString(name, 'name');
    const status = this.status;
    if (status === 'unlinked' || status === 'linking') {
      throw new ERR_VM_MODULE_STATUS('must be linked');
    }
    binding.moduleSetExport(Module.handleOf(this), name, value);
  }
}

const metaHooks = new WeakMap(); // SourceTextModule → initializeImportMeta

binding.setModuleHooks(
  (handle) => {
    const module = handles.get(handle);
    if (module === undefined) return;
    const result = Reflect.apply(SyntheticModule.evaluateOf(module), module, []);
    // An async callback's rejection is not awaited (as in Node): surface it.
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
      result.then(undefined, (err) => process.nextTick(() => { throw err; }));
    }
  },
  (handle, meta) => {
    const module = handles.get(handle);
    if (module === undefined) return;
    const hook = metaHooks.get(module);
    if (hook !== undefined) hook(meta, module);
  },
);

function namespaceOf(module) {
  if (module.status === 'errored') throw module.error;
  return module.namespace;
}

module.exports = { Module, SourceTextModule, SyntheticModule, isModule, namespaceOf };
