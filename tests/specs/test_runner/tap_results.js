// TAP output of passing, failing, skipped, todo and nested tests, with durations and
// stack frames outside the fixture normalized.
require('./fixtures/run_child').show('tap_results.js');
