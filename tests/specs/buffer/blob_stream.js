// Blob.prototype.stream(): a byte ReadableStream with one chunk per stored part.
'use strict';
const { Blob } = require('buffer');

async function chunks(blob) {
  const sizes = [];
  for await (const chunk of blob.stream()) sizes.push(chunk.length);
  return sizes;
}

async function main() {
  const blob = new Blob(['héllo', ' ', new Uint8Array([0x77, 0x6f]), new Blob(['rld'])]);
  console.log(await chunks(blob));
  console.log(await chunks(blob.slice(2, 9)));
  console.log(await chunks(new Blob(['', 'a', ''])));
  console.log(await chunks(new Blob([])));
  const reader = new Blob(['ab', 'cd']).stream().getReader();
  console.log(await reader.read(), await reader.read(), await reader.read());
}
main();
