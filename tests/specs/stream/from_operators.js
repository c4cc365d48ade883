// Readable.from, async iteration (break, errors, destroyOnReturn), the iterator
// helpers (map/filter/flatMap/drop/take/reduce/toArray/some/find/every/forEach),
// compose and Duplex.from.
'use strict';
const { Readable, Writable, Duplex, PassThrough, compose } = require('stream');

const out = [];
const fmt = (x) => (x instanceof Error ? `${x.name}[${x.code ?? ''}] ${x.message}` : Buffer.isBuffer(x) ? `<${x}>` : typeof x === 'string' ? x : JSON.stringify(x));
const log = (...args) => out.push(args.map(fmt).join(' '));
process.on('exit', () => console.log(out.join('\n')));

(async () => {
  const r = Readable.from(['a', 'b']);
  log('from: objectMode', r.readableObjectMode, 'hwm', r.readableHighWaterMark);
  log('from string', await Readable.from('whole').toArray());
  log('from buffer', await Readable.from(Buffer.from('buf')).toArray());
  log('from promises', await Readable.from([Promise.resolve(1), 2]).toArray());
  log('from bytes', await Readable.from(['ab', 'cd'], { objectMode: false }).toArray());
  try {
    Readable.from(42);
  } catch (err) {
    log('from 42', err);
  }
  try {
    await Readable.from([1, null, 2]).toArray();
  } catch (err) {
    log('from null', err);
  }

  const chunks = [];
  for await (const c of Readable.from([1, 2, 3])) chunks.push(c);
  log('for await', chunks);

  const early = Readable.from([1, 2, 3]);
  for await (const c of early) {
    log('break at', c);
    break;
  }
  log('after break destroyed', early.destroyed);

  const kept = Readable.from([1, 2, 3]);
  for await (const c of kept.iterator({ destroyOnReturn: false })) {
    log('kept first', c);
    break;
  }
  log('kept destroyed', kept.destroyed, 'rest', await kept.toArray());

  const failing = new Readable({ read() { this.destroy(new Error('read failed')); } });
  try {
    for await (const c of failing) log('unexpected', c);
  } catch (err) {
    log('iteration error', err);
  }

  const nums = () => Readable.from([1, 2, 3, 4, 5]);
  log('map', await nums().map((x) => x * 2).toArray());
  log('map async concurrency', await nums().map(async (x) => {
    await new Promise((resolve) => setTimeout(resolve, (6 - x) * 2));
    return x;
  }, { concurrency: 3 }).toArray());
  log('filter', await nums().filter((x) => x % 2).toArray());
  log('flatMap', await nums().take(2).flatMap((x) => [x, x * 10]).toArray());
  log('drop/take', await nums().drop(1).take(2).toArray());
  log('reduce', await nums().reduce((a, b) => a + b), await nums().reduce((a, b) => a + b, 100));
  log('some/every/find', await nums().some((x) => x > 4), await nums().every((x) => x > 4),
      await nums().find((x) => x > 2));
  const seen = [];
  await nums().forEach((x) => { seen.push(x); });
  log('forEach', seen);
  try {
    await Readable.from([]).reduce((a, b) => a + b);
  } catch (err) {
    log('reduce empty', err);
  }
  try {
    nums().map(5);
  } catch (err) {
    log('map non-function', err);
  }
  try {
    nums().take(-1);
  } catch (err) {
    log('take negative', err);
  }
  try {
    await nums().map((x) => x, { concurrency: 0 }).toArray();
  } catch (err) {
    log('concurrency 0', err);
  }
  const ac = new AbortController();
  ac.abort();
  try {
    await nums().toArray({ signal: ac.signal });
  } catch (err) {
    log('toArray aborted', err);
  }
  log('operator names', Readable.prototype.map.name, Readable.prototype.map.length,
      Readable.prototype.reduce.length, typeof Readable.prototype.asIndexedPairs);

  const upper = compose(
    async function* (source) { for await (const c of source) yield String(c).toUpperCase(); },
    new PassThrough({ objectMode: true }),
  );
  upper.end('composed');
  log('compose', await upper.toArray());
  log('compose operator', await Readable.from(['q']).compose(async function* (s) {
    for await (const c of s) yield `${c}${c}`;
  }).toArray());

  const fromPromise = Duplex.from(Promise.resolve('resolved'));
  log('Duplex.from(promise)', fromPromise.writable, await fromPromise.toArray());
  const fromIterable = Duplex.from(['i1', 'i2']);
  log('Duplex.from(iterable)', fromIterable.writable, await fromIterable.toArray());
  const written = [];
  const pair = Duplex.from({
    readable: Readable.from(['p1']),
    writable: new Writable({ write(c, e, cb) { written.push(String(c)); cb(); } }),
  });
  pair.end('to-writable');
  log('Duplex.from(pair)', await pair.toArray());
  await new Promise((resolve) => setImmediate(resolve));
  log('pair wrote', written);
  const echo = Duplex.from(async function* (source) {
    for await (const c of source) yield `echo:${c}`;
  });
  echo.write('e1');
  echo.end('e2');
  log('Duplex.from(async generator fn)', await echo.toArray());
  try {
    Duplex.from(7);
  } catch (err) {
    log('Duplex.from(7)', err);
  }
})();
