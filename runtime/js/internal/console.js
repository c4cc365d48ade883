// The Console class and the global console object.
'use strict';

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INVALID_ARG_VALUE,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateObject,
} = require('internal/validators');
const { inspect, formatWithOptions } = require('internal/util/inspect');
const { isMap, isMapIterator, isSet, isSetIterator } = require('internal/util/types');
const { previewEntries } = internalBinding('util');

const kCounts = Symbol('counts');
const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;
const kMaxGroupIndentation = 1000;

const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kFormatForStderr = Symbol('kFormatForStderr');
const kFormatForStdout = Symbol('kFormatForStdout');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kWriteToConsole = Symbol('kWriteToConsole');
const kBindProperties = Symbol('kBindProperties');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');

// Per-instance `inspectOptions` from the constructor.
const optionsMap = new WeakMap();

let cliTable;
let colors;
function lazyColors() {
  colors ??= require('internal/util/colors');
  return colors;
}

function noop() {}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  // Callable without `new`; a custom @@hasInstance (below) makes the global console,
  // which is not created by this constructor, an instance too.
  if (new.target === undefined) return Reflect.construct(Console, arguments);

  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }

  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }

  if (colorMode !== 'auto' && colorMode !== true && colorMode !== false) {
    throw new ERR_INVALID_ARG_VALUE('colorMode', colorMode);
  }

  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }

  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }

  // Bind the methods to this instance so they can be passed around detached. Take them
  // from the instance (not Console.prototype) so subclasses can override them.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = this[key].bind(this);
    Object.defineProperty(this[key], 'name', { __proto__: null, value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const consolePropAttributes = {
  writable: true,
  enumerable: false,
  configurable: true,
};

Object.defineProperty(Console, Symbol.hasInstance, {
  __proto__: null,
  value(instance) {
    return instance != null && instance[kIsConsole] === true;
  },
});

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

// A write error (e.g. EPIPE) must not become an uncaught exception because of console.
function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && err !== undefined &&
        !(stream._writableState && stream._writableState.errorEmitted)) {
      if (typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0 &&
          typeof stream.once === 'function') {
        stream.once('error', noop);
      }
    }
  };
}

function isStackOverflowError(err) {
  return err instanceof RangeError && err.message === 'Maximum call stack size exceeded';
}

Object.defineProperties(Console.prototype, {
  [kBindStreamsEager]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(stdout, stderr) {
      Object.defineProperties(this, {
        '_stdout': { __proto__: null, ...consolePropAttributes, value: stdout },
        '_stderr': { __proto__: null, ...consolePropAttributes, value: stderr },
      });
    },
  },
  [kBindStreamsLazy]: {
    __proto__: null,
    ...consolePropAttributes,
    // The global console reads process.stdout/stderr only when first used.
    value: function(object) {
      let stdout;
      let stderr;
      Object.defineProperties(this, {
        '_stdout': {
          __proto__: null,
          enumerable: false,
          configurable: true,
          get() {
            if (!stdout) stdout = object.stdout;
            return stdout;
          },
          set(value) {
            stdout = value;
          },
        },
        '_stderr': {
          __proto__: null,
          enumerable: false,
          configurable: true,
          get() {
            if (!stderr) stderr = object.stderr;
            return stderr;
          },
          set(value) {
            stderr = value;
          },
        },
      });
    },
  },
  [kBindProperties]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(ignoreErrors, colorMode, groupIndentation = 2) {
      Object.defineProperties(this, {
        '_stdoutErrorHandler': {
          __proto__: null,
          ...consolePropAttributes,
          value: createWriteErrorHandler(this, kUseStdout),
        },
        '_stderrErrorHandler': {
          __proto__: null,
          ...consolePropAttributes,
          value: createWriteErrorHandler(this, kUseStderr),
        },
        '_ignoreErrors': {
          __proto__: null,
          ...consolePropAttributes,
          value: Boolean(ignoreErrors),
        },
        '_times': { __proto__: null, ...consolePropAttributes, value: new Map() },
        // https://console.spec.whatwg.org/#count-map
        [kCounts]: { __proto__: null, ...consolePropAttributes, value: new Map() },
        [kColorMode]: { __proto__: null, ...consolePropAttributes, value: colorMode },
        [kIsConsole]: { __proto__: null, ...consolePropAttributes, value: true },
        [kGroupIndent]: { __proto__: null, ...consolePropAttributes, value: '' },
        [kGroupIndentationWidth]: {
          __proto__: null,
          ...consolePropAttributes,
          value: groupIndentation,
        },
        [Symbol.toStringTag]: {
          __proto__: null,
          writable: false,
          enumerable: false,
          configurable: true,
          value: 'console',
        },
      });
    },
  },
  [kWriteToConsole]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(streamSymbol, string) {
      const ignoreErrors = this._ignoreErrors;
      const groupIndent = this[kGroupIndent];

      const useStdout = streamSymbol === kUseStdout;
      const stream = useStdout ? this._stdout : this._stderr;
      const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;

      if (groupIndent.length !== 0) {
        if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
        string = groupIndent + string;
      }
      string += '\n';

      if (ignoreErrors === false) return stream.write(string);

      // Errors may be thrown synchronously (files, TTYs) or emitted later (pipes):
      // swallow both, console is a debugging aid.
      const canListen = typeof stream.listenerCount === 'function' &&
        typeof stream.once === 'function' && typeof stream.removeListener === 'function';
      try {
        if (canListen && stream.listenerCount('error') === 0) stream.once('error', noop);
        stream.write(string, errorHandler);
      } catch (e) {
        // Running out of stack must still surface.
        if (isStackOverflowError(e)) throw e;
      } finally {
        if (canListen) stream.removeListener('error', noop);
      }
    },
  },
  [kGetInspectOptions]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(stream) {
      let color = this[kColorMode];
      if (color === 'auto') color = lazyColors().shouldColorize(stream);
      const options = optionsMap.get(this);
      if (options) {
        if (options.colors === undefined) options.colors = color;
        return options;
      }
      return color ? kColorInspectOptions : kNoColorInspectOptions;
    },
  },
  [kFormatForStdout]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(args) {
      const opts = this[kGetInspectOptions](this._stdout);
      return formatWithOptions(opts, ...args);
    },
  },
  [kFormatForStderr]: {
    __proto__: null,
    ...consolePropAttributes,
    value: function(args) {
      const opts = this[kGetInspectOptions](this._stderr);
      return formatWithOptions(opts, ...args);
    },
  },
});

