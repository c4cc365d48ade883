// The machinery behind require('child_process'): option normalization shared by every
// spawn flavour, the stdio description, `ChildProcess` (an EventEmitter over a native
// process handle) and the sockets over its stdio pipes, plus the synchronous core.
// Native side: internalBinding('spawn') (runtime/src/ops/spawn.rs).
'use strict';

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
  },
  errnoException: rawErrnoException,
  AbortError,
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateInt32,
  validateObject,
  validateString,
} = require('internal/validators');

const binding = internalBinding('spawn');

const UV_EACCES = -13;
const UV_EAGAIN = -11;
const UV_EMFILE = -24;
const UV_ENFILE = -23;
const UV_ENOENT = -2;
const UV_ESRCH = -3;
const UV_EINVAL = -22;
const UV_ENOSYS = -38;

// `syscall CODE` errors whose stack starts at the caller, as Node's ErrnoException.
function errnoException(err, syscall) {
  const e = rawErrnoException(err, syscall);
  Error.captureStackTrace(e, errnoException);
  return e;
}

// ---- Signals ---------------------------------------------------------------------------

let signalNames = null;
// Number → name, the first name of each number winning (SIGABRT over SIGIOT), as the
// names Node reports for a child's terminating signal.
function signalName(signo) {
  if (signalNames === null) {
    signalNames = { __proto__: null };
    const { signals } = require('os').constants;
    for (const key of Object.keys(signals)) {
      if (signalNames[signals[key]] === undefined) signalNames[signals[key]] = key;
    }
  }
  return signalNames[signo] ?? null;
}

function convertToValidSignal(signal) {
  if (typeof signal === 'number' && signalName(signal) !== null) return signal;
  if (typeof signal === 'string') {
    const signo = require('os').constants.signals[signal.toUpperCase()];
    if (signo) return signo;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return convertToValidSignal(killSignal);
  } else if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  }
}

// ---- Validation and normalization ----------------------------------------------------------

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function validateArgumentNullCheck(arg, propName) {
  if (typeof arg === 'string' && arg.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(propName, arg, 'must be a string without null bytes');
  }
}

function validateArgumentsNullCheck(args, propName) {
  for (let i = 0; i < args.length; ++i) {
    validateArgumentNullCheck(args[i], `${propName}[${i}]`);
  }
}

// A path option: string, Buffer/Uint8Array or file: URL, without null bytes.
function getValidatedPath(p, name) {
  if (p !== null && typeof p === 'object' && typeof p.href === 'string' && p.protocol !== undefined) {
    p = require('url').fileURLToPath(p);
  } else if (p instanceof Uint8Array) {
    p = Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString();
  } else if (typeof p !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], p);
  }
  if (p.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, p, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return p;
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  validateArgumentNullCheck(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');

  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  validateArgumentsNullCheck(args, 'args');

  if (options === undefined) options = { __proto__: null };
  else validateObject(options, 'options');

  let cwd = options.cwd;
  if (cwd != null) cwd = getValidatedPath(cwd, 'options.cwd');
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null && !Number.isInteger(options.uid)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  }
  if (options.uid != null) validateInt32(options.uid, 'options.uid');
  if (options.gid != null && !Number.isInteger(options.gid)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  }
  if (options.gid != null) validateInt32(options.gid, 'options.gid');
  if (options.shell != null && typeof options.shell !== 'boolean' &&
      typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  let { windowsVerbatimArguments } = options;
  if (windowsVerbatimArguments != null) {
    validateBoolean(windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }

  if (options.shell) {
    validateArgumentNullCheck(options.shell, 'options.shell');
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }

  if (typeof options.argv0 === 'string') args.unshift(options.argv0);
  else args.unshift(file);

  const env = options.env || process.env;
  const envPairs = [];
  // Inherited (prototype) keys count too, as in Node.
  for (const key in env) {
    const value = env[key];
    if (value !== undefined) {
      validateArgumentNullCheck(key, `options.env['${key}']`);
      validateArgumentNullCheck(value, `options.env['${key}']`);
      envPairs.push(`${key}=${value}`);
    }
  }

  return {
    __proto__: null,
    ...options,
    args,
    cwd,
    detached: !!options.detached,
    envPairs,
    file,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!windowsVerbatimArguments,
  };
}

function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe': options.push(stdio, stdio, stdio); break;
    case 'inherit': options.push(0, 1, 2); break;
    default: throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) options.push(channel);
  return options;
}

