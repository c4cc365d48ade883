// Node-style errors: the ERR_* code registry, system (errno) errors and helpers.
// Every built-in module throws through here so `code`, `name`, message text and the
// `Name [CODE]: message` stack header match Node.
'use strict';

const messages = new Map();
const codes = {};
const kIsNodeError = Symbol('kIsNodeError');

let inspectFn = null;
function lazyInspect(v, opts) {
  if (inspectFn === null) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

function makeNodeErrorWithCode(Base, key) {
  return function NodeError(...args) {
    // Messages may record extra properties on `this` (e.g. ERR_INVALID_URL's `input`).
    const extra = {};
    const message = getMessage(key, args, extra);
    const error = new Base(message);
    // Node's own property order is `code` first, then what the message recorded.
    error.code = key;
    Object.assign(error, extra);
    Object.defineProperties(error, {
      [kIsNodeError]: { value: true, enumerable: false, writable: false, configurable: true },
      toString: {
        value() { return `${this.name} [${key}]: ${this.message}`; },
        enumerable: false, writable: true, configurable: true,
      },
    });
    // Rebuild the stack header as `Name [CODE]: message` like Node does.
    captureLargerStackTrace(error, NodeError);
    return error;
  };
}

function captureLargerStackTrace(error, ctor) {
  const name = error.name;
  const desc = Object.getOwnPropertyDescriptor(error, 'name');
  // V8 builds the header from `name` and `message` at capture time.
  Object.defineProperty(error, 'name', {
    value: `${name} [${error.code}]`, enumerable: false, writable: true, configurable: true,
  });
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(error, ctor);
  // Reading `stack` materializes the string while `name` still holds the code.
  // eslint-disable-next-line no-unused-expressions
  error.stack;
  if (desc === undefined) delete error.name;
  else Object.defineProperty(error, 'name', desc);
}

function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return Reflect.apply(msg, self, args);
  let i = 0;
  const expected = (msg.match(/%[dfijoOs]/g) || []).length;
  if (expected === 0) return msg;
  return msg.replace(/%[dfijoOs]/g, (m) => {
    const a = args[i++];
    if (m === '%s') return String(a);
    if (m === '%d' || m === '%i') return String(Number(a));
    return lazyInspect(a);
  });
}

// Node's SystemError: an error from a libuv-style call, described by a context object
// `{ errno, code, message, syscall, path?, dest? }`. The message reads
// `<prefix>: <syscall> returned <code> (<message>) [path] [=> dest]`, `info` is the
// context, and `errno`/`syscall`/`path`/`dest` are live accessors onto it.
class SystemError extends Error {
  constructor(key, context) {
    const prefix = getMessage(key, [], {});
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    // V8 takes the stack header's message from construction time.
    super(message);
    Object.defineProperty(this, kIsNodeError, {
      value: true, enumerable: false, writable: false, configurable: true,
    });
    this.code = key;
    Object.defineProperties(this, {
      name: { value: 'SystemError', enumerable: false, writable: true, configurable: true },
      message: { value: message, enumerable: false, writable: true, configurable: true },
      info: { value: context, enumerable: true, configurable: true, writable: false },
      errno: {
        get() { return context.errno; },
        set(value) { context.errno = value; },
        enumerable: true,
        configurable: true,
      },
      syscall: {
        get() { return context.syscall; },
        set(value) { context.syscall = value; },
        enumerable: true,
        configurable: true,
      },
    });
    for (const key of ['path', 'dest']) {
      if (context[key] === undefined) continue;
      Object.defineProperty(this, key, {
        get() { return context[key] != null ? context[key].toString() : context[key]; },
        set(value) {
          context[key] = value && typeof Buffer === 'function' ? Buffer.from(value.toString()) : undefined;
        },
        enumerable: true,
        configurable: true,
      });
    }
    captureLargerStackTrace(this, new.target);
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return lazyInspect(this, { ...ctx, getters: true, customInspect: false });
  }
}

