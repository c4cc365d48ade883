// EventTarget argument validation, wrong receivers, and listener exceptions (reported as
// uncaught exceptions after the dispatch).
'use strict';

function show(fn) {
  try {
    const r = fn();
    console.log('ok', r);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

const et = new EventTarget();
show(() => new Event());
show(() => new CustomEvent());
for (const options of [null, 1, [], () => {}, 'str']) show(() => new Event('x', options).type);
show(() => new Event(Symbol('s')));
show(() => et.addEventListener());
show(() => et.addEventListener('x'));
show(() => et.addEventListener('x', 1));
show(() => et.addEventListener('x', 'str'));
show(() => et.addEventListener(Symbol('s'), () => {}));
show(() => et.addEventListener('x', () => {}, { signal: 1 }));
show(() => et.addEventListener('x', () => {}, { signal: null }));
show(() => et.addEventListener('x', () => {}, 1));
show(() => et.addEventListener('x', () => {}, []));
show(() => et.removeEventListener('x'));
show(() => et.removeEventListener('x', 1));
show(() => et.dispatchEvent());
show(() => et.dispatchEvent('x'));
show(() => et.dispatchEvent({ type: 'x' }));
show(() => EventTarget.prototype.addEventListener.call({}, 'x', () => {}));
show(() => EventTarget.prototype.dispatchEvent.call({}, new Event('x')));
for (const key of ['type', 'target', 'currentTarget', 'srcElement', 'eventPhase', 'cancelBubble',
  'bubbles', 'composed', 'cancelable', 'defaultPrevented', 'returnValue', 'timeStamp']) {
  show(() => Object.getOwnPropertyDescriptor(Event.prototype, key).get.call({}));
}
for (const key of ['composedPath', 'preventDefault', 'stopPropagation', 'stopImmediatePropagation']) {
  show(() => Event.prototype[key].call({}));
}
show(() => Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted').get.call({}));
show(() => Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get.call(new Event('x')));
show(() => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'onabort').get.call({}));

process.on('uncaughtException', (err) => console.log('uncaught:', err.message));
const t = new EventTarget();
t.addEventListener('t', () => { throw new Error('sync listener error'); });
t.addEventListener('t', () => console.log('second listener still runs'));
t.addEventListener('t', { handleEvent() { throw new Error('handleEvent error'); } });
t.addEventListener('t', async () => { throw new Error('async listener error'); });
console.log('dispatch returned', t.dispatchEvent(new Event('t')));
console.log('end of script');