// The file descriptor behind a stream-like stdio entry, if it has one.
function streamFd(s) {
  if (s === null || typeof s !== 'object') return undefined;
  if (s[kPipeId] !== undefined) return s;
  if (typeof s.fd === 'number' && s.fd >= 0) return s.fd;
  if (s._handle && typeof s._handle.fd === 'number' && s._handle.fd >= 0) return s._handle.fd;
  return undefined;
}

// Turns the `stdio` option into one descriptor per child fd:
// `{ type: 'pipe' | 'ignore' | 'fd', fd?, input? }`.
function getValidStdio(stdio, sync) {
  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  stdio = stdio.slice();
  while (stdio.length < 3) stdio.push(undefined);

  let ipc;
  const result = [];
  for (let i = 0; i < stdio.length; i++) {
    let s = stdio[i];
    if (s == null) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ignore') {
      result.push({ type: 'ignore' });
    } else if (s === 'pipe' || s === 'overlapped' || (typeof s === 'number' && s < 0)) {
      result.push({ type: 'pipe', readable: i === 0, writable: i !== 0 });
    } else if (s === 'ipc') {
      if (sync || ipc !== undefined) {
        if (!sync) throw new ERR_IPC_ONE_PIPE();
        throw new ERR_IPC_SYNC_FORK();
      }
      // The channel itself is not implemented: ChildProcess#spawn throws once the other
      // options are validated.
      ipc = true;
      result.push({ type: 'ipc' });
    } else if (s === 'inherit') {
      result.push({ type: 'fd', fd: i });
    } else if (typeof s === 'number') {
      result.push({ type: 'fd', fd: s });
    } else if (streamFd(s) !== undefined) {
      const fd = streamFd(s);
      if (typeof fd === 'number') {
        result.push({ type: 'fd', fd });
      } else {
        // One of our own pipe sockets: the child gets the same socket.
        result.push({ type: 'fd', fd: binding.fdOf(fd[kPipeId]), wrap: fd });
      }
    } else if (ArrayBuffer.isView(s) || typeof s === 'string') {
      if (!sync) {
        throw new ERR_INVALID_SYNC_FORK_INPUT(require('internal/util/inspect').inspect(s));
      }
      result.push({ type: 'pipe', readable: i === 0, writable: i !== 0, input: s });
    } else {
      throw new ERR_INVALID_ARG_VALUE('stdio', s);
    }
  }
  return { stdio: result, ipc };
}

// ---- Pipe sockets --------------------------------------------------------------------------

