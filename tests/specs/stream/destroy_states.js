// destroy() semantics and the state getters: destroyed/closed/errored,
// readableAborted/writableAborted, autoDestroy and emitClose switched off,
// _construct, _destroy callbacks, stream.isErrored/isReadable/isDisturbed.
'use strict';
const stream = require('stream');
const { Readable, Writable, Duplex, PassThrough } = stream;

const out = [];
const fmt = (x) => (x instanceof Error ? `${x.name}[${x.code ?? ''}] ${x.message}` : typeof x === 'string' ? x : JSON.stringify(x));
const log = (...args) => out.push(args.map(fmt).join(' '));
process.on('exit', () => console.log(out.join('\n')));

function events(name, s) {
  for (const ev of ['end', 'finish', 'close', 'error']) s.on(ev, (e) => log(name, ev, e ?? ''));
  return s;
}

{
  const r = events('r', new Readable({ read() {} }));
  log('fresh', r.destroyed, r.closed, r.errored, r.readableAborted, stream.isReadable(r), stream.isDisturbed(r));
  r.destroy(new Error('gone'), (err) => log('destroy cb', err));
  log('after destroy', r.destroyed, r.closed, r.errored && r.errored.message, r.readableAborted,
      stream.isErrored(r), stream.isReadable(r), stream.isDestroyed(r));
  log('push after destroy', r.push('x'));
  r.destroy(new Error('second'), () => log('second destroy cb'));
}

{
  const w = events('w', new Writable({
    write(c, e, cb) { setImmediate(cb); },
    destroy(err, cb) {
      log('w _destroy', err);
      setImmediate(() => cb(err));
    },
  }));
  w.write('a', (err) => log('w write a cb', err ?? null));
  w.write('b', (err) => log('w write b cb', err ?? null));
  w.end((err) => log('w end cb', err));
  w.destroy();
  log('w after destroy', w.destroyed, w.closed, w.writableAborted, w.writable);
}

{
  const noAuto = events('noAuto', new PassThrough({ autoDestroy: false }));
  noAuto.resume();
  noAuto.end('x');
  setImmediate(() => log('noAuto destroyed?', noAuto.destroyed, noAuto.writableFinished, noAuto.readableEnded));
  const noClose = events('noClose', new PassThrough({ emitClose: false }));
  noClose.destroy();
  setImmediate(() => log('noClose closed', noClose.closed, noClose.destroyed));
}

{
  const c = events('constructed', new Duplex({
    construct(cb) {
      log('construct');
      setImmediate(() => cb());
    },
    read() {
      log('read after construct');
      this.push(null);
    },
    write(chunk, enc, cb) {
      log('write after construct', String(chunk));
      cb();
    },
  }));
  c.write('early');
  c.resume();
  c.end();
  const f = events('constructFail', new Writable({
    construct(cb) { cb(new Error('no construct')); },
    write(c, e, cb) { cb(); },
  }));
  f.write('x', (err) => log('constructFail write cb', err));
  const d = events('destroyWhileConstructing', new Readable({
    construct(cb) { setImmediate(cb); },
    read() {},
    destroy(err, cb) {
      log('destroyWhileConstructing _destroy', err);
      cb(err);
    },
  }));
  d.destroy(new Error('early destroy'));
}

{
  const t = events('throwingDestroy', new Readable({
    read() {},
    destroy() { throw new Error('destroy threw'); },
  }));
  t.destroy();
  const s = new PassThrough();
  log('stream.destroy returns', stream.destroy(s), s.destroyed);
  s.on('error', (err) => log('stream.destroy error', err));
  s.on('close', () => log('stream.destroy close'));
}

{
  const r = events('unshiftAfterEnd', new Readable({ read() { this.push(null); } }));
  r.resume();
  r.on('end', () => {
    r.unshift('late');
  });
  const p = events('pushAfterEof', new Readable({ read() {} }));
  p.push(null);
  p.push('more');
  const bad = events('badChunk', new Readable({ read() {} }));
  bad.push(42);
}
