// `node:test` (only reachable with the `node:` prefix): the test runner API.
'use strict';

const {
  test, it, suite, before, after, beforeEach, afterEach,
} = require('internal/test_runner/harness');
const { codes } = require('internal/errors');

// run() drives test files in child processes and merges their reports; rnode has no
// such orchestrator yet.
function run() {
  throw new codes.ERR_NOT_IMPLEMENTED('run() from node:test');
}

module.exports = test;
Object.assign(module.exports, {
  after,
  afterEach,
  before,
  beforeEach,
  describe: suite,
  it,
  run,
  test,
});

let lazyMock = null;
Object.defineProperty(module.exports, 'mock', {
  configurable: true,
  enumerable: true,
  get() {
    if (lazyMock === null) {
      const { MockTracker } = require('internal/test_runner/mock/mock');
      lazyMock = new MockTracker();
    }
    return lazyMock;
  },
});
