// The root test of a process and the public test()/describe()/it()/hooks that add to
// it. The root is made on first use: that is when the reporter starts, the process
// 'uncaughtException'/'unhandledRejection' listeners go in (errors are pinned on the
// running test), and 'beforeExit' closes the run (pending tests are cancelled, the
// summary is written, and the exit code becomes 1 if anything failed).
'use strict';

const { Test, Suite, currentParent, currentRunningTest } = require('internal/test_runner/test');
const {
  kCancelledByParent, kUncaughtException, kUnhandledRejection,
  testFailure, getCallerLocation, getReporterOptions, setupTestReporters,
} = require('internal/test_runner/utils');

// Bad reporter flags fail `require('node:test')` itself, as in Node.
getReporterOptions();

let globalRoot = null;
let reportersSetup = null;

function createHarness() {
  return {
    bootstrapComplete: false,
    success: true,
    counters: {
      all: 0,
      failed: 0,
      passed: 0,
      cancelled: 0,
      skipped: 0,
      todo: 0,
      topLevel: 0,
      suites: 0,
    },
  };
}

function formatThrown(err) {
  try {
    return `${err}`;
  } catch {
    return require('internal/util/inspect').inspect(err);
  }
}

function createProcessEventHandler(eventName, root) {
  return (err) => {
    if (!root.harness.bootstrapComplete) {
      // Before the first test started (e.g. the module body threw after calling test()),
      // the error is not the runner's to report.
      throw err;
    }
    const test = currentRunningTest();
    if (test !== null) {
      if (test.finished) {
        root.diagnostic(`Warning: Test "${test.name}" generated asynchronous activity after the test ended. ` +
          `This activity created the error "${formatThrown(err)}" and would have caused the test to fail, but ` +
          `instead triggered an ${eventName} event.`);
        process.exitCode = 1;
        return;
      }
      test.fail(testFailure(err, eventName));
      test.abortController.abort();
      return;
    }
    root.diagnostic('Warning: A resource generated asynchronous activity after the test ended. ' +
      `This activity created the error "${formatThrown(err)}" which triggered an ${eventName} ` +
      'event, caught by the test runner.');
    process.exitCode = 1;
  };
}

function setupProcessState(root) {
  const onUncaught = createProcessEventHandler(kUncaughtException, root);
  const onRejection = createProcessEventHandler(kUnhandledRejection, root);
  let closed = false;
  const exitHandler = () => {
    if (closed) return;
    closed = true;
    root.postRun(testFailure('Promise resolution is still pending but the event loop has already resolved',
      kCancelledByParent));
    if (root.error !== null || !root.harness.success) process.exitCode = 1;
    process.removeListener('uncaughtException', onUncaught);
    process.removeListener('unhandledRejection', onRejection);
    process.removeListener('beforeExit', exitHandler);
  };
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onRejection);
  process.on('beforeExit', exitHandler);
}

function lazyBootstrapRoot() {
  if (globalRoot !== null) return globalRoot;
  globalRoot = new Test({ name: '<root>', harness: createHarness() });
  globalRoot.startTime = process.hrtime.bigint();
  setupProcessState(globalRoot);
  reportersSetup = setupTestReporters(globalRoot.reporter);
  reportersSetup.catch((err) => {
    // A reporter that cannot load is fatal, as in Node.
    process.nextTick(() => { throw err; });
  });
  return globalRoot;
}

async function startSubtest(subtest) {
  await reportersSetup;
  subtest.root.harness.bootstrapComplete = true;
  await subtest.start();
}

// test()/it() (Factory = Test) and describe() (Suite): a subtest of the current test or
// suite, or of the root. Inside a suite it only registers; the suite starts it later.
function runInParentContext(Factory) {
  function run(name, options, fn, overrides) {
    const root = lazyBootstrapRoot();
    const parent = currentParent() ?? root;
    const subtest = parent.createSubtest(Factory, name, options, fn, overrides);
    if (!(parent instanceof Suite)) return startSubtest(subtest);
    return Promise.resolve();
  }

  function test(name, options, fn) {
    return run(name, options, fn, { loc: getCallerLocation(test) });
  }
  test.skip = function(name, options, fn) {
    return run(name, options, fn, { skip: true, loc: getCallerLocation(test.skip) });
  };
  test.todo = function(name, options, fn) {
    return run(name, options, fn, { todo: true, loc: getCallerLocation(test.todo) });
  };
  test.only = function(name, options, fn) {
    return run(name, options, fn, { only: true, loc: getCallerLocation(test.only) });
  };
  // Node's are anonymous.
  for (const key of ['skip', 'todo', 'only']) {
    Object.defineProperty(test[key], 'name', { value: '', configurable: true });
  }
  return test;
}

// before()/after()/beforeEach()/afterEach(): hooks of the current suite or test, or of
// the root. (Anonymous, as Node's.)
function hook(hookName) {
  const register = function(fn, options) {
    const parent = currentParent() ?? lazyBootstrapRoot();
    parent.createHook(hookName, fn, {
      ...options, parent, hookType: hookName, loc: getCallerLocation(register),
    });
  };
  Object.defineProperty(register, 'name', { value: '', configurable: true });
  return register;
}

module.exports = {
  test: runInParentContext(Test),
  it: runInParentContext(Test),
  suite: runInParentContext(Suite),
  before: hook('before'),
  after: hook('after'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
};
