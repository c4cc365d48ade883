// Readable.prototype.pipe/unpipe: backpressure with 'drain', multiple destinations,
// { end: false }, 'pipe'/'unpipe' events, error propagation from the destination.
'use strict';
const { Readable, Writable, PassThrough } = require('stream');

const out = [];
const log = (...args) => out.push(args.join(' '));
process.on('exit', () => console.log(out.join('\n')));

function slowWriter(name, hwm) {
  const w = new Writable({
    highWaterMark: hwm,
    write(chunk, enc, cb) {
      log(name, 'write', String(chunk), 'needDrain', this.writableNeedDrain);
      setImmediate(cb);
    },
  });
  for (const ev of ['pipe', 'unpipe', 'drain', 'finish', 'close']) {
    w.on(ev, () => log(name, ev));
  }
  return w;
}

function source(n) {
  let i = 0;
  return new Readable({
    highWaterMark: 2,
    read() {
      i++;
      log('source _read', i);
      this.push(i <= n ? `c${i}` : null);
    },
  });
}

function one(next) {
  const src = source(4);
  src.on('pause', () => log('source pause'));
  src.on('resume', () => log('source resume'));
  src.on('end', () => log('source end'));
  const dst = slowWriter('one', 2);
  log('pipe returns dest', src.pipe(dst) === dst, 'flowing', src.readableFlowing);
  log('pipes', src._readableState.pipes.length);
  dst.on('close', next);
}

function two(next) {
  const src = source(3);
  const a = slowWriter('A', 1);
  const b = slowWriter('B', 100);
  src.pipe(a);
  src.pipe(b, { end: false });
  let closed = 0;
  a.on('finish', () => {
    log('B ended by pipe?', b.writableEnded);
    b.end();
  });
  const done = () => { if (++closed === 2) next(); };
  a.on('close', done);
  b.on('close', done);
}

function unpiping(next) {
  const src = new PassThrough();
  const dst = slowWriter('U', 16);
  src.pipe(dst);
  src.write('first');
  setImmediate(() => {
    src.unpipe(dst);
    log('after unpipe flowing', src.readableFlowing, 'pipes', src._readableState.pipes.length);
    src.write('second');
    log('buffered in source', src.readableLength);
    src.unpipe(); // No-op without pipes.
    next();
  });
}

function destError(next) {
  const src = new PassThrough();
  const dst = new Writable({
    write(chunk, enc, cb) { cb(new Error('dest failed')); },
  });
  dst.on('unpipe', () => log('E unpipe'));
  dst.on('error', (err) => {
    log('E error', err.message, 'pipes left', src._readableState.pipes.length);
    setImmediate(next);
  });
  src.pipe(dst);
  src.write('x');
}

function legacy(next) {
  const { Stream } = require('stream');
  const s = new Stream();
  const dst = new PassThrough();
  s.pipe(dst);
  dst.on('data', (d) => log('legacy data', String(d)));
  dst.on('end', () => {
    log('legacy end');
    next();
  });
  s.emit('data', 'old-style');
  s.emit('end');
  dst.resume();
}

one(() => two(() => unpiping(() => destError(() => legacy(() => log('done'))))));
