// mock.method()/getter()/setter(): replacing properties, prototype methods, `times`,
// restore, reset/restoreAll, and argument validation.
'use strict';
const { mock } = require('node:test');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.code, err.name, err.message);
  }
}

const obj = {
  value: 1,
  get prop() { return this.value; },
  set prop(v) { this.value = v; },
  double(a) { return a * 2 + this.value; },
};
const original = obj.double;
const spy = mock.method(obj, 'double');
console.log(obj.double(3), spy.mock.calls[0].this === obj, spy.mock.calls[0].arguments);
console.log(obj.double === spy, obj.double.name, obj.double.length);
spy.mock.mockImplementation((a) => -a);
console.log(obj.double(3));
spy.mock.restore();
console.log(obj.double === original, obj.double(3), Object.keys(obj));

const getter = mock.getter(obj, 'prop', () => 42);
console.log(obj.prop, getter.mock.callCount());
const setter = mock.setter(obj, 'prop', function(v) { this.value = v * 10; });
obj.prop = 2;
console.log(obj.value, setter.mock.calls[0].arguments);
mock.restoreAll();
console.log(obj.prop);
obj.prop = 5;
console.log(obj.value);

const timesObj = { m() { return 'real'; } };
const timesOriginal = timesObj.m;
const timed = mock.method(timesObj, 'm', () => 'fake', { times: 1 });
console.log(timesObj.m(), timesObj.m === timesOriginal, timesObj.m(), timed.mock.callCount());

class Base {
  hello() { return 'base'; }
}
const instance = new Base();
const protoMock = mock.method(instance, 'hello', () => 'mocked');
console.log(instance.hello(), Object.keys(instance), Object.hasOwn(instance, 'hello'));
protoMock.mock.restore();
console.log(instance.hello(), Object.keys(instance), Object.hasOwn(instance, 'hello'));

const fnTarget = function target() {};
fnTarget.helper = () => 'helper';
mock.method(fnTarget, 'helper', () => 'mocked helper');
console.log(fnTarget.helper());
mock.reset();
console.log(fnTarget.helper());

attempt('missing method', () => mock.method({}, 'x'));
attempt('not a method', () => mock.method({ x: 1 }, 'x'));
attempt('null object', () => mock.method(null, 'x'));
attempt('bad name', () => mock.method({ x() {} }, 5));
attempt('bad implementation', () => mock.method({ x() {} }, 'x', 5));
attempt('getter on a method', () => mock.method({ x() {} }, 'x', { getter: true }));
attempt('getter and setter', () => mock.method({ x() {} }, 'x', { getter: true, setter: true }));
attempt('getter false', () => mock.getter({ x() {} }, 'x', () => 1, { getter: false }));
attempt('setter false', () => mock.setter({ x() {} }, 'x', () => 1, { setter: false }));
attempt('times -1', () => mock.method({ x() {} }, 'x', () => {}, { times: -1 }));
attempt('getter not boolean', () => mock.method({ x() {} }, 'x', { getter: 1 }));
