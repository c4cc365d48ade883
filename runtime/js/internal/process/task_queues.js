// process.nextTick, queueMicrotask and promise rejection tracking. The Rust loop calls
// processTicksAndRejections() after every macrotask callback, as Node's
// InternalCallbackScope does.
'use strict';

const timersBinding = internalBinding('timers');
const { runMicrotasks, enqueueMicrotask } = timersBinding;

// A FIFO of tick objects (ring of arrays keeps shift() O(1)).
class FixedQueue {
  constructor() {
    this.head = [];
    this.headIndex = 0;
    this.tail = [];
  }
  isEmpty() {
    return this.headIndex >= this.head.length && this.tail.length === 0;
  }
  push(v) {
    this.tail.push(v);
  }
  shift() {
    if (this.headIndex >= this.head.length) {
      if (this.tail.length === 0) return undefined;
      this.head = this.tail;
      this.tail = [];
      this.headIndex = 0;
    }
    const v = this.head[this.headIndex];
    this.head[this.headIndex++] = undefined;
    return v;
  }
}

const queue = new FixedQueue();
let hasTickScheduled = false;
let hasRejectionToWarn = false;

// Installed by the domain module once a Domain exists: ticks and microtasks then run in the
// domain that was active when they were queued. Null keeps these paths free of domain work.
let domainHooks = null;
function setDomainHooks(hooks) {
  domainHooks = hooks;
}

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (process._exiting) return;
  hasTickScheduled = true;
  const tock = { callback, args };
  if (domainHooks !== null) domainHooks.init(tock, false);
  queue.push(tock);
}

function runNextTicks() {
  if (!hasTickScheduled && !hasRejectionToWarn) runMicrotasks();
  if (!hasTickScheduled && !hasRejectionToWarn) return;
  processTicksAndRejections();
}

function processTicksAndRejections() {
  let tock;
  do {
    while ((tock = queue.shift()) !== undefined) {
      const { callback, args } = tock;
      const domain = domainHooks !== null ? domainHooks.before(tock) : undefined;
      if (args.length === 0) callback();
      else callback(...args);
      if (domain !== undefined) domainHooks.after(domain);
    }
    runMicrotasks();
  } while (!queue.isEmpty() || processPromiseRejections());
  hasTickScheduled = false;
  hasRejectionToWarn = false;
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  let resource;
  if (domainHooks !== null) {
    resource = {};
    domainHooks.init(resource, false);
  }
  enqueueMicrotask(() => {
    try {
      if (resource === undefined) {
        callback();
      } else {
        // Like Node, the domain is left before an error is reported, so it does not
        // catch errors of microtasks.
        const domain = domainHooks.before(resource);
        try {
          callback();
        } finally {
          domainHooks.after(domain);
        }
      }
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
  });
}

// ---- Unhandled rejections --------------------------------------------------------------

const kUnhandled = 0;
const kHandlerAdded = 1;
const maybeUnhandled = new WeakMap();
let pendingUnhandled = [];
const asyncHandled = [];
let lastPromiseId = 0;

function promiseRejectHandler(type, promise, reason) {
  if (type === kUnhandled) {
    // With domains in use, a rejection inside a domain is reported to that domain.
    const domain = domainHooks !== null ? process.domain : undefined;
    maybeUnhandled.set(promise, { reason, uid: ++lastPromiseId, warned: false, domain });
    pendingUnhandled.push(promise);
    hasRejectionToWarn = true;
  } else if (type === kHandlerAdded) {
    const info = maybeUnhandled.get(promise);
    if (info !== undefined) {
      maybeUnhandled.delete(promise);
      if (info.warned) {
        const warning = new Error(`Promise rejection was handled asynchronously (rejection id: ${info.uid})`);
        warning.name = 'PromiseRejectionHandledWarning';
        warning.id = info.uid;
        asyncHandled.push({ promise, warning });
        hasRejectionToWarn = true;
      }
    }
  }
}

// 'unhandledRejection', or 'error' on the domain that was active at the rejection.
function emitUnhandledRejection(reason, promise, info) {
  if (info.domain) return info.domain.emit('error', reason);
  return process.emit('unhandledRejection', reason, promise);
}

function unhandledRejectionsMode() {
  return process._rnodeOptions.unhandledRejections || 'throw';
}

function rejectionError(reason) {
  if (reason instanceof Error) return reason;
  const { codes } = require('internal/errors');
  let text;
  try {
    text = require('internal/util/inspect').inspect(reason);
  } catch {
    text = String(reason);
  }
  const err = new codes.ERR_UNHANDLED_REJECTION(text);
  err.name = 'UnhandledPromiseRejection';
  return err;
}

function emitRejectionWarning(promise, reason, uid) {
  // Node's two warnings: the reason itself, then the general explanation.
  const warning = new Error(
    'Unhandled promise rejection. This error originated either by throwing inside of an ' +
    'async function without a catch block, or by rejecting a promise which was not handled ' +
    `with .catch(). To terminate the node process on unhandled promise rejection, use the CLI flag \`--unhandled-rejections=strict\` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: ${uid})`);
  warning.name = 'UnhandledPromiseRejectionWarning';
  try {
    if (reason !== null && typeof reason === 'object' && typeof reason.stack === 'string') {
      warning.stack = reason.stack;
      process.emitWarning(reason.stack, 'UnhandledPromiseRejectionWarning');
    } else {
      let text;
      try { text = `${reason}`; } catch { text = require('internal/util/inspect').inspect(reason); }
      process.emitWarning(text, 'UnhandledPromiseRejectionWarning');
    }
  } catch {}
  process.emitWarning(warning);
}

// Returns true if it scheduled more ticks.
function processPromiseRejections() {
  let maybeScheduledTicks = false;
  while (asyncHandled.length > 0) {
    const { promise, warning } = asyncHandled.shift();
    if (!process.emit('rejectionHandled', promise)) process.emitWarning(warning);
  }
  let len = pendingUnhandled.length;
  while (len--) {
    const promise = pendingUnhandled.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason, uid } = info;
    const mode = unhandledRejectionsMode();
    switch (mode) {
      case 'strict': {
        const err = rejectionError(reason);
        require('internal/process/execution').triggerUncaughtException(err, true);
        const handled = emitUnhandledRejection(reason, promise, info);
        if (!handled) emitRejectionWarning(promise, reason, uid);
        break;
      }
      case 'none':
        emitUnhandledRejection(reason, promise, info);
        break;
      case 'warn':
        emitUnhandledRejection(reason, promise, info);
        emitRejectionWarning(promise, reason, uid);
        break;
      case 'warn-with-error-code': {
        const handled = emitUnhandledRejection(reason, promise, info);
        if (!handled) {
          emitRejectionWarning(promise, reason, uid);
          process.exitCode = 1;
        }
        break;
      }
      default: {
        const handled = emitUnhandledRejection(reason, promise, info);
        if (!handled) {
          const err = rejectionError(reason);
          require('internal/process/execution').triggerUncaughtException(err, true);
        }
      }
    }
    maybeScheduledTicks = true;
  }
  return maybeScheduledTicks || pendingUnhandled.length !== 0;
}

module.exports = {
  nextTick,
  runNextTicks,
  processTicksAndRejections,
  queueMicrotask,
  promiseRejectHandler,
  hasTickScheduled: () => hasTickScheduled,
  setDomainHooks,
};
