// The TestContext and SuiteContext objects, per-test mocks, and what test()/it() return.
require('./fixtures/run_child').show('context.js');
