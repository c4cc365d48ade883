// The `domain` module (deprecated, DEP0032, but still shipped by Node 21).
//
// A domain is an EventEmitter that collects errors thrown by the code it runs. It has three
// parts here:
// - the domain stack: `enter()` pushes, `exit()` pops; the top is `process.domain` and
//   `domain.active`.
// - the async propagation: timers, immediates, process.nextTick and queueMicrotask remember
//   the domain that was active when they were created and re-enter it around their callback.
//   internal/timers and internal/process/task_queues call the hooks installed below; until
//   the first Domain is created they do nothing extra.
// - the error routing: while any domain on the stack listens for 'error', the process-wide
//   uncaught-exception capture callback sends uncaught exceptions to the active domain, and
//   EventEmitters that belong to a domain send unhandled 'error' events to it.
'use strict';

const EventEmitter = require('events');
const {
  codes: {
    ERR_DOMAIN_CALLBACK_NOT_AVAILABLE,
    ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');
const execution = require('internal/process/execution');
const timers = require('internal/timers');
const taskQueues = require('internal/process/task_queues');

// Domains own the capture callback: a callback registered by the user first makes the
// module unusable (this throws on every require, as in Node).
if (execution.hasCaptureCallback()) {
  throw new ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();
}

const setCaptureCallback = execution.setCaptureCallback;

// Shown after the error when user code later tries to install its own capture callback.
const domainRequireStack = new Error('require(`domain`) at this point').stack;

process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
  const err = new ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
  err.stack += `\n${'-'.repeat(40)}\n${domainRequireStack}`;
  throw err;
};

const kWeak = Symbol('kWeak');

// What Node keeps in a domain's kWeak slot (its own WeakReference type); it shows up when a
// domain is inspected.
class WeakReference {
  #ref;
  constructor(target) {
    this.#ref = new WeakRef(target);
  }
  get() {
    return this.#ref.deref();
  }
}

// The domain stack. `exports._stack` is the same array except while an emitter's error is
// being handled (see the emit override), when a trimmed copy is current.
let stack = [];

// process.domain is its own slot: user code may assign it without touching domain.active.
let processDomain = process.domain === undefined ? null : process.domain;
Object.defineProperty(process, 'domain', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    return processDomain;
  },
  set(value) {
    processDomain = value;
  },
});

function setActive(domain) {
  exports.active = domain;
  processDomain = domain;
}

function captureToActiveDomain(er) {
  return process.domain._errorHandler(er);
}

// The capture callback is installed only while some domain on the stack listens for
// 'error'; otherwise uncaught exceptions take the normal 'uncaughtException' path.
function updateExceptionCapture() {
  setCaptureCallback(null);
  for (let i = 0; i < stack.length; i++) {
    if (stack[i].listenerCount('error') > 0) {
      setCaptureCallback(captureToActiveDomain);
      return;
    }
  }
}

// An uncaught exception ends the current callback: no domain stays entered after it.
function domainUncaughtExceptionClear() {
  stack.length = 0;
  setActive(null);
  updateExceptionCapture();
}

// The first 'uncaughtException' listener always clears the domain stack, so user listeners
// run outside any domain; it goes away again with the last user listener.
process.on('newListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== domainUncaughtExceptionClear) {
    process.removeListener(name, domainUncaughtExceptionClear);
    process.prependListener(name, domainUncaughtExceptionClear);
  }
});
process.on('removeListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== domainUncaughtExceptionClear) {
    const listeners = process.listeners('uncaughtException');
    if (listeners.length === 1 && listeners[0] === domainUncaughtExceptionClear) {
      process.removeListener(name, domainUncaughtExceptionClear);
    }
  }
});

function setDomainProperty(target, domain) {
  Object.defineProperty(target, 'domain', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    value: domain,
    writable: true,
  });
}

// ---- async propagation -------------------------------------------------------------------

// resource (Timeout, Immediate, tick, microtask) -> the domain it was created in. Keyed by
// the resource, not its `domain` property: like Node, `domain.add(timer)` does not change
// the domain its callback runs in.
const pairing = new WeakMap();

const asyncHooks = {
  init(resource, exposeDomain) {
    const domain = processDomain;
    if (domain === null || domain === undefined) return;
    pairing.set(resource, domain);
    if (exposeDomain) setDomainProperty(resource, domain);
  },
  before(resource) {
    const domain = pairing.get(resource);
    if (domain !== undefined) domain.enter();
    return domain;
  },
  after(domain) {
    if (domain !== undefined) domain.exit();
  },
};

let asyncHooksEnabled = false;
function enableAsyncHooks() {
  if (asyncHooksEnabled) return;
  asyncHooksEnabled = true;
  timers.setDomainHooks(asyncHooks);
  taskQueues.setDomainHooks(asyncHooks);
}

// ---- Domain ------------------------------------------------------------------------------

function Domain() {
  EventEmitter.call(this);
  this.members = [];
  this[kWeak] = new WeakReference(this);
  enableAsyncHooks();
  this.on('removeListener', updateExceptionCapture);
  this.on('newListener', updateExceptionCapture);
}
Object.setPrototypeOf(Domain.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Domain, EventEmitter);

Domain.prototype.members = undefined;

