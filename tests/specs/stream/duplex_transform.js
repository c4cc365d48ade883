// Duplex (allowHalfOpen, one-sided), Transform (_transform/_flush, backpressure,
// errors), PassThrough, and the event order between the two sides.
'use strict';
const { Duplex, Transform, PassThrough, Readable, Writable } = require('stream');

const out = [];
const log = (...args) => out.push(args.map((a) => (Buffer.isBuffer(a) ? `<${a}>` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
process.on('exit', () => console.log(out.join('\n')));

function traced(name, s) {
  for (const ev of ['end', 'prefinish', 'finish', 'close', 'error']) {
    s.on(ev, (arg) => log(name, ev, arg ? arg.message : ''));
  }
  return s;
}

// allowHalfOpen: false ends the writable side after 'end'.
{
  const d = traced('halfClosed', new Duplex({
    allowHalfOpen: false,
    read() { this.push('r'); this.push(null); },
    write(c, e, cb) { log('halfClosed write', String(c)); cb(); },
  }));
  d.on('data', (c) => log('halfClosed data', String(c)));
  log('halfClosed props', d.allowHalfOpen, d.readable, d.writable, d instanceof Writable, d instanceof Readable);
}

// Default allowHalfOpen keeps the writable side open.
{
  const d = traced('halfOpen', new Duplex({
    read() { this.push(null); },
    write(c, e, cb) { log('halfOpen write', String(c)); cb(); },
  }));
  d.resume();
  setImmediate(() => {
    log('halfOpen after end: writable', d.writable, 'readableEnded', d.readableEnded);
    d.end('late');
  });
}

// One-sided duplexes.
{
  const r = new Duplex({ writable: false, read() {} });
  const w = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  log('one-sided', r.writable, r.writableEnded, r.writableFinished, w.readable, w.readableEnded);
  log('object modes', new Duplex({ readableObjectMode: true }).readableObjectMode,
      new Duplex({ writableObjectMode: true }).writableObjectMode,
      new Duplex({ objectMode: true }).writableObjectMode);
  log('hwm', new Duplex({ readableHighWaterMark: 5, writableHighWaterMark: 7 }).readableHighWaterMark,
      new Duplex({ readableHighWaterMark: 5, writableHighWaterMark: 7 }).writableHighWaterMark);
}

// Transform with flush, upper-casing.
{
  const t = traced('upper', new Transform({
    transform(chunk, enc, cb) {
      log('upper transform', String(chunk), enc);
      cb(null, String(chunk).toUpperCase());
    },
    flush(cb) {
      log('upper flush');
      this.push('!');
      cb(null, '?');
    },
  }));
  t.on('data', (c) => log('upper data', c));
  t.write('ab');
  t.write('cd', () => log('upper write cb'));
  t.end('ef');
}

// Backpressure: a transform whose output is not read holds its write callback.
{
  const t = new Transform({
    highWaterMark: 2,
    transform(chunk, enc, cb) { cb(null, chunk); },
  });
  let n = 0;
  while (t.write('xx') && n < 10) n++;
  log('transform accepted writes before backpressure', n, 'readableLength', t.readableLength,
      'writableLength', t.writableLength);
  t.once('drain', () => log('transform drain'));
  setImmediate(() => {
    t.read();
    log('after read: writableLength', t.writableLength);
  });
}

// Errors from _transform and _flush.
{
  const t = traced('tErr', new Transform({
    transform(chunk, enc, cb) { cb(new Error('transform failed')); },
  }));
  t.write('x', (err) => log('tErr write cb', err.message));
  const f = traced('fErr', new Transform({
    transform(chunk, enc, cb) { cb(); },
    flush(cb) { cb(new Error('flush failed')); },
  }));
  f.end();
  f.resume();
  const m = new Transform();
  m.on('error', (err) => log('no _transform', err.code));
  try {
    m.write('x');
  } catch (err) {
    log('no _transform throws', err.code, err.message);
  }
}

// PassThrough in object mode, and readableHighWaterMark 0.
{
  const p = traced('pass', new PassThrough({ objectMode: true }));
  p.on('data', (c) => log('pass data', c));
  p.write({ a: 1 });
  p.write(0);
  p.end('last');
  const z = new PassThrough({ readableHighWaterMark: 0 });
  log('hwm0', z.readableHighWaterMark, z.writableHighWaterMark, z.write('a'));
}
