// Domain objects, the domain stack, process.domain / domain.active, run/bind/intercept,
// add/remove and the module's shape.
'use strict';
const EventEmitter = require('events');
console.log('before require:', EventEmitter.usingDomains);
const domain = require('domain');
console.log('keys:', Object.keys(domain));
console.log('usingDomains:', EventEmitter.usingDomains);
console.log('active:', domain.active, 'process.domain:', process.domain, domain._stack);
const desc = Object.getOwnPropertyDescriptor(process, 'domain');
console.log('process.domain descriptor:', typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable);

const d = domain.create();
console.log(d instanceof domain.Domain, d instanceof EventEmitter, domain.createDomain === domain.create);
console.log('own:', Object.getOwnPropertyNames(d));
console.log('proto:', Object.getOwnPropertyNames(domain.Domain.prototype));
console.log('d.domain:', d.domain, 'members:', d.members);
console.log('listeners:', d.eventNames(), d.listenerCount('newListener'));
console.log('Domain.length', domain.Domain.length, 'dispose' in d);

// enter / exit and the stack
const d2 = domain.create();
d.enter();
console.log('entered d:', process.domain === d, domain.active === d, domain._stack.length);
d2.enter();
console.log('entered d2:', process.domain === d2, domain._stack.length);
d.enter();
console.log('d again:', domain._stack.length);
d.exit();
console.log('exit d (last):', process.domain === d2, domain._stack.length);
d.exit();
console.log('exit d again pops d2 too:', process.domain, domain.active, domain._stack.length);
d.exit();
console.log('exit when not on stack:', domain._stack.length);

// run
const ret = d.run(function(a, b) {
  console.log('in run:', process.domain === d, this === d, a, b);
  return a + b;
}, 2, 3);
console.log('run returned', ret, 'after run:', process.domain);

// bind
const bound = d.bind(function(x) {
  'use strict';
  return [this, x, process.domain === d];
});
console.log('bound:', bound.name, bound.length, bound.domain === d,
            Object.getOwnPropertyDescriptor(bound, 'domain').enumerable);
console.log(bound.call('self', 7));

// intercept
const seen = [];
d.on('error', (err) => seen.push([err.message, err.domain === d, err.domainThrown,
                                  err.domainBound === cb, Object.keys(err)]));
function cb(a, b) {
  return [a, b, process.domain === d];
}
const intercepted = d.intercept(cb);
console.log('intercepted:', intercepted.name, intercepted.length, intercepted.domain);
console.log(intercepted(null, 'x', 'y'));
console.log(intercepted(new Error('failed'), 'x'));
console.log(intercepted('not an error', 'x'));
console.log(seen);

// add / remove
const ee = new EventEmitter();
console.log('ee.domain before add:', ee.domain, Object.getOwnPropertyNames(ee));
d.add(ee);
console.log('added:', ee.domain === d, d.members.length, d.members[0] === ee);
d.add(ee);
console.log('added twice:', d.members.length);
d2.add(ee);
console.log('moved:', ee.domain === d2, d.members.length, d2.members.length);
d2.remove(ee);
console.log('removed:', ee.domain, d2.members.length);
// Cycles between domains are refused.
const a = domain.create();
const b = domain.create();
a.add(b);
b.add(a);
console.log('cycle:', b.domain === a, a.domain, a.members.length, b.members.length);
// Timers can be added too (it does not change where their callback runs).
const t = setTimeout(() => {}, 1);
d.add(t);
console.log('timer added:', t.domain === d);
clearTimeout(t);
