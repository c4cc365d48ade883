// The `events` module: EventEmitter and its static helpers (once, on, getEventListeners…).
//
// Listener storage follows what Node exposes through `_events`: a null-prototype object
// mapping each event name to either the single listener function or an array of them.
// `emit` is the hot path, so it avoids allocations beyond one array copy when an event
// has several listeners.
'use strict';

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kShapeMode = Symbol('shapeMode');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kRejection = Symbol.for('nodejs.rejection');
const kWatermarkData = Symbol('nodejs.watermarkData');
const kAsyncResource = Symbol('kAsyncResource');
const kEventEmitter = Symbol('kEventEmitter');
const kEmptyObject = Object.freeze({ __proto__: null });
// A function stored on an unhandled 'error' Error: the fatal-exception report replaces
// `err.stack` with its result ("Emitted 'error' event at: ...").
const kEnhanceStackBeforeInspector = Symbol.for('rnode.enhanceStackBeforeInspector');
// An option of on() for built-in callers (readline's async iterator): yield each event's
// first argument instead of the array of all of them.
const kFirstEventParam = Symbol.for('rnode.events.kFirstEventParam');

const AsyncIteratorPrototype =
  Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

let defaultMaxListeners = 10;

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

// event_target requires this module, so it is loaded on first use.
let eventTargetModule;
function lazyEventTarget() {
  eventTargetModule ??= require('internal/event_target');
  return eventTargetModule;
}

// Node's static setMaxListeners/init/listenerCount are anonymous functions.
function unnamed(fn) {
  Object.defineProperty(fn, 'name', { value: '' });
  return fn;
}

function checkListener(listener) {
  validateFunction(listener, 'listener');
}

// `EventEmitter` is a plain function, not a class: subclasses written in the
// pre-class style call `EventEmitter.call(this)`.
function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

