'use strict';
// v8.promiseHooks: init/before/after/settled events on the context's promises.
const { promiseHooks } = require('v8');

function attempt(label, fn) {
  try {
    console.log(label, typeof fn());
  } catch (e) {
    console.log(label, 'threw', e.name, JSON.stringify(e.message), e.code);
  }
}

for (const name of ['onInit', 'onBefore', 'onAfter', 'onSettled']) {
  attempt(name, () => promiseHooks[name](async () => {}));
  attempt(name, () => promiseHooks[name](async function* gen() {}));
  attempt(name, () => promiseHooks[name](1));
  attempt(name, () => promiseHooks[name]());
}
attempt('createHook()', () => promiseHooks.createHook());
attempt('createHook(1)', () => promiseHooks.createHook(1));
attempt('createHook(null)', () => promiseHooks.createHook(null));
attempt('createHook init: 1', () => promiseHooks.createHook({ init: 1 }));
attempt('createHook settled: async', () => promiseHooks.createHook({ settled: async () => {} }));
attempt('createHook init: 0', () => promiseHooks.createHook({ init: 0 }));

const ids = new WeakMap();
let next = 0;
const id = (p) => {
  if (p === undefined) return '-';
  if (!ids.has(p)) ids.set(p, ++next);
  return ids.get(p);
};
const log = [];
const stop = promiseHooks.createHook({
  init(promise, parent) { log.push(`init ${id(promise)} parent ${id(parent)}`); },
  before(promise) { log.push(`before ${id(promise)}`); },
  after(promise) { log.push(`after ${id(promise)}`); },
  settled(promise) { log.push(`settled ${id(promise)}`); },
});

const a = Promise.resolve(1);
const b = a.then((v) => v + 1);
const c = b.then(() => { throw new Error('x'); }).catch(() => 'caught');
new Promise(() => {});
const pending = new Promise((resolve) => setTimeout(resolve, 1));
pending.then(() => {
  stop();
  stop();
  Promise.resolve().then(() => {});
  console.log(log.join('\n'));
  second();
});
console.log('sync part', log.length);

function second() {
  const seen = [];
  const stopA = promiseHooks.onInit(() => seen.push('A'));
  const stopB = promiseHooks.onInit(() => seen.push('B'));
  Promise.resolve();
  stopA();
  Promise.resolve();
  stopB();
  Promise.resolve();
  console.log(seen.join(','));

  const settledOrder = [];
  let rejected;
  const stopS = promiseHooks.onSettled((p) => settledOrder.push(p === rejected ? 'rejected' : 'other'));
  rejected = Promise.reject(new Error('r'));
  rejected.catch(() => {});
  stopS();
  console.log(settledOrder);

  (async () => {
    const events = [];
    const stopAll = promiseHooks.createHook({
      before: () => events.push('before'),
      after: () => events.push('after'),
    });
    await null;
    stopAll();
    console.log('await events', events);
  })();
}
