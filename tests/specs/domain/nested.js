// Nested domains: a throwing error handler passes the new error to the enclosing domain;
// a domain without an 'error' listener lets an enclosing one catch the error; a throw in
// the outermost handler is fatal. Synchronous throws inside run() are caught too.
'use strict';
const domain = require('domain');

const outer = domain.create();
const inner = domain.create();
outer.on('error', (e) => {
  console.log('outer caught:', e.message, e.domain === outer, e.domainThrown,
              'stack:', domain._stack.length, process.domain);
});
inner.on('error', (e) => {
  console.log('inner caught:', e.message, e.domain === inner,
              'stack:', domain._stack.length, process.domain === outer);
  throw new Error('rethrown by inner');
});

outer.run(() => {
  inner.run(() => {
    throw new Error('sync throw');
  });
});
