// `node:test/reporters`: the built-in reporters, loaded on first use.
'use strict';

let dot;
let junit;
let spec;
let tap;
let lcov;

Object.defineProperties(module.exports, {
  dot: {
    configurable: true,
    enumerable: true,
    get() {
      dot ??= require('internal/test_runner/reporter/dot');
      return dot;
    },
  },
  junit: {
    configurable: true,
    enumerable: true,
    get() {
      junit ??= require('internal/test_runner/reporter/junit');
      return junit;
    },
  },
  spec: {
    configurable: true,
    enumerable: true,
    // A factory, as in Node: `spec()` and `new spec()` both give a SpecReporter.
    value: function value(...args) {
      spec ??= require('internal/test_runner/reporter/spec');
      return new spec(...args);
    },
  },
  tap: {
    configurable: true,
    enumerable: true,
    get() {
      tap ??= require('internal/test_runner/reporter/tap');
      return tap;
    },
  },
  lcov: {
    configurable: true,
    enumerable: true,
    get() {
      // A new instance on every read, as in Node.
      lcov ??= require('internal/test_runner/reporter/lcov');
      return new lcov();
    },
  },
});
