// equals / compare (with ranges) / copy / concat / slice / subarray.
'use strict';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const a = Buffer.from('abcdef');
const b = Buffer.from('abcxyz');
show('equals', () => [a.equals(a), a.equals(b), a.equals(Buffer.from('abcdef')), a.equals(new Uint8Array([97]))]);
show('equals bad', () => a.equals('abcdef'));
show('compare', () => [a.compare(b), b.compare(a), a.compare(Buffer.from('abc')), Buffer.from('ab').compare(a)]);
show('compare ranges', () => [a.compare(b, 0, 3, 0, 3), a.compare(b, 3), a.compare(b, 0, 0), a.compare(b, 2, 4, 2, 2), a.compare(b, 6)]);
show('compare range errors', () => a.compare(b, -1));
show('compare targetEnd too big', () => a.compare(b, 0, 7));
show('compare fractional', () => a.compare(b, 1.5));
show('Buffer.compare', () => [Buffer.compare(a, b), Buffer.compare(b, a), Buffer.compare(a, a)]);
show('Buffer.compare bad', () => Buffer.compare(a, 'x'));
show('sort', () => [Buffer.from('b'), Buffer.from('a'), Buffer.from('ab')].sort(Buffer.compare).map(String));

function copy(...args) {
  const t = Buffer.alloc(5, 0x2e);
  const n = a.copy(t, ...args);
  return [n, t.toString()];
}
show('copy', () => copy());
show('copy targetStart', () => copy(3));
show('copy source range', () => copy(0, 2, 4));
show('copy coerces', () => copy('1', '2', '3.9'));
show('copy targetStart past end', () => copy(9));
show('copy bad targetStart', () => copy(-1));
show('copy bad sourceStart', () => copy(0, 7));
show('copy bad sourceEnd', () => copy(0, 0, -1));
show('copy bad target', () => a.copy([]));
show('copy overlapping', () => {
  const x = Buffer.from('abcdefgh');
  x.copy(x, 2, 0, 5);
  return x.toString();
});

show('concat', () => Buffer.concat([a, Buffer.from('-'), b]).toString());
show('concat length short', () => Buffer.concat([a, b], 8).toString());
show('concat length long', () => Buffer.concat([Buffer.from('ab')], 5));
show('concat empty', () => Buffer.concat([]));
show('concat Uint8Array', () => Buffer.concat([new Uint8Array([1, 2]), Buffer.from([3])]));
show('concat bad list', () => Buffer.concat('ab'));
show('concat bad item', () => Buffer.concat([a, 'x']));
show('concat bad length', () => Buffer.concat([a], -1));

show('slice', () => [a.slice(1, 3).toString(), a.slice(-2).toString(), a.slice(4, 2).length, a.slice('1', '3').toString()]);
show('subarray shares memory', () => {
  const s = a.subarray(1, 3);
  s[0] = 0x42;
  const r = [s.toString(), a.toString(), s.buffer === a.buffer];
  s[0] = 0x62;
  return r;
});
show('slice class', () => [a.slice(1) instanceof Buffer, a.subarray(1).constructor.name]);
