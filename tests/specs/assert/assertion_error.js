// assert.AssertionError: constructor, properties, inspection, CallTracker.
const assert = require('assert');
const { inspect } = require('util');

const err = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(err.name, err.code, err.actual, err.expected, err.operator, err.generatedMessage);
console.log(JSON.stringify(err.message));
console.log(err instanceof Error, err instanceof assert.AssertionError, String(err).split('\n')[0]);
console.log(Object.keys(err).join(' '));
console.log(err.stack.split('\n')[0]);

const custom = new assert.AssertionError({ message: 'custom', actual: 'a', expected: 'b', operator: 'op' });
console.log(custom.message, custom.generatedMessage, custom.actual, custom.expected, custom.operator);

for (const operator of ['deepStrictEqual', 'notDeepStrictEqual', 'notStrictEqual', 'deepEqual', 'notDeepEqual', '==', 'fail', undefined]) {
  const e = new assert.AssertionError({ actual: { a: 1 }, expected: { a: 2 }, operator });
  console.log(operator, JSON.stringify(e.message));
}

for (const bad of [1, null, 'str', undefined]) {
  try {
    new assert.AssertionError(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}

// Inspection shortens long string values.
try {
  assert.strictEqual('A'.repeat(1000), '');
} catch (e) {
  const lines = inspect(e).split('\n').filter((l) => !l.startsWith('    at '));
  console.log(lines.slice(-6).map((l) => l.slice(0, 60)).join('\n'));
}
try {
  assert.strictEqual('line\n'.repeat(15), '');
} catch (e) {
  console.log(inspect(e).split('\n').filter((l) => !l.startsWith('    at ')).slice(-16).join('\n'));
}
try {
  assert.deepStrictEqual(Array(100).fill(1), 'foobar');
} catch (e) {
  console.log(inspect(e).split('\n').filter((l) => !l.startsWith('    at ')).slice(-6).join('\n'));
}

// Deprecated multi-argument assert.fail().
for (const args of [[1, 2], [1, 2, undefined, '>'], [1, 2, 'message'], [1, 2, undefined]]) {
  try {
    assert.fail(...args);
  } catch (e) {
    console.log(JSON.stringify(e.message), e.operator, e.generatedMessage, e.actual, e.expected);
  }
}

// CallTracker (deprecated).
const tracker = new assert.CallTracker();
function foo() {}
const tracked = tracker.calls(foo, 2);
tracked(1, 'a');
console.log(tracker.report().map(({ message, actual, expected, operator }) => ({ message, actual, expected, operator })));
console.log(tracker.getCalls(tracked));
try {
  tracker.verify();
} catch (e) {
  console.log(e.message, e.code);
}
tracked();
tracker.verify();
console.log('verified');
const tracked2 = tracker.calls();
const tracked3 = tracker.calls(3);
try {
  tracker.verify();
} catch (e) {
  console.log(e.message, Object.keys(e).join(','));
}
tracker.reset(tracked2);
tracker.reset();
console.log(tracker.getCalls(tracked), tracker.getCalls(tracked3));
for (const bad of [() => tracker.getCalls(foo), () => tracker.calls(foo, 0), () => tracker.calls(foo, 1.5)]) {
  try {
    bad();
  } catch (e) {
    console.log(e.code, e.message);
  }
}
