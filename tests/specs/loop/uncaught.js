// uncaughtException handlers see errors from timers, ticks and immediates; the loop goes on.
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin);
});
setTimeout(() => { throw new Error('from timeout'); }, 1);
setTimeout(() => console.log('later timeout still runs'), 2);
process.nextTick(() => { throw new Error('from tick'); });
setImmediate(() => { throw new Error('from immediate'); });
