// unhandledRejection / rejectionHandled events, and a handled rejection later.
process.on('unhandledRejection', (reason, p) => {
  console.log('unhandled', reason.message, p instanceof Promise);
  setTimeout(() => p.catch(() => console.log('caught late')), 1);
});
process.on('rejectionHandled', (p) => console.log('rejectionHandled', p instanceof Promise));
Promise.reject(new Error('first'));
const ok = Promise.reject(new Error('handled in time'));
ok.catch(() => console.log('handled in time'));
