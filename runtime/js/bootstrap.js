// The first JS that runs: the built-in module loader, `process`, the globals, and the hooks
// the Rust event loop calls (returned to Rust as an object). Compiled as
// `function (internalBinding) { ... }`.
'use strict';

const modulesBinding = internalBinding('modules');
const builtinIds = new Set(modulesBinding.builtinIds());
const builtinCache = new Map();

// Public ids map to js/node/<id>.js; internal ids (internal/...) to js/internal/....
function builtinFileId(id) {
  if (id.startsWith('internal/')) return id;
  return `node/${id}`;
}

function hasBuiltin(id) {
  return builtinIds.has(builtinFileId(id));
}

function requireBuiltin(id) {
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached.exports;
  const fileId = builtinFileId(id);
  if (!builtinIds.has(fileId)) {
    const err = new Error(`No such built-in module: ${id}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const fn = modulesBinding.compileBuiltin(fileId);
  const module = { exports: {}, id, loaded: false };
  builtinCache.set(id, module);
  try {
    fn.call(module.exports, module.exports, requireBuiltin, module, internalBinding, process);
  } catch (e) {
    builtinCache.delete(id);
    throw e;
  }
  module.loaded = true;
  return module.exports;
}
requireBuiltin.has = hasBuiltin;
requireBuiltin.ids = builtinIds;

// `process` must exist before any module body runs (modules see it as a parameter).
const process = {};
const { setupProcess } = requireBuiltin('internal/process/setup');
setupProcess(process, requireBuiltin);

const { setupGlobals } = requireBuiltin('internal/bootstrap/globals');
setupGlobals(requireBuiltin, process);

const taskQueues = requireBuiltin('internal/process/task_queues');
const timers = requireBuiltin('internal/timers');
const execution = requireBuiltin('internal/process/execution');
const runMainModule = requireBuiltin('internal/modules/run_main');

return {
  processTicksAndRejections: taskQueues.processTicksAndRejections,
  promiseRejectHandler: taskQueues.promiseRejectHandler,
  processTimers: timers.processTimers,
  processImmediate: timers.processImmediate,
  onUncaughtException: execution.onUncaughtException,
  emitBeforeExit: execution.emitBeforeExit,
  emitExit: execution.emitExit,
  dynamicImport: runMainModule.dynamicImport,
  runMain: runMainModule.runMain,
};
