// The test tree: Test (a test or the root), Suite (describe), TestHook (before/after/
// beforeEach/afterEach), and the contexts handed to user functions.
//
// Scheduling follows Node: a parent runs up to `concurrency` subtests at once and queues
// the rest; results are reported strictly in creation order (a finished subtest waits in
// `readySubtests` until every earlier sibling has been reported), and a parent's subtests
// stream out while it still runs when it is the one whose turn it is.
'use strict';

const { codes, AbortError } = require('internal/errors');
const {
  validateAbortSignal, validateNumber, validateUint32, validateOneOf,
} = require('internal/validators');
const { setTimeout, clearTimeout } = require('timers');
const { TestsStream } = require('internal/test_runner/tests_stream');
const {
  kCallbackAndPromisePresent, kCancelledByParent, kAborted, kHookFailure,
  kParentAlreadyFinished, kSubtestsFailed, kTestCodeFailure, kTestTimeoutFailure,
  isTestFailureError, testFailure, createDeferredCallback, getOptions, getCallerLocation,
} = require('internal/test_runner/utils');

const kDefaultTimeout = Infinity;
const kMaxTimeout = 2 ** 31 - 1;
const kHookNames = ['before', 'after', 'beforeEach', 'afterEach'];
const kOnlyDiagnostic = '\'only\' and \'runOnly\' require the --test-only command-line option.';

function noop() {}

function hrtime() {
  return process.hrtime.bigint();
}

function isPromiseLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') &&
    typeof value.then === 'function';
}

// Which test or suite new tests and hooks belong to when they are created without an
// explicit parent (the global test()/it()/before()…). Node follows the async context;
// here it is the test or suite whose function is running synchronously, else the
// innermost suite whose async describe function has not settled yet (from the first
// microtask after describe() on, so code right after describe() is not inside it).
let syncParent = null;
const pendingBuilds = [];

function currentParent() {
  if (syncParent !== null) return syncParent;
  for (let i = pendingBuilds.length - 1; i >= 0; i--) {
    if (pendingBuilds[i].asyncBuildStarted) return pendingBuilds[i];
  }
  return null;
}

// Calls a user function (`this` is its context) with `parent` as the current parent.
function callWithParent(parent, fn, thisArg, args) {
  const saved = syncParent;
  syncParent = parent;
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    syncParent = saved;
  }
}

// Tests whose function is running, in start order; used to pin uncaught errors on a test.
const runningTests = new Set();

function currentRunningTest() {
  let last = null;
  for (const test of runningTests) {
    if (!(test instanceof Suite)) last = test;
  }
  return last;
}

// Rejects when the test times out or its signal aborts; the timer does not keep the
// process alive (a test that never settles is cancelled when the loop drains).
function stopTest(timeout, signal) {
  let timer = null;
  let onAbort = null;
  const promise = new Promise((resolve, reject) => {
    onAbort = () => reject(new AbortError(undefined, { cause: signal.reason }));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeout !== kDefaultTimeout) {
      timer = setTimeout(() => {
        reject(testFailure(`test timed out after ${timeout}ms`, kTestTimeoutFailure));
      }, timeout);
      timer.unref?.();
    }
  });
  promise.catch(noop);
  return {
    promise,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    },
  };
}

function countCompletedTest(test) {
  const counters = test.root.harness.counters;
  if (test.nesting === 0) counters.topLevel++;
  if (test.reportedType === 'suite') {
    counters.suites++;
    return;
  }
  // SKIP and TODO first: they are not failures.
  if (test.skipped) counters.skipped++;
  else if (test.isTodo) counters.todo++;
  else if (test.cancelled) counters.cancelled++;
  else if (!test.passed) counters.failed++;
  else counters.passed++;
  counters.all++;
}

let lazyMockTracker = null;
function newMockTracker() {
  lazyMockTracker ??= require('internal/test_runner/mock/mock').MockTracker;
  return new lazyMockTracker();
}

class TestContext {
  #test;

  constructor(test) {
    this.#test = test;
  }

  get signal() {
    return this.#test.signal;
  }

  get name() {
    return this.#test.name;
  }

  get error() {
    return this.#test.error;
  }

  get passed() {
    return this.#test.passed;
  }

  diagnostic(message) {
    this.#test.diagnostic(message);
  }

  get mock() {
    this.#test.mock ??= newMockTracker();
    return this.#test.mock;
  }

  runOnly(value) {
    this.#test.runOnlySubtests = !!value;
  }

