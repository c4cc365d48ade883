// AbortController and AbortSignal (WHATWG DOM), with Node's statics: abort(), timeout()
// and any().
'use strict';

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateObject,
  validateUint32,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
} = require('internal/validators');
const {
  EventTarget,
  Event,
  defineEventHandler,
  kNewListener,
  kRemoveListener,
  kTrustEvent,
} = require('internal/event_target');

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');
const kTimeout = Symbol('kTimeout');
const kDontThrowSymbol = Symbol('kDontThrowSymbol');
const kTransferable = Symbol('kTransferable');
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kEmptyObject = Object.freeze({ __proto__: null });

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

let DOMExceptionClass;
function newDOMException(message, name) {
  DOMExceptionClass ??= require('internal/domexception').DOMException;
  return new DOMExceptionClass(message, name);
}

// `Name { ...obj }`, or the object itself when too deep (inspect then prints `[Name]`).
function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

// Signals that must survive garbage collection while they can still fire and someone
// listens: timeout signals and composite signals with live sources. Everything else
// references them weakly.
const gcPersistentSignals = new Set();

// A collected timeout signal no longer needs its timer.
let clearTimeoutRegistry;
function timeoutRegistry() {
  clearTimeoutRegistry ??= new FinalizationRegistry(clearTimeout);
  return clearTimeoutRegistry;
}

function setWeakAbortSignalTimeout(weakRef, delay) {
  const timeout = setTimeout(() => {
    const signal = weakRef.deref();
    if (signal !== undefined) {
      gcPersistentSignals.delete(signal);
      abortSignal(signal, newDOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }
  }, delay);
  // A pending timeout signal does not keep the process alive.
  timeout?.unref?.();
  return timeout;
}

class AbortSignal extends EventTarget {
  constructor(dontThrowKey = undefined, init = kEmptyObject) {
    if (dontThrowKey !== kDontThrowSymbol) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    const { aborted = false, reason = undefined, composite = false } = init;
    this[kAborted] = aborted;
    this[kReason] = reason;
    this[kComposite] = composite;
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = newDOMException('This operation was aborted', 'AbortError')) {
    return new AbortSignal(kDontThrowSymbol, { aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kDontThrowSymbol);
    signal[kTimeout] = true;
    timeoutRegistry().register(signal, setWeakAbortSignalTimeout(new WeakRef(signal), delay));
    return signal;
  }

  static any(signals) {
    validateArray(signals, 'signals');
    for (let i = 0; i < signals.length; i++) validateAbortSignal(signals[i], `signals[${i}]`);
    const resultSignal = new AbortSignal(kDontThrowSymbol, { composite: true });
    if (!signals.length) return resultSignal;
    const resultSignalWeakRef = new WeakRef(resultSignal);
    resultSignal[kSourceSignals] = new Set();
    const follow = (source) => {
      resultSignal[kSourceSignals].add(new WeakRef(source));
      source[kDependantSignals] ??= new Set();
      source[kDependantSignals].add(resultSignalWeakRef);
    };
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal.aborted) {
        abortSignal(resultSignal, signal.reason);
        return resultSignal;
      }
      if (!signal[kComposite]) {
        follow(signal);
      } else if (signal[kSourceSignals]) {
        // A composite signal is flattened into its own sources.
        for (const sourceRef of signal[kSourceSignals]) {
          const source = sourceRef.deref();
          if (source !== undefined) follow(source);
        }
      }
    }
    return resultSignal;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const canStillFire = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (canStillFire && type === 'abort' && !this.aborted && !weak && size === 1) {
      // Someone waits for this signal: keep it alive until it fires.
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    const canStillFire = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (canStillFire && type === 'abort' && size === 0) gcPersistentSignals.delete(this);
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: { enumerable: true },
  [Symbol.toStringTag]: { value: 'AbortSignal', writable: false, enumerable: false, configurable: true },
});
defineEventHandler(AbortSignal.prototype, 'abort');

// Marks `signal` aborted, fires its 'abort' event, then aborts the signals that follow it
// (AbortSignal.any) in the order they started following.
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);
  signal[kDependantSignals]?.forEach((ref) => {
    const dependant = ref.deref();
    if (dependant !== undefined) abortSignal(dependant, reason);
  });
  gcPersistentSignals.delete(signal);
}

class AbortController {
  #signal;

  constructor() {
    this.#signal = new AbortSignal(kDontThrowSymbol);
  }

  get signal() {
    return this.#signal;
  }

  abort(reason = newDOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal, reason);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: { enumerable: true },
  abort: { enumerable: true },
  [Symbol.toStringTag]: { value: 'AbortController', writable: false, enumerable: false, configurable: true },
});

function isAbortSignal(value) {
  return value?.[kAborted] !== undefined;
}

// Used by APIs that accept `{ signal }` to fail early with Node's message.
function validateSignal(signal, name) {
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

// util.aborted(): settles when `signal` aborts, unless `resource` was collected first
// (then it stays pending forever).
async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', kValidateObjectAllowArray | kValidateObjectAllowFunction);
  if (signal.aborted) return undefined;
  const resourceRef = new WeakRef(resource);
  return new Promise((resolve) => {
    // The listener only holds the resource weakly.
    addAbortListener(signal, (event) => {
      if (resourceRef.deref() !== undefined) resolve(event);
    });
  });
}

let addAbortListenerFn;
function addAbortListener(signal, listener) {
  addAbortListenerFn ??= require('events').addAbortListener;
  return addAbortListenerFn(signal, listener);
}

// util.transferableAbortSignal(): marks the signal as transferable through postMessage().
// The transfer itself is up to the messaging layer, which reads kTransferable.
function transferableAbortSignal(signal) {
  if (signal?.[kAborted] === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  signal[kTransferable] = true;
  return signal;
}

function transferableAbortController() {
  const controller = new AbortController();
  transferableAbortSignal(controller.signal);
  return controller;
}

module.exports = {
  AbortController,
  AbortSignal,
  abortSignal,
  aborted,
  isAbortSignal,
  transferableAbortController,
  transferableAbortSignal,
  validateSignal,
  kAborted,
  kReason,
  kTransferable,
};
