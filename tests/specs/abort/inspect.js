// inspect() output of AbortController and AbortSignal.
'use strict';
const { inspect } = require('util');

const ac = new AbortController();
console.log(ac);
console.log(ac.signal);
console.log(inspect(ac, { depth: 0 }));
console.log(inspect(ac.signal, { depth: -1 }));
console.log(inspect(ac.signal, { depth: 0 }));
console.log([ac.signal]);
ac.abort();
console.log(ac, ac.signal);
console.log(inspect({ x: { y: { z: ac } } }));
console.log(inspect({ x: { y: { z: ac.signal } } }));
