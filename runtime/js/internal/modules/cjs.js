// The CommonJS loader: `Module`, `require`, the cache, `_resolveFilename`, `_extensions`,
// `_load` (all overridable as packages expect). Resolution itself is rnode_resolve (Rust),
// the same code the ESM loader and the LSP use.
'use strict';

const path = require('path');
const binding = internalBinding('modules');
const fsBinding = internalBinding('fs');
const { codes } = require('internal/errors');
const { validateString } = require('internal/validators');

const builtinModules = require('internal/modules/builtins').builtinModules;
const kIsMainSymbol = Symbol('kIsMainSymbol');

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  Object.defineProperty(this, 'exports', { value: {}, writable: true, enumerable: true, configurable: true });
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
Module.globalPaths = [];
Module.builtinModules = builtinModules;
Module.Module = Module;
Module.wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];
Module.wrap = function wrap(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};

// Memoized per directory: every module of a directory has the same lookup paths.
const nodeModulePathsCache = new Map();
Module._nodeModulePaths = function _nodeModulePaths(from) {
  const dir = path.resolve(from);
  let paths = nodeModulePathsCache.get(dir);
  if (paths === undefined) {
    paths = binding.nodeModulePaths(dir);
    nodeModulePathsCache.set(dir, paths);
  }
  return paths.slice();
};

Module._initPaths = function _initPaths() {
  const home = process.env.HOME;
  const paths = [path.resolve(process.execPath, '..', '..', 'lib', 'node')];
  if (home) {
    paths.unshift(path.resolve(home, '.node_libraries'));
    paths.unshift(path.resolve(home, '.node_modules'));
  }
  if (process.env.NODE_PATH) {
    paths.unshift(...process.env.NODE_PATH.split(path.delimiter).filter(Boolean));
  }
  Module.globalPaths = paths;
};

Module._resolveLookupPaths = function _resolveLookupPaths(request, parent) {
  if (isBuiltin(request)) return null;
  if (request.charAt(0) !== '.' ||
      (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
    let paths = parent?.paths?.length ? parent.paths.slice() : Module._nodeModulePaths('.');
    paths = paths.concat(Module.globalPaths);
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

// 0 for a file, 1 for a directory, a negative errno otherwise (as Node's internal stat).
Module._stat = function _stat(filename) {
  try {
    const nums = fsBinding.stat(path.toNamespacedPath(`${filename}`));
    return (nums[1] & 0o170000) === 0o040000 ? 1 : 0;
  } catch (err) {
    return typeof err.errno === 'number' ? err.errno : -2;
  }
};

Module._findPath = function _findPath(request, paths) {
  for (const dir of paths || ['']) {
    try {
      const r = binding.resolveRequire(path.resolve(dir, request), null, undefined);
      if (r[0] === 'file') return r[1];
    } catch {}
  }
  return false;
};

function isBuiltin(id) {
  return require('internal/modules/builtins').isBuiltin(id);
}

function requireStackOf(parent) {
  const stack = [];
  for (let cursor = parent; cursor; cursor = moduleParentCache.get(cursor)) {
    stack.push(cursor.filename || cursor.id);
  }
  return stack;
}

const moduleParentCache = new WeakMap();

Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  validateString(request, 'request');
  if (request.startsWith('node:') || isBuiltin(request)) {
    if (isBuiltin(request)) return request;
  }
  let extraPaths;
  if (options && Array.isArray(options.paths)) {
    extraPaths = options.paths.map((p) => path.resolve(p));
  }
  const parentFile = parent?.filename || (parent?.id && parent.id !== '.' && parent.id !== '<repl>' ? parent.id : null);
  let resolved;
  try {
    resolved = binding.resolveRequire(request, parentFile ? path.resolve(parentFile) : null, extraPaths);
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND' && !err.rnodeNoRequireStack) {
      const requireStack = requireStackOf(parent);
      let message = err.message;
      if (requireStack.length > 0) message += '\nRequire stack:\n- ' + requireStack.join('\n- ');
      const notFound = new Error(message);
      notFound.code = 'MODULE_NOT_FOUND';
      notFound.requireStack = requireStack;
      throw notFound;
    }
    throw err;
  }
  if (resolved[0] === 'builtin') return resolved[1];
  return resolved[1];
};

Module._load = function _load(request, parent, isMain) {
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!isBuiltin(request)) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
    return loadBuiltin(id.startsWith('test') ? request : id);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  if (isBuiltin(filename) && !path.isAbsolute(filename)) return loadBuiltin(filename);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    updateChildren(parent, cached, true);
    if (!cached.loaded) return exportsForCircularRequire(cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  moduleParentCache.set(module, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
    module[kIsMainSymbol] = true;
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined && parent !== null) {
        const children = parent.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    }
  }
  return module.exports;
};


function loadBuiltin(id) {
  // The prefix-only modules arrive with their `node:` prefix; `test` alone is a package.
  if (id === 'node:test' || id === 'node:test/reporters') return require(id.slice(5));
  if (id === 'test' || id === 'node:sea') {
    throw new codes.ERR_NOT_IMPLEMENTED(`require('${id}')`);
  }
  if (!require.has(id)) throw new codes.ERR_NOT_IMPLEMENTED(`require('${id}')`);
  return require(id);
}

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let extension = path.extname(filename);
  if (extension === '.mjs' || (extension !== '.cjs' && extension !== '.json' && extension !== '.node' &&
      binding.moduleFormat(filename) === 'module')) {
    throw new codes.ERR_REQUIRE_ESM(filename, true, moduleParentCache.get(this)?.filename);
  }
  if (!Module._extensions[extension]) extension = '.js';
  Module._extensions[extension](this, filename);
  this.loaded = true;
  // Undo the cycle warning proxy once the module finished loading.
  const exports = this.exports;
  if (exports !== null && typeof exports === 'object' && !internalBinding('types').isProxy(exports) &&
      Object.getPrototypeOf(exports) === kCircularProxy) {
    Object.setPrototypeOf(exports, Object.prototype);
  }
};

