// Writable: write/end/cork/uncork, _writev batching, _final, 'drain'/'prefinish'/
// 'finish'/'close' order, and the error codes of misuse.
'use strict';
const { Writable } = require('stream');

let tick = 0;
function ticker(n) {
  if (n > 0) process.nextTick(() => { tick++; ticker(n - 1); });
}
const log = (...args) => console.log(`[t${tick}]`, ...args);

function traced(name, w) {
  for (const ev of ['drain', 'prefinish', 'finish', 'close', 'error']) {
    w.on(ev, (arg) => log(name, ev, arg instanceof Error ? `${arg.code}: ${arg.message}` : ''));
  }
  return w;
}

function basic(next) {
  tick = 0;
  ticker(30);
  const w = traced('basic', new Writable({
    highWaterMark: 3,
    write(chunk, enc, cb) {
      log('_write', String(chunk), enc, 'length', this.writableLength);
      process.nextTick(cb);
    },
    final(cb) {
      log('_final');
      process.nextTick(cb);
    },
  }));
  log('write ab ->', w.write('ab', () => log('cb ab')));
  log('write cd ->', w.write('cd', () => log('cb cd')), 'needDrain', w.writableNeedDrain);
  log('length', w.writableLength, 'buffered', w.writableBuffer.length);
  w.end('e', () => log('end cb'));
  log('ended', w.writableEnded, 'finished', w.writableFinished, 'writable', w.writable);
  w.on('close', () => setTimeout(next, 1));
}

function corked(next) {
  tick = 0;
  ticker(30);
  const w = traced('corked', new Writable({
    writev(chunks, cb) {
      log('_writev', chunks.map((c) => `${c.chunk}/${c.encoding}`).join(','), 'allBuffers', chunks.allBuffers);
      cb();
    },
    decodeStrings: false,
  }));
  w.cork();
  w.cork();
  w.write('a');
  w.write(Buffer.from('b'));
  w.write('c', 'latin1', () => log('cb c'));
  log('corked', w.writableCorked, 'length', w.writableLength);
  w.uncork();
  log('after one uncork', w.writableCorked);
  process.nextTick(() => {
    w.uncork();
    log('after second uncork');
    w.end();
  });
  w.on('close', () => setTimeout(next, 1));
}

function drains(next) {
  tick = 0;
  ticker(30);
  const w = traced('drain', new Writable({
    highWaterMark: 2,
    write(chunk, enc, cb) { process.nextTick(cb); },
  }));
  log('write 1 ->', w.write('x'), 'needDrain', w.writableNeedDrain);
  log('write 2 ->', w.write('yz'), 'needDrain', w.writableNeedDrain);
  w.once('drain', () => {
    log('after drain needDrain', w.writableNeedDrain);
    w.end();
  });
  w.on('close', () => setTimeout(next, 1));
}

function misuse(next) {
  tick = 0;
  ticker(30);
  const w = traced('misuse', new Writable({ write(c, e, cb) { cb(); } }));
  for (const bad of [null, 1, {}]) {
    try {
      w.write(bad);
    } catch (err) {
      log('write', bad, '->', err.name, err.code, err.message);
    }
  }
  try {
    w.write('x', 'bogus');
  } catch (err) {
    log(err.code, err.message);
  }
  w.end();
  log('write after end ->', w.write('late', (err) => log('late cb', err.code)));
  w.end((err) => log('second end cb', err && err.code));

  const d = traced('destroyed', new Writable({ write(c, e, cb) { cb(); } }));
  d.destroy();
  d.write('x', (err) => log('write on destroyed cb', err.code, err.message));

  const m = traced('multi', new Writable({
    write(c, e, cb) {
      cb();
      cb();
    },
  }));
  m.write('x');

  const f = traced('failing', new Writable({
    write(c, e, cb) { cb(new Error('boom')); },
  }));
  f.write('1', (err) => log('failing cb 1', err.message));
  f.write('2', (err) => log('failing cb 2', err.message));
  log('errored', f.errored && f.errored.message, 'writableAborted', f.writableAborted);

  try {
    new Writable().write('x');
  } catch (err) {
    log('no _write:', err.code, err.message);
  }
  setTimeout(next, 5);
}

function writable(next) {
  const w = new Writable({ objectMode: true, write(c, e, cb) { log('object', c, e); cb(); } });
  log('hwm', w.writableHighWaterMark, w.writableObjectMode);
  w.write({ a: 1 });
  w.write('s', 'hex');
  log('instanceof', w instanceof Writable, new (require('stream').Duplex)() instanceof Writable,
      new (require('stream').Readable)() instanceof Writable);
  try {
    w.setDefaultEncoding('nope');
  } catch (err) {
    log(err.code, err.message);
  }
  log('setDefaultEncoding', w.setDefaultEncoding('HEX')._writableState.defaultEncoding);
  next();
}

basic(() => corked(() => drains(() => misuse(() => writable(() => log('done'))))));
