// events.addAbortListener(): runs once on abort (on a microtask if already aborted),
// ignores stopImmediatePropagation, and is removable through Symbol.dispose.
'use strict';
const { addAbortListener } = require('events');

function show(fn) {
  try {
    fn();
    console.log('ok');
  } catch (err) {
    console.log(err.code, err.message);
  }
}
show(() => addAbortListener());
show(() => addAbortListener(1, () => {}));
show(() => addAbortListener(new AbortController().signal));

const ac = new AbortController();
ac.signal.addEventListener('abort', (e) => {
  console.log('first listener stops propagation');
  e.stopImmediatePropagation();
});
const disposable = addAbortListener(ac.signal, () => console.log('abort listener ran'));
console.log(typeof disposable[Symbol.dispose], Object.getPrototypeOf(disposable));
ac.abort();

const removed = new AbortController();
addAbortListener(removed.signal, () => console.log('must not run'))[Symbol.dispose]();
removed.abort();

addAbortListener(AbortSignal.abort(), () => console.log('already aborted: runs on a microtask'));
console.log('sync end');
