// assert.ok() without a message prints the failing call's source text.
const assert = require('assert');

function show(fn) {
  try {
    fn();
  } catch (err) {
    console.log(JSON.stringify(err.message), err.generatedMessage);
  }
}

show(() => assert.ok(false));
show(() => assert(null));
show(() => assert(typeof 123 === 'string'));
show(() => {
  assert.ok(
    typeof 123 === 'string'
  );
});
show(() => {
  assert(true); assert(null, undefined);
});
show(() => {
  assert
    .ok(null, undefined);
});
show(() => assert['ok']['apply'](null, [0]));
show(() => assert.ok.call(null, 0));
show(() => assert.ok.call(null, 0, 'explicit message'));
show(() => {
  const wrapper = (fn, value) => fn(value);
  wrapper(assert, false);
});
show(() => {
  assert(
    [1, 2, 3].includes(4) &&
      'never'
  );
});
show(() => { try { assert.ok(0); } catch (err) { throw err; } });
show(() => assert.strict.ok(''));
show(() => assert.ok(`template ${1}` === 'x'));
show(() => assert.ok(/regex/.test('no')));
show(() => new Function('assert', 'assert(1 === 2);')(assert));
show(() => eval('assert.ok(1 === 2)'));
const cases = [
  () => assert.ok(false),
];
show(cases[0]);
show(() => assert.ok(0, undefined));
show(() => assert.ok(false, null));