// Sets the listener limit of EventTargets and EventEmitters, or (without targets) the
// default for new ones.
const staticSetMaxListeners = unnamed(function(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  const { isEventTarget } = lazyEventTarget();
  for (let i = 0; i < eventTargets.length; i++) {
    const target = eventTargets[i];
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw new ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
});

const staticInit = unnamed(function(opts) {
  // An `_events` already set up by a subclass (before calling the constructor) keeps its
  // shape: removed events are then set to undefined instead of deleted.
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    // Inherit the process-wide default.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
});

// A listener returned a thenable: with captureRejections, route its rejection to
// `Symbol.for('nodejs.rejection')` or the 'error' event.
function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, undefined, function(err) {
        // The error is reported on the next tick so it is not swallowed by the promise.
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    // Turn capture off so an 'error' listener that rejects cannot loop forever.
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

function getMaxListenersOf(that) {
  if (that._maxListeners === undefined) return defaultMaxListeners;
  return that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return getMaxListenersOf(this);
};

// Where an Error frame list and the emit site's frame list share a run of more than three
// identical frames: { len, offset } (offset into `own`), or len 0.
function sharedFrames(own, theirs) {
  for (let i = 0; i < own.length - 3; i++) {
    const pos = theirs.indexOf(own[i]);
    if (pos === -1 || theirs.length - pos <= 3) continue;
    const maxLen = Math.min(own.length - i, theirs.length - pos);
    let len = 1;
    while (len < maxLen && own[i + len] === theirs[pos + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

// The fatal-exception report calls this (see kEnhanceStackBeforeInspector) to append
// where the unhandled 'error' event was emitted.
function enhanceStackTrace(err, own) {
  let ctorInfo = '';
  try {
    const { name } = this.constructor;
    if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
  } catch {
    // A throwing constructor getter just loses the detail.
  }
  const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
  const errFrames = err.stack.split('\n').slice(1);
  const ownFrames = own.stack.split('\n').slice(1);
  const { len, offset } = sharedFrames(ownFrames, errFrames);
  if (len > 0) {
    ownFrames.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
  }
  return err.stack + sep + ownFrames.join('\n');
}

// Throws for an 'error' event nobody listens to.
function throwUnhandledError(emitter, args) {
  const er = args.length > 0 ? args[0] : undefined;
  if (er instanceof Error) {
    try {
      const capture = {};
      Error.captureStackTrace(capture, EventEmitter.prototype.emit);
      Object.defineProperty(er, kEnhanceStackBeforeInspector, {
        value: enhanceStackTrace.bind(emitter, er, capture),
        configurable: true,
      });
    } catch {
      // Frozen errors and the like are thrown as they are.
    }
    throw er; // Unhandled 'error' event
  }
  let stringified;
  try {
    stringified = inspect(er);
  } catch {
    stringified = er;
  }
  const err = new ERR_UNHANDLED_ERROR(stringified);
  err.context = er;
  throw err;
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  const events = this._events;
  if (type === 'error') {
    if (events !== undefined) {
      if (events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
      if (events.error === undefined) throwUnhandledError(this, args);
    } else {
      throwUnhandledError(this, args);
    }
  } else if (events === undefined) {
    return false;
  }

  const handler = events[type];
  if (handler === undefined) return false;

  if (typeof handler === 'function') {
    const result = handler.apply(this, args);
    // Only promises (or other objects) need the captureRejections check.
    if (result !== undefined && result !== null) addCatch(this, result, type, args);
  } else {
    // Copy so listeners added or removed during the emit do not affect this round.
    const len = handler.length;
    const listeners = handler.slice();
    for (let i = 0; i < len; ++i) {
      const result = listeners[i].apply(this, args);
      if (result !== undefined && result !== null) addCatch(this, result, type, args);
    }
  }
  return true;
};

function warnMaxListeners(target, type, count) {
  const w = new Error('Possible EventEmitter memory leak detected. ' +
    `${count} ${String(type)} listeners added to ${inspect(target, { depth: -1 })}. ` +
    'Use emitter.setMaxListeners() to increase limit');
  w.name = 'MaxListenersExceededWarning';
  w.emitter = target;
  w.type = type;
  w.count = count;
  process.emitWarning(w);
}

function addListenerImpl(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      // Listeners see the user's function, not a once() wrapper.
      target.emit('newListener', type, listener.listener ?? listener);
      // A 'newListener' listener may have replaced `_events`.
      events = target._events;
    }
    existing = events[type];
  }

  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  if (typeof existing === 'function') {
    existing = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  // The warning flag lives on the array: one warning per event until it shrinks to one.
  const m = getMaxListenersOf(target);
  if (m > 0 && existing.length > m && !existing.warned) {
    existing.warned = true;
    warnMaxListeners(target, type, existing.length);
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return addListenerImpl(this, type, listener, false);
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListenerImpl(this, type, listener, true);
};

// Bound to a state object; the wrapper removes itself before the first call.
function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    if (arguments.length === 0) return this.listener.call(this.target);
    return this.listener.apply(this.target, arguments);
  }
}

function wrapOnce(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  // listeners() and removeListener() find the user's function through `.listener`.
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, wrapOnce(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, wrapOnce(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;

  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
    }
  } else if (typeof list !== 'function') {
    // The most recently added match goes first.
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;

  // Without 'removeListener' listeners nothing observes the removal: drop storage directly.
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }

  if (arguments.length === 0) {
    // 'removeListener' goes last so it observes every other removal.
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }

  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // LIFO order.
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const evlistener = events[type];
  if (evlistener === undefined) return [];
  if (typeof evlistener === 'function') {
    return unwrap ? [evlistener.listener || evlistener] : [evlistener];
  }
  if (!unwrap) return evlistener.slice();
  const ret = new Array(evlistener.length);
  for (let i = 0; i < ret.length; ++i) {
    const orig = evlistener[i].listener;
    ret[i] = typeof orig === 'function' ? orig : evlistener[i];
  }
  return ret;
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events !== undefined) {
    const evlistener = events[type];
    if (typeof evlistener === 'function') {
      if (listener != null) {
        return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      }
      return 1;
    } else if (evlistener !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (let i = 0, l = evlistener.length; i < l; i++) {
          if (evlistener[i] === listener || evlistener[i].listener === listener) matching++;
        }
        return matching;
      }
      return evlistener.length;
    }
  }
  return 0;
}

EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  // In shape mode removed events stay as undefined-valued keys and are still listed
  // (streams override eventNames to hide them).
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

EventEmitter.prototype[kCapture] = false;

// Deprecated (DEP0033) in favour of emitter.listenerCount().
const staticListenerCount = unnamed(function(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
});

// ---- helpers that work for both EventEmitter and EventTarget ---------------------------

function agnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function agnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

// Listener options that EventTargets honour even after stopImmediatePropagation().
function resistantOnceFlags() {
  return { __proto__: null, once: true, [lazyEventTarget().kResistStopPropagation]: true };
}

async function once(emitter, name, options = kEmptyObject) {
  validateObject(options, 'options');
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) agnosticRemoveListener(signal, 'abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', errorListener);
      }
      if (signal != null) agnosticRemoveListener(signal, 'abort', abortListener);
      resolve(args);
    };
    agnosticAddListener(emitter, name, resolver, resistantOnceFlags());
    // Waiting for 'error' itself must not reject on it.
    if (name !== 'error' && typeof emitter.once === 'function') {
      emitter.once('error', errorListener);
    }
    function abortListener() {
      agnosticRemoveListener(emitter, name, resolver);
      agnosticRemoveListener(emitter, 'error', errorListener);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    }
    if (signal != null) agnosticAddListener(signal, 'abort', abortListener, resistantOnceFlags());
  });
}

