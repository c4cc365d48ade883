// EventTarget dispatch: order, once, signal, duplicates, handleEvent, propagation flags.
'use strict';

const et = new EventTarget();
et.addEventListener('foo', function(e) {
  console.log('L1', this === et, e.currentTarget === et, e.target === et, e.srcElement === et,
    e.eventPhase, e.composedPath().length);
});
et.addEventListener('foo', function(e) {
  // Node clears the dispatch flag after the first listener.
  console.log('L2', e.currentTarget === et, e.eventPhase, e.composedPath().length);
  e.stopImmediatePropagation();
  console.log('cancelBubble after stopImmediatePropagation', e.cancelBubble);
});
et.addEventListener('foo', () => console.log('L3 must not run'));
const ev = new Event('foo', { cancelable: true });
console.log('before', ev.target, ev.currentTarget, ev.eventPhase, ev.composedPath());
console.log('dispatch returned', et.dispatchEvent(ev));
console.log('after', ev.target === et, ev.currentTarget === et, ev.eventPhase);

// preventDefault only counts for cancelable events; passive does not stop it in Node 21.
const p = new EventTarget();
p.addEventListener('p', (e) => {
  e.preventDefault();
  console.log('passive', e.defaultPrevented, e.returnValue);
}, { passive: true });
console.log(p.dispatchEvent(new Event('p', { cancelable: true })));
const notCancelable = new Event('q');
notCancelable.preventDefault();
console.log(notCancelable.defaultPrevented, notCancelable.returnValue, p.dispatchEvent(notCancelable));

// Duplicates (same listener and capture) are ignored.
const dup = new EventTarget();
const g = () => console.log('g');
dup.addEventListener('c', g);
dup.addEventListener('c', g);
dup.addEventListener('c', g, true);
dup.dispatchEvent(new Event('c'));
dup.removeEventListener('c', g);
dup.dispatchEvent(new Event('c'));
// A boolean capture argument does not remove the capture listener; { capture: true } does.
dup.removeEventListener('c', g, true);
dup.dispatchEvent(new Event('c'));
dup.removeEventListener('c', g, { capture: true });
console.log('nothing left:', dup.dispatchEvent(new Event('c')));

// Removal and addition during dispatch.
const m = new EventTarget();
const f2 = () => console.log('f2');
m.addEventListener('b', () => {
  console.log('f1');
  m.removeEventListener('b', f2);
  m.addEventListener('b', () => console.log('added during dispatch'));
});
m.addEventListener('b', f2);
m.dispatchEvent(new Event('b'));
console.log('--');
m.dispatchEvent(new Event('b'));

// once, signal.
const o = new EventTarget();
o.addEventListener('o', () => console.log('once'), { once: true });
o.dispatchEvent(new Event('o'));
o.dispatchEvent(new Event('o'));
const ac = new AbortController();
o.addEventListener('s', () => console.log('signal listener'), { signal: ac.signal });
o.dispatchEvent(new Event('s'));
ac.abort();
o.dispatchEvent(new Event('s'));
o.addEventListener('s', () => console.log('must not run'), { signal: AbortSignal.abort() });
o.dispatchEvent(new Event('s'));

// handleEvent objects; the method is looked up at dispatch time.
const h = new EventTarget();
const handler = { handleEvent(e) { console.log('handleEvent', this === handler, e.type); } };
h.addEventListener('h', handler);
h.dispatchEvent(new Event('h'));
const late = {};
h.addEventListener('late', late);
h.dispatchEvent(new Event('late'));
late.handleEvent = () => console.log('late handleEvent');
h.dispatchEvent(new Event('late'));

// Option getters are read in this order, even for a null listener.
const order = [];
const opts = {};
for (const key of ['capture', 'once', 'passive', 'signal']) {
  Object.defineProperty(opts, key, { get() { order.push(key); } });
}
process.on('warning', (w) => console.log('warning', w.name, w.message));
h.addEventListener('z', null, opts);
console.log(order.join());
order.length = 0;
h.removeEventListener('z', g, opts);
console.log(order.join());

// Recursion, initEvent, cancelBubble, stopPropagation.
const r = new EventTarget();
const re = new Event('r');
r.addEventListener('r', () => {
  try {
    r.dispatchEvent(re);
  } catch (err) {
    console.log(err.code, err.message);
  }
});
r.dispatchEvent(re);
const ie = new Event('a');
ie.initEvent('b', true, true);
console.log(ie.type, ie.bubbles, ie.cancelable);
const cb = new Event('a');
cb.cancelBubble = false;
console.log(cb.cancelBubble);
cb.cancelBubble = true;
console.log(cb.cancelBubble);
const sp = new Event('sp');
sp.stopPropagation();
r.addEventListener('sp', () => console.log('runs despite stopPropagation'));
console.log(r.dispatchEvent(sp));

// Event type and option conversion.
console.log(new Event(undefined).type, new Event(null).type, new Event(42).type, new Event({}).type);
console.log(new Event('x', { bubbles: 1, cancelable: 'y', composed: [] }).bubbles,
  new Event('x', { composed: 1 }).composed, new Event('x').cancelable);
const n = new EventTarget();
n.addEventListener(42, () => console.log('numeric type converted'));
n.dispatchEvent(new Event('42'));
console.log(new Event('x').isTrusted);
const trusted = new AbortController();
trusted.signal.addEventListener('abort', (e) => console.log('abort event trusted:', e.isTrusted));
trusted.abort();

// Subclassing.
class Emitter extends EventTarget {
  fire() { return this.dispatchEvent(new CustomEvent('fire', { detail: { n: 1 } })); }
}
const em = new Emitter();
em.addEventListener('fire', (e) => console.log('detail', e.detail, e instanceof CustomEvent));
console.log(em.fire());
console.log(new CustomEvent('x').detail, new CustomEvent('x', { detail: undefined }).detail,
  new CustomEvent('x', { detail: 0 }).detail);
