// Failure kinds: callback misuse, timeouts, uncaught errors and rejections inside a test,
// cancelled subtests, late subtests, aborted signals, and tests pending at exit.
require('./fixtures/run_child').show('failures.js');
