// Wrong receivers and property shapes of AbortController / AbortSignal.
'use strict';

function show(fn) {
  try {
    const r = fn();
    console.log('ok', r);
  } catch (err) {
    console.log(err.name, err.code, err.message.replace(/#\w+/, '#field'));
  }
}

show(() => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call({}));
show(() => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'reason').get.call({}));
show(() => AbortSignal.prototype.throwIfAborted.call({}));
show(() => AbortController.prototype.abort.call({}));
show(() => Object.getOwnPropertyDescriptor(AbortController.prototype, 'signal').get.call({}));

for (const [name, obj] of [['AbortSignal', AbortSignal], ['AbortSignal.prototype', AbortSignal.prototype],
  ['AbortController.prototype', AbortController.prototype]]) {
  const keys = Reflect.ownKeys(obj).filter((k) => typeof k === 'string' || k === Symbol.toStringTag);
  for (const key of keys) {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    const kind = d.get ? `get${d.set ? 'set' : ''}` : typeof d.value;
    console.log(name, String(key), kind, d.enumerable, d.configurable);
  }
}
console.log(Object.getPrototypeOf(AbortSignal) === EventTarget, AbortSignal.length, AbortController.length);
const ac = new AbortController();
console.log(Object.prototype.toString.call(ac), Object.prototype.toString.call(ac.signal));
console.log(Reflect.ownKeys(ac));
