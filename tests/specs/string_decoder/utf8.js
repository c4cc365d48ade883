// StringDecoder utf8: characters split across writes, invalid and truncated sequences.
'use strict';
const { StringDecoder } = require('string_decoder');

function feed(encoding, chunks) {
  const d = new StringDecoder(encoding);
  const out = chunks.map((c) => d.write(Buffer.from(c)));
  out.push(d.end());
  return JSON.stringify(out);
}

console.log(feed('utf8', [[0xe2], [0x82], [0xac]]));
console.log(feed('utf8', [[0xe2, 0x82], [0xac, 0x41]]));
console.log(feed('utf8', [[0xf0, 0x9f], [0x98], [0x80]]));
console.log(feed('utf8', [[0x61, 0xc3], [0xa9, 0x62]]));
console.log(feed('utf8', [[0xe2, 0x82], [0x41]]));
console.log(feed('utf8', [[0xe2], [0x82]]));
console.log(feed('utf8', [[0xff, 0xfe], [0x80]]));
console.log(feed('utf8', [[0x80, 0x80, 0x80, 0x80]]));
console.log(feed('utf8', [[0xc3, 0xe2, 0x82]]));
console.log(feed('utf8', [[0xf8, 0x80]]));
console.log(feed('utf8', [[0xed, 0xa0], [0x80]]));
console.log(feed('utf-8', [[0x68, 0x69]]));
const d = new StringDecoder();
console.log(JSON.stringify([d.write('already a string'), d.end(Buffer.from([0xe2, 0x82])), d.end()]));
console.log(JSON.stringify(new StringDecoder('utf8').text(Buffer.from('héllo'), 2)));
console.log(JSON.stringify(new StringDecoder('utf8').write(new Uint16Array([0xa9c3, 0x41]))));
