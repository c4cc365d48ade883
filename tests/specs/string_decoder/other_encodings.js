// StringDecoder for utf16le (surrogates, odd bytes), base64/base64url, hex, latin1, ascii.
'use strict';
const { StringDecoder } = require('string_decoder');

function feed(encoding, chunks) {
  const d = new StringDecoder(encoding);
  const out = chunks.map((c) => d.write(Buffer.from(c)));
  out.push(d.end());
  return JSON.stringify(out);
}

console.log(feed('utf16le', [[0x61], [0x00, 0x3d], [0xd8, 0x00], [0xde]]));
console.log(feed('ucs2', [[0x3d, 0xd8], [0x41, 0x00]]));
console.log(feed('utf16le', [[0x41, 0x00, 0x42]]));
console.log(feed('utf-16le', [[0x00, 0xdc, 0x41, 0x00]]));
console.log(feed('base64', [[0x61], [0x62, 0x63, 0x64], [0x65]]));
console.log(feed('base64', [[0x61, 0x62]]));
console.log(feed('base64url', [[0xfb], [0xff], [0xfe, 0x01]]));
console.log(feed('hex', [[0x01, 0xab], [0xff]]));
console.log(feed('latin1', [[0xe9, 0xff], [0x41]]));
console.log(feed('binary', [[0xe9]]));
console.log(feed('ascii', [[0xe9, 0x41]]));
for (const enc of [undefined, null, 'utf8', 'UTF-8', 'ucs2', 'utf-16le', 'binary', 'BASE64', 'hex']) {
  console.log(String(enc), new StringDecoder(enc).encoding);
}
try {
  new StringDecoder('nope');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  new StringDecoder('utf8').write(5);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  StringDecoder.prototype.write.call({}, Buffer.from('a'));
} catch (e) {
  console.log(e.name, e.code, e.message);
}
