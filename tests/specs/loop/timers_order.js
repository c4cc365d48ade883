// Timers with equal delays fire in creation order; intervals repeat; clears work;
// unref'd timers do not keep the process alive.
const order = [];
setTimeout(() => order.push('a10'), 10);
setTimeout(() => order.push('b10'), 10);
setTimeout(() => order.push('c5'), 5);
const cleared = setTimeout(() => order.push('never'), 1);
clearTimeout(cleared);
let n = 0;
const iv = setInterval(() => {
  order.push(`iv${++n}`);
  if (n === 3) clearInterval(iv);
}, 20);
setTimeout(() => order.push('unref never'), 1000).unref();
const t = setTimeout(() => {}, 1);
console.log(typeof t.ref, typeof t.unref, t.hasRef(), typeof t[Symbol.toPrimitive]());
t.unref();
console.log(t.hasRef());
setTimeout(() => {
  const nested = [];
  setTimeout(() => nested.push('timeout'), 0);
  setImmediate(() => nested.push('immediate'));
  setTimeout(() => console.log(order.join(' '), '|', nested.join(' ')), 50);
}, 80);