  skip(message) {
    this.#test.skip(message);
  }

  todo(message) {
    this.#test.todo(message);
  }

  test(name, options, fn) {
    const loc = getCallerLocation(TestContext.prototype.test);
    const subtest = this.#test.createSubtest(Test, name, options, fn, { loc });
    return subtest.start();
  }

  before(fn, options) {
    this.#test.createHook('before', fn, { ...options, hookType: 'before', loc: hookLocation(TestContext.prototype.before) });
  }

  after(fn, options) {
    this.#test.createHook('after', fn, { ...options, hookType: 'after', loc: hookLocation(TestContext.prototype.after) });
  }

  beforeEach(fn, options) {
    this.#test.createHook('beforeEach', fn, {
      ...options, hookType: 'beforeEach', loc: hookLocation(TestContext.prototype.beforeEach),
    });
  }

  afterEach(fn, options) {
    this.#test.createHook('afterEach', fn, {
      ...options, hookType: 'afterEach', loc: hookLocation(TestContext.prototype.afterEach),
    });
  }
}

function hookLocation(above) {
  return getCallerLocation(above);
}

class SuiteContext {
  #suite;

  constructor(suite) {
    this.#suite = suite;
  }

  get signal() {
    return this.#suite.signal;
  }

  get name() {
    return this.#suite.name;
  }
}

class Test {
  #abortController;
  #outerSignal;
  #reportedStart = false;
  #postRunDone = false;
  #context = null;

  constructor(options) {
    const {
      concurrency, loc, only, timeout, todo, skip, signal, harness, reporter,
    } = options;
    let { fn, name, parent } = options;
    const testOnly = getOptions().testOnly;

    if (typeof name !== 'string' || name === '') {
      name = (typeof fn === 'function' && fn.name) || '<anonymous>';
    }
    if (typeof fn !== 'function') fn = noop;
    if (!(parent instanceof Test)) parent = null;

    this.fn = fn;
    this.harness = null;
    this.name = name;
    this.parent = parent;
    this.loc = loc;

    if (parent === null) {
      this.concurrency = 1;
      this.nesting = 0;
      this.only = testOnly;
      // Hooks share their test's stream; only the real root makes one.
      this.reporter = reporter ?? new TestsStream();
      this.runOnlySubtests = this.only;
      this.testNumber = 0;
      this.timeout = kDefaultTimeout;
      this.root = this;
      this.harness = harness ?? null;
      this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
      this.matchesPattern = false;
    } else {
      this.concurrency = parent.concurrency;
      // Children of the root are at nesting 0, like the root's own plan.
      this.nesting = parent.parent === null ? parent.nesting : parent.nesting + 1;
      this.only = only ?? !parent.runOnlySubtests;
      this.reporter = parent.reporter;
      this.runOnlySubtests = !this.only;
      this.testNumber = parent.subtests.length + 1;
      this.timeout = parent.timeout;
      this.root = parent.root;
      this.hooks = {
        before: [],
        after: [],
        beforeEach: [...parent.hooks.beforeEach],
        afterEach: [...parent.hooks.afterEach],
      };
      this.matchesPattern = parent.matchesPattern;
    }

    switch (typeof concurrency) {
      case 'number':
        validateUint32(concurrency, 'options.concurrency', true);
        this.concurrency = concurrency;
        break;
      case 'boolean':
        if (concurrency) {
          this.concurrency = parent === null ?
            Math.max(require('os').availableParallelism() - 1, 1) : Infinity;
        } else {
          this.concurrency = 1;
        }
        break;
      default:
        if (concurrency != null) {
          throw new codes.ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'], concurrency);
        }
    }

    if (timeout != null && timeout !== Infinity) {
      validateNumber(timeout, 'options.timeout', 0, kMaxTimeout);
      this.timeout = timeout;
    }

    let skipReason = skip;
    if (testOnly && !this.only) skipReason = '\'only\' option not set';

    // --test-name-pattern: a test runs if its name or an ancestor's matches. Suites and
    // hooks always run (their tests are filtered one by one).
    const patterns = getOptions().namePatterns;
    if (parent !== null && patterns.length > 0) {
      if (patterns.some((re) => re.test(name))) this.matchesPattern = true;
      if (!this.matchesPattern && !this.isFilterExempt()) {
        skipReason = 'test name does not match pattern';
      }
    }

    if (skipReason) fn = noop;
    this.fn = fn;

    validateAbortSignal(signal, 'options.signal');
    this.#abortController = new AbortController();
    this.signal = this.#abortController.signal;
    this.#outerSignal = signal;
    signal?.addEventListener('abort', this.#abortHandler);

    this.mock = null;
    this.cancelled = false;
    this.skipped = !!skipReason;
    this.isTodo = !!todo;
    this.startTime = null;
    this.endTime = null;
    this.passed = false;
    this.error = null;
    this.diagnostics = [];
    this.message = typeof skipReason === 'string' ? skipReason :
      typeof todo === 'string' ? todo : null;
    this.activeSubtests = 0;
    this.pendingSubtests = [];
    this.readySubtests = new Map();
    this.subtests = [];
    this.waitingOn = 0;
    this.finished = false;
    this.reported = false;

    if (!testOnly && (only || this.runOnlySubtests) && parent !== null) {
      this.diagnostics.push(kOnlyDiagnostic);
    }
  }

  isFilterExempt() {
    return false;
  }

  #abortHandler = () => {
    // Hooks handle their signal while they run.
    if (this instanceof TestHook) return;
    this.#cancel(abortReason(this.#outerSignal));
  };

