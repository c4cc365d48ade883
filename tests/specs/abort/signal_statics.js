// AbortSignal.abort(), AbortSignal.timeout() and AbortSignal.any().
'use strict';

function show(fn) {
  try {
    const r = fn();
    console.log('ok', r);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

const pre = AbortSignal.abort();
console.log(pre.aborted, pre.reason.name, pre.reason.message);
console.log(AbortSignal.abort('custom').reason, AbortSignal.abort(undefined).reason.name);

show(() => new AbortSignal());
for (const delay of [-1, 'x', 1.5, 2 ** 32, NaN]) show(() => AbortSignal.timeout(delay));
show(() => AbortSignal.any(1));
show(() => AbortSignal.any([1]));
show(() => AbortSignal.any([AbortSignal.abort(), {}]));

// any(): follows the sources; a composite of composites follows the original sources.
const a = new AbortController();
const b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
const nested = AbortSignal.any([any]);
console.log(any.aborted, nested.aborted);
a.signal.addEventListener('abort', () => console.log('a aborted; any:', any.aborted, 'nested:', nested.aborted));
any.addEventListener('abort', () => console.log('any aborted with', any.reason, 'nested:', nested.aborted));
nested.addEventListener('abort', () => console.log('nested aborted with', nested.reason));
a.abort('first');
b.abort('second');
console.log(any.reason, nested.reason);
console.log(AbortSignal.any([]).aborted);
console.log(AbortSignal.any([new AbortController().signal, AbortSignal.abort('already')]).reason);

// timeout(): an unref'd timer; a ref'd timer keeps the process alive here.
const t = AbortSignal.timeout(5);
console.log(t.aborted);
t.addEventListener('abort', () => {
  console.log('timeout fired', t.reason.name, t.reason.message, t.reason.code);
});
setTimeout(() => console.log('after timeout:', t.aborted), 50);

// An unref'd timeout alone does not keep the process running.
AbortSignal.timeout(100000).addEventListener('abort', () => console.log('must not run'));
