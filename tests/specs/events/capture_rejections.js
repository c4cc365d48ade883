// captureRejections: rejected listener promises become 'error' events or go to
// Symbol.for('nodejs.rejection').
'use strict';
const EventEmitter = require('events');

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

(async () => {
  const e = new EventEmitter({ captureRejections: true });
  e.on('x', async () => { throw new Error('rejected listener'); });
  e.on('error', (err) => console.log('error event:', err.message));
  e.emit('x');
  await tick();

  const h = new EventEmitter({ captureRejections: true });
  h[Symbol.for('nodejs.rejection')] = (err, type, ...args) => {
    console.log('rejection hook:', err.message, type, args);
  };
  h.on('y', async () => { throw new Error('to the hook'); });
  h.emit('y', 1, 2);
  await tick();

  EventEmitter.captureRejections = true;
  const g = new EventEmitter();
  g.on('z', async () => { throw new Error('global default'); });
  g.on('error', (err) => console.log('global:', err.message));
  g.emit('z');
  EventEmitter.captureRejections = false;
  await tick();

  const t = new EventEmitter({ captureRejections: true });
  t.on('t', () => ({ get then() { throw new Error('then getter threw'); } }));
  t.on('error', (err) => console.log('sync error event:', err.message));
  t.emit('t');

  // Without captureRejections the rejection is unhandled.
  process.on('unhandledRejection', (err) => console.log('unhandledRejection:', err.message));
  const n = new EventEmitter();
  n.on('n', async () => { throw new Error('not captured'); });
  n.emit('n');
  await tick();
  console.log('done');
})();
