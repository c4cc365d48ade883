// AbortController / AbortSignal basics: abort reason, onabort ordering, throwIfAborted.
'use strict';

const ac = new AbortController();
const { signal } = ac;
console.log(signal.aborted, signal.reason, signal === ac.signal, signal.onabort);
signal.onabort = (e) => console.log('onabort', e.type, e.isTrusted, signal.aborted, e.target === signal);
signal.addEventListener('abort', (e) => console.log('listener', e.type, e.eventPhase));
signal.throwIfAborted();
ac.abort();
console.log(signal.aborted, signal.reason instanceof DOMException, signal.reason.name,
  signal.reason.message, signal.reason.code);
const first = signal.reason;
ac.abort('again');
console.log('second abort keeps the first reason:', signal.reason === first);
try {
  signal.throwIfAborted();
} catch (err) {
  console.log('throwIfAborted threw the reason:', err === first);
}

for (const reason of [undefined, null, 0, 'why', { custom: true }]) {
  const c = new AbortController();
  c.abort(reason);
  const r = c.signal.reason;
  console.log(reason === undefined ? r.name : r);
}

// onabort keeps its position among listeners, even when replaced.
const ordered = new AbortController();
ordered.signal.addEventListener('abort', () => console.log('listener 1'));
ordered.signal.onabort = () => console.log('first handler (replaced)');
ordered.signal.addEventListener('abort', () => console.log('listener 2'));
ordered.signal.onabort = () => console.log('onabort handler, second position');
ordered.abort();

const h = new AbortController().signal;
h.onabort = 5;
console.log(h.onabort);
h.onabort = null;
console.log(h.onabort);

// Listeners added after abort never run.
const late = new AbortController();
late.abort();
late.signal.addEventListener('abort', () => console.log('must not run'));
console.log(late.signal.dispatchEvent(new Event('abort')) === true);