function pad(value) {
  return `${value}`.padStart(2, '0');
}

// `1.234ms`, `1.234s`, `1:02.345 (m:ss.mmm)`, `1:02:03.456 (h:mm:ss.mmm)`.
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;

  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }

  if (hours !== 0 || minutes !== 0) {
    ({ 0: seconds, 1: ms } = seconds.toFixed(3).split('.'));
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(seconds)}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }

  if (seconds !== 0) return `${seconds.toFixed(3)}s`;

  return `${Number(ms.toFixed(3))}ms`;
}

function hrtime(previous) {
  if (typeof process.hrtime === 'function') return process.hrtime(previous);
  // Fallback with millisecond-ish resolution.
  const now = performance.now();
  const sec = Math.floor(now / 1000);
  const nsec = Math.floor((now % 1000) * 1e6);
  if (previous === undefined) return [sec, nsec];
  let ds = sec - previous[0];
  let dn = nsec - previous[1];
  if (dn < 0) {
    ds--;
    dn += 1e9;
  }
  return [ds, dn];
}

function timeLogImpl(self, name, label, data) {
  const time = self._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const duration = hrtime(time);
  const ms = duration[0] * 1000 + duration[1] / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    self.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';
const iterKey = '(iteration index)';

const isArray = (v) => Array.isArray(v) || ArrayBuffer.isView(v);

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    // Coerces everything other than Symbol to a string
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, hrtime());
  },

  timeEnd(label = 'default') {
    // Coerces everything other than Symbol to a string
    label = `${label}`;
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    // Coerces everything other than Symbol to a string
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      // The arguments will be formatted in warn() again
      Reflect.apply(this.warn, this, args);
    }
  },

  // Defined by: https://console.spec.whatwg.org/#clear
  clear() {
    // It only makes sense to clear if _stdout is a TTY.
    // Otherwise, do nothing.
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      // Cursor to the top-left corner, then erase everything below it.
      this._stdout.write('\u001b[1;1H');
      this._stdout.write('\u001b[0J');
    }
  },

  // Defined by: https://console.spec.whatwg.org/#count
  count(label = 'default') {
    // Ensures that label is a string, and only things that can be
    // coerced to strings. e.g. Symbol is not allowed
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined) count = 1;
    else count++;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  // Defined by: https://console.spec.whatwg.org/#countreset
  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(
      0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },

  // https://console.spec.whatwg.org/#table
  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');

    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);

    cliTable ??= require('internal/cli_table');
    const final = (k, v) => this.log(cliTable(k, v));

    const _inspect = (v) => {
      const depth = v !== null && typeof v === 'object' && !isArray(v) &&
        Object.keys(v).length > 2 ? -1 : 0;
      const opt = {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      };
      return inspect(v, opt);
    };
    const getIndexArray = (length) => Array.from({ length }, (_, i) => _inspect(i));

    const mapIter = isMapIterator(tabularData);
    let isKeyValue = false;
    let i = 0;
    if (mapIter) {
      const res = previewEntries(tabularData, true);
      tabularData = res[0];
      isKeyValue = res[1];
    }

    if (isKeyValue || isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      if (mapIter) {
        for (; i < tabularData.length / 2; ++i) {
          keys.push(_inspect(tabularData[i * 2]));
          values.push(_inspect(tabularData[i * 2 + 1]));
          length++;
        }
      } else {
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(_inspect(k));
          values.push(_inspect(v));
          length++;
        }
      }
      return final([iterKey, keyKey, valuesKey], [getIndexArray(length), keys, values]);
    }

    const setIter = isSetIterator(tabularData);
    if (setIter) tabularData = previewEntries(tabularData, true)[0];

    const setlike = setIter || mapIter || isSet(tabularData);
    if (setlike) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(_inspect(v));
        length++;
      }
      return final([iterKey, valuesKey], [getIndexArray(length), values]);
    }

    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);

    for (; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null ||
        (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = _inspect(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          map[key] ??= [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = _inspect(item[key]);
          }
        }
      }
    }

    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push(valuesKey);
      values.push(valuesKeyArray);
    }
    keys.unshift(indexKey);
    values.unshift(indexKeyArray);

    return final(keys, values);
  },
};

