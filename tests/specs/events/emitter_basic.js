// EventEmitter: registration order, once wrappers, removal, _events storage shape.
'use strict';
const EventEmitter = require('events');

const e = new EventEmitter();
console.log(e);
const log = [];
e.on('newListener', (type, fn) => log.push(`new ${String(type)} ${fn.name}`));
e.on('removeListener', (type, fn) => log.push(`remove ${String(type)} ${fn.name}`));
function a() { log.push('a'); }
function b() { log.push('b'); }
function c() { log.push('c'); }
function d() { log.push('d'); }
e.on('x', a);
console.log(typeof e._events.x, e._events.x === a);
e.prependListener('x', b);
console.log(Array.isArray(e._events.x), e._events.x.length);
e.once('x', c);
e.prependOnceListener('x', d);
console.log(e.listeners('x').map((f) => f.name));
console.log(e.rawListeners('x').map((f) => f.name));
console.log(e.rawListeners('x')[0].listener === d);
console.log(e.listenerCount('x'), e.listenerCount('x', c), e.listenerCount('x', a), e.listenerCount('none'));
console.log(e.emit('x', 1), e.emit('x'), e.emit('none'));
console.log(log);
console.log(e.eventNames(), e._eventsCount);
log.length = 0;
e.removeAllListeners('x');
console.log(e.eventNames(), log);
log.length = 0;
e.removeAllListeners();
console.log(e.eventNames(), e._events, log);

// `this` and arguments.
const e2 = new EventEmitter();
e2.on('args', function(...args) { console.log('args', this === e2, args); });
e2.emit('args');
e2.emit('args', 1, 'two', [3], { four: 4 }, null, undefined);
e2.once('once', function(...args) { console.log('once', this === e2, args, arguments.length); });
e2.emit('once', 'x');
console.log(e2.emit('once', 'y'));

// A listener removed during emit still runs in the current round.
const e3 = new EventEmitter();
const r2 = () => console.log('r2');
e3.on('z', () => { console.log('r1'); e3.removeListener('z', r2); });
e3.on('z', r2);
e3.emit('z');
e3.emit('z');

// Removing one of several identical listeners removes the last added.
const e4 = new EventEmitter();
const f = () => {};
const g = () => {};
e4.on('q', f).on('q', g).on('q', f);
e4.removeListener('q', f);
console.log(e4.listeners('q').map((fn) => (fn === f ? 'f' : 'g')));
e4.off('q', f);
console.log(typeof e4._events.q, e4._events.q === g);
e4.off('q', g);
console.log(e4._events, e4._eventsCount);

// once wrappers can be called directly and removed by the original function.
const e5 = new EventEmitter();
function onceFn() { console.log('onceFn', this === e5); }
e5.once('o', onceFn);
const raw = e5.rawListeners('o')[0];
console.log(raw.name, raw !== onceFn, raw.listener === onceFn);
raw();
raw();
console.log(e5.listenerCount('o'));
e5.once('p', onceFn);
e5.removeListener('p', onceFn);
console.log(e5.listenerCount('p'));

// Symbols and unusual names.
const e6 = new EventEmitter();
const sym = Symbol('sym');
e6.on(sym, () => console.log('symbol event'));
e6.on('__proto__', () => console.log('__proto__ event'));
e6.emit(sym);
e6.emit('__proto__');
console.log(e6.eventNames());

// Chaining.
console.log(e6.on('a', f) === e6, e6.off('a', f) === e6, e6.removeAllListeners('zz') === e6,
  e6.setMaxListeners(3) === e6, e6.prependListener('a', f) === e6, e6.once('a', f) === e6);

// 'newListener' sees the original function of a once() listener.
const e7 = new EventEmitter();
e7.on('newListener', (type, fn) => console.log('newListener', type, fn === onceFn));
e7.once('k', onceFn);
