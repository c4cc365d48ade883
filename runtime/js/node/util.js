// The public `util` module.
'use strict';

const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
  },
  errnoException,
  exceptionWithHostPort,
} = require('internal/errors');
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
  isError: isErrorInternal,
} = require('internal/util/inspect');
const { debuglog } = require('internal/util/debuglog');
const {
  validateAbortSignal,
  validateFunction,
  validateObject,
  validateOneOf,
  validateString,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
} = require('internal/validators');
const {
  defineLazyProperties,
  deprecate,
  getSystemErrorMap,
  getSystemErrorName,
  promisify,
  toUSVString,
} = require('internal/util');
const types = require('util/types');

let comparisons;
function isDeepStrictEqual(a, b) {
  comparisons ??= require('internal/util/comparisons');
  return comparisons.isDeepStrictEqual(a, b);
}

// ---- Legacy type checks (documentation-only deprecated) -------------------------------

function isBoolean(arg) {
  return typeof arg === 'boolean';
}

function isBuffer(arg) {
  return require('buffer').Buffer.isBuffer(arg);
}

function isNull(arg) {
  return arg === null;
}

function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}

function isNumber(arg) {
  return typeof arg === 'number';
}

function isString(arg) {
  return typeof arg === 'string';
}

function isSymbol(arg) {
  return typeof arg === 'symbol';
}

function isUndefined(arg) {
  return arg === undefined;
}

function isObject(arg) {
  return arg !== null && typeof arg === 'object';
}

function isError(e) {
  return isErrorInternal(e);
}

function isFunction(arg) {
  return typeof arg === 'function';
}

function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}

// ---- util.log -------------------------------------------------------------------------

function pad(n) {
  return n.toString().padStart(2, '0');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// `26 Feb 16:19:34`
function timestamp() {
  const d = new Date();
  const t = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}

function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

// ---- inherits / _extend ---------------------------------------------------------------

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null, value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  // Don't do anything if source isn't an object
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// ---- callbackify ----------------------------------------------------------------------

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason would read as "no error" in a callback: wrap it.
  if (!reason) reason = new ERR_FALSY_VALUE_REJECTION(reason);
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');

  // The promise is deliberately not returned: the callback's behaviour must not be tied to it.
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    // Callbacks run on nextTick, like other node-style callbacks.
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }

  const descriptors = Object.getOwnPropertyDescriptors(original);
  // `length` and `name` may have been redefined; only adjust them when they're sane.
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const desc of Object.values(descriptors)) Object.setPrototypeOf(desc, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// ---- styleText ------------------------------------------------------------------------

function styleText(format, text) {
  validateString(text, 'text');
  const formatCodes = inspect.colors[format];
  if (formatCodes == null) validateOneOf(format, 'format', Object.keys(inspect.colors));
  return `\u001b[${formatCodes[0]}m${text}\u001b[${formatCodes[1]}m`;
}

// ---- AbortSignal helpers --------------------------------------------------------------

// Resolves once `signal` aborts. Node additionally drops the listener when `resource` is
// garbage collected; rnode keeps the listener until the signal aborts.
async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', kValidateObjectAllowArray | kValidateObjectAllowFunction);
  if (signal.aborted) return;
  await new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function transferableAbortSignal(signal) {
  if (typeof AbortSignal !== 'function' || !(signal instanceof AbortSignal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  return signal;
}

function transferableAbortController() {
  return new AbortController();
}

// ---- parseEnv -------------------------------------------------------------------------

// dotenv syntax: `KEY=value`, `export KEY=value`, `KEY: value`, quoted values (double
// quotes expand \n and \r), `#` comments.
const dotenvLine =
  /\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?/g;

function parseEnv(content) {
  validateString(content, 'content');
  const result = {};
  const text = content.replace(/\r\n?/g, '\n');
  dotenvLine.lastIndex = 0;
  let match;
  while ((match = dotenvLine.exec(text)) !== null) {
    if (match[0].length === 0) {
      dotenvLine.lastIndex++;
      continue;
    }
    const key = match[1];
    let value = (match[2] ?? '').replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
    if (value[0] === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    const first = value[0];
    if (value.length >= 2 && (first === '"' || first === "'" || first === '`') &&
        value[value.length - 1] === first) {
      value = value.slice(1, -1);
    }
    result[key] = value;
  }
  return result;
}

let parseArgsImpl;
function parseArgs(config) {
  parseArgsImpl ??= require('internal/util/parse_args').parseArgs;
  return parseArgsImpl(config);
}

module.exports = {
  _errnoException: errnoException,
  _exceptionWithHostPort: exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
  transferableAbortSignal,
  transferableAbortController,
  aborted,
  types,
  parseEnv,
  parseArgs,
};

defineLazyProperties(module.exports, 'internal/encoding', ['TextDecoder', 'TextEncoder']);
defineLazyProperties(module.exports, 'internal/mime', ['MIMEType', 'MIMEParams']);
