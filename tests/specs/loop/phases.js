// Ordering of nextTick, microtasks, timers, immediates and I/O callbacks (as in Node).
const fs = require('fs');
const log = [];
const out = (s) => log.push(s);
process.on('exit', () => console.log(log.join('\n')));

process.nextTick(() => out('tick 1'));
Promise.resolve().then(() => {
  out('micro 1');
  process.nextTick(() => out('tick from micro'));
});
queueMicrotask(() => out('queueMicrotask'));
process.nextTick(() => {
  out('tick 2');
  Promise.resolve().then(() => out('micro from tick'));
});
fs.stat(__filename, () => {
  out('io callback');
  setTimeout(() => out('timeout from io'), 0);
  setImmediate(() => out('immediate from io'));
  process.nextTick(() => out('tick from io'));
});
out('main end');
