// mock.timers: fake setTimeout/setInterval/setImmediate (global, `timers` and
// `timers/promises`) and Date, driven by tick()/runAll()/setTime() instead of the clock.
'use strict';

const { codes, AbortError } = require('internal/errors');
const {
  validateAbortSignal, validateArray, validateNumber, validateObject,
} = require('internal/validators');
const { emitExperimentalWarning } = require('internal/util');

const kSupportedApis = ['setInterval', 'setTimeout', 'setImmediate', 'Date'];
const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

// What a mocked timer function returns. Like Node's, the fields are plain data and
// ref()/unref() change nothing: mocked timers never keep the process alive.
class MockTimeout {
  constructor(id, callback, runAt, interval, args) {
    this.id = id;
    this.callback = callback;
    this.runAt = runAt;
    this.interval = interval;
    this.args = args;
    this.priorityQueuePosition = 0;
  }

  ref() {
    return this;
  }

  unref() {
    return this;
  }

  hasRef() {
    return true;
  }

  refresh() {
    return this;
  }
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

function invalidTime(value) {
  return new codes.ERR_INVALID_ARG_VALUE('time', 'positive integer', value);
}

class MockTimers {
  #now = 0;
  #enabled = false;
  #apis = [];
  #nextId = 1;
  // Pending timers ordered by due time, then creation.
  #queue = [];
  #saved = null;
  #RealDate = globalThis.Date;

  constructor() {
    emitExperimentalWarning('The MockTimers API');
  }

  tick(time = 1) {
    this.#assertEnabled();
    if (time < 0) throw invalidTime(time);
    this.#now += time;
    this.#runDue();
  }

  enable(options = { apis: kSupportedApis, now: 0 }) {
    if (this.#enabled) throw new codes.ERR_INVALID_STATE('MockTimers is already enabled!');
    let apis = kSupportedApis;
    let now = 0;
    if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
      if (options.apis !== undefined) {
        validateArray(options.apis, 'options.apis');
        for (const api of options.apis) {
          if (!kSupportedApis.includes(api)) {
            throw new codes.ERR_INVALID_ARG_VALUE('options.apis', api, `option ${api} is not supported`);
          }
        }
        apis = options.apis;
      }
      if (options.now !== undefined) {
        now = options.now instanceof this.#RealDate ? options.now.getTime() : options.now;
        validateNumber(now, 'initialTime');
        if (now < 0) throw invalidTime(now);
      }
    }
    this.#apis = [...new Set(apis)];
    this.#now = now;
    this.#enabled = true;
    this.#install();
  }

  setTime(time) {
    validateNumber(time, 'time');
    if (time < 0) throw invalidTime(time);
    this.#assertEnabled();
    this.#now = time;
  }

  reset() {
    if (!this.#enabled) return;
    this.#uninstall();
    this.#enabled = false;
    this.#apis = [];
    this.#queue = [];
    this.#now = 0;
  }

  runAll() {
    this.#assertEnabled();
    let latest = this.#now;
    for (const timer of this.#queue) {
      if (timer.runAt > latest) latest = timer.runAt;
    }
    this.tick(latest - this.#now);
  }

  [kDispose]() {
    this.reset();
  }

  #assertEnabled() {
    if (!this.#enabled) {
      throw new codes.ERR_INVALID_STATE('You should enable MockTimers first by calling the .enable function');
    }
  }

  #insert(timer) {
    let index = this.#queue.length;
    while (index > 0) {
      const other = this.#queue[index - 1];
      const order = (timer.runAt - other.runAt) || (timer.id - other.id);
      if (!(order < 0)) break;
      index--;
    }
    this.#queue.splice(index, 0, timer);
  }

  #remove(timer) {
    const index = this.#queue.findIndex((t) => t === timer || t.id === timer);
    if (index !== -1) this.#queue.splice(index, 1);
  }

  // Runs every timer due by now, in order; an interval goes back in the queue.
  #runDue() {
    while (this.#queue.length > 0) {
      const timer = this.#queue[0];
      if (timer.runAt > this.#now) break;
      this.#queue.shift();
      if (timer.interval !== undefined) {
        timer.runAt += timer.interval;
        this.#insert(timer);
      }
      Reflect.apply(timer.callback, undefined, timer.args);
    }
  }

