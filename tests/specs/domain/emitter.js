// EventEmitters and domains: emitters created while a domain is active belong to it, their
// listeners run inside it, and an unhandled 'error' goes to the domain's 'error' event with
// err.domainEmitter / err.domainThrown = false.
'use strict';
const EventEmitter = require('events');
const domain = require('domain');

const d = domain.create();
const outer = domain.create();
outer.on('error', () => console.log('outer should not see this'));
const errors = [];
d.on('error', (er) => {
  errors.push(er);
  console.log('domain error:', typeof er === 'object' ? er.message : er,
              typeof er === 'object' ? [er.domain === d, er.domainThrown, er.domainEmitter !== undefined] : '',
              'active:', process.domain === outer ? 'outer' : process.domain, domain._stack.length);
});

const outside = new EventEmitter();
console.log('outside.domain:', outside.domain);

let inside;
d.run(() => {
  inside = new EventEmitter();
  console.log('inside.domain:', inside.domain === d,
              Object.getOwnPropertyDescriptor(inside, 'domain').enumerable);
  // A Domain created inside another one does not belong to it.
  const child = domain.create();
  console.log('child.domain:', child.domain);
});

inside.on('ping', (x) => console.log('ping listener in domain:', process.domain === d, x));
console.log('emit ping returned', inside.emit('ping', 1));
console.log('after emit:', process.domain, domain._stack.length);

// Unhandled 'error' on an emitter of the domain: routed, emit() returns false.
const err = new Error('emitter failed');
console.log('emit error returned', inside.emit('error', err));
console.log('domainEmitter is inside:', err.domainEmitter === inside, Object.keys(err));

// With an 'error' listener of its own, the emitter handles it.
const handled = new EventEmitter();
d.add(handled);
handled.on('error', (e) => console.log('own listener:', e.message, e.domain));
console.log('handled emit returned', handled.emit('error', new Error('own')));

// Error values other than objects are passed through; falsy ones become ERR_UNHANDLED_ERROR.
for (const value of [undefined, null, false, 0, 42, 'text', true]) {
  const e = new EventEmitter();
  d.add(e);
  if (value === undefined) e.emit('error');
  else e.emit('error', value);
}
const last = errors.filter((e) => e instanceof Error && e.code === 'ERR_UNHANDLED_ERROR');
console.log('ERR_UNHANDLED_ERROR count:', last.length, last[0].message, last[0].name);

// The domain's handler runs outside the emitting domain; the stack is restored after.
outer.run(() => {
  d.run(() => {
    const e = new EventEmitter();
    console.log('stack before:', domain._stack.length, process.domain === d);
    e.emit('error', new Error('nested emit'));
    console.log('stack after:', domain._stack.length, process.domain === d);
  });
});

// Without any listener on the domain, emitting 'error' on the domain throws.
const bare = domain.create();
const e2 = new EventEmitter();
bare.add(e2);
try {
  e2.emit('error', new Error('nobody listens'));
} catch (thrown) {
  console.log('thrown:', thrown.message, thrown.domainEmitter === e2);
}
console.log('stack at end:', domain._stack.length, process.domain);
