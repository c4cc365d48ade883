// --test-name-pattern skips tests whose name (and whose ancestors' names) do not match.
const { show } = require('./fixtures/run_child');
show('name_pattern.js', ['--test-name-pattern=alpha']);
show('name_pattern.js', ['--test-name-pattern', '/^BETA$/i']);
