// With domains loaded, the first process 'uncaughtException' listener clears the domain
// stack; errors in domains without 'error' listeners reach process listeners; rejections
// inside a domain go to its 'error' event.
'use strict';
const domain = require('domain');

function onUncaught(err, origin) {
  console.log('uncaughtException:', err.message, origin, 'active:', process.domain,
              domain._stack.length, 'domainThrown' in err);
}
process.on('uncaughtException', onUncaught);
const names = process.listeners('uncaughtException').map((f) => f.name);
console.log('listeners:', names);
process.removeListener('uncaughtException', onUncaught);
console.log('after removal:', process.listeners('uncaughtException').map((f) => f.name));
process.on('uncaughtException', onUncaught);

const quiet = domain.create();
quiet.run(() => {
  setTimeout(() => {
    console.log('in quiet timer:', process.domain === quiet);
    throw new Error('quiet failure');
  }, 1);
});

const d = domain.create();
d.on('error', (e) => {
  console.log('d error:', e.message, e.domain === d, e.domainThrown, 'active:', process.domain);
});
setTimeout(() => {
  d.run(() => {
    Promise.reject(new Error('rejected in domain'));
  });
  Promise.reject(new Error('rejected outside')).catch((e) => console.log('handled:', e.message));
}, 5);
