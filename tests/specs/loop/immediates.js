// Immediates run in order; ones queued during the check phase wait for the next turn;
// nextTick runs between immediates; clearImmediate works.
const out = [];
setImmediate(() => {
  out.push('i1');
  process.nextTick(() => out.push('tick after i1'));
  setImmediate(() => out.push('i3 (next turn)'));
});
const i2 = setImmediate(() => out.push('i2'));
const cleared = setImmediate(() => out.push('cleared'));
clearImmediate(cleared);
setImmediate((a, b) => out.push(`args ${a} ${b}`), 1, 2);
console.log(i2.hasRef(), typeof i2.unref);
process.on('beforeExit', () => {
  if (out.length) {
    console.log(out.join('\n'));
    out.length = 0;
  }
});