function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) {
      super(key, ctx);
    }
  };
}

function E(code, message, Base, ...otherClasses) {
  messages.set(code, message);
  if (Base === SystemError) {
    codes[code] = makeSystemErrorWithCode(code);
    return;
  }
  const ctor = makeNodeErrorWithCode(Base, code);
  for (const clazz of otherClasses) ctor[clazz.name] = makeNodeErrorWithCode(clazz, code);
  codes[code] = ctor;
}

function hideStackFrames(fn) {
  return fn;
}

// ---- Helpers used by messages -------------------------------------------------------

const classRegExp = /^([A-Z][a-z0-9]*)+$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

function formatList(array, type = 'and') {
  return array.length < 3 ? array.join(` ${type} `)
    : `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
}

function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint': return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      if (value !== value) return 'type number (NaN)';
      if (value === Infinity) return 'type number (Infinity)';
      if (value === -Infinity) return 'type number (-Infinity)';
      return `type number (${value})`;
    case 'boolean': return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol': return `type symbol (${String(value)})`;
    case 'function': return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) {
        return `an instance of ${value.constructor.name}`;
      }
      return `${lazyInspect(value, { depth: -1 })}`;
    case 'string': {
      let s = value;
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      if (s.indexOf("'") === -1) return `type string ('${s}')`;
      return `type string (${JSON.stringify(s)})`;
    }
    default: {
      let inspected = lazyInspect(value, { colors: false });
      if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
      return `type ${type} (${inspected})`;
    }
  }
}

// ---- The registry -------------------------------------------------------------------

E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else if (value === 'object') types.push('Object');
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) { types.splice(pos, 1); instances.push('Object'); }
  }
  if (types.length > 0) {
    if (types.length > 2) {
      const last = types.pop();
      msg += `one of type ${types.join(', ')}, or ${last}`;
    } else if (types.length === 2) {
      msg += `one of type ${types[0]} or ${types[1]}`;
    } else {
      msg += `of type ${types[0]}`;
    }
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    if (instances.length > 2) {
      const last = instances.pop();
      msg += `an instance of ${instances.join(', ')}, or ${last}`;
    } else {
      msg += `an instance of ${instances[0]}`;
      if (instances.length === 2) msg += ` or ${instances[1]}`;
    }
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 2) {
      const last = other.pop();
      msg += `one of ${other.join(', ')}, or ${last}`;
    } else if (other.length === 2) {
      msg += `one of ${other[0]} or ${other[1]}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}, TypeError);

E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = lazyInspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);

E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = lazyInspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);

E('ERR_MISSING_ARGS', (...args) => {
  let msg = 'The ';
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  switch (len) {
    case 1: msg += `${args[0]} argument`; break;
    case 2: msg += `${args[0]} and ${args[1]} arguments`; break;
    default: msg += `${args.slice(0, len - 1).join(', ')}, and ${args[len - 1]} arguments`;
  }
  return `${msg} must be specified`;
}, TypeError);

E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  return `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`;
}, TypeError, RangeError);