// A FIFO with O(1) shift for the async iterator's buffers.
class Queue {
  #items = [];
  #head = 0;

  get length() {
    return this.#items.length - this.#head;
  }

  push(item) {
    this.#items.push(item);
  }

  shift() {
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    // Compact once the consumed prefix dominates.
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}

function iterResult(value, done) {
  return { value, done };
}

function on(emitter, event, options = kEmptyObject) {
  validateObject(options, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  // Buffering limits: above `high` the emitter is paused, below `low` resumed.
  const highWatermark = options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWatermark', 1);
  const lowWatermark = options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWatermark', 1);

  const unconsumedEvents = new Queue();
  const unconsumedPromises = new Queue();
  let paused = false;
  let error = null;
  let finished = false;
  let size = 0;
  const registered = [];

  const iterator = Object.setPrototypeOf({
    next() {
      // Buffered events first, even after the iterator finished.
      if (size) {
        const value = unconsumedEvents.shift();
        size--;
        if (paused && size < lowWatermark) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve(iterResult(value, false));
      }
      // Then a pending error, reported once.
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise(function(resolve, reject) {
        unconsumedPromises.push({ resolve, reject });
      });
    },

    return() {
      return closeHandler();
    },

    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      }
      errorHandler(err);
    },

    [Symbol.asyncIterator]() {
      return this;
    },

    [kWatermarkData]: {
      get size() {
        return size;
      },
      get low() {
        return lowWatermark;
      },
      get high() {
        return highWatermark;
      },
      get isPaused() {
        return paused;
      },
    },
  }, AsyncIteratorPrototype);

  function listen(target, name, handler) {
    agnosticAddListener(target, name, handler);
    registered.push([target, name, handler]);
  }

  // Each event becomes the array of its arguments (or just the first one).
  if (options[kFirstEventParam] === true) {
    listen(emitter, event, eventHandler);
  } else {
    listen(emitter, event, function(...args) {
      return eventHandler(args);
    });
  }
  if (event !== 'error' && typeof emitter.on === 'function') {
    listen(emitter, 'error', errorHandler);
  }
  const closeEvents = options?.close;
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) listen(emitter, closeEvents[i], closeHandler);
  }
  const abortDisposable = signal ? addAbortListener(signal, abortListener) : null;

  return iterator;

  function abortListener() {
    errorHandler(new AbortError(undefined, { cause: signal?.reason }));
  }

  function eventHandler(value) {
    if (unconsumedPromises.length === 0) {
      size++;
      if (!paused && size > highWatermark) {
        paused = true;
        emitter.pause();
      }
      unconsumedEvents.push(value);
    } else {
      unconsumedPromises.shift().resolve(iterResult(value, false));
    }
  }

  function errorHandler(err) {
    if (unconsumedPromises.length === 0) error = err;
    else unconsumedPromises.shift().reject(err);
    closeHandler();
  }

  function closeHandler() {
    abortDisposable?.[Symbol.dispose]();
    while (registered.length > 0) {
      const [target, name, handler] = registered.pop();
      agnosticRemoveListener(target, name, handler);
    }
    finished = true;
    const done = iterResult(undefined, true);
    while (unconsumedPromises.length > 0) unconsumedPromises.shift().resolve(done);
    return Promise.resolve(done);
  }
}

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
  const { isEventTarget, listenersOfType } = lazyEventTarget();
  if (isEventTarget(emitterOrTarget)) return listenersOfType(emitterOrTarget, type);
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return getMaxListenersOf(emitterOrTarget);
  } else if (emitterOrTarget?.[kMaxEventTargetListeners]) {
    return emitterOrTarget[kMaxEventTargetListeners];
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

// Runs `listener` once when `signal` aborts (on a microtask if it already has); the
// returned object's Symbol.dispose removes it.
function addAbortListener(signal, listener) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, resistantOnceFlags());
    removeEventListener = () => {
      signal.removeEventListener('abort', listener);
    };
  }
  return {
    __proto__: null,
    [Symbol.dispose]() {
      removeEventListener?.();
    },
  };
}

