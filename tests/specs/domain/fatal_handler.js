// exit: 7
// The outermost domain's error handler throws: fatal, exit code 7, no 'exit' event.
'use strict';
const domain = require('domain');
const d = domain.create();
d.on('error', (e) => {
  console.log('handler got', e.message);
  throw new Error('handler failed');
});
process.on('exit', (code) => console.log('exit event', code));
d.run(() => {
  setTimeout(() => {
    throw new Error('in timer');
  }, 1);
});
