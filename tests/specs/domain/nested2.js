// A domain without listeners inside one with a listener: the outer one gets the error.
'use strict';
const domain = require('domain');

const outer = domain.create();
const silent = domain.create();
outer.on('error', (e) => {
  console.log('outer caught:', e.message, e.domain === outer, e.domainThrown, domain._stack.length);
  setTimeout(() => console.log('later: active', process.domain, domain._stack.length), 1);
});
console.log('capture callback before:', process.hasUncaughtExceptionCaptureCallback());
outer.run(() => {
  silent.run(() => {
    console.log('stack inside:', domain._stack.length, process.domain === silent);
    throw new Error('from silent');
  });
});
console.log('not reached');