for (const method of Reflect.ownKeys(consoleMethods)) {
  Console.prototype[method] = consoleMethods[method];
}

Console.prototype.debug = Console.prototype.log;
Console.prototype.info = Console.prototype.log;
Console.prototype.dirxml = Console.prototype.log;
Console.prototype.error = Console.prototype.warn;
Console.prototype.groupCollapsed = Console.prototype.group;

// Methods that only do something with an inspector attached; V8's own console object
// provides them (they report to the inspector, and are no-ops without one).
const inspectorMethodNames = ['profile', 'profileEnd', 'timeStamp', 'context', 'createTask'];

// V8's own console object, handed over by the bootstrap before `console` becomes lazy.
let v8ConsoleObject = null;
function setV8Console(object) {
  v8ConsoleObject = object;
}

function createGlobalConsole() {
  // V8 installs its own `console` in every context; keep its inspector-only methods.
  const v8Console = v8ConsoleObject ?? globalThis.console;

  const globalConsole = { __proto__: {} };
  // Console.prototype is not on the chain, so copy its methods bound to the object.
  for (const prop of Reflect.ownKeys(Console.prototype)) {
    if (prop === 'constructor') continue;
    const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, prop);
    if (typeof desc.value === 'function') {
      // Methods are named after their key (`console.error.name === 'error'`) and take no
      // declared parameters, as in Node where the inspector wraps each of them.
      const name = typeof prop === 'string' ? prop : desc.value.name;
      desc.value = desc.value.bind(globalConsole);
      Reflect.defineProperty(desc.value, 'name', { __proto__: null, value: name });
      if (typeof prop === 'string') {
        Reflect.defineProperty(desc.value, 'length', { __proto__: null, value: 0 });
      }
    }
    Reflect.defineProperty(globalConsole, prop, desc);
  }

  globalConsole[kBindProperties](true, 'auto');

  // Legacy: the Console constructor is exposed on the global console.
  globalConsole.Console = Console;

  for (const name of inspectorMethodNames) {
    let fn = v8Console && typeof v8Console[name] === 'function' ? v8Console[name] : undefined;
    if (fn === undefined) {
      fn = name === 'context' ? makeConsoleContext :
        name === 'createTask' ? createTask :
          { [name]() {} }[name];
    }
    Object.defineProperty(globalConsole, name, {
      __proto__: null, value: fn, writable: true, enumerable: true, configurable: true,
    });
  }

  globalConsole[kBindStreamsLazy](process);
  theGlobalConsole = globalConsole;
  return globalConsole;
}

// The object `require('console')` returns (the console made at bootstrap, even if
// user code later replaces globalThis.console).
let theGlobalConsole;
function getGlobalConsole() {
  return theGlobalConsole ?? createGlobalConsole();
}

// Fallbacks when V8's console object is not available. Without an inspector these have
// nothing to report to: `context()` gives a console whose methods go nowhere and
// `createTask()` a task that just runs its callback.
function makeConsoleContext() {
  const ctx = {};
  for (const key of Object.keys(consoleMethods).concat(
    ['debug', 'info', 'dirxml', 'error', 'groupCollapsed'], inspectorMethodNames.slice(0, 3))) {
    ctx[key] = () => {};
  }
  return ctx;
}

function createTask() {
  return { run(fn) { return fn(); } };
}

module.exports = {
  Console,
  createGlobalConsole,
  getGlobalConsole,
  setV8Console,
  kBindStreamsLazy,
  kBindProperties,
  kWriteToConsole,
  formatTime,
};