const kPipeId = Symbol('kPipeId');
const kIsUsedAsStdio = Symbol('kIsUsedAsStdio');
const kReading = Symbol('kReading');
const kOnRead = Symbol('kOnRead');
const kTimer = Symbol('kTimer');
const kTimeoutMs = Symbol('kTimeoutMs');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
let Duplex = null;
let SocketClass = null;

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// The parent end of a stdio pipe, a Duplex named Socket like Node's net.Socket over a Pipe.
function getSocketClass() {
  if (SocketClass !== null) return SocketClass;
  Duplex ??= require('stream').Duplex;
  class Socket extends Duplex {
    constructor(id, readable) {
      super({
        allowHalfOpen: false,
        readable,
        decodeStrings: false,
        autoDestroy: true,
        emitClose: true,
      });
      this[kPipeId] = id;
      this[kReading] = false;
      this[kTimer] = null;
      this[kTimeoutMs] = 0;
      this[kBytesRead] = 0;
      this[kBytesWritten] = 0;
      this.connecting = false;
      this._hadError = false;
      this._handle = id == null ? null : { fd: -1 };
      if (readable) this.read(0);
    }

    _read() {
      const id = this[kPipeId];
      if (id == null) {
        // The pipe of a child that never started: end of file at once.
        this.push(null);
        return;
      }
      if (this[kReading]) return;
      this[kReading] = true;
      // The native side keeps the first callback for the pipe's life, so chunks read
      // before a readStop still arrive here.
      this[kOnRead] ??= (err, chunk) => {
        if (this.destroyed) return;
        if (err) {
          this[kReading] = false;
          this.destroy(errnoException(err.errno, 'read'));
          return;
        }
        if (chunk === undefined || chunk === null) {
          this._stopReading();
          this.push(null);
          return;
        }
        this[kBytesRead] += chunk.byteLength;
        this._activity();
        if (!this.push(toBuffer(chunk))) this._stopReading();
      };
      binding.readStart(id, this[kOnRead]);
    }

    _stopReading() {
      if (this[kReading]) {
        this[kReading] = false;
        if (this[kPipeId] != null) binding.readStop(this[kPipeId]);
      }
    }

    _write(chunk, encoding, cb) {
      const id = this[kPipeId];
      if (id == null) {
        cb(new (require('internal/errors').codes.ERR_SOCKET_CLOSED)());
        return;
      }
      const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      this._activity();
      binding.write(id, data, (err) => {
        if (!err) this[kBytesWritten] += data.byteLength;
        if (err && !this.destroyed) {
          cb(errnoException(err.errno, 'write'));
        } else {
          cb();
        }
      });
    }

    _final(cb) {
      const id = this[kPipeId];
      if (id == null || this.destroyed) {
        cb();
        return;
      }
      binding.shutdown(id, (err) => {
        if (err && err.errno !== -107 && !this.destroyed) cb(errnoException(err.errno, 'shutdown'));
        else cb();
      });
    }

    _destroy(err, cb) {
      const id = this[kPipeId];
      this[kReading] = false;
      if (id != null) {
        this[kPipeId] = null;
        binding.close(id);
      }
      this._handle = null;
      if (this[kTimer]) {
        clearTimeout(this[kTimer]);
        this[kTimer] = null;
      }
      if (err) this._hadError = true;
      cb(err);
    }

    ref() {
      if (this[kPipeId] != null) binding.ref(this[kPipeId]);
      return this;
    }

    unref() {
      if (this[kPipeId] != null) binding.unref(this[kPipeId]);
      return this;
    }

    // Pipes have no TCP options: as in Node, these do nothing on them.
    setNoDelay() { return this; }
    setKeepAlive() { return this; }

    // Emits 'timeout' after `ms` without reads or writes (0 turns it off).
    setTimeout(ms, cb) {
      if (this[kTimer]) {
        clearTimeout(this[kTimer]);
        this[kTimer] = null;
      }
      if (ms > 0) {
        this[kTimer] = setTimeout(() => {
          this[kTimer] = null;
          this.emit('timeout');
        }, ms);
        this[kTimer].unref();
      }
      this[kTimeoutMs] = ms;
      if (typeof cb === 'function') {
        if (ms === 0) this.removeListener('timeout', cb);
        else this.once('timeout', cb);
      }
      return this;
    }

    _activity() {
      if (this[kTimer]) this[kTimer].refresh();
    }

    address() { return {}; }

    get pending() { return this[kPipeId] == null; }
    get readyState() {
      if (this.readable && this.writable) return 'open';
      if (this.readable) return 'readOnly';
      if (this.writable) return 'writeOnly';
      return 'closed';
    }

    get bytesWritten() { return this[kBytesWritten] + (this._writableState?.length ?? 0); }
    get bytesRead() { return this[kBytesRead]; }
    get timeout() { return this[kTimeoutMs] || undefined; }
  }
  SocketClass = Socket;
  return SocketClass;
}

function createSocket(id, readable) {
  const Socket = getSocketClass();
  return new Socket(id, readable);
}

// ---- ChildProcess ----------------------------------------------------------------------

const kHandle = Symbol('kHandle');

