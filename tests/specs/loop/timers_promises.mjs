import { setTimeout as sleep, setImmediate as immediate, setInterval as every } from 'timers/promises';
console.log(await sleep(5, 'slept'));
console.log(await immediate('imm'));
let n = 0;
for await (const v of every(2, 'tick')) {
  console.log(v, ++n);
  if (n === 3) break;
}
const ac = new AbortController();
const p = sleep(1000, null, { signal: ac.signal });
ac.abort();
try { await p; } catch (e) { console.log(e.name, e.code); }
