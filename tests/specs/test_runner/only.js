// `only` tests: without --test-only they all run (with a diagnostic), with it the others
// are skipped.
const { show } = require('./fixtures/run_child');
show('only.js');
show('only.js', ['--test-only']);
