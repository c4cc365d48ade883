// stream/consumers: text/json/buffer/arrayBuffer/blob from Readables and async
// iterables, including multi-byte characters split across chunks.
'use strict';
const { Readable, PassThrough } = require('stream');
const { text, json, buffer, arrayBuffer, blob } = require('stream/consumers');

(async () => {
  const euro = Buffer.from('€uro');
  console.log('text split utf8', await text(Readable.from([euro.subarray(0, 1), euro.subarray(1, 2), euro.subarray(2)])));
  console.log('text strings', await text(Readable.from(['a', 'b'])));
  console.log('json', await json(Readable.from(['{"a":', '[1,2]}'])));
  const b = await buffer(Readable.from([Buffer.from('x'), new Uint8Array([121])]));
  console.log('buffer', Buffer.isBuffer(b), b.toString());
  const ab = await arrayBuffer(Readable.from([Buffer.from('abc')]));
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  const bl = await blob(Readable.from(['blob', 'data']));
  console.log('blob', bl.size, await bl.text());
  async function* gen() { yield 'from '; yield 'generator'; }
  console.log('async iterable', await text(gen()));
  const p = new PassThrough();
  setImmediate(() => p.end('late data'));
  console.log('passthrough', await text(p));
  try {
    await json(Readable.from(['{bad']));
  } catch (err) {
    console.log('json error', err.name);
  }
  const failing = new Readable({ read() { this.destroy(new Error('source failed')); } });
  try {
    await text(failing);
  } catch (err) {
    console.log('source error', err.message);
  }
})();
