// Shared pieces of the test runner: the command-line options it reads, failure types,
// call-site locations, the `done` callback of callback-style tests, and reporter setup.
'use strict';

const { codes, kIsNodeError } = require('internal/errors');

// Why a test failed (`error.failureType`), as Node names them.
const kCallbackAndPromisePresent = 'callbackAndPromisePresent';
const kCancelledByParent = 'cancelledByParent';
const kAborted = 'testAborted';
const kHookFailure = 'hookFailed';
const kMultipleCallbackInvocations = 'multipleCallbackInvocations';
const kParentAlreadyFinished = 'parentAlreadyFinished';
const kSubtestsFailed = 'subtestsFailed';
const kTestCodeFailure = 'testCodeFailure';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kUncaughtException = 'uncaughtException';
const kUnhandledRejection = 'unhandledRejection';

// Failure types whose ERR_TEST_FAILURE only wraps an error from user code: reporters show
// the wrapped error (message, stack, code) instead of the wrapper.
const kUnwrapErrors = new Set([
  kTestCodeFailure, kHookFailure, kUncaughtException, kUnhandledRejection,
]);

function isTestFailureError(err) {
  return err !== null && typeof err === 'object' && err.code === 'ERR_TEST_FAILURE' &&
    err[kIsNodeError] === true;
}

// An ERR_TEST_FAILURE. As with Node's internal errors, frames of the runtime's own
// internals are left out of its stack (so it shows only user code, if any).
function testFailure(cause, failureType, above = testFailure) {
  const error = new codes.ERR_TEST_FAILURE(cause, failureType);
  hideInternalFrames(error, above);
  return error;
}