function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

// Lets a child's untouched output flow so its pipes reach EOF and 'close' can follow.
function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream[kIsUsedAsStdio] ||
        stream._readableState.readableListening) {
      continue;
    }
    stream.resume();
  }
}

function onErrorNT(self, err) {
  self._handle.onexit(err);
}

function onSpawnNT(self) {
  self.emit('spawn');
}

// The native process handle: spawn/kill/ref/unref/close and an `onexit` hook.
class Process {
  constructor() {
    this.id = null;
    this.pid = 0;
    this.pipes = [];
    this.onexit = null;
    this.refed = true;
  }

  spawn(options, stdio) {
    const pipesIn = stdio.map((s) => {
      if (s.type === 'pipe') return { __proto__: null, type: 'pipe' };
      if (s.type === 'fd') return { __proto__: null, type: 'fd', fd: s.fd };
      return { __proto__: null, type: 'ignore' };
    });
    const r = binding.spawn({
      __proto__: null,
      file: options.file,
      args: options.args,
      cwd: options.cwd,
      envPairs: options.envPairs,
      stdio: pipesIn,
      uid: options.uid,
      gid: options.gid,
      detached: options.detached,
    }, (err, status) => {
      if (err) return;
      const [code, signo] = status;
      const signal = signo ? signalName(signo) : null;
      if (this.onexit) this.onexit(code === undefined ? null : code, signal);
    });
    if (typeof r === 'number') return r;
    this.id = r.handle;
    this.pid = r.pid;
    this.pipes = r.pipes;
    if (!this.refed) binding.unref(this.id);
    return 0;
  }

  kill(signal) {
    if (this.pid === 0) return UV_ESRCH;
    return binding.kill(this.pid, signal);
  }

  ref() {
    this.refed = true;
    if (this.id !== null) binding.ref(this.id);
  }

  unref() {
    this.refed = false;
    if (this.id !== null) binding.unref(this.id);
  }

  hasRef() {
    return this.id !== null && this.refed;
  }

  close() {
    if (this.id !== null) binding.close(this.id);
    this.id = null;
  }
}

function ChildProcess() {
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;

  this._handle = new Process();
  this._handle.onexit = (exitCode, signalCode) => {
    if (signalCode) this.signalCode = signalCode;
    else this.exitCode = exitCode;

    if (this.stdin) this.stdin.destroy();
    if (this._handle) this._handle.close();
    this._handle = null;

    if (exitCode < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = errnoException(exitCode, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = this.spawnargs.slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }

    process.nextTick(flushStdio, this);
    maybeClose(this);
  };
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

ChildProcess.prototype.spawn = function spawn(options) {
  validateObject(options, 'options');
  const { stdio, ipc } = getValidStdio(options.stdio || 'pipe', false);
  if (ipc !== undefined && options.envPairs !== undefined) {
    validateArray(options.envPairs, 'options.envPairs');
  }

  validateString(options.file, 'options.file');
  this.spawnfile = options.file;
  if (options.args === undefined) {
    this.spawnargs = [];
  } else {
    validateArray(options.args, 'options.args');
    this.spawnargs = options.args;
  }

  if (ipc !== undefined) throw new ERR_NOT_IMPLEMENTED('child_process IPC (stdio \'ipc\')');

  const err = this._handle.spawn(options, stdio);
  if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE ||
      err === UV_ENFILE || err === UV_ENOENT) {
    // Run-time errors are reported as 'error' events, not thrown.
    process.nextTick(onErrorNT, this, err);
    if (err === UV_EMFILE || err === UV_ENFILE) return err;
  } else if (err) {
    this._handle.close();
    this._handle = null;
    throw errnoException(err, 'spawn');
  } else {
    process.nextTick(onSpawnNT, this);
  }

  this.pid = this._handle.pid || undefined;

  const sockets = [];
  for (let i = 0; i < stdio.length; i++) {
    const s = stdio[i];
    if (s.wrap) {
      // A socket of ours now used by the child: this process stops reading from it.
      const w = s.wrap;
      w._stopReading();
      w.pause();
      w._readableState.flowing = false;
      w._readableState.reading = false;
      w[kIsUsedAsStdio] = true;
    }
    if (s.type !== 'pipe') {
      sockets.push(undefined);
      continue;
    }
    const id = err ? null : this._handle.pipes[i] ?? null;
    const socket = createSocket(id, i > 0);
    if (i > 0) {
      this._closesNeeded++;
      socket.on('close', () => maybeClose(this));
    }
    sockets.push(socket);
  }

  this.stdin = stdio.length >= 1 && sockets[0] !== undefined ? sockets[0] : null;
  this.stdout = stdio.length >= 2 && sockets[1] !== undefined ? sockets[1] : null;
  this.stderr = stdio.length >= 3 && sockets[2] !== undefined ? sockets[2] : null;
  this.stdio = sockets.map((s) => (s === undefined ? null : s));
  return err;
};

ChildProcess.prototype.kill = function kill(sig) {
  const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) {
      // Already gone; the exit event will follow.
    } else if (err === UV_EINVAL || err === UV_ENOSYS) {
      throw errnoException(err, 'kill');
    } else {
      this.emit('error', errnoException(err, 'kill'));
    }
  }
  return false;
};

