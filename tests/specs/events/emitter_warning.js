// MaxListenersExceededWarning: once per emitter and event, reported through
// process 'warning' (stderr is not compared).
'use strict';
const EventEmitter = require('events');

process.on('warning', (w) => {
  console.log('warning', w.name, JSON.stringify(w.message), Object.keys(w), w.count, String(w.type));
});

const e = new EventEmitter();
e.setMaxListeners(2);
for (let i = 0; i < 5; i++) e.on('w', () => {});
const sym = Symbol('leaky');
for (let i = 0; i < 3; i++) e.on(sym, () => {});
// Unlimited.
const u = new EventEmitter();
u.setMaxListeners(0);
for (let i = 0; i < 20; i++) u.on('x', () => {});
class Named extends EventEmitter {}
const n = new Named();
n.setMaxListeners(1);
n.on('y', () => {});
n.on('y', () => {});
// The default limit is 10.
const d = new EventEmitter();
for (let i = 0; i < 11; i++) d.on('default', () => {});
// EventTarget: one warning per target.
const et = new EventTarget();
for (let i = 0; i < 12; i++) et.addEventListener('foo', () => {});
for (let i = 0; i < 12; i++) et.addEventListener('bar', () => {});
const signal = new AbortController().signal;
for (let i = 0; i < 11; i++) signal.addEventListener('abort', () => {});
// A null listener only warns.
et.addEventListener('baz', null);
setTimeout(() => console.log('done'), 1);
