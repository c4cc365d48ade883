// `timers/promises`: promise and async-iterator forms of the timers, with AbortSignal support.
'use strict';

const { Timeout, Immediate, insert, clearTimeout, clearImmediate } = require('internal/timers');
const { AbortError } = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateObject } = require('internal/validators');

function cancelled(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

function checkOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

// A promise settled by a timer or immediate made by `start(resolve)`, cancelled through
// `options.signal` with `cancel(handle)`.
function cancellable(options, start, cancel) {
  let signal;
  let ref;
  try {
    ({ signal, ref } = checkOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(cancelled(signal));
  let onCancel;
  const p = new Promise((resolve, reject) => {
    const handle = start(resolve, ref);
    if (signal) {
      onCancel = () => {
        cancel(handle);
        reject(cancelled(signal));
      };
      signal.addEventListener('abort', onCancel, { once: true });
    }
  });
  return onCancel !== undefined ? p.finally(() => signal.removeEventListener('abort', onCancel)) : p;
}

function setTimeout(after, value, options = {}) {
  return cancellable(options, (resolve, ref) => {
    const timeout = new Timeout(resolve, after, [value], false, ref);
    insert(timeout, timeout._idleTimeout);
    return timeout;
  }, clearTimeout);
}

function setImmediate(value, options = {}) {
  return cancellable(options, (resolve, ref) => {
    const immediate = new Immediate(resolve, [value]);
    if (!ref) immediate.unref();
    return immediate;
  }, clearImmediate);
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = checkOptions(options);
  if (signal?.aborted) throw cancelled(signal);
  let notYielded = 0;
  let callback;
  const interval = new Timeout(() => {
    notYielded++;
    if (callback) {
      callback();
      callback = undefined;
    }
  }, after, undefined, true, ref);
  insert(interval, interval._idleTimeout);
  let onCancel;
  if (signal) {
    onCancel = () => {
      clearTimeout(interval);
      if (callback) {
        callback();
        callback = undefined;
      }
    };
    signal.addEventListener('abort', onCancel, { once: true });
  }
  try {
    while (!signal?.aborted) {
      if (notYielded === 0) await new Promise((resolve) => { callback = resolve; });
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw cancelled(signal);
  } finally {
    clearTimeout(interval);
    signal?.removeEventListener('abort', onCancel);
  }
}

const scheduler = {
  wait(delay, options) { return setTimeout(delay, undefined, options); },
  yield() { return setImmediate(); },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
