// mock.fn()/method()/getter()/setter(): spies built on a Proxy of the original function
// that record every call and can swap the implementation (for all calls, once, or for the
// first `times` calls), and put the original back on restore().
'use strict';

const { codes } = require('internal/errors');
const {
  validateBoolean, validateFunction, validateInteger, validateObject,
} = require('internal/validators');

const kTrackCall = Symbol('kTrackCall');
const kNextImplementation = Symbol('kNextImplementation');
// Marks "no implementation given" for method(): the original then stays in place.
const kDefaultFunction = function() {};

function validateTimes(value, name) {
  if (value === Infinity) return;
  validateInteger(value, name, 1);
}

function validateStringOrSymbol(value, name) {
  if (typeof value !== 'string' && typeof value !== 'symbol') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'symbol'], value);
  }
}

class MockFunctionContext {
  #calls = [];
  #onceImplementations = new Map();
  #implementation;
  #restore;
  #times;

  constructor(implementation, restore, times) {
    this.#implementation = implementation;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() {
    return [...this.#calls];
  }

  callCount() {
    return this.#calls.length;
  }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const nextCall = this.#calls.length;
    const call = onCall ?? nextCall;
    validateInteger(call, 'onCall', nextCall);
    this.#onceImplementations.set(call, implementation);
  }

  restore() {
    const { descriptor, object, original, methodName } = this.#restore;
    if (typeof methodName === 'string' || typeof methodName === 'symbol') {
      // A method mock: put the original property back on the object.
      Object.defineProperty(object, methodName, descriptor);
    } else {
      this.mockImplementation(original);
    }
  }

  resetCalls() {
    this.#calls = [];
  }

  [kTrackCall](call) {
    this.#calls.push(call);
  }

  // The implementation for the call about to happen; after the `times`-th call the mock
  // restores itself.
  [kNextImplementation]() {
    const nextCall = this.#calls.length;
    const once = this.#onceImplementations.get(nextCall);
    const implementation = once ?? this.#implementation;
    if (nextCall + 1 === this.#times) this.restore();
    this.#onceImplementations.delete(nextCall);
    return implementation;
  }
}

function findMethodOnPrototypeChain(instance, methodName) {
  let host = instance;
  while (host !== null && host !== undefined) {
    const descriptor = Object.getOwnPropertyDescriptor(host, methodName);
    if (descriptor !== undefined) return descriptor;
    host = Object.getPrototypeOf(host);
  }
  return undefined;
}

class MockTracker {
  #mocks = [];
  #timers = null;

  get timers() {
    if (this.#timers === null) {
      const { MockTimers } = require('internal/test_runner/mock/mock_timers');
      this.#timers = new MockTimers();
    }
    return this.#timers;
  }

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { times = Infinity } = options;
    validateTimes(times, 'options.times');
    const ctx = new MockFunctionContext(implementation, { original }, times);
    return this.#setupMock(ctx, original);
  }

  method(objectOrFunction, methodName, implementation = kDefaultFunction, options = {}) {
    validateStringOrSymbol(methodName, 'methodName');
    if (typeof objectOrFunction !== 'function') validateObject(objectOrFunction, 'object');
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    }
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { getter = false, setter = false, times = Infinity } = options;
    validateBoolean(getter, 'options.getter');
    validateBoolean(setter, 'options.setter');
    validateTimes(times, 'options.times');
    if (setter && getter) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.setter', setter, 'cannot be used with \'options.getter\'');
    }

    const descriptor = findMethodOnPrototypeChain(objectOrFunction, methodName);
    let original;
    if (getter) original = descriptor?.get;
    else if (setter) original = descriptor?.set;
    else original = descriptor?.value;
    if (typeof original !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }

    const restore = { descriptor, object: objectOrFunction, methodName };
    const impl = implementation === kDefaultFunction ? original : implementation;
    const ctx = new MockFunctionContext(impl, restore, times);
    const mock = this.#setupMock(ctx, original);
    const mockDescriptor = {
      configurable: descriptor.configurable,
      enumerable: descriptor.enumerable,
    };
    if (getter) {
      mockDescriptor.get = mock;
      mockDescriptor.set = descriptor.set;
    } else if (setter) {
      mockDescriptor.get = descriptor.get;
      mockDescriptor.set = mock;
    } else {
      mockDescriptor.writable = descriptor.writable;
      mockDescriptor.value = mock;
    }
    Object.defineProperty(objectOrFunction, methodName, mockDescriptor);
    return mock;
  }

  getter(object, methodName, implementation = kDefaultFunction, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    } else {
      validateObject(options, 'options');
    }
    const { getter = true } = options;
    if (getter === false) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.getter', getter, 'cannot be false');
    }
    return this.method(object, methodName, implementation, { ...options, getter });
  }

  setter(object, methodName, implementation = kDefaultFunction, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    } else {
      validateObject(options, 'options');
    }
    const { setter = true } = options;
    if (setter === false) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.setter', setter, 'cannot be false');
    }
    return this.method(object, methodName, implementation, { ...options, setter });
  }

  reset() {
    this.restoreAll();
    this.#timers?.reset();
    this.#mocks = [];
  }

  restoreAll() {
    for (const { ctx } of this.#mocks) ctx.restore();
  }

  #setupMock(ctx, fnToMatch) {
    const mock = new Proxy(fnToMatch, {
      apply(fn, thisArg, argList) {
        const implementation = ctx[kNextImplementation]();
        let result;
        let error;
        try {
          result = Reflect.apply(implementation, thisArg, argList);
        } catch (err) {
          error = err;
          throw err;
        } finally {
          ctx[kTrackCall]({
            __proto__: null,
            arguments: argList,
            error,
            result,
            stack: new Error(),
            target: undefined,
            this: thisArg,
          });
        }
        return result;
      },
      construct(target, argList, newTarget) {
        const implementation = ctx[kNextImplementation]();
        let result;
        let error;
        try {
          result = Reflect.construct(implementation, argList, newTarget);
        } catch (err) {
          error = err;
          throw err;
        } finally {
          ctx[kTrackCall]({
            __proto__: null,
            arguments: argList,
            error,
            result,
            stack: new Error(),
            target,
            this: result,
          });
        }
        return result;
      },
      get(target, property, receiver) {
        if (property === 'mock') return ctx;
        return Reflect.get(target, property, receiver);
      },
    });
    this.#mocks.push({ mock, ctx });
    return mock;
  }
}

module.exports = { MockTracker, MockFunctionContext };