E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_NOT_IMPLEMENTED', (what) => `${what} is not implemented in rnode yet`, Error);
E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'The feature %s is unavailable on the current platform, which is being used to run Node.js', TypeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_INVALID_CHAR', (name, field) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);
E('ERR_INVALID_URL', function(input, base = null) {
  this.input = input;
  if (base != null) this.base = base;
  return 'Invalid URL';
}, TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const res = expected.length === 2 ? `one of scheme ${expected[0]} or ${expected[1]}` : `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);
E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);
E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_STRING_TOO_LONG', 'Cannot create a string longer than 0x%s characters', Error);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  // Callers (EventEmitter#emit) pass the already-inspected value, as in Node.
  return `${msg} (${err})`;
}, Error);
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', TypeError);
E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_ASSERTION', '%s', Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const suggestDashDash = allowPositionals ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}` : '';
  return `Unknown option '${option}'${suggestDashDash}`;
}, TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This command does not take positional arguments", TypeError);
E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`, TypeError);
E('ERR_MODULE_NOT_FOUND', '%s', Error);
E('ERR_PACKAGE_PATH_NOT_EXPORTED', '%s', Error);
E('ERR_PACKAGE_IMPORT_NOT_DEFINED', '%s', TypeError);
E('ERR_UNSUPPORTED_DIR_IMPORT', '%s', Error);
E('ERR_INVALID_PACKAGE_TARGET', '%s', Error);
E('ERR_INVALID_PACKAGE_CONFIG', '%s', Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNSUPPORTED_ESM_URL_SCHEME', '%s', Error);
E('ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', TypeError);
E('ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s', RangeError);
E('ERR_IMPORT_ATTRIBUTE_MISSING', 'Module "%s" needs an import attribute of "%s: %s"', TypeError);
E('ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE', 'Module "%s" is not of type "%s"', TypeError);
E('ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', 'Import attribute "%s" with value "%s" is not supported', TypeError);
E('ERR_REQUIRE_ESM', function(filename, hasEsmSyntax, parentPath) {
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
  return msg;
}, Error);
E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'A dynamic import callback was not specified.', TypeError);
E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG', 'A dynamic import callback was invoked without --experimental-vm-modules', TypeError);
E('ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA', 'Cached data cannot be created for a module which has been evaluated', Error);
E('ERR_INVALID_RETURN_PROPERTY_VALUE', (input, name, prop, value) => `Expected ${input} to be returned for the "${prop}" from the "${name}" function but got ${typeof value}.`, TypeError);
E('ERR_UNHANDLED_REJECTION', 'This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "%s".', Error);
E('ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET', '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active', Error);
E('ERR_DOMAIN_CALLBACK_NOT_AVAILABLE', 'A callback was registered through process.setUncaughtExceptionCaptureCallback(), which is mutually exclusive with using the `domain` module', Error);
E('ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE', 'The `domain` module is in use, which is mutually exclusive with calling process.setUncaughtExceptionCaptureCallback()', Error);
E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
E('ERR_INVALID_OBJECT_DEFINE_PROPERTY', '%s', TypeError);
E('ERR_INVALID_OPT_VALUE_ENCODING', 'The value "%s" is invalid for option "encoding"', TypeError);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_SYSTEM_ERROR', 'A system error occurred', SystemError);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
E('ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
E('ERR_DIR_CONCURRENT_OPERATION', 'Cannot do synchronous work on directory handle with concurrent asynchronous operations', Error);
E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
E('ERR_FS_EISDIR', 'Path is a directory', Error);
E('ERR_FS_CP_EINVAL', 'Invalid src or dest', Error);
E('ERR_INVALID_SYNC_FORK_INPUT', 'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s', TypeError);
E('ERR_WORKER_UNSERIALIZABLE_ERROR', 'Serializing an uncaught exception failed', Error);
E('ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
E('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
  this.errno = ret;
  return `The encoded data was not valid for encoding ${encoding}`;
}, TypeError);
E('ERR_NO_CRYPTO', 'Node.js is not compiled with OpenSSL crypto support', Error);
E('ERR_NO_ICU', '"%s" is not supported on Node.js compiled without ICU', TypeError);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
E('ERR_INTERNAL_ASSERTION', (message) => {
  const suffix = 'This is caused by either a bug in rnode or incorrect usage of rnode internals.\n' +
    'Please open an issue with this stack trace.';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);
E('ERR_SCRIPT_EXECUTION_INTERRUPTED', 'Script execution was interrupted by `SIGINT`', Error);
E('ERR_SCRIPT_EXECUTION_TIMEOUT', 'Script execution timed out after %sms', Error);
E('ERR_VM_MODULE_STATUS', 'Module status %s', Error);
E('ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module', Error);
E('ERR_VM_MODULE_LINK_FAILURE', 'request for \'%s\' %s', Error);
E('ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error);
E('ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context', Error);
E('ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized', Error);
E('ERR_WORKER_PATH', (filename) => 'The worker script or module filename must be an absolute path or a relative path starting with \'./\' or \'../\'.' + (filename.startsWith('file://') ? ' Wrap file:// URLs with `new URL`.' : '') + ` Received "${filename}"`, TypeError);
E('ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error);
E('ERR_TRACE_EVENTS_CATEGORY_REQUIRED', 'At least one category is required', TypeError);
E('ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error);
E('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
E('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError);
E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);
E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError);
E('ERR_SYNTHETIC', 'JavaScript Callstack', Error);
E('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: %s", Error);
E('ERR_DLOPEN_FAILED', '%s', Error);
E('ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', Error);
E('ERR_INSPECTOR_ALREADY_ACTIVATED', 'Inspector is already activated. Close it with inspector.close() before activating it again.', Error);
E('ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected', Error);
E('ERR_INSPECTOR_ALREADY_CONNECTED', '%s is already connected', Error);
E('ERR_INSPECTOR_CLOSED', 'Session was closed', Error);
E('ERR_INSPECTOR_COMMAND', 'Inspector error %d: %s', Error);
E('ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', Error);
E('ERR_TEST_FAILURE', function(error, failureType) {
  this.failureType = failureType;
  this.cause = error;
  if (typeof error === 'string') return error;
  return error?.message ?? lazyInspect(error);
}, Error);
E('ERR_INVALID_REPL_INPUT', '%s', TypeError);
E('ERR_TTY_INIT_FAILED', 'TTY initialization failed', Error);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const msg = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid` + msg;
}, TypeError);

