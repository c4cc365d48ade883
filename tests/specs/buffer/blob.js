// Blob and File: construction, slicing, reading, streaming, inspection, object URLs.
'use strict';
const util = require('util');
const { Blob, File, resolveObjectURL } = require('buffer');

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

async function main() {
  const blob = new Blob(['héllo', ' ', new Uint8Array([0x77, 0x6f]), new Blob(['rld'])], { type: 'Text/Plain' });
  console.log(blob, blob.size, blob.type);
  console.log(await blob.text());
  console.log(new Uint8Array(await blob.arrayBuffer()));
  const part = blob.slice(1, -2, 'X/Y');
  console.log(part, JSON.stringify(await part.text()));
  console.log(JSON.stringify(await blob.slice(-3).text()), (await blob.slice(5, 2).text()).length);
  console.log(JSON.stringify(await new Blob(['a\r\nb\nc'], { endings: 'native' }).text()));
  console.log(JSON.stringify(await new Blob(['a\r\nb'], { endings: 'transparent' }).text()));
  show('bad sources', () => new Blob('abc'));
  show('bad endings', () => new Blob([], { endings: 'x' }));
  show('bad options', () => new Blob([], 5));
  show('bad type chars', () => new Blob([], { type: 'a\u0100' }).type);
  show('size receiver', () => Object.getOwnPropertyDescriptor(Blob.prototype, 'size').get.call({}));
  console.log(Object.prototype.toString.call(blob), util.inspect({ a: { b: { c: blob } } }));

  const file = new File(['abc'], 'name.txt', { type: 'text/plain', lastModified: 42 });
  console.log(file, file.name, file.lastModified, file instanceof Blob);
  console.log(new File([], 'x', { lastModified: 'nope' }).lastModified);
  show('File args', () => new File(['a']));

  const url = URL.createObjectURL(blob);
  console.log(url.replace(/[0-9a-f-]{36}$/, '<uuid>'));
  const resolved = resolveObjectURL(url);
  console.log(resolved, await resolved.text());
  URL.revokeObjectURL(url);
  console.log(resolveObjectURL(url), resolveObjectURL('blob:nodedata:nope'), resolveObjectURL('nope'));
  show('createObjectURL bad', () => URL.createObjectURL('x'));
  show('revokeObjectURL()', () => URL.revokeObjectURL());
}
main();
