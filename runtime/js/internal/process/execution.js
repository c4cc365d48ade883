// Uncaught exceptions and process exit: 'uncaughtExceptionMonitor', 'uncaughtException',
// Node's fatal error report (source arrow, stack, `Node.js v21.7.3`), 'beforeExit', 'exit'.
'use strict';

let captureCallback = null;
let mainEsmPromise = null;
let mainEsmSettled = true;
let mainEsmUrl = '';

function setCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  const { codes } = require('internal/errors');
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  if (captureCallback !== null) throw new codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  captureCallback = fn;
}

function hasCaptureCallback() {
  return captureCallback !== null;
}

function inspectError(err) {
  try {
    // events.js leaves a hook that adds "Emitted 'error' event … at:" to the stack.
    const enhance = err?.[Symbol.for('rnode.enhanceStackBeforeInspector')];
    if (typeof enhance === 'function') {
      try { err.stack = enhance(); } catch {}
    }
    const { inspect } = require('internal/util/inspect');
    let colors = false;
    try { colors = process.stderr.hasColors?.() ?? false; } catch {}
    return inspect(err, {
      colors,
      customInspect: false,
      depth: Math.max(inspect.defaultOptions.depth, 5),
    });
  } catch {
    if (err instanceof Error) return err.stack || String(err);
    return String(err);
  }
}

function isErrorLike(err) {
  return err !== null && typeof err === 'object' && typeof err.stack === 'string';
}

// Prints the fatal report to stderr the way Node does.
function printFatal(err, arrow, fromPromise) {
  let out = '';
  const errorLike = err instanceof Error || isErrorLike(err);
  if (arrow && (isErrorLike(err) || !fromPromise)) out += `${arrow}\n`;
  out += inspectError(err);
  if (!errorLike && !fromPromise) {
    out += '\n(Use `rnode --trace-uncaught ...` to show where the exception was thrown)';
  }
  out += `\n\nNode.js ${process.version}\n`;
  try {
    internalBinding('stdio').writeSync(2, out);
  } catch {}
}

// Called by Rust for exceptions that escaped a callback; returns true if handled. Goes
// through `process._fatalException`, which programs may replace (as in Node); if it is
// not a function, Node exits with code 6.
function dispatchUncaughtException(err, arrow, fromPromise = false) {
  const handler = process._fatalException;
  if (typeof handler !== 'function') {
    printFatal(err, arrow, fromPromise);
    process.reallyExit(6);
    return false;
  }
  if (handler === defaultFatalException) return onUncaughtException(err, arrow, fromPromise);
  return handler(err, fromPromise);
}

function defaultFatalException(err, fromPromise) {
  return onUncaughtException(err, '', fromPromise);
}

function onUncaughtException(err, arrow, fromPromise = false) {
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, type);
  if (captureCallback !== null) {
    captureCallback(err);
    return true;
  }
  if (process.listenerCount('uncaughtException') > 0 && process.emit('uncaughtException', err, type)) {
    return true;
  }
  printFatal(err, arrow, fromPromise);
  if (process._rnodeOptions.abortOnUncaughtException) process.abort();
  // Like Node: exit code 1 (7 if an 'exit' handler throws), 'exit' listeners still run.
  process.exitCode = 1;
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', 1);
    }
  } catch (e) {
    printFatal(e, '', false);
    process.reallyExit(7);
  }
  // An 'exit' listener may still change the code (Node honours it).
  process.reallyExit(process.exitCode | 0);
  return false;
}

function triggerUncaughtException(err, fromPromise) {
  let arrow = '';
  if (err && typeof err === 'object') {
    const decorated = err[Symbol.for('rnode.arrowMessage')];
    if (typeof decorated === 'string') arrow = decorated;
  }
  dispatchUncaughtException(err, arrow, fromPromise);
}

function setMainEsmPromise(promise, url) {
  mainEsmPromise = promise;
  mainEsmUrl = url;
  mainEsmSettled = false;
  promise.then(() => { mainEsmSettled = true; }, () => { mainEsmSettled = true; });
}

function emitBeforeExit() {
  if (process._exiting) return;
  const code = process.exitCode | 0;
  process.emit('beforeExit', code);
}

function emitExit() {
  if (!mainEsmSettled && mainEsmPromise !== null) {
    // The loop drained while top-level await was still pending: Node's exit code 13.
    if (process.exitCode === undefined || process.exitCode === 0) {
      process.exitCode = 13;
      try {
        internalBinding('stdio').writeSync(2,
          `Warning: Detected unsettled top-level await at ${mainEsmUrl}\n\n\n`);
      } catch {}
    }
  }
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode | 0);
  }
  return process.exitCode | 0;
}

module.exports = {
  onUncaughtException: dispatchUncaughtException,
  defaultFatalException,
  triggerUncaughtException,
  setCaptureCallback,
  hasCaptureCallback,
  setMainEsmPromise,
  emitBeforeExit,
  emitExit,
};
