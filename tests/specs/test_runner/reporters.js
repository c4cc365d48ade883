// The spec, dot and junit reporters, several reporters at once with destinations, a
// custom reporter module that prints the events themselves (their order shows how tests
// are queued, started and reported), and mismatched reporter flags.
const { show, runChild } = require('./fixtures/run_child');
show('reporters.js', ['--test-reporter=spec']);
show('reporters.js', ['--test-reporter=dot']);
show('reporters.js', ['--test-reporter=junit']);
show('reporters.js', ['--test-reporter=tap']);
show('reporters.js', ['--test-reporter=./events_reporter.mjs']);
show('reporters.js', [
  '--test-reporter=dot', '--test-reporter-destination=stderr',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
]);
for (const flags of [['--test-reporter=dot', '--test-reporter=tap'], ['--test-reporter-destination=stderr']]) {
  const { status, stderr, stdout } = runChild('reporters.js', flags);
  const message = stderr.split('\n').find((line) => line.startsWith('TypeError'));
  console.log(`=== ${flags.join(' ')} (exit ${status})`, JSON.stringify(stdout), message);
}