function hideInternalFrames(error, above) {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  const writable = desc === undefined || desc.writable === true || typeof desc.set === 'function';
  if (!writable || typeof Error.captureStackTrace !== 'function') return;
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  const header = `${error.name} [${error.code}]: ${error.message}`;
  try {
    Error.stackTraceLimit = Infinity;
    Error.prepareStackTrace = (_, callSites) => {
      let stack = header;
      let shown = 0;
      for (const site of callSites) {
        if (shown >= savedLimit) break;
        const file = site.getFileName?.() ?? '';
        if (typeof file === 'string' && file.startsWith('node:internal')) continue;
        stack += `\n    at ${site}`;
        shown++;
      }
      return stack;
    };
    Error.captureStackTrace(error, above);
    // Materialize the string while the formatter is in place.
    error.stack; // eslint-disable-line no-unused-expressions
  } catch {
    // Keep whatever stack the error already had.
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
}

// The source position of the call to `above` (e.g. where the user called test()):
// { file, line, column }, or undefined when V8 cannot tell.
function getCallerLocation(above) {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let frames;
  try {
    Error.prepareStackTrace = (_, callSites) => callSites;
    Error.stackTraceLimit = 1;
    const holder = {};
    Error.captureStackTrace(holder, above);
    frames = holder.stack;
  } catch {
    frames = undefined;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  if (!Array.isArray(frames) || frames.length === 0) return undefined;
  const site = frames[0];
  const file = site.getFileName() ?? site.getScriptNameOrSourceURL?.();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (file === undefined || file === null || line === null) return undefined;
  return { file, line, column };
}

// The `done` callback of a callback-style test and the promise it settles.
function createDeferredCallback() {
  let calls = 0;
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const cb = function done(err) {
    calls++;
    // A second call is the user's mistake: say so once (with the caller's stack).
    if (calls > 1) {
      if (calls === 2) {
        throw testFailure('callback invoked multiple times', kMultipleCallbackInvocations, done);
      }
      return;
    }
    if (err) {
      reject(err);
      return;
    }
    resolve();
  };
  return { promise, cb };
}

// The test runner's command-line options, read from process.execArgv and NODE_OPTIONS:
// --test-only, --test-name-pattern, --test-reporter(-destination). (--test-concurrency
// and --test-timeout only apply to `--test` runs, so a file run directly ignores them.)
let cachedOptions = null;
function getOptions() {
  if (cachedOptions !== null) return cachedOptions;
  const opts = {
    testOnly: false,
    namePatterns: [],
    reporters: [],
    destinations: [],
  };
  const argv = [...(process.execArgv || [])];
  const nodeOptions = process.env?.NODE_OPTIONS;
  if (typeof nodeOptions === 'string' && nodeOptions.includes('--test')) {
    // NODE_OPTIONS come before the command line, as in Node.
    argv.unshift(...nodeOptions.split(/\s+/).filter((part) => part.length > 0));
  }
  const valueFlags = new Set([
    '--test-name-pattern', '--test-reporter', '--test-reporter-destination',
    '--test-concurrency', '--test-timeout',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--test-only') {
      opts.testOnly = true;
      continue;
    }
    if (arg === '--no-test-only') {
      opts.testOnly = false;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!valueFlags.has(name)) continue;
    let value;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined) continue;
    switch (name) {
      case '--test-name-pattern':
        opts.namePatterns.push(value);
        break;
      case '--test-reporter':
        opts.reporters.push(value);
        break;
      case '--test-reporter-destination':
        opts.destinations.push(value);
        break;
    }
  }
  opts.namePatterns = opts.namePatterns.map(toNamePattern);
  cachedOptions = opts;
  return opts;
}

// `--test-name-pattern` values are regular expressions; `/re/flags` keeps its flags.
function toNamePattern(source) {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(source);
  if (match !== null) return new RegExp(match[1], match[2]);
  return new RegExp(source);
}

// The builtin reporters by name (loaded lazily).
const kBuiltinReporters = {
  spec: 'internal/test_runner/reporter/spec',
  dot: 'internal/test_runner/reporter/dot',
  tap: 'internal/test_runner/reporter/tap',
  junit: 'internal/test_runner/reporter/junit',
  lcov: 'internal/test_runner/reporter/lcov',
};

// `stdout`, `stderr` or a file path (created or truncated, like Node's).
function getDestination(destination) {
  if (destination === 'stdout') return process.stdout;
  if (destination === 'stderr') return process.stderr;
  return new FileDestination(require('path').resolve(destination));
}

// A minimal synchronous file sink for reports written to a file.
const FileDestination = class {
  constructor(filename) {
    const { Writable } = require('stream');
    const fs = require('fs');
    const fd = fs.openSync(filename, 'w');
    return new Writable({
      write(chunk, encoding, callback) {
        try {
          fs.writeSync(fd, chunk);
          callback();
        } catch (err) {
          callback(err);
        }
      },
      final(callback) {
        try {
          fs.closeSync(fd);
          callback();
        } catch (err) {
          callback(err);
        }
      },
    });
  }
};

async function loadReporter(name) {
  let reporter;
  if (Object.prototype.hasOwnProperty.call(kBuiltinReporters, name)) {
    reporter = require(kBuiltinReporters[name]);
  } else {
    // A custom reporter: a path (relative to the cwd) or a package name.
    const path = require('path');
    let specifier = name;
    if (name.startsWith('.') || path.isAbsolute(name)) {
      specifier = require('internal/modules/file_url').pathToFileUrl(path.resolve(name));
    }
    const { dynamicImport } = require('internal/modules/run_main');
    // Resolved from the working directory, as Node does.
    const namespace = await dynamicImport(specifier, `${process.cwd()}${path.sep}`);
    reporter = namespace?.default ?? namespace;
    if (reporter && typeof reporter === 'object' && 'default' in reporter) reporter = reporter.default;
  }
  // A class (e.g. the spec reporter) is instantiated; functions are async generators.
  if (typeof reporter === 'function' && reporter.prototype &&
      Object.getOwnPropertyDescriptor(reporter.prototype, 'constructor') &&
      /^class\b/.test(Function.prototype.toString.call(reporter))) {
    reporter = new reporter();
  }
  if (typeof reporter !== 'function' && !(reporter && typeof reporter.pipe === 'function')) {
    throw new codes.ERR_INVALID_ARG_TYPE('reporter', 'function', reporter);
  }
  return reporter;
}

// The reporters and where each writes. Like Node, the default is `spec` on a terminal
// and `tap` otherwise, to stdout; a lone --test-reporter writes to stdout; otherwise
// every reporter needs its own --test-reporter-destination.
function getReporterOptions() {
  const opts = getOptions();
  let reporters = opts.reporters;
  let destinations = opts.destinations;
  if (reporters.length === 0 && destinations.length === 0) {
    reporters = [process.stdout.isTTY ? 'spec' : 'tap'];
    destinations = ['stdout'];
  } else if (reporters.length === 1 && destinations.length === 0) {
    destinations = ['stdout'];
  }
  if (reporters.length !== destinations.length) {
    throw new codes.ERR_INVALID_ARG_VALUE('--test-reporter', reporters,
      'must match the number of specified \'--test-reporter-destination\'');
  }
  return { reporters, destinations };
}

// Pipes the root's event stream through each reporter to its destination.
async function setupTestReporters(rootStream) {
  const { reporters, destinations } = getReporterOptions();
  const { compose } = require('stream');
  for (let i = 0; i < reporters.length; i++) {
    const reporter = await loadReporter(reporters[i]);
    const destination = getDestination(destinations[i]);
    compose(rootStream, reporter).pipe(destination);
  }
}

module.exports = {
  kCallbackAndPromisePresent,
  kCancelledByParent,
  kAborted,
  kHookFailure,
  kMultipleCallbackInvocations,
  kParentAlreadyFinished,
  kSubtestsFailed,
  kTestCodeFailure,
  kTestTimeoutFailure,
  kUncaughtException,
  kUnhandledRejection,
  kUnwrapErrors,
  isTestFailureError,
  testFailure,
  getCallerLocation,
  createDeferredCallback,
  getOptions,
  getReporterOptions,
  setupTestReporters,
};
