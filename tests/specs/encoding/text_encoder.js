// TextEncoder: encode, encodeInto (read/written counts), argument errors.
'use strict';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const enc = new TextEncoder();
show('encoding', () => enc.encoding);
show('encode', () => enc.encode('héllo €😀'));
show('encode empty', () => enc.encode());
show('encode lone surrogate', () => enc.encode('a\ud800b\udc00'));
show('encode number', () => enc.encode(12));
show('encode result type', () => [enc.encode('x') instanceof Uint8Array, Buffer.isBuffer(enc.encode('x'))]);
for (const n of [0, 1, 2, 3, 4, 5, 10]) {
  show(`encodeInto ${n}`, () => {
    const dest = new Uint8Array(n);
    return [enc.encodeInto('aé😀', dest), dest];
  });
}
show('encodeInto subarray', () => {
  const all = new Uint8Array(6);
  return [enc.encodeInto('héllo', all.subarray(2, 5)), all];
});
show('encodeInto surrogate', () => enc.encodeInto('\ud800x', new Uint8Array(8)));
show('encodeInto bad src', () => enc.encodeInto(5, new Uint8Array(2)));
show('encodeInto bad dest', () => enc.encodeInto('a', new Uint16Array(2)));
show('encodeInto no dest', () => enc.encodeInto('a'));
show('wrong receiver', () => TextEncoder.prototype.encode.call({}, 'a'));
show('globals', () => [typeof TextEncoder, typeof TextDecoder, require('util').TextEncoder === TextEncoder]);