  get abortController() {
    return this.#abortController;
  }

  get outerSignal() {
    return this.#outerSignal;
  }

  hasConcurrency() {
    return this.concurrency > this.activeSubtests;
  }

  addPendingSubtest(entry) {
    this.pendingSubtests.push(entry);
  }

  async processPendingSubtests() {
    while (this.pendingSubtests.length > 0 && this.hasConcurrency()) {
      const { test, resolve } = this.pendingSubtests.shift();
      this.reporter.dequeue(test.nesting, test.loc, test.name);
      await test.run();
      resolve();
    }
  }

  addReadySubtest(subtest) {
    this.readySubtests.set(subtest.testNumber, subtest);
  }

  // Reports finished subtests in order, as far as the run of consecutive finished ones
  // goes, when it is this test's turn to report (or `canSend` says so).
  processReadySubtestRange(canSend) {
    const start = this.waitingOn;
    const end = start + this.readySubtests.size;
    for (let i = start; i < end; i++) {
      const subtest = this.readySubtests.get(i);
      if (subtest === undefined) return;
      canSend ||= this.isClearToSend();
      if (!canSend) return;
      if (i === 1 && this.parent !== null) this.reportStarted();
      subtest.finalize();
      this.readySubtests.delete(i);
    }
  }

  isClearToSend() {
    return this.parent === null ||
      (this.parent.waitingOn === this.testNumber && this.parent.isClearToSend());
  }

  // Parses test(name, options, fn) the way Node does: the name may be omitted or be the
  // options object; options override the name.
  createSubtest(Factory, name, options, fn, overrides) {
    if (typeof name === 'function') {
      fn = name;
    } else if (name !== null && typeof name === 'object') {
      fn = options;
      options = name;
    } else if (typeof options === 'function') {
      fn = options;
    }
    if (options === null || typeof options !== 'object') options = {};

    let parent = this;
    // A test added after its parent ended goes to the root, already failed.
    const tooLate = this.finished || this.buildPhaseFinished === true || this.#postRunDone;
    if (tooLate) {
      while (parent.parent !== null) parent = parent.parent;
    }
    const test = new Factory({ fn, name, parent, ...options, ...overrides });
    if (parent.waitingOn === 0) parent.waitingOn = test.testNumber;
    if (tooLate) {
      test.fail(lateFailure());
    }
    parent.subtests.push(test);
    return test;
  }

  createHook(name, fn, options) {
    validateOneOf(name, 'hook name', kHookNames);
    // eslint-disable-next-line no-use-before-define
    const hook = new TestHook(fn, { ...options, parent: this, hookType: name });
    this.hooks[name].push(hook);
    return hook;
  }

  fail(err) {
    if (this.error !== null) return;
    this.endTime = hrtime();
    this.passed = false;
    this.error = err;
  }

  pass() {
    if (this.error !== null) return;
    this.endTime = hrtime();
    this.passed = true;
  }

  skip(message) {
    this.skipped = true;
    this.message = message;
  }

  todo(message) {
    this.isTodo = true;
    this.message = message;
  }

  diagnostic(message) {
    this.diagnostics.push(message);
  }

