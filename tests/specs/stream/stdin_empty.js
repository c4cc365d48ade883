// process.stdin at EOF (the spec runner gives /dev/null): 'data' never fires, 'end'
// does; async iteration finishes; the fd is not closed.
'use strict';
const { Readable } = require('stream');

console.log('stdin is Readable', process.stdin instanceof Readable, 'fd', process.stdin.fd);
let bytes = 0;
process.stdin.on('data', (d) => { bytes += d.length; });
process.stdin.on('end', async () => {
  console.log('end after', bytes, 'bytes; readableEnded', process.stdin.readableEnded);
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  console.log('iteration after end yields', chunks.length);
});
