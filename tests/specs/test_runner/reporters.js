// The spec, dot and junit reporters, and a custom reporter module that prints the
// events themselves (their order shows how tests are queued, started and reported).
const { show } = require('./fixtures/run_child');
show('reporters.js', ['--test-reporter=spec']);
show('reporters.js', ['--test-reporter=dot']);
show('reporters.js', ['--test-reporter=junit']);
show('reporters.js', ['--test-reporter=tap']);
show('reporters.js', ['--test-reporter=./events_reporter.mjs']);