ChildProcess.prototype[Symbol.dispose] = function() {
  if (!this.killed) this.kill();
};

ChildProcess.prototype.ref = function ref() {
  if (this._handle) this._handle.ref();
};

ChildProcess.prototype.unref = function unref() {
  if (this._handle) this._handle.unref();
};

// ---- Abort support ----------------------------------------------------------------------

function abortChildProcess(child, killSignal, reason) {
  if (!child) return;
  try {
    if (child.kill(killSignal)) {
      child.emit('error', new AbortError(undefined, { cause: reason }));
    }
  } catch (err) {
    child.emit('error', err);
  }
}

// ---- spawnSync core --------------------------------------------------------------------

// `options` is normalized (normalizeSpawnArguments) with a valid `stdio` array.
function spawnSync(options) {
  const stdio = options.stdio;
  let input;
  const pipesIn = stdio.map((s, i) => {
    if (s.type === 'pipe') {
      if (i === 0 && s.input != null) input = s.input;
      return { __proto__: null, type: 'pipe' };
    }
    if (s.type === 'fd') return { __proto__: null, type: 'fd', fd: s.fd };
    return { __proto__: null, type: 'ignore' };
  });
  const r = binding.spawnSync({
    __proto__: null,
    file: options.file,
    args: options.args,
    cwd: options.cwd,
    envPairs: options.envPairs,
    stdio: pipesIn,
    input,
    uid: options.uid,
    gid: options.gid,
    detached: options.detached,
    timeout: options.timeout,
    killSignal: options.killSignal,
    maxBuffer: options.maxBuffer,
  });

  const result = {};
  if (r.error) result.error = r.error;
  result.status = r.status;
  result.signal = r.signal === null ? null : signalName(r.signal);
  let output = r.output;
  if (output !== null) {
    output = output.map((o) => (o === null ? null : toBuffer(o)));
  }
  result.output = output;
  result.pid = r.pid;

  if (result.output && options.encoding && options.encoding !== 'buffer') {
    for (let i = 0; i < result.output.length; i++) {
      if (!result.output[i]) continue;
      result.output[i] = result.output[i].toString(options.encoding);
    }
  }
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];

  if (result.error) {
    result.error = errnoException(result.error, `spawnSync ${options.file}`);
    result.error.path = options.file;
    result.error.spawnargs = options.args.slice(1);
  }
  return result;
}

module.exports = {
  ChildProcess,
  abortChildProcess,
  convertToValidSignal,
  getValidatedPath,
  getValidStdio,
  normalizeSpawnArguments,
  sanitizeKillSignal,
  signalName,
  spawnSync,
  stdioStringToArray,
  validateArgumentNullCheck,
  validateArgumentsNullCheck,
  validateMaxBuffer,
  validateTimeout,
};
