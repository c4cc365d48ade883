// toString / write / the encoding-specific slice and write methods.
'use strict';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const bytes = Buffer.from([0x68, 0xc3, 0xa9, 0xff, 0x00, 0x7f, 0x80, 0xe2, 0x82, 0xac]);
for (const enc of ['utf8', 'utf16le', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url']) {
  show(`toString ${enc}`, () => JSON.stringify(bytes.toString(enc)));
  show(`toString ${enc} 1..4`, () => JSON.stringify(bytes.toString(enc, 1, 4)));
}
show('toString ranges', () => [
  bytes.toString('hex', -5, 2), bytes.toString('hex', 8, 100), bytes.toString('hex', 3, 1),
  bytes.toString('hex', '2', '4'), bytes.toString('hex', 1.9, 3.9), bytes.toString('hex', NaN, NaN),
]);
show('toString null encoding', () => bytes.toString(null));
show('toString bad encoding', () => bytes.toString('utf9'));
show('invalid utf8', () => JSON.stringify(Buffer.from([0x61, 0xff, 0xc3, 0x62, 0xe2, 0x82]).toString()));
show('lone surrogate', () => Buffer.from('a\ud800b'));

function write(...args) {
  const b = Buffer.alloc(8, '.');
  const n = b.write(...args);
  return [n, b.toString('latin1')];
}
show('write', () => write('héllo'));
show('write offset', () => write('abc', 6));
show('write offset length', () => write('abcdef', 1, 2));
show('write encoding', () => write('616263', 'hex'));
show('write offset encoding', () => write('YWJj', 2, 'base64'));
show('write partial utf8', () => write('€€€', 0));
show('write ucs2 odd', () => write('abcd', 1, 5, 'ucs2'));
show('write offset too big', () => write('a', 9));
show('write length too big', () => write('a', 1, 20));
show('write bad encoding', () => write('a', 0, 1, 'nope'));
show('write non-string', () => write(5));

const b = Buffer.from('héllo wörld');
show('utf8Slice', () => b.utf8Slice(1, 5));
show('latin1Slice', () => b.latin1Slice());
show('hexSlice', () => b.hexSlice(2));
show('base64Slice', () => b.base64Slice(0, 4));
show('slice oob', () => b.asciiSlice(0, 100));
show('slice negative', () => b.asciiSlice(-1));
show('hexWrite', () => {
  const t = Buffer.alloc(4);
  return [t.hexWrite('a1b2c3', 1), t];
});
show('utf8Write oob', () => Buffer.alloc(2).utf8Write('a', 3));
show('ucs2Write', () => {
  const t = Buffer.alloc(5);
  return [t.ucs2Write('xyz'), t];
});
show('toJSON', () => JSON.stringify({ b: Buffer.from([1, 2, 3]), e: Buffer.alloc(0) }));
show('toLocaleString', () => Buffer.from('abc').toLocaleString('hex'));