// Called (through the capture callback) with an exception nobody caught while this domain
// was active. Returns whether an 'error' listener took it.
Domain.prototype._errorHandler = function(er) {
  let caught = false;
  if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
    setDomainProperty(er, this);
    er.domainThrown = true;
  }
  // The handler must not run inside the domain that failed (or it would catch its own
  // errors forever): leave every adjacent entry of it first.
  while (exports.active === this) this.exit();

  if (stack.length === 0) {
    // Outermost domain. With no listener, emitting 'error' would throw and hide the error
    // from process 'uncaughtException' listeners, so nothing is emitted.
    if (this.listenerCount('error') > 0) {
      // The capture callback is off while the handler runs: an exception it throws is fatal.
      setCaptureCallback(null);
      try {
        caught = this.emit('error', er);
      } finally {
        updateExceptionCapture();
      }
    }
  } else {
    // An enclosing domain can still catch what this one's handler throws (or the error
    // itself, when this domain has no handler and emit() throws it).
    try {
      caught = this.emit('error', er);
    } catch (er2) {
      updateExceptionCapture();
      if (stack.length === 0) throw er2;
      setActive(stack[stack.length - 1]);
      caught = process.domain._errorHandler(er2);
    }
  }
  domainUncaughtExceptionClear();
  return caught;
};

Domain.prototype.enter = function() {
  // Entering the active domain again still pushes it, so that exit() has something to pop.
  setActive(this);
  stack.push(this);
  updateExceptionCapture();
};

Domain.prototype.exit = function() {
  const index = stack.lastIndexOf(this);
  if (index === -1) return;
  // Domains entered after this one are left too.
  stack.splice(index);
  setActive(stack.length === 0 ? undefined : stack[stack.length - 1]);
  updateExceptionCapture();
};

Domain.prototype.add = function(ee) {
  if (ee.domain === this) return;
  if (ee.domain) ee.domain.remove(ee);
  // Refuse cycles of domains (d.add(e); e.add(d)) that would bounce errors forever.
  if (this.domain && ee instanceof Domain) {
    for (let d = this.domain; d; d = d.domain) {
      if (ee === d) return;
    }
  }
  setDomainProperty(ee, this);
  this.members.push(ee);
};

Domain.prototype.remove = function(ee) {
  ee.domain = null;
  const index = this.members.indexOf(ee);
  if (index !== -1) this.members.splice(index, 1);
};

Domain.prototype.run = function(fn, ...args) {
  // No try/finally: an exception must leave the domain active so it reaches its handler.
  this.enter();
  const ret = Reflect.apply(fn, this, args);
  this.exit();
  return ret;
};

// Calls `cb` with a node-style callback's results; an Error first argument goes to the
// domain's 'error' event instead.
function interceptedCall(thisArg, domain, cb, args) {
  const first = args[0];
  if (first && first instanceof Error) {
    first.domainBound = cb;
    first.domainThrown = false;
    setDomainProperty(first, domain);
    domain.emit('error', first);
    return;
  }
  domain.enter();
  const ret = Reflect.apply(cb, thisArg, Array.prototype.slice.call(args, 1));
  domain.exit();
  return ret;
}

Domain.prototype.intercept = function(cb) {
  const self = this;
  function runIntercepted() {
    return interceptedCall(this, self, cb, arguments);
  }
  return runIntercepted;
};

function boundCall(thisArg, domain, cb, args) {
  domain.enter();
  const ret = Reflect.apply(cb, thisArg, args);
  domain.exit();
  return ret;
}

Domain.prototype.bind = function(cb) {
  const self = this;
  function runBound() {
    return boundCall(this, self, cb, arguments);
  }
  setDomainProperty(runBound, this);
  return runBound;
};

// ---- EventEmitter integration ------------------------------------------------------------

EventEmitter.usingDomains = true;

// Emitters created inside a domain belong to it.
const originalInit = EventEmitter.init;
EventEmitter.init = function(opts) {
  setDomainProperty(this, null);
  if (exports.active && !(this instanceof Domain)) this.domain = exports.active;
  return Reflect.apply(originalInit, this, [opts]);
};

const originalEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  // Emitters outside any domain, handled 'error' events and the process object itself take
  // the ordinary path.
  if ((type === 'error' && this.listenerCount(type) > 0) ||
      domain === null || domain === undefined || this === process) {
    return Reflect.apply(originalEmit, this, args);
  }

  if (type === 'error') {
    const er = args.length > 1 && args[1] ? args[1] : new ERR_UNHANDLED_ERROR();
    if (typeof er === 'object') {
      er.domainEmitter = this;
      setDomainProperty(er, domain);
      er.domainThrown = false;
    }
    // The domain's handler runs outside the emitting domain (and its duplicates at the top
    // of the stack); the stack is put back afterwards.
    const savedStack = stack.slice();
    const savedActive = process.domain;
    let top = stack.length - 1;
    while (top > -1 && process.domain === stack[top]) top--;
    stack.length = top + 1;
    setActive(stack.length > 0 ? stack[stack.length - 1] : null);
    updateExceptionCapture();

    domain.emit('error', er);

    stack = savedStack;
    exports._stack = stack;
    setActive(savedActive);
    updateExceptionCapture();
    return false;
  }

  domain.enter();
  const ret = Reflect.apply(originalEmit, this, args);
  domain.exit();
  return ret;
};

// ---- exports -----------------------------------------------------------------------------

function create() {
  return new Domain();
}

exports._stack = stack;
exports.Domain = Domain;
exports.createDomain = create;
exports.create = create;
exports.active = null;
