// assert.throws / doesNotThrow / rejects / doesNotReject with every kind of `error` argument.
const assert = require('assert');

function show(fn) {
  try {
    fn();
    console.log('passed');
  } catch (err) {
    console.log(`${err.name} ${err.code} generated=${err.generatedMessage} operator=${err.operator}`);
    console.log(JSON.stringify(err.message));
  }
}

const throwType = () => {
  throw new TypeError('wrong type');
};
const throwCoded = () => {
  const err = new TypeError('Wrong value');
  err.code = 404;
  throw err;
};

show(() => assert.throws(throwType));
show(() => assert.throws(throwType, TypeError));
show(() => assert.throws(throwType, Error));
show(() => assert.throws(throwType, /wrong/));
show(() => assert.throws(throwType, { name: 'TypeError', message: 'wrong type' }));
show(() => assert.throws(throwType, { message: /wrong/ }));
show(() => assert.throws(throwType, (err) => err instanceof TypeError));
show(() => assert.throws(throwType, new TypeError('wrong type')));
show(() => assert.throws(throwType, 'message only'));
show(() => assert.throws(() => {}));
show(() => assert.throws(() => {}, TypeError));
show(() => assert.throws(() => {}, 'should have thrown'));
show(() => assert.throws(() => {}, TypeError, 'with message'));
show(() => assert.throws(() => {}, { name: 'X' }));
show(() => assert.throws(throwType, RangeError));
show(() => assert.throws(throwType, RangeError, 'custom'));
show(() => assert.throws(throwType, /nomatch/));
show(() => assert.throws(throwType, { message: 'other' }));
show(() => assert.throws(throwType, { message: /other/, name: 'TypeError' }));
show(() => assert.throws(throwType, { message: 'other' }, 'custom message'));
show(() => assert.throws(throwCoded, { name: 'TypeError', message: 'Wrong value', code: 404 }));
show(() => assert.throws(throwCoded, { name: 'TypeError', message: 'Wrong value', code: '404', foo: undefined }));
show(() => assert.throws(throwType, new Error('wrong type')));
show(() => assert.throws(() => { throw new Error('foo'); }, new Error('')));
show(() => assert.throws(throwType, (err) => false));
show(() => assert.throws(throwType, function validator() { return 'not true'; }));
show(() => assert.throws(() => { throw Symbol('sym'); }, RangeError));
show(() => assert.throws(() => { throw [1, 2]; }, RangeError));
show(() => assert.throws(() => { throw 'str'; }, /str/));
show(() => assert.throws(() => { throw null; }, { message: 'x' }));
show(() => assert.throws(() => { throw undefined; }, /undefined/));
show(() => assert.throws(() => { throw new Error('e'); }, {}));
show(() => assert.throws(() => { throw 'foo'; }, 'foo'));
show(() => assert.throws(() => { throw new TypeError('foo'); }, 'foo'));
show(() => assert.throws(() => {}, 'Error message', 'message'));
show(() => assert.throws(() => {}, 1));
show(() => assert.throws('not a function'));
{
  class ES6Error extends Error {}
  class Other extends Error {}
  show(() => assert.throws(() => { throw new Other('foo'); }, ES6Error));
}
show(() => assert.doesNotThrow(() => {}));
show(() => assert.doesNotThrow(throwType));
show(() => assert.doesNotThrow(throwType, 'user message'));
show(() => assert.doesNotThrow(throwType, TypeError));
show(() => assert.doesNotThrow(throwType, TypeError, 'with message'));
show(() => assert.doesNotThrow(throwType, RangeError));
show(() => assert.doesNotThrow(throwType, /wrong/));
show(() => assert.doesNotThrow(throwType, { message: 'x' }));
show(() => assert.doesNotThrow(() => { throw undefined; }));
show(() => assert.doesNotThrow(1));

async function showAsync(fn) {
  try {
    await fn();
    console.log('passed');
  } catch (err) {
    console.log(`${err.name} ${err.code} generated=${err.generatedMessage} operator=${err.operator}`);
    console.log(JSON.stringify(err.message));
  }
}

(async () => {
  await showAsync(() => assert.rejects(Promise.reject(new Error('r'))));
  await showAsync(() => assert.rejects(async () => { throw new TypeError('t'); }, TypeError));
  await showAsync(() => assert.rejects(Promise.reject(new Error('r')), { message: 'r' }));
  await showAsync(() => assert.rejects(Promise.resolve(1)));
  await showAsync(() => assert.rejects(Promise.resolve(1), 'rejects message'));
  await showAsync(() => assert.rejects(async () => { throw new Error('x'); }, RangeError));
  await showAsync(() => assert.rejects(() => 1));
  await showAsync(() => assert.rejects(() => null));
  await showAsync(() => assert.rejects(1));
  await showAsync(() => assert.rejects(() => { throw new Error('sync throw'); }));
  await showAsync(() => assert.rejects({ then() {}, catch() {} }));
  await showAsync(() => assert.doesNotReject(Promise.resolve(1)));
  await showAsync(() => assert.doesNotReject(async () => 1));
  await showAsync(() => assert.doesNotReject(Promise.reject(new Error('unwanted'))));
  await showAsync(() => assert.doesNotReject(Promise.reject(new Error('unwanted')), 'msg'));
  await showAsync(() => assert.doesNotReject(() => 'not a promise'));
  console.log(assert.rejects(Promise.reject(1)) instanceof Promise);
})();
