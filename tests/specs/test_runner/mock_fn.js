// mock.fn(): call records, implementations (permanent, once, for `times` calls),
// constructors, errors, restore and argument validation.
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

const sum = mock.fn(function add(a, b) { return a + b; });
console.log(sum(1, 2), sum.name, sum.length, typeof sum, Object.keys(sum));
console.log(sum.mock.callCount(), sum.mock.calls.length, sum.mock.calls === sum.mock.calls);
const [first] = sum.mock.calls;
console.log(Object.keys(first), Object.getPrototypeOf(first));
console.log(first.arguments, first.result, first.error, first.target, first.this, first.stack instanceof Error);
sum.call('receiver', 2, 3);
console.log(sum.mock.calls[1].this, sum.mock.calls[1].result);

const empty = mock.fn();
console.log(empty.name, empty.length, empty(), empty.mock.calls[0].result);

const limited = mock.fn(() => 'original', () => 'mocked', { times: 2 });
console.log(limited(), limited(), limited(), limited.mock.callCount());
limited.mock.mockImplementation(() => 'replaced');
console.log(limited());
limited.mock.mockImplementationOnce(() => 'once');
console.log(limited(), limited());
limited.mock.mockImplementationOnce(() => 'on call 9', 9);
console.log(limited(), limited(), limited(), limited.mock.callCount());
limited.mock.resetCalls();
console.log(limited.mock.callCount());
limited.mock.restore();
console.log(limited());

const throwing = mock.fn(() => { throw new Error('boom'); });
attempt('throwing', () => throwing(1));
console.log(throwing.mock.calls[0].error.message, throwing.mock.calls[0].result);

class Point {
  constructor(x) { this.x = x; }
}
const MockPoint = mock.fn(Point);
const p = new MockPoint(7);
const construct = MockPoint.mock.calls[0];
console.log(p, p instanceof Point, construct.target === Point, construct.this === p, construct.result === p);

const asyncFn = mock.fn(async () => 5);
const promise = asyncFn();
console.log(asyncFn.mock.calls[0].result === promise);

attempt('original not a function', () => mock.fn(1));
attempt('implementation not a function', () => mock.fn(() => {}, 2));
attempt('times 0', () => mock.fn(() => {}, () => {}, { times: 0 }));
attempt('times fraction', () => mock.fn(() => {}, () => {}, { times: 1.5 }));
attempt('options not an object', () => mock.fn(() => {}, () => {}, 5));
attempt('options first', () => mock.fn({ times: 1 }));
const once = mock.fn();
attempt('mockImplementation(5)', () => once.mock.mockImplementation(5));
attempt('mockImplementationOnce(5)', () => once.mock.mockImplementationOnce(5));
attempt('onCall -1', () => once.mock.mockImplementationOnce(() => {}, -1));
once();
once();
attempt('onCall in the past', () => once.mock.mockImplementationOnce(() => {}, 1));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(once.mock)));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(mock)));
console.log(mock.fn.length, mock.method.length, mock.getter.length, mock.setter.length,
  once.mock.mockImplementationOnce.length);
