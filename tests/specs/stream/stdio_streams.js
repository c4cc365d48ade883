// process.stdout/stderr are Writable streams, process.stdin a Readable.
'use strict';
const { Writable, Readable } = require('stream');

const out = process.stdout;
console.log('stdout', out instanceof Writable, out.writable, out.fd, out._isStdio, typeof out.write,
            out.writableHighWaterMark, out.writableObjectMode, out.readable === true);
console.log('stderr', process.stderr instanceof Writable, process.stderr.fd);
console.log('stdin', process.stdin instanceof Readable, process.stdin.fd, process.stdin.readable);
const ret = out.write('direct write\n', () => {
  console.log('write callback ran');
  out.write(Buffer.from('buffer write\n'));
  out.write(new Uint8Array([0x75, 0x38, 0x0a]));
  out.write('68656c6c6f0a', 'hex');
  try {
    out.write(null);
  } catch (err) {
    console.log(err.code);
  }
  try {
    out.write(1);
  } catch (err) {
    console.log(err.code);
  }
});
console.log('write returned', ret);
out.once('finish', () => console.error('unexpected finish'));
// Piping into stdout does not end it.
const src = Readable.from(['piped 1\n', 'piped 2\n']);
src.pipe(out);
src.on('end', () => setImmediate(() => console.log('stdout still writable after pipe', out.writable)));
