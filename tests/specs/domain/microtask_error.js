// exit: 1
// queueMicrotask callbacks run in the domain they were queued in, but their errors are
// reported after the domain is left: the domain does not catch them (as in Node 21).
'use strict';
const domain = require('domain');
const d = domain.create();
d.on('error', (e) => console.log('domain caught (unexpected):', e.message));
process.on('uncaughtExceptionMonitor', (e, origin) => {
  console.log('monitor:', e.message, origin, 'active:', process.domain, 'domainThrown' in e);
});
process.on('exit', (code) => console.log('exit', code));
d.run(() => {
  queueMicrotask(() => {
    console.log('in microtask:', process.domain === d);
    throw new Error('microtask failure');
  });
});
