// Script timeouts (a watchdog terminates the script) and microtaskMode: 'afterEvaluate'.
'use strict';
const vm = require('vm');

function check(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

check('this context', () => vm.runInThisContext('while (true) {}', { timeout: 50 }));
check('new context', () => vm.runInNewContext('for (;;) {}', {}, { timeout: 20 }));
check('fast script', () => vm.runInNewContext('6 * 7', {}, { timeout: 1000 }));
check('still usable', () => vm.runInThisContext('"fine"'));

// The inner timeout fires first: the inner call throws and the outer script can catch it.
const inner = {
  vm,
  run(timeout) {
    return vm.runInNewContext('while (true) {}', {}, { timeout });
  },
};
check('inner fires', () => vm.runInNewContext('run(10)', inner, { timeout: 5000 }));
check('inner caught', () => vm.runInNewContext('try { run(10) } catch (e) { "caught " + e.code }', inner, { timeout: 5000 }));
// The outer timeout fires first: the inner call cannot catch it.
check('outer fires', () => vm.runInNewContext('try { run(100000) } catch (e) { "caught" }', inner, { timeout: 50 }));
check('inner error passes through', () => vm.runInNewContext('runThrow()', { runThrow() { vm.runInNewContext('throw new Error("foobar")', {}, { timeout: 1000 }); } }, { timeout: 10000 }));

// Microtasks of an 'afterEvaluate' context run before the call returns, inside the timeout.
const ctx = vm.createContext({ out: [] }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => out.push("microtask")); out.push("sync")', ctx);
console.log(ctx.out);
const hrtime = process.hrtime.bigint;
function loop() {
  const start = hrtime();
  while (hrtime() - start < 2000000000n);
  throw new Error('escaped the timeout');
}
check('escape promise', () => vm.runInNewContext('Promise.resolve().then(() => loop())', { loop }, { timeout: 10, microtaskMode: 'afterEvaluate' }));
check('escape promise 2', () => vm.runInNewContext('Promise.resolve().then(() => loop()); loop();', { loop }, { timeout: 10, microtaskMode: 'afterEvaluate' }));

// Default contexts share the main microtask queue: reactions run after the current job.
const shared = vm.createContext({ out: [] });
vm.runInContext('Promise.resolve().then(() => out.push("later"))', shared);
console.log(shared.out.slice());
setTimeout(() => console.log(shared.out), 0);