  #createTimer(isInterval, callback, delay, ...args) {
    const timer = new MockTimeout(this.#nextId++, callback, this.#now + delay,
      isInterval ? delay : undefined, args);
    this.#insert(timer);
    return timer;
  }

  // The fakes, as functions that do not need `this`.
  #fakes() {
    const timers = this;
    const fakeSetTimeout = function setTimeout(callback, delay, ...args) {
      return timers.#createTimer(false, callback, delay, ...args);
    };
    const fakeClearTimeout = function clearTimeout(timer) {
      if (timer != null) timers.#remove(timer);
    };
    const fakeSetInterval = function setInterval(callback, delay, ...args) {
      return timers.#createTimer(true, callback, delay, ...args);
    };
    const fakeSetImmediate = function setImmediate(callback, ...args) {
      // Immediates run before timers due at the same time.
      return timers.#createTimer(false, callback, -1, ...args);
    };

    const promiseTimer = (delay, value, options, isImmediate) => {
      try {
        validateObject(options, 'options');
        validateAbortSignal(options.signal, 'options.signal');
      } catch (err) {
        return Promise.reject(err);
      }
      const { signal } = options;
      if (signal?.aborted) return Promise.reject(abortError(signal));
      return new Promise((resolve, reject) => {
        let onAbort;
        const timer = timers.#createTimer(false, () => {
          if (onAbort) signal.removeEventListener('abort', onAbort);
          resolve(value);
        }, isImmediate ? -1 : delay);
        if (signal) {
          onAbort = () => {
            timers.#remove(timer);
            reject(abortError(signal));
          };
          signal.addEventListener('abort', onAbort, { once: true });
        }
      });
    };
    const promisesSetTimeout = function setTimeout(delay, value, options = {}) {
      return promiseTimer(delay, value, options, false);
    };
    const promisesSetImmediate = function setImmediate(value, options = {}) {
      return promiseTimer(0, value, options, true);
    };
    const promisesSetInterval = async function* setInterval(delay, value, options = {}) {
      validateObject(options, 'options');
      validateAbortSignal(options.signal, 'options.signal');
      const { signal } = options;
      if (signal?.aborted) throw abortError(signal);
      let pending = 0;
      let wake = null;
      const timer = timers.#createTimer(true, () => {
        pending++;
        if (wake !== null) {
          const resolve = wake;
          wake = null;
          resolve();
        }
      }, delay);
      let onAbort;
      const aborted = new Promise((resolve, reject) => {
        if (signal) {
          onAbort = () => reject(abortError(signal));
          signal.addEventListener('abort', onAbort, { once: true });
        }
      });
      aborted.catch(() => {});
      try {
        while (true) {
          if (pending === 0) {
            await Promise.race([new Promise((resolve) => { wake = resolve; }), aborted]);
          }
          while (pending > 0) {
            pending--;
            yield value;
          }
        }
      } finally {
        timers.#remove(timer);
        if (onAbort) signal.removeEventListener('abort', onAbort);
      }
    };

    return {
      setTimeout: fakeSetTimeout,
      clearTimeout: fakeClearTimeout,
      setInterval: fakeSetInterval,
      clearInterval: fakeClearTimeout,
      setImmediate: fakeSetImmediate,
      clearImmediate: fakeClearTimeout,
      promisesSetTimeout,
      promisesSetInterval,
      promisesSetImmediate,
      Date: this.#createDate(),
    };
  }

  #createDate() {
    const timers = this;
    const RealDate = this.#RealDate;
    function MockDate(...args) {
      if (new.target === undefined) return new RealDate(timers.#now).toString();
      if (args.length === 0) return new RealDate(timers.#now);
      return new RealDate(...args);
    }
    Object.defineProperties(MockDate, {
      prototype: { value: RealDate.prototype, writable: false, enumerable: false, configurable: false },
      now: {
        value: function now() { return timers.#now; },
        writable: true, enumerable: false, configurable: true,
      },
      parse: { value: RealDate.parse, writable: true, enumerable: false, configurable: true },
      UTC: { value: RealDate.UTC, writable: true, enumerable: false, configurable: true },
      toString: {
        value: function toString() { return Function.prototype.toString.call(RealDate); },
        writable: true, enumerable: false, configurable: true,
      },
      isMock: { value: true, writable: false, enumerable: false, configurable: true },
      name: { value: 'Date' },
    });
    return MockDate;
  }

  // Swaps the fakes in for the enabled APIs, remembering the originals.
  #install() {
    const fakes = this.#fakes();
    const timersModule = require('timers');
    const timersPromises = require('timers/promises');
    const saved = [];
    const swap = (target, key, value) => {
      saved.push([target, key, Object.getOwnPropertyDescriptor(target, key)]);
      Object.defineProperty(target, key, {
        value, writable: true, enumerable: Object.getOwnPropertyDescriptor(target, key)?.enumerable ?? false,
        configurable: true,
      });
    };
    for (const api of this.#apis) {
      switch (api) {
        case 'setTimeout':
          swap(globalThis, 'setTimeout', fakes.setTimeout);
          swap(globalThis, 'clearTimeout', fakes.clearTimeout);
          swap(timersModule, 'setTimeout', fakes.setTimeout);
          swap(timersModule, 'clearTimeout', fakes.clearTimeout);
          swap(timersPromises, 'setTimeout', fakes.promisesSetTimeout);
          break;
        case 'setInterval':
          swap(globalThis, 'setInterval', fakes.setInterval);
          swap(globalThis, 'clearInterval', fakes.clearInterval);
          swap(timersModule, 'setInterval', fakes.setInterval);
          swap(timersModule, 'clearInterval', fakes.clearInterval);
          swap(timersPromises, 'setInterval', fakes.promisesSetInterval);
          break;
        case 'setImmediate':
          swap(globalThis, 'setImmediate', fakes.setImmediate);
          swap(globalThis, 'clearImmediate', fakes.clearImmediate);
          swap(timersModule, 'setImmediate', fakes.setImmediate);
          swap(timersModule, 'clearImmediate', fakes.clearImmediate);
          swap(timersPromises, 'setImmediate', fakes.promisesSetImmediate);
          break;
        case 'Date':
          swap(globalThis, 'Date', fakes.Date);
          break;
      }
    }
    this.#saved = saved;
  }

  #uninstall() {
    const saved = this.#saved ?? [];
    for (let i = saved.length - 1; i >= 0; i--) {
      const [target, key, descriptor] = saved[i];
      if (descriptor === undefined) delete target[key];
      else Object.defineProperty(target, key, descriptor);
    }
    this.#saved = null;
  }
}

module.exports = { MockTimers };
