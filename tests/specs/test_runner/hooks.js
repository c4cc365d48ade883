// before/after/beforeEach/afterEach: order, arguments, and failures (hook output goes to
// stderr so it does not interleave with the report).
require('./fixtures/run_child').show('hooks.js');
