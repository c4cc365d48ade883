// The first JS that runs: the built-in module loader, the globals, the core modules, and the
// hooks the Rust event loop calls (returned to Rust as an object). Compiled as
// `function (internalBinding) { ... }`.
//
// It runs at build time, inside the startup snapshot: nothing here may depend on the
// process that will run (argv, env, pid, cwd, options). That per-run state is applied by
// `prepare()`, which Rust calls first on every start.
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

// `process` must exist before any module body runs (modules see it as a parameter); it is
// filled in by prepare().
const process = {};
const { setupProcess } = requireBuiltin('internal/process/setup');

const { setupGlobals } = requireBuiltin('internal/bootstrap/globals');
setupGlobals(requireBuiltin, process);

const taskQueues = requireBuiltin('internal/process/task_queues');
const timers = requireBuiltin('internal/timers');
const execution = requireBuiltin('internal/process/execution');
const runMainModule = requireBuiltin('internal/modules/run_main');
// Preloaded so that common requires come from the snapshot. A module here must not read
// per-process state (process.env, argv, cwd, …) while it loads.
const kPreload = [
  'path', 'internal/modules/cjs', 'internal/errors', 'internal/validators', 'buffer',
  'internal/util/inspect', 'util', 'url', 'internal/url', 'internal/encoding',
  'internal/abort_controller', 'internal/event_target', 'internal/domexception', 'fs',
  'string_decoder', 'querystring', 'internal/console', 'assert', 'os',
];
for (const id of kPreload) requireBuiltin(id);

return {
  prepare() {
    setupProcess(process, requireBuiltin);
    requireBuiltin('internal/util/debuglog').initializeDebugEnv(process.env.NODE_DEBUG);
    runMainModule.prepare();
  },
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