// ---- EventEmitterAsyncResource (needs async_hooks) --------------------------------------

let EventEmitterAsyncResource;
function lazyEventEmitterAsyncResource() {
  if (EventEmitterAsyncResource !== undefined) return EventEmitterAsyncResource;
  const { AsyncResource } = require('async_hooks');

  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(ee, type, options) {
      super(type, options);
      this[kEventEmitter] = ee;
    }

    get eventEmitter() {
      if (this[kEventEmitter] === undefined) {
        throw new ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
      }
      return this[kEventEmitter];
    }
  }

  EventEmitterAsyncResource = class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) {
          validateString(options?.name, 'options.name');
        }
        name = options?.name || new.target.name;
      }
      super(options);
      this[kAsyncResource] = new EventEmitterReferencingAsyncResource(this, name, options);
    }

    // Listeners run in the async context the emitter was created in.
    emit(event, ...args) {
      const { asyncResource } = this;
      return asyncResource.runInAsyncScope(super.emit, this, event, ...args);
    }

    emitDestroy() {
      this.asyncResource.emitDestroy();
    }

    get asyncId() {
      return this.asyncResource.asyncId();
    }

    get triggerAsyncId() {
      return this.asyncResource.triggerAsyncId();
    }

    get asyncResource() {
      if (this[kAsyncResource] === undefined) {
        throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      }
      return this[kAsyncResource];
    }
  };
  return EventEmitterAsyncResource;
}

// ---- exports ----------------------------------------------------------------------------

// Property order and attributes follow Node's (visible through Object.keys()).
function dataProp(value) {
  return { value, writable: true, enumerable: true, configurable: true };
}
Object.defineProperties(EventEmitter, {
  addAbortListener: dataProp(addAbortListener),
  once: dataProp(once),
  on: dataProp(on),
  getEventListeners: dataProp(getEventListeners),
  getMaxListeners: dataProp(getMaxListeners),
  EventEmitter: dataProp(EventEmitter),
  usingDomains: dataProp(false),
  captureRejectionSymbol: dataProp(kRejection),
  captureRejections: {
    get() {
      return EventEmitter.prototype[kCapture];
    },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      EventEmitter.prototype[kCapture] = value;
    },
    enumerable: true,
  },
  EventEmitterAsyncResource: {
    get: lazyEventEmitterAsyncResource,
    set: undefined,
    enumerable: true,
    configurable: true,
  },
  errorMonitor: dataProp(kErrorMonitor),
  defaultMaxListeners: {
    get() {
      return defaultMaxListeners;
    },
    set(arg) {
      validateNumber(arg, 'defaultMaxListeners', 0);
      defaultMaxListeners = arg;
    },
    enumerable: true,
  },
  kMaxEventTargetListeners: { value: kMaxEventTargetListeners },
  kMaxEventTargetListenersWarned: { value: kMaxEventTargetListenersWarned },
  setMaxListeners: dataProp(staticSetMaxListeners),
  init: dataProp(staticInit),
  listenerCount: dataProp(staticListenerCount),
});

module.exports = EventEmitter;
