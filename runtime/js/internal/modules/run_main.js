// Starting the program: preloads (-r, --import), then -e/-p, --check, the entry script
// (CommonJS or ESM, decided as Node does), or stdin. Also the dynamic import() hook.
'use strict';

const path = require('path');
const binding = internalBinding('modules');
const execution = require('internal/process/execution');

function toReferrerPath(referrer) {
  if (typeof referrer !== 'string' || referrer === '') return undefined;
  if (referrer.startsWith('file://') || referrer.startsWith('/')) return referrer;
  // Scripts like [eval] resolve from the cwd.
  return path.join(process.cwd(), referrer);
}

// import(specifier) from anywhere: returns a promise of the namespace.
async function dynamicImport(specifier, referrer, type) {
  const [namespace, evaluation] = binding.importModule(`${specifier}`, toReferrerPath(referrer), type);
  await evaluation;
  return namespace;
}

function isEsmEntry(filename) {
  const opts = process._rnodeOptions;
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  const format = binding.moduleFormat(filename);
  if (format === 'module') return true;
  if (opts.defaultType === 'module' && format === 'commonjs' && !filename.endsWith('.js')) return true;
  return false;
}

function runEsm(url) {
  const [, evaluation] = binding.importModule(url, undefined);
  execution.setMainEsmPromise(evaluation, url);
  evaluation.catch((err) => {
    execution.triggerUncaughtException(err, false);
  });
}

function executeUserEntryPoint(main) {
  const { Module } = require('internal/modules/cjs');
  let resolved;
  try {
    resolved = Module._resolveFilename(path.resolve(main), null, true);
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND') {
      // Node reports the path as given, resolved against the cwd.
      const notFound = new Error(`Cannot find module '${path.resolve(main)}'`);
      notFound.code = 'MODULE_NOT_FOUND';
      notFound.requireStack = [];
      throw notFound;
    }
    throw err;
  }
  if (isEsmEntry(resolved)) {
    runEsm(require('internal/modules/file_url').pathToFileUrl(resolved));
    return;
  }
  Module._load(main.startsWith('/') ? main : path.resolve(main), null, true);
}

function evalScript(source, print) {
  const opts = process._rnodeOptions;
  const inputType = opts.inputType ?? (opts.defaultType === 'module' ? 'module' : undefined);
  if (inputType === 'module') {
    if (print) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_EVAL_ESM_CANNOT_PRINT();
    }
    const url = require('internal/modules/file_url').pathToFileUrl(path.join(process.cwd(), '[eval1]'));
    const [, evaluation] = binding.evalModule(source, url);
    execution.setMainEsmPromise(evaluation, url);
    evaluation.catch((err) => execution.triggerUncaughtException(err, false));
    return;
  }
  const { Module, makeRequireFunction } = require('internal/modules/cjs');
  const module = new Module('[eval]');
  module.filename = path.join(process.cwd(), '[eval]');
  module.paths = Module._nodeModulePaths(process.cwd());
  const define = (name, value) => Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable: false,
  });
  define('module', module);
  define('exports', module.exports);
  define('require', makeRequireFunction(module));
  define('__filename', '[eval]');
  define('__dirname', '.');
  addBuiltinLibsToGlobal();
  const result = binding.runScript(source, '[eval]');
  if (print) {
    const { inspect } = require('internal/util/inspect');
    process.stdout.write(`${typeof result === 'string' ? result : inspect(result)}\n`);
  }
}

// As in Node's -e and REPL, `fs`, `os`, `util`, … are globals that load on first use.
function addBuiltinLibsToGlobal() {
  const { builtinModules } = require('internal/modules/builtins');
  for (const name of builtinModules) {
    if (name.startsWith('_') || name.includes('/') || name in globalThis) continue;
    Object.defineProperty(globalThis, name, {
      get() {
        const value = require('internal/modules/cjs').Module._load(name, null, false);
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
        return value;
      },
      set(value) {
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
      },
      configurable: true,
      enumerable: false,
    });
  }
}

function checkSyntax(filename) {
  const { readSource } = require('internal/modules/cjs');
  const source = readSource(filename);
  if (isEsmEntry(filename)) {
    binding.checkModule(source, require('internal/modules/file_url').pathToFileUrl(filename));
  } else {
    binding.compileFunction(source, filename);
  }
}

function readStdin(cb) {
  const chunks = [];
  process.stdin.on('data', (d) => chunks.push(typeof d === 'string' ? d : d.toString()));
  process.stdin.on('end', () => cb(chunks.join('')));
}

function runMain() {
  const opts = process._rnodeOptions;
  const { Module } = require('internal/modules/cjs');
  if (opts.requires.length > 0) Module._preloadModules(opts.requires);
  const start = () => {
    if (opts.check && opts.entry) {
      checkSyntax(path.resolve(opts.entry));
      return;
    }
    if (opts.eval !== null && opts.eval !== undefined) {
      evalScript(opts.eval, opts.print);
      return;
    }
    if (opts.entry) {
      executeUserEntryPoint(opts.entry);
      return;
    }
    if (!process.stdin.isTTY || process.argv[1] === '-') {
      readStdin((source) => evalScript(source, false));
      return;
    }
    const { codes } = require('internal/errors');
    throw new codes.ERR_NOT_IMPLEMENTED('the interactive REPL');
  };
  if (opts.imports.length > 0) {
    let chain = Promise.resolve();
    for (const spec of opts.imports) {
      chain = chain.then(() => dynamicImport(spec, path.join(process.cwd(), '[preload]')));
    }
    chain.then(start, (err) => execution.triggerUncaughtException(err, false));
    return;
  }
  start();
}

function prepare() {
  require('internal/modules/cjs').prepare();
}

module.exports = { runMain, dynamicImport, executeUserEntryPoint, prepare };
