// pipeline() (callback and promise forms) with streams, generators and async
// functions; finished() and its options; addAbortSignal.
'use strict';
const stream = require('stream');
const { Readable, Writable, PassThrough, Transform, pipeline, finished, addAbortSignal } = stream;
const sp = require('stream/promises');
const { promisify } = require('util');

const out = [];
const fmt = (x) => (x instanceof Error ? `${x.name}[${x.code ?? ''}] ${x.message}` : typeof x === 'string' ? x : JSON.stringify(x));
const log = (...args) => out.push(args.map(fmt).join(' '));
process.on('exit', () => console.log(out.join('\n')));

function collector(name) {
  const got = [];
  const w = new Writable({
    objectMode: true,
    write(chunk, enc, cb) {
      got.push(String(chunk));
      cb();
    },
    final(cb) {
      log(name, 'final', got);
      cb();
    },
  });
  return w;
}

const steps = [
  (next) => {
    pipeline(
      Readable.from(['a', 'b', 'c']),
      new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c.toUpperCase()); } }),
      collector('basic'),
      (err) => {
        log('basic done', err === undefined ? 'undefined' : err);
        next();
      },
    );
  },
  (next) => {
    pipeline(
      async function* () { yield 'x'; yield 'y'; },
      async function* (source) { for await (const c of source) yield `${c}!`; },
      async function(source) {
        const all = [];
        for await (const c of source) all.push(c);
        return all.join('');
      },
      (err, value) => {
        log('generators done', err, value);
        next();
      },
    );
  },
  (next) => {
    const src = new Readable({ read() {} });
    const mid = new PassThrough();
    const dst = collector('failing');
    pipeline(src, mid, dst, (err) => {
      log('failing done', err);
      log('destroyed', src.destroyed, mid.destroyed, dst.destroyed);
      next();
    });
    src.push('one');
    setImmediate(() => mid.destroy(new Error('middle broke')));
  },
  (next) => {
    const src = new Readable({ read() {} });
    pipeline(src, collector('premature'), (err) => {
      log('premature done', err);
      next();
    });
    setImmediate(() => src.destroy());
  },
  async (next) => {
    const value = await sp.pipeline(Readable.from([1, 2, 3]), async function* (s) {
      let sum = 0;
      for await (const n of s) sum += n;
      yield String(sum);
    }, async (s) => {
      let r = '';
      for await (const c of s) r += c;
      return `sum=${r}`;
    });
    log('promise pipeline value', value);
    const ac = new AbortController();
    const p = sp.pipeline(new Readable({ read() {} }), collector('aborted'), { signal: ac.signal });
    ac.abort();
    try {
      await p;
    } catch (err) {
      log('aborted pipeline', err);
    }
    log('promisify(pipeline) is promises.pipeline', promisify(pipeline) === sp.pipeline,
        promisify(finished) === sp.finished);
    next();
  },
  (next) => {
    try {
      pipeline(Readable.from(['a']), () => {});
    } catch (err) {
      log('too few streams', err);
    }
    try {
      pipeline(Readable.from(['a']), new PassThrough());
    } catch (err) {
      log('no callback', err);
    }
    try {
      pipeline(() => 1, new PassThrough(), () => {});
    } catch (err) {
      log('bad source', err);
    }
    next();
  },
  (next) => {
    const r = new Readable({ read() {} });
    finished(r, (err) => log('finished after end', err === undefined ? 'undefined' : err));
    r.resume();
    r.push(null);
    const w = new Writable({ write(c, e, cb) { cb(); } });
    const cleanup = finished(w, (err) => log('never called', err));
    cleanup();
    w.end();
    const p = new PassThrough();
    finished(p, { readable: false }, (err) => log('writable side only', err === undefined ? 'undefined' : err));
    p.end('data');
    const e = new PassThrough();
    finished(e, (err) => log('finished with error', err));
    e.destroy(new Error('kaput'));
    const ac = new AbortController();
    const s = new PassThrough();
    finished(s, { signal: ac.signal }, (err) => log('finished aborted', err, err.cause && err.cause.name));
    ac.abort();
    sp.finished(Readable.from([])).then(() => log('promise finished'));
    try {
      finished({}, () => {});
    } catch (err) {
      log('not a stream', err);
    }
    setTimeout(next, 5);
  },
  (next) => {
    const ac = new AbortController();
    const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
    r.on('error', (err) => log('addAbortSignal error', err, 'cause', err.cause.message));
    r.on('close', () => {
      log('addAbortSignal close', r.destroyed);
      next();
    });
    ac.abort(new Error('reason'));
    try {
      addAbortSignal('nope', r);
    } catch (err) {
      log('bad signal', err);
    }
  },
];

(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
  else log('done');
})(0);