Module.prototype.require = function require(id) {
  validateString(id, 'id');
  if (id === '') throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

function readSource(filename) {
  let s = fsBinding.readFileUtf8(filename);
  if (s.charCodeAt(0) === 0xFEFF) s = s.slice(1);
  return s;
}

Module.prototype._compile = function _compile(content, filename) {
  const fn = binding.compileFunction(content, filename);
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  return Reflect.apply(fn, exports, [exports, require, this, filename, dirname]);
};

Module._extensions['.js'] = function(module, filename) {
  module._compile(readSource(filename), filename);
};
Module._extensions['.json'] = function(module, filename) {
  const content = readSource(filename);
  try {
    module.exports = JSON.parse(content);
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};
Module._extensions['.node'] = function(module, filename) {
  const err = new Error(`Cannot load native addon ${filename}: native addons are not supported by rnode`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

function makeRequireFunction(mod) {
  const require = function require(id) {
    return mod.require(id);
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  // defineProperty, not assignment: setters on Object.prototype must not run.
  const own = (obj, name, value) => Object.defineProperty(obj, name, {
    value, writable: true, enumerable: true, configurable: true,
  });
  own(resolve, 'paths', paths);
  own(require, 'resolve', resolve);
  own(require, 'main', process.mainModule);
  own(require, 'extensions', Module._extensions);
  own(require, 'cache', Module._cache);
  return require;
}

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  } else {
    filepath = filename;
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

function pendingDeprecated(fn) {
  const { deprecate } = require('internal/util');
  let wrapped;
  return function(...args) {
    if (!process._rnodeOptions?.pendingDeprecation) return Reflect.apply(fn, this, args);
    wrapped ??= deprecate(fn, 'module.parent is deprecated due to accuracy issues. Please use ' +
      'require.main to find program entry point instead.', 'DEP0144');
    return Reflect.apply(wrapped, this, args);
  };
}
Object.defineProperty(Module.prototype, 'parent', {
  get: pendingDeprecated(function() { return moduleParentCache.get(this); }),
  set: pendingDeprecated(function(value) { moduleParentCache.set(this, value); }),
  enumerable: false,
  configurable: true,
});

// While a module is still loading (a require cycle), reading a property its exports do not
// have warns, as in Node: the value is probably only missing because of the cycle.
const kCircularProxy = new Proxy({}, {
  get(target, prop) {
    if (prop in Object.prototype || typeof prop === 'symbol' || prop === '__esModule') {
      return Reflect.get(Object.prototype, prop);
    }
    emitCircularRequireWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (!Object.prototype.hasOwnProperty.call(Object.prototype, prop) && prop !== '__esModule' &&
        typeof prop !== 'symbol') {
      emitCircularRequireWarning(prop);
    }
    return undefined;
  },
});

function emitCircularRequireWarning(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports ` +
    'inside circular dependency');
}

function exportsForCircularRequire(module) {
  const exports = module.exports;
  if (exports !== null && typeof exports === 'object' && !internalBinding('types').isProxy(exports) &&
      Object.getPrototypeOf(exports) === Object.prototype && !exports.__esModule) {
    Object.setPrototypeOf(exports, kCircularProxy);
  }
  return exports;
}

Module.isBuiltin = isBuiltin;
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {};
Module.findSourceMap = function findSourceMap() { return undefined; };
Module.register = function register() {
  throw new codes.ERR_NOT_IMPLEMENTED('module.register()');
};
Module.runMain = function runMain(main = process.argv[1]) {
  return require('internal/modules/run_main').executeUserEntryPoint(main);
};
Module._preloadModules = function _preloadModules(requests) {
  if (!Array.isArray(requests) || requests.length === 0) return;
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (const r of requests) parent.require(r);
};

// Loader hooks the Rust ESM loader calls for CommonJS/JSON/builtin modules imported from ESM.
const esmLoaderHooks = {
  requireBuiltin(id) {
    return loadBuiltin(id);
  },
  requireCommonJs(filename) {
    const cached = Module._cache[filename];
    if (cached !== undefined) return cached.exports;
    const module = new Module(filename, null);
    Module._cache[filename] = module;
    let threw = true;
    try {
      module.filename = filename;
      module.paths = Module._nodeModulePaths(path.dirname(filename));
      Module._extensions[path.extname(filename) === '.json' ? '.json' : '.js'](module, filename);
      module.loaded = true;
      threw = false;
    } finally {
      if (threw) delete Module._cache[filename];
    }
    return module.exports;
  },
  requireJson(filename) {
    return JSON.parse(readSource(filename));
  },
};
// Per-process setup (the module body itself runs inside the startup snapshot).
function prepare() {
  Module._initPaths();
  binding.setLoader(esmLoaderHooks);
}

module.exports = { Module, makeRequireFunction, readSource, prepare };