// ---- System errors ---------------------------------------------------------------------

let errmap = null;
function getErrMap() {
  if (errmap === null) {
    // [name, message] by negative errno, provided natively (from libc's table).
    errmap = internalBinding('errors').errmap();
  }
  return errmap;
}

function uvErrmapGet(errno) {
  return getErrMap().get(errno);
}

function uvErrName(errno) {
  const e = uvErrmapGet(errno);
  return e ? e[0] : `Unknown system error ${errno}`;
}

// `ENOENT: no such file or directory, open 'x' -> 'y'` with errno/code/syscall/path/dest.
function uvException(ctx) {
  const [code, uvmsg] = uvErrmapGet(ctx.errno) || ['UNKNOWN', 'unknown error'];
  let message = `${code}: ${ctx.message || uvmsg}, ${ctx.syscall}`;
  let path;
  let dest;
  if (ctx.path) {
    path = ctx.path.toString();
    message += ` '${path}'`;
  }
  if (ctx.dest) {
    dest = ctx.dest.toString();
    message += ` -> '${dest}'`;
  }
  const err = new Error(message);
  for (const prop of Object.keys(ctx)) {
    if (prop === 'message' || prop === 'path' || prop === 'dest') continue;
    err[prop] = ctx[prop];
  }
  err.code = code;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  return err;
}

// An error from a syscall that is not a file path operation (e.g. `write EPIPE`).
function errnoException(errno, syscall, original) {
  const code = uvErrName(errno);
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const ex = new Error(message);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

function exceptionWithHostPort(errno, syscall, address, port, additional) {
  const code = uvErrName(errno);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code}${details}`);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    // eslint-disable-next-line no-undef
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.prototype.hasOwnProperty.call(desc, 'writable') ? desc.writable : desc.set !== undefined;
}

module.exports = {
  codes,
  E,
  AbortError,
  aggregateTwoErrors,
  hideStackFrames,
  uvException,
  uvErrmapGet,
  uvErrName,
  errnoException,
  exceptionWithHostPort,
  determineSpecificType,
  addNumericalSeparator,
  formatList,
  kIsNodeError,
  SystemError,
  isErrorStackTraceLimitWritable,
};
