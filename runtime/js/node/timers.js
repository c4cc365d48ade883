// The `timers` module: setTimeout/setInterval/setImmediate and their clears, over
// internal/timers (the lists) and the loop's timers and check phases.
'use strict';

const {
  Timeout, Immediate, insert, clearTimeout: clearTimeoutImpl, clearImmediate: clearImmediateImpl,
  enroll, unenrollLegacy, insertGuarded,
} = require('internal/timers');
const { deprecate } = require('internal/util');
const { validateFunction } = require('internal/validators');

// The extra arguments a timer passes to its callback (undefined when there are none).
function extraArgs(all, from) {
  const n = all.length - from;
  if (n <= 0) return undefined;
  const args = new Array(n);
  for (let i = 0; i < n; i++) args[i] = all[from + i];
  return args;
}

// The named parameters give these functions Node's `length` (5, 5, 4).
// eslint-disable-next-line no-unused-vars
function setTimeout(callback, after, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  const timeout = new Timeout(callback, after, extraArgs(arguments, 2), false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

Object.defineProperty(setTimeout, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return require('timers/promises').setTimeout; },
});

function clearTimeout(timer) {
  clearTimeoutImpl(timer);
}

// eslint-disable-next-line no-unused-vars
function setInterval(callback, repeat, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  const timeout = new Timeout(callback, repeat, extraArgs(arguments, 2), true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearInterval(timer) {
  // clearTimeout and clearInterval are interchangeable, as in Node.
  clearTimeoutImpl(timer);
}

// eslint-disable-next-line no-unused-vars
function setImmediate(callback, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, extraArgs(arguments, 1));
}

Object.defineProperty(setImmediate, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return require('timers/promises').setImmediate; },
});

function clearImmediate(immediate) {
  clearImmediateImpl(immediate);
}

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive: deprecate((item) => insertGuarded(item, false),
    'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127'),
  active: deprecate((item) => insertGuarded(item, true),
    'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126'),
  unenroll: deprecate(unenrollLegacy,
    'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096'),
  enroll: deprecate(enroll,
    'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
  promises: undefined,
};
Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('timers/promises'); },
});
