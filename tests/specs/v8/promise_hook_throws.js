'use strict';
// An exception thrown by a promise hook is an uncaught exception; the promise operation
// that ran the hook still completes.
const { promiseHooks } = require('v8');
process.on('uncaughtException', (err, origin) => {
  console.log('uncaught', err.message, origin);
});
const stop = promiseHooks.onInit(() => { throw new Error('hook boom'); });
let p;
try {
  p = Promise.resolve(1);
  console.log('returned', p);
} catch (e) {
  console.log('caught', e.message);
}
stop();
p.then((v) => console.log('value', v));
const stop2 = promiseHooks.onSettled(() => { throw new Error('settled boom'); });
Promise.reject(new Error('r')).catch(() => console.log('rejection handled'));
stop2();
console.log('end');
