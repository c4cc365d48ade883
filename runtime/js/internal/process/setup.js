// Builds the `process` object over internalBinding('process'): argv, env, ids, exit,
// hrtime, memoryUsage, emitWarning, nextTick and the rest of Node's process API.
'use strict';

function setupProcess(process, requireBuiltin) {
  const binding = internalBinding('process');
  const opts = binding.options();
  const EventEmitter = requireBuiltin('events');

  Object.setPrototypeOf(process, Object.create(EventEmitter.prototype, {
    constructor: { value: function process() {}, writable: true, configurable: true },
  }));
  EventEmitter.call(process);
  Object.defineProperty(process, Symbol.toStringTag, {
    value: 'process', writable: false, enumerable: false, configurable: true,
  });

  const [pid, ppid] = binding.ids();
  const def = (name, value) => Object.defineProperty(process, name, {
    value, writable: true, enumerable: true, configurable: true,
  });

  def('version', 'v21.7.3');
  def('versions', {
    node: '21.7.3',
    rnode: opts.rnodeVersion || '0.1.0',
    v8: '13.0.245.25-rnode',
    uv: '1.48.0',
    modules: '120',
    unicode: '15.1',
    icu: '74.2',
    openssl: '',
  });
  def('arch', 'x64');
  def('platform', 'linux');
  def('release', {
    name: 'node',
    sourceUrl: 'https://nodejs.org/download/release/v21.7.3/node-v21.7.3.tar.gz',
    headersUrl: 'https://nodejs.org/download/release/v21.7.3/node-v21.7.3-headers.tar.gz',
  });
  def('argv', opts.argv.slice());
  def('execArgv', opts.execArgv.slice());
  def('execPath', opts.execPath);
  def('pid', pid);
  def('ppid', ppid);
  def('debugPort', 9229);
  def('config', {
    target_defaults: {},
    variables: {
      v8_enable_i18n_support: 1,
      node_shared_openssl: false,
      v8_enable_inspector: 1,
      node_use_openssl: false,
      asan: 0,
      is_debug: 0,
      node_module_version: 120,
    },
  });
  def('features', {
    inspector: true, debug: false, uv: true, ipv6: true, tls_alpn: false,
    tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true, typescript: false,
  });
  Object.defineProperty(process, 'argv0', {
    value: opts.argv0, writable: false, enumerable: true, configurable: true,
  });
  process.noDeprecation = opts.noDeprecation || undefined;
  if (process.noDeprecation === undefined) delete process.noDeprecation;
  if (opts.throwDeprecation) process.throwDeprecation = true;
  if (opts.traceDeprecation) process.traceDeprecation = true;
  // Like libuv's default process title: argv[0] as given.
  let title = opts.argv0 || 'rnode';
  Object.defineProperty(process, 'title', {
    get() { return title; },
    set(value) { title = `${value}`; },
    enumerable: true,
    configurable: true,
  });
  process._rawDebug = function _rawDebug(...args) {
    const { format } = requireBuiltin('internal/util/inspect');
    internalBinding('stdio').writeSync(2, `${format(...args)}\n`);
  };
  if (!('domain' in process)) process.domain = null;
  process._fatalException = requireBuiltin('internal/process/execution').defaultFatalException;
  process._rnodeOptions = opts;
  Object.defineProperty(process, '_rnodeOptions', { enumerable: false });

  // process.env: string-coercing, backed by the real environment (children inherit it).
  const envTarget = binding.environ();
  let envDeprecationWarned = false;
  process.env = new Proxy(envTarget, {
    set(target, key, value) {
      if (typeof key === 'symbol') {
        const { codes } = requireBuiltin('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE('key', 'string', key);
      }
      if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      if (opts.pendingDeprecation && typeof value !== 'string' && typeof value !== 'number' &&
          typeof value !== 'boolean' && !envDeprecationWarned) {
        envDeprecationWarned = true;
        process.emitWarning('Assigning any value other than a string, number, or boolean to a ' +
          'process.env property is deprecated. Please make sure to convert the value to a ' +
          'string before setting process.env with it.', 'DeprecationWarning', 'DEP0104');
      }
      const s = `${value}`;
      // The OS has no variable with an empty name (Node drops it too).
      if (key === '') return true;
      target[key] = s;
      binding.setenv(key, s);
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key === 'string') {
        delete target[key];
        binding.unsetenv(key);
      }
      return true;
    },
    defineProperty(target, key, desc) {
      const { codes } = requireBuiltin('internal/errors');
      if (desc.get || desc.set) {
        throw new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY("'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!desc.configurable || !desc.enumerable || !desc.writable) {
        throw new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY("'process.env' only accepts a configurable, writable, and enumerable data descriptor");
      }
      const s = `${desc.value}`;
      target[key] = s;
      binding.setenv(key, s);
      return true;
    },
  });

  process.cwd = function cwd() { return binding.cwd(); };
  process.chdir = function chdir(directory) {
    requireBuiltin('internal/validators').validateString(directory, 'directory');
    binding.chdir(directory);
  };
  process.umask = function umask(mask) {
    if (mask === undefined) return binding.umask();
    mask = requireBuiltin('internal/validators').parseFileMode(mask, 'mask');
    return binding.umask(mask);
  };
  const ids = () => binding.ids();
  process.getuid = function getuid() { return ids()[2]; };
  process.geteuid = function geteuid() { return ids()[3]; };
  process.getgid = function getgid() { return ids()[4]; };
  process.getegid = function getegid() { return ids()[5]; };
  process.getgroups = function getgroups() { return binding.getgroups(); };
  const validateId = (id, name) => {
    const { codes } = requireBuiltin('internal/errors');
    if (typeof id === 'number') {
      requireBuiltin('internal/validators').validateUint32(id, name);
    } else if (typeof id !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
    }
  };
  // Errors of the credential calls are shaped like Node's C++ ErrnoException.
  const credentialError = (r, syscall) => {
    const { uvErrName } = requireBuiltin('internal/errors');
    const code = uvErrName(r);
    const err = new Error(`${code}, ${internalBinding('errors').strerror(r)}`);
    err.errno = -r;
    err.code = code;
    err.syscall = syscall;
    return err;
  };
  const credentialSetter = (kind, syscall, what) => function(id) {
    validateId(id, 'id');
    const r = binding.setCredential(kind, id);
    if (r === 1) {
      const { codes } = requireBuiltin('internal/errors');
      throw new codes.ERR_UNKNOWN_CREDENTIAL(what, id);
    }
    if (r < 0) throw credentialError(r, syscall);
  };
  process.setuid = credentialSetter('uid', 'setuid', 'User');
  process.seteuid = credentialSetter('euid', 'seteuid', 'User');
  process.setgid = credentialSetter('gid', 'setgid', 'Group');
  process.setegid = credentialSetter('egid', 'setegid', 'Group');
  process.setgroups = function setgroups(groups) {
    requireBuiltin('internal/validators').validateArray(groups, 'groups');
    for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
    const r = binding.setgroups(groups);
    if (r > 0) {
      const { codes } = requireBuiltin('internal/errors');
      throw new codes.ERR_UNKNOWN_CREDENTIAL('Group', groups[r - 1]);
    }
    if (r < 0) throw credentialError(r, 'setgroups');
  };
  process.initgroups = function initgroups(user, extraGroup) {
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    const r = binding.initgroups(user, extraGroup);
    const { codes } = requireBuiltin('internal/errors');
    if (r === 1) throw new codes.ERR_UNKNOWN_CREDENTIAL('User', user);
    if (r === 2) throw new codes.ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
    if (r < 0) throw credentialError(r, 'initgroups');
  };

  const hrtime = function hrtime(prev) {
    const ns = binding.hrtime();
    const sec = Number(ns / 1000000000n);
    const nsec = Number(ns % 1000000000n);
    if (prev !== undefined) {
      if (!Array.isArray(prev)) {
        const { codes } = requireBuiltin('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', prev);
      }
      if (prev.length !== 2) {
        const { codes } = requireBuiltin('internal/errors');
        throw new codes.ERR_OUT_OF_RANGE('time', 2, prev.length);
      }
      let s = sec - prev[0];
      let n = nsec - prev[1];
      if (n < 0) { s -= 1; n += 1e9; }
      return [s, n];
    }
    return [sec, nsec];
  };
  hrtime.bigint = function bigint() { return binding.hrtime(); };
  process.hrtime = hrtime;
  process.uptime = function uptime() { return binding.uptime(); };
  const memoryUsage = function memoryUsage() {
    const [rss, heapTotal, heapUsed, external, arrayBuffers] = binding.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  };
  memoryUsage.rss = function rss() { return binding.rss(); };
  process.memoryUsage = memoryUsage;
  process.cpuUsage = function cpuUsage(prevValue) {
    const [user, system] = binding.cpuUsage();
    if (prevValue !== undefined) {
      const { codes } = requireBuiltin('internal/errors');
      if (prevValue === null || typeof prevValue !== 'object') {
        throw new codes.ERR_INVALID_ARG_TYPE('prevValue', 'object', prevValue);
      }
      for (const key of ['user', 'system']) {
        const v = prevValue[key];
        if (typeof v !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(`prevValue.${key}`, 'number', v);
        if (v < 0 || !Number.isFinite(v) || v > Number.MAX_SAFE_INTEGER) {
          throw new codes.ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${key}`, v);
        }
      }
      return { user: user - prevValue.user, system: system - prevValue.system };
    }
    return { user, system };
  };
  process.resourceUsage = function resourceUsage() {
    const [userCPUTime, systemCPUTime] = binding.cpuUsage();
    return {
      userCPUTime, systemCPUTime, maxRSS: Math.round(binding.rss() / 1024), sharedMemorySize: 0,
      unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0, majorPageFault: 0,
      swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0, signalsCount: 0,
      voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
    };
  };
  process.constrainedMemory = function constrainedMemory() { return 0; };
  process.availableMemory = function availableMemory() { return requireBuiltin('os').freemem(); };

  process.kill = function kill(pid, sig = 'SIGTERM') {
    const { codes, errnoException } = requireBuiltin('internal/errors');
    if (pid != (pid | 0)) throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    let signum;
    if (typeof sig === 'number') {
      signum = sig;
    } else {
      const signals = requireBuiltin('os').constants.signals;
      signum = signals[sig];
      if (signum === undefined) throw new codes.ERR_UNKNOWN_SIGNAL(sig);
    }
    const r = process._kill(pid | 0, signum);
    if (r) throw errnoException(r, 'kill');
    return true;
  };
  process._kill = function _kill(pid, signum) { return binding.kill(pid, signum); };
  process.abort = function abort() { binding.abort(); };
  process.reallyExit = function reallyExit(code) { binding.reallyExit(code | 0); };

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        if (!Number.isInteger(value)) {
          const { codes } = requireBuiltin('internal/errors');
          throw new codes.ERR_INVALID_ARG_TYPE('code', 'integer', code);
        }
      }
      exitCode = code;
    },
    enumerable: true,
    configurable: false,
  });
  process._exiting = false;
  process.exit = function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode | 0);
    }
    binding.reallyExit(process.exitCode | 0);
  };

  process.emitWarning = function emitWarning(...args) {
    return requireBuiltin('internal/process/warning').emitWarning(...args);
  };
  process.nextTick = function nextTick(...args) {
    return requireBuiltin('internal/process/task_queues').nextTick(...args);
  };
  process.binding = function binding(name) {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_NOT_IMPLEMENTED(`process.binding('${name}')`);
  };
  process._linkedBinding = process.binding;
  process.allowedNodeEnvironmentFlags = new Set();
  process.setUncaughtExceptionCaptureCallback = function(fn) {
    const execution = requireBuiltin('internal/process/execution');
    execution.setCaptureCallback(fn);
  };
  process.hasUncaughtExceptionCaptureCallback = function() {
    return requireBuiltin('internal/process/execution').hasCaptureCallback();
  };
  let sourceMapsEnabled = false;
  process.setSourceMapsEnabled = function setSourceMapsEnabled(val) {
    requireBuiltin('internal/validators').validateBoolean(val, 'val');
    // Source maps are not applied to stack traces yet; the flag is recorded.
    sourceMapsEnabled = val;
  };
  Object.defineProperty(process, 'sourceMapsEnabled', {
    get() { return sourceMapsEnabled; }, enumerable: true, configurable: true,
  });
  process.report = {
    getReport() {
      return { header: { glibcVersionRuntime: '2.36', nodejsVersion: 'v21.7.3' }, sharedObjects: [] };
    },
  };
  process.getActiveResourcesInfo = function getActiveResourcesInfo() {
    const { timerRefCount, immediateRefCount } = requireBuiltin('internal/timers').activeCounts();
    return [...Array(timerRefCount).fill('Timeout'), ...Array(immediateRefCount).fill('Immediate')];
  };
  process._getActiveHandles = function() { return []; };
  process._getActiveRequests = function() { return []; };
  process.openStdin = function() { process.stdin.resume(); return process.stdin; };

  process.on('warning', (w) => requireBuiltin('internal/process/warning').onWarning(w));

  // Signal listeners start a native watcher for their signal on first use.
  const signalWatchers = new Map();
  let signalNumbers = null;
  const signalNumber = (type) => {
    if (typeof type !== 'string' || !type.startsWith('SIG')) return undefined;
    signalNumbers ??= requireBuiltin('os').constants.signals;
    return signalNumbers[type];
  };
  process.on('newListener', (type) => {
    const signum = signalNumber(type);
    if (signum === undefined || signalWatchers.has(type)) return;
    const id = internalBinding('signals').watch(signum, (err, num) => {
      process.emit(type, type, num);
    });
    if (id < 0) throw requireBuiltin('internal/errors').errnoException(id, 'uv_signal_start');
    signalWatchers.set(type, id);
  });
  process.on('removeListener', (type) => {
    const id = signalWatchers.get(type);
    if (id !== undefined && process.listenerCount(type) === 0) {
      internalBinding('signals').unwatch(id);
      signalWatchers.delete(type);
    }
  });

  // stdio streams are created on first access.
  const stdio = requireBuiltin('internal/process/stdio');
  for (const name of ['stdin', 'stdout', 'stderr']) {
    let value;
    Object.defineProperty(process, name, {
      get() { return value ??= stdio.create(name); },
      set(v) { value = v; },
      enumerable: true,
      configurable: true,
    });
  }

  // V8's own `gc` (from --expose-gc) is used when present.
  if (opts.exposeGc && typeof globalThis.gc !== 'function') {
    Object.defineProperty(globalThis, 'gc', {
      value: function gc() { binding.gc(); }, writable: true, configurable: true, enumerable: false,
    });
  }
}

module.exports = { setupProcess };
