// fill() in all its argument forms, and indexOf/lastIndexOf/includes.
'use strict';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const fill = (...args) => Buffer.alloc(8, 0x2e).fill(...args);
show('fill number', () => fill(0x41));
show('fill number range', () => fill(0x41, 2, 5));
show('fill number wraps', () => fill(321));
show('fill string', () => fill('ab'));
show('fill string offset', () => fill('ab', 3));
show('fill string encoding', () => fill('YWI=', 'base64'));
show('fill string offset encoding', () => fill('6162', 1, 'hex'));
show('fill string range encoding', () => fill('€', 1, 7, 'utf8'));
show('fill ucs2', () => fill('é', 'ucs2'));
show('fill empty string', () => fill(''));
show('fill buffer', () => fill(Buffer.from('xyz')));
show('fill Uint8Array', () => fill(new Uint8Array([1, 2]), 4));
show('fill boolean', () => fill(true));
show('fill bad hex', () => fill('zz', 'hex'));
show('fill empty buffer', () => fill(Buffer.alloc(0)));
show('fill bad encoding', () => fill('a', 'nope'));
show('fill numeric encoding', () => fill('a', 0, 8, 5));
show('fill bad offset', () => fill(1, -1));
show('fill bad end', () => fill(1, 0, 9));
show('fill offset > end', () => fill(1, 5, 2));

const b = Buffer.from('abcabc héllo €uro abc');
show('indexOf string', () => [b.indexOf('abc'), b.indexOf('abc', 1), b.indexOf('abc', -3), b.indexOf('zz')]);
show('indexOf empty', () => [b.indexOf(''), b.indexOf('', 5), b.indexOf('', 100)]);
show('indexOf number', () => [b.indexOf(0x62), b.indexOf(0x162), b.indexOf(-159)]);
show('indexOf buffer', () => [b.indexOf(Buffer.from('bc')), b.indexOf(new Uint8Array([0xc3, 0xa9]))]);
show('indexOf encodings', () => [
  b.indexOf('YWJj', 0, 'base64'), b.indexOf('6263', 'hex'), b.indexOf('é', 'latin1'), b.indexOf('é', 'utf8'),
]);
show('indexOf ucs2', () => {
  const u = Buffer.from('abcé€d', 'ucs2');
  return [u.indexOf('é', 'ucs2'), u.indexOf('€d', 0, 'utf16le'), u.indexOf('c', 3, 'ucs2')];
});
show('lastIndexOf', () => [b.lastIndexOf('abc'), b.lastIndexOf('abc', 5), b.lastIndexOf('abc', -5), b.lastIndexOf(0x61, 2)]);
show('lastIndexOf odd offsets', () => [b.lastIndexOf('a', NaN), b.lastIndexOf('a', null), b.lastIndexOf('a', {}), b.lastIndexOf('c', '3')]);
show('includes', () => [b.includes('héllo'), b.includes('héllo', 10), b.includes(0x20)]);
show('indexOf bad value', () => b.indexOf({}));
show('indexOf bad encoding', () => b.indexOf('a', 0, 'nope'));