  #cancel(error) {
    if (this.endTime !== null) return;
    this.fail(error ||
      testFailure('test did not finish before its parent and was cancelled', kCancelledByParent));
    this.cancelled = true;
    this.#abortController.abort();
  }

  cancel(error) {
    this.#cancel(error);
  }

  shouldAbort() {
    if (this.signal.aborted) return true;
    if (this.#outerSignal?.aborted) {
      this.#abortHandler();
      return true;
    }
    return false;
  }

  getContext() {
    this.#context ??= new TestContext(this);
    return this.#context;
  }

  start() {
    this.reporter.enqueue(this.nesting, this.loc, this.name);
    if (!this.parent.hasConcurrency()) {
      return new Promise((resolve) => {
        this.parent.addPendingSubtest({ test: this, resolve });
      });
    }
    this.reporter.dequeue(this.nesting, this.loc, this.name);
    return this.run();
  }

  async run() {
    if (this.parent !== null) this.parent.activeSubtests++;
    this.startTime = hrtime();

    if (this.shouldAbort()) {
      this.postRun();
      return;
    }

    const ctx = this.getContext();
    let afterEachDone = false;
    const afterEach = async () => {
      if (afterEachDone) return;
      afterEachDone = true;
      if (this.parent?.hooks.afterEach.length > 0) {
        await this.parent.runHook('afterEach', ctx);
      }
    };
    const after = async () => {
      if (this.hooks.after.length > 0) await this.runHook('after', ctx);
    };
    let stop = null;

    runningTests.add(this);
    try {
      if (this.parent?.hooks.before.length > 0) {
        await this.parent.runHook('before', this.parent.getContext());
      }
      if (this.parent?.hooks.beforeEach.length > 0) {
        await this.parent.runHook('beforeEach', ctx);
      }
      stop = stopTest(this.timeout, this.signal);
      if (this.fn.length === 2) {
        // An error-first callback style test.
        const { promise, cb } = createDeferredCallback();
        const ret = callWithParent(this, this.fn, ctx, [ctx, cb]);
        if (isPromiseLike(ret)) {
          this.fail(testFailure('passed a callback but also returned a Promise', kCallbackAndPromisePresent));
          await Promise.race([ret, stop.promise]);
        } else {
          await Promise.race([promise, stop.promise]);
        }
      } else {
        const ret = callWithParent(this, this.fn, ctx, [ctx]);
        await Promise.race([Promise.resolve(ret), stop.promise]);
      }
      this.shouldAbort();
      this.pass();
      await afterEach();
      await after();
    } catch (err) {
      if (isTestFailureError(err)) {
        if (err.failureType === kTestTimeoutFailure) this.#cancel(err);
        else this.fail(err);
      } else {
        this.fail(testFailure(err, kTestCodeFailure));
      }
      try { await afterEach(); } catch { /* the test already failed */ }
      try { await after(); } catch { /* the test already failed */ }
    } finally {
      runningTests.delete(this);
      stop?.dispose();
      if (this.parent !== null) this.#abortController.abort();
    }

    this.postRun();
    await maybeRunRootAfterHooks(this);
  }

  postRun(pendingSubtestsError) {
    if (this.#postRunDone) return;
    this.#postRunDone = true;
    // A test failed before it started has an end but no start.
    if (this.endTime !== null && this.startTime !== null && this.endTime < this.startTime) {
      this.endTime = hrtime();
    }
    this.startTime ??= this.endTime ?? hrtime();

    // Cancel what is still outstanding and fail if any subtest failed.
    this.pendingSubtests = [];
    let failed = 0;
    for (const subtest of this.subtests) {
      if (!subtest.finished) {
        subtest.#cancel(pendingSubtestsError);
        subtest.postRun(pendingSubtestsError);
      }
      if (!subtest.passed && !subtest.isTodo) failed++;
    }
    if ((this.passed || this.parent === null) && failed > 0) {
      const noun = failed > 1 ? 'subtests' : 'subtest';
      this.fail(testFailure(`${failed} ${noun} failed`, kSubtestsFailed));
    }

    this.#outerSignal?.removeEventListener('abort', this.#abortHandler);
    this.mock?.reset();

    if (this.parent !== null) {
      this.parent.activeSubtests--;
      this.parent.addReadySubtest(this);
      this.parent.processReadySubtestRange(false);
      this.parent.processPendingSubtests();
    } else if (!this.reported) {
      this.reported = true;
      this.reportSummary();
    }
  }

  duration() {
    const end = this.endTime ?? hrtime();
    const start = this.startTime ?? end;
    return Number(end - start) / 1_000_000;
  }

  // Everything before this test has been reported and it has finished: report the rest
  // of its subtests, then itself.
  finalize() {
    this.processReadySubtestRange(true);
    this.report();
    this.parent.waitingOn++;
    this.finished = true;
  }

  reportStarted() {
    if (this.#reportedStart || this.parent === null) return;
    this.#reportedStart = true;
    this.parent.reportStarted();
    this.reporter.start(this.nesting, this.loc, this.name);
  }

  report() {
    countCompletedTest(this);
    if (this.subtests.length > 0) {
      this.reporter.plan(this.subtests[0].nesting, this.loc, this.subtests.length);
    } else {
      this.reportStarted();
    }
    let directive;
    const details = { duration_ms: this.duration() };
    if (this.skipped) directive = this.reporter.getSkip(this.message ?? undefined);
    else if (this.isTodo) directive = this.reporter.getTodo(this.message ?? undefined);
    if (this.reportedType) details.type = this.reportedType;
    if (this.passed) {
      this.reporter.ok(this.nesting, this.loc, this.testNumber, this.name, details, directive);
    } else {
      details.error = this.error;
      this.reporter.fail(this.nesting, this.loc, this.testNumber, this.name, details, directive);
    }
    for (const message of this.diagnostics) {
      this.reporter.diagnostic(this.nesting, this.loc, message);
    }
  }

  // The root's closing lines: its plan, its diagnostics and the counters.
  reportSummary() {
    const { counters } = this.harness;
    this.endTime ??= hrtime();
    const duration = this.duration();
    this.reporter.plan(this.subtests[0]?.nesting ?? 0, this.loc, this.subtests.length);
    for (const message of this.diagnostics) {
      this.reporter.diagnostic(this.nesting, this.loc, message);
    }
    this.reporter.diagnostic(this.nesting, this.loc, `tests ${counters.all}`);
    this.reporter.diagnostic(this.nesting, this.loc, `suites ${counters.suites}`);
    this.reporter.diagnostic(this.nesting, this.loc, `pass ${counters.passed}`);
    this.reporter.diagnostic(this.nesting, this.loc, `fail ${counters.failed}`);
    this.reporter.diagnostic(this.nesting, this.loc, `cancelled ${counters.cancelled}`);
    this.reporter.diagnostic(this.nesting, this.loc, `skipped ${counters.skipped}`);
    this.reporter.diagnostic(this.nesting, this.loc, `todo ${counters.todo}`);
    this.reporter.diagnostic(this.nesting, this.loc, `duration_ms ${duration}`);
    this.reporter.end();
  }

  async runHook(hookName, ctx) {
    validateOneOf(hookName, 'hook name', kHookNames);
    try {
      for (const hook of this.hooks[hookName]) {
        await hook.run(ctx);
        if (hook.error) throw hook.error;
      }
    } catch (err) {
      const error = testFailure(`failed running ${hookName} hook`, kHookFailure);
      error.cause = isTestFailureError(err) ? err.cause : err;
      throw error;
    }
  }
}

function lateFailure() {
  return testFailure('test could not be started because its parent finished', kParentAlreadyFinished);
}

// The root's `after` hooks run once its last queued test is done.
async function maybeRunRootAfterHooks(test) {
  const root = test.root;
  if (test.parent !== root || root.activeSubtests !== 0 || root.pendingSubtests.length !== 0 ||
      root.readySubtests.size !== 0 || root.hooks.after.length === 0) {
    return;
  }
  try {
    await root.runHook('after', root.getContext());
  } catch (err) {
    // No test is left to fail: Node reports the hook as a test of its own, named after
    // the file, outside the counters.
    const hook = root.hooks.after.find((h) => h.error !== null) ?? root.hooks.after[0];
    const details = { duration_ms: hook.duration(), error: err };
    root.reporter.fail(0, hook.loc, root.subtests.length + 1, hook.loc?.file ?? '<root>', details, undefined);
    root.harness.success = false;
  }
}

// A hook is a small test of its own: same callback/promise handling, timeout and signal.
const neverAborted = new AbortController().signal;

function abortReason(signal) {
  const error = signal.reason || new AbortError('The test was aborted');
  if (error !== null && typeof error === 'object') error.failureType = kAborted;
  return error;
}

class TestHook extends Test {
  constructor(fn, options) {
    const { hookType, loc, parent, timeout, signal } = options;
    super({ fn, loc, timeout, signal, harness: parent.root.harness, reporter: parent.reporter });
    this.parentTest = parent;
    this.hookType = hookType;
    this.ran = false;
  }

  isFilterExempt() {
    return true;
  }

  async run(ctx) {
    // before/after hooks run once; later calls only repeat their outcome.
    if ((this.hookType === 'before' || this.hookType === 'after') && this.ran) return;
    this.ran = true;
    // beforeEach/afterEach run again for every test, each time with a clean slate.
    this.passed = false;
    this.error = null;
    this.endTime = null;
    this.startTime = hrtime();
    const outer = this.outerSignal;
    if (outer?.aborted) {
      this.fail(abortReason(outer));
      this.hookPostRun();
      return;
    }
    let stop = null;
    try {
      stop = stopTest(this.timeout, outer ?? neverAborted);
      const parent = this.parentTest instanceof Suite ? this.parentTest : null;
      if (this.fn.length === 2) {
        const { promise, cb } = createDeferredCallback();
        const ret = callWithParent(parent, this.fn, ctx, [ctx, cb]);
        if (isPromiseLike(ret)) {
          this.fail(testFailure('passed a callback but also returned a Promise', kCallbackAndPromisePresent));
          await Promise.race([ret, stop.promise]);
        } else {
          await Promise.race([promise, stop.promise]);
        }
      } else {
        const ret = callWithParent(parent, this.fn, ctx, [ctx]);
        await Promise.race([Promise.resolve(ret), stop.promise]);
      }
      this.pass();
    } catch (err) {
      if (outer?.aborted) this.fail(abortReason(outer));
      else if (isTestFailureError(err)) this.fail(err);
      else this.fail(testFailure(err, kTestCodeFailure));
    } finally {
      stop?.dispose();
    }
    this.hookPostRun();
  }

  hookPostRun() {
    this.endTime ??= hrtime();
  }
}

class Suite extends Test {
  reportedType = 'suite';

  constructor(options) {
    super(options);
    if (getOptions().testOnly) this.runOnlySubtests = true;
    this.buildPhaseFinished = false;
    // An async describe function is the parent of tests created after its first await,
    // but not of those the synchronous code after describe() creates: it only becomes
    // the fallback parent once the current synchronous run ends. (Queued before the
    // function runs, so it precedes the function's own continuations.)
    this.asyncBuildStarted = false;
    queueMicrotask(() => { this.asyncBuildStarted = true; });
    try {
      const ctx = new SuiteContext(this);
      this.suiteContext = ctx;
      const result = callWithParent(this, this.fn, ctx, [ctx]);
      if (isPromiseLike(result)) {
        pendingBuilds.push(this);
        this.buildSuite = Promise.resolve(result).then(undefined, (err) => {
          this.fail(testFailure(err, kTestCodeFailure));
        }).finally(() => {
          const index = pendingBuilds.indexOf(this);
          if (index !== -1) pendingBuilds.splice(index, 1);
          this.buildPhaseFinished = true;
        });
      } else {
        this.buildSuite = Promise.resolve();
        this.buildPhaseFinished = true;
      }
    } catch (err) {
      this.fail(testFailure(err, kTestCodeFailure));
      this.buildSuite = Promise.resolve();
      this.buildPhaseFinished = true;
    }
    this.fn = noop;
  }

  isFilterExempt() {
    return true;
  }

  getContext() {
    return this.suiteContext;
  }

  async run() {
    let stop = null;
    try {
      this.parent.activeSubtests++;
      await this.buildSuite;
      this.startTime = hrtime();

      if (this.shouldAbort()) {
        this.subtests = [];
        this.postRun();
        return;
      }

      const ctx = this.getContext();
      if (this.parent.hooks.before.length > 0) {
        await this.parent.runHook('before', this.parent.getContext());
      }
      await this.runHook('before', ctx);
      stop = stopTest(this.timeout, this.signal);
      const subtests = this.skipped || this.error ? [] : this.subtests;
      const all = Promise.all(subtests.map((subtest) => subtest.start()));
      await Promise.race([all, stop.promise]);
      await this.runHook('after', ctx);
      this.pass();
    } catch (err) {
      if (isTestFailureError(err)) this.fail(err);
      else this.fail(testFailure(err, kTestCodeFailure));
    } finally {
      stop?.dispose();
    }
    this.postRun();
    await maybeRunRootAfterHooks(this);
  }
}

module.exports = {
  Test,
  Suite,
  TestHook,
  TestContext,
  SuiteContext,
  currentParent,
  currentRunningTest,
  kDefaultTimeout,
};
