// EventEmitter: the 'error' event, errorMonitor and argument validation.
'use strict';
const EventEmitter = require('events');

function show(fn) {
  try {
    const r = fn();
    console.log('ok', r);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

const e = new EventEmitter();
for (const value of [undefined, null, 42, 'str', { a: 1 }, [1, 2], Symbol('s')]) {
  try {
    e.emit('error', value);
  } catch (err) {
    console.log(err.name, err.code, err.message, err.context === value);
  }
}
try {
  e.emit('error');
} catch (err) {
  console.log(err.message, 'context' in err, err.context);
}
const boom = new Error('boom');
try {
  e.emit('error', boom);
} catch (err) {
  console.log(err === boom, err.message);
}
class MyError extends Error {}
try {
  e.emit('error', new MyError('mine'));
} catch (err) {
  console.log(err instanceof MyError, err.message);
}

e.on(EventEmitter.errorMonitor, (err) => console.log('monitor saw', err.message));
try {
  e.emit('error', new Error('monitored'));
} catch (err) {
  console.log('still thrown', err.message);
}
e.on('error', (err) => console.log('handled', err.message));
console.log(e.emit('error', new Error('with handler')));

// Invalid listeners.
for (const method of ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener',
  'removeListener', 'off']) {
  show(() => e[method]('x', 'not a function'));
}
show(() => e.on('x', null));
show(() => e.on('x', { handleEvent() {} }));

// setMaxListeners / defaultMaxListeners validation.
for (const n of [-1, 'a', NaN, 1.5, Infinity, 0]) show(() => e.setMaxListeners(n).getMaxListeners());
for (const n of [-1, 'a', NaN, 3]) {
  show(() => {
    EventEmitter.defaultMaxListeners = n;
    return EventEmitter.defaultMaxListeners;
  });
}
EventEmitter.defaultMaxListeners = 10;
for (const v of [1, 'yes', undefined, null]) {
  show(() => {
    EventEmitter.captureRejections = v;
  });
}
for (const v of [1, 'a', null, 0, false]) show(() => new EventEmitter({ captureRejections: v }) instanceof EventEmitter);
show(() => EventEmitter.setMaxListeners(-5));
show(() => EventEmitter.setMaxListeners(1, {}));
show(() => EventEmitter.getMaxListeners({}));
show(() => EventEmitter.getEventListeners({}, 'x'));
show(() => EventEmitter.getEventListeners(null, 'x'));

// A throwing listener propagates out of emit and stops the round.
const t = new EventEmitter();
t.on('t', () => { throw new Error('listener threw'); });
t.on('t', () => console.log('not reached'));
show(() => t.emit('t'));
