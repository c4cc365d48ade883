// mock.timers: fake setTimeout/setInterval/setImmediate (global, `timers`,
// `timers/promises`) and Date driven by tick()/runAll()/setTime().
'use strict';
const { mock } = require('node:test');
const timersModule = require('timers');
const timersPromises = require('timers/promises');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.code, err.name, err.message);
  }
}

const realSetTimeout = setTimeout;
const realDate = Date;
const timers = mock.timers;
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(timers)));
attempt('tick before enable', () => timers.tick(1));
attempt('runAll before enable', () => timers.runAll());
attempt('unknown api', () => timers.enable({ apis: ['setTimeout', 'bogus'] }));
attempt('apis not an array', () => timers.enable({ apis: 'setTimeout' }));
attempt('now not a number', () => timers.enable({ now: 'x' }));
attempt('negative now', () => timers.enable({ now: -1 }));

timers.enable({ apis: ['setTimeout', 'setInterval'] });
attempt('enable twice', () => timers.enable());
console.log('globals swapped:', setTimeout !== realSetTimeout, timersModule.setTimeout === setTimeout);
setTimeout(() => console.log('timeout 10'), 10);
setTimeout((a, b) => console.log('timeout 5 with', a, b), 5, 'x', 'y');
const cleared = setTimeout(() => console.log('never'), 7);
clearTimeout(cleared);
const interval = setInterval(() => console.log('interval 3'), 3);
attempt('negative tick', () => timers.tick(-1));
timers.tick(6);
console.log('--- after 6');
clearInterval(interval);
timers.tick(10);
console.log('--- after 16');
setTimeout(() => console.log('runAll 1000'), 1000);
setTimeout(() => console.log('runAll 500'), 500);
timers.runAll();
timers.reset();
console.log('restored:', setTimeout === realSetTimeout, timersModule.setTimeout === realSetTimeout);

timers.enable({ apis: ['Date', 'setTimeout'], now: 1000 });
console.log(Date.now(), new Date().getTime(), new Date(5).getTime(), Date.isMock, new Date() instanceof realDate);
setTimeout(() => console.log('timer sees', Date.now()), 50);
timers.tick(100);
timers.setTime(5000);
console.log(Date.now());
timers.reset();
console.log('Date restored:', Date === realDate);

timers.enable({ apis: ['setTimeout', 'setImmediate'] });
setTimeout(() => console.log('timeout 0'), 0);
setImmediate(() => console.log('immediate'));
const fromPromise = timersPromises.setTimeout(20, 'resolved value');
fromPromise.then((value) => console.log('promise timer:', value));
timers.tick(20);
Promise.resolve().then(() => {
  timers.reset();
  console.log('done');
});
