// events.once(): resolves with the arguments, rejects on 'error', supports AbortSignal
// and EventTarget.
'use strict';
const { once, EventEmitter, getEventListeners } = require('events');

(async () => {
  const ee = new EventEmitter();
  process.nextTick(() => ee.emit('ready', 1, 2));
  console.log(await once(ee, 'ready'));
  console.log(ee.listenerCount('ready'), ee.listenerCount('error'));

  process.nextTick(() => ee.emit('error', new Error('failed')));
  try {
    await once(ee, 'ready');
  } catch (err) {
    console.log('rejected', err.message, ee.listenerCount('ready'), ee.listenerCount('error'));
  }

  process.nextTick(() => ee.emit('error', 'plain'));
  console.log('waiting for error itself', await once(ee, 'error'));

  for (const options of [1, null, 'x', { signal: 1 }]) {
    try {
      await once(ee, 'x', options);
    } catch (err) {
      console.log(err.code, err.message);
    }
  }
  try {
    await once(ee, 'x', { signal: AbortSignal.abort('early') });
  } catch (err) {
    console.log(err.name, err.code, err.message, err.cause);
  }
  const ac = new AbortController();
  const pending = once(ee, 'never', { signal: ac.signal });
  console.log(ee.listenerCount('never'), getEventListeners(ac.signal, 'abort').length);
  ac.abort(new Error('late'));
  try {
    await pending;
  } catch (err) {
    console.log(err.name, err.cause.message, ee.listenerCount('never'), ee.listenerCount('error'),
      getEventListeners(ac.signal, 'abort').length);
  }

  const et = new EventTarget();
  // once() still hears the event when another listener stops propagation.
  et.addEventListener('ping', (event) => event.stopImmediatePropagation());
  setTimeout(() => et.dispatchEvent(new Event('ping')), 1);
  const [event] = await once(et, 'ping');
  console.log(event.type, event instanceof Event, getEventListeners(et, 'ping').length);

  try {
    await once({}, 'x');
  } catch (err) {
    console.log(err.code, err.message);
  }
  console.log(once.length, once.name);
})();
