// Shared pieces of the vm module: context checks, the ids that scripts carry as V8
// host-defined options (they say how `import()` inside a script is served), and the
// dynamic-import hook that the native side calls for such scripts.
'use strict';

const binding = internalBinding('vm');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING,
    ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG,
    ERR_SCRIPT_EXECUTION_TIMEOUT,
    ERR_SCRIPT_EXECUTION_INTERRUPTED,
    ERR_VM_MODULE_LINK_FAILURE,
    ERR_VM_MODULE_NOT_MODULE,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateObject,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
} = require('internal/validators');

// `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER`: import() uses the main context's loader.
const USE_MAIN_CONTEXT_DEFAULT_LOADER = Symbol('vm_dynamic_import_main_context_default');
// Scripts compiled without `importModuleDynamically`.
const kNoCallback = Symbol('vm_dynamic_import_no_callback');

// host id (a fresh symbol per script/function/context) → { referrer, callback }. Weak: the
// compiled code holds its id in its host-defined options, so the entry lives as long as
// code that can still call import().
const callbacks = new WeakMap();

// Native errors are built here so they carry Node's codes and messages.
binding.setErrorFactory((kind, arg) => {
  if (kind === 'timeout') return new ERR_SCRIPT_EXECUTION_TIMEOUT(arg);
  if (kind === 'sigint') return new ERR_SCRIPT_EXECUTION_INTERRUPTED();
  if (kind === 'linkFailure') return new ERR_VM_MODULE_LINK_FAILURE(arg, 'is not in cache');
  return new Error(String(kind));
});

function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowArray | kValidateObjectAllowFunction);
  return binding.isContext(object);
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

function vmModulesEnabled() {
  return process.execArgv.includes('--experimental-vm-modules');
}

// The host-defined option id for code compiled with `importModuleDynamically`.
function getHostDefinedOptionId(importModuleDynamically, hint) {
  if (importModuleDynamically === USE_MAIN_CONTEXT_DEFAULT_LOADER) {
    require('internal/util').emitExperimentalWarning('vm.USE_MAIN_CONTEXT_DEFAULT_LOADER');
    return USE_MAIN_CONTEXT_DEFAULT_LOADER;
  }
  if (importModuleDynamically === undefined) return kNoCallback;
  validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  return Symbol(hint);
}

function registerImportModuleDynamically(id, referrer, importModuleDynamically) {
  if (typeof id !== 'symbol' || id === kNoCallback || id === USE_MAIN_CONTEXT_DEFAULT_LOADER) return;
  callbacks.set(id, { referrer, callback: importModuleDynamically });
}

function attributesObject(attributes) {
  const out = { __proto__: null };
  if (Array.isArray(attributes)) {
    for (let i = 0; i + 1 < attributes.length; i += 2) out[attributes[i]] = attributes[i + 1];
  }
  return out;
}

// Called by the native import hook for code compiled by vm: `import(specifier)` from code
// whose host-defined options carry `id`.
async function importModuleDynamically(id, specifier, referrerName, attributes) {
  if (id === USE_MAIN_CONTEXT_DEFAULT_LOADER) {
    const { dynamicImport } = require('internal/modules/run_main');
    const attrs = attributesObject(attributes);
    return dynamicImport(specifier, referrerName, attrs.type);
  }
  const entry = callbacks.get(id);
  if (entry === undefined) throw new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING();
  if (!vmModulesEnabled()) throw new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG();
  const result = await entry.callback(specifier, entry.referrer, attributesObject(attributes));
  if (require('internal/util/types').isModuleNamespaceObject(result)) return result;
  const { isModule, namespaceOf } = require('internal/vm/module');
  if (!isModule(result)) throw new ERR_VM_MODULE_NOT_MODULE();
  return namespaceOf(result);
}

binding.setImportHook(importModuleDynamically);

module.exports = {
  USE_MAIN_CONTEXT_DEFAULT_LOADER,
  kNoCallback,
  isContext,
  validateContext,
  vmModulesEnabled,
  getHostDefinedOptionId,
  registerImportModuleDynamically,
  importModuleDynamically,
};
