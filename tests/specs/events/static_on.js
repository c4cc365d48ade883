// events.on(): async iteration over events, with close events, errors, abort and the
// high/low watermarks.
'use strict';
const { on, EventEmitter } = require('events');

(async () => {
  const ee = new EventEmitter();
  for (const options of [1, null, { signal: 1 }, { highWatermark: 0 }, { lowWatermark: 'x' },
    { highWatermark: 1.5 }]) {
    try {
      on(ee, 'x', options);
    } catch (err) {
      console.log(err.code, err.message);
    }
  }
  try {
    on(ee, 'x', { signal: AbortSignal.abort() });
  } catch (err) {
    console.log(err.name, err.code, err.message, err.cause.name);
  }

  const src = new EventEmitter();
  const it = on(src, 'data', { close: ['end'] });
  console.log(Reflect.ownKeys(it));
  console.log(Object.getPrototypeOf(it) ===
    Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));
  console.log(src.listenerCount('data'), src.listenerCount('error'), src.listenerCount('end'));
  process.nextTick(() => {
    src.emit('data', 1, 2);
    src.emit('data', 3);
    src.emit('end');
    src.emit('data', 'after end');
  });
  for await (const value of it) console.log('got', value);
  console.log('closed', src.listenerCount('data'), src.listenerCount('error'), src.listenerCount('end'));

  const failing = new EventEmitter();
  const it2 = on(failing, 'data');
  process.nextTick(() => failing.emit('error', new Error('broken')));
  try {
    for await (const value of it2) console.log(value);
  } catch (err) {
    console.log('error', err.message);
  }
  try {
    it2.throw('not an error');
  } catch (err) {
    console.log(err.code, err.message);
  }
  console.log(await it2.next(), await it2.return());

  const ac = new AbortController();
  const aborted = new EventEmitter();
  const it3 = on(aborted, 'tick', { signal: ac.signal });
  aborted.emit('tick', 'buffered');
  ac.abort('stop');
  try {
    for await (const value of it3) console.log('value before abort', value);
  } catch (err) {
    console.log(err.name, err.message, err.cause, aborted.listenerCount('tick'));
  }

  const thrower = new EventEmitter();
  const it4 = on(thrower, 'v');
  const pending = it4.next();
  it4.throw(new Error('thrown in'));
  try {
    await pending;
  } catch (err) {
    console.log('throw() rejects the pending next():', err.message);
  }
  console.log(await it4.next());

  // Back-pressure: pause() above highWatermark, resume() below lowWatermark.
  const pausable = new EventEmitter();
  pausable.pause = () => console.log('pause');
  pausable.resume = () => console.log('resume');
  const it5 = on(pausable, 'd', { highWatermark: 2, lowWatermark: 1 });
  for (let i = 1; i <= 4; i++) pausable.emit('d', i);
  for (let i = 0; i < 4; i++) console.log(await it5.next());
  for (let i = 5; i <= 7; i++) pausable.emit('d', i);
  await it5.return();
  // Buffered events are still delivered after return().
  console.log(await it5.next());

  const et = new EventTarget();
  const it6 = on(et, 'e');
  et.dispatchEvent(new Event('e'));
  const { value } = await it6.next();
  console.log(value.length, value[0].type);
  await it6.return();
})();
