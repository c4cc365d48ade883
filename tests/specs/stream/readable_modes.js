// Readable: paused vs flowing mode, 'readable'/'data'/'end'/'close' order against
// nextTick boundaries, read(n), push() return values, unshift, setEncoding.
'use strict';
const { Readable } = require('stream');

let tick = 0;
function ticker(n) {
  if (n > 0) process.nextTick(() => { tick++; ticker(n - 1); });
}
const log = (...args) => console.log(`[t${tick}]`, ...args);

function traced(name, r, events = ['end', 'close', 'pause', 'resume', 'error']) {
  for (const ev of events) {
    r.on(ev, (arg) => log(name, ev, arg instanceof Error ? arg.message : ''));
  }
  return r;
}

function section1() {
  ticker(20);
  const r = traced('paused', new Readable({ read() {} }),
                   ['readable', 'end', 'close', 'pause', 'resume', 'error']);
  log('push a ->', r.push('a'), 'flowing', r.readableFlowing);
  log('push bc ->', r.push('bc'), 'length', r.readableLength);
  r.once('readable', () => {
    log('read(1)', String(r.read(1)));
    log('read()', String(r.read()));
    log('read() again', r.read());
    r.push(null);
    r.once('readable', () => log('read() at end', r.read()));
  });
  setTimeout(section2, 5);
}

function section2() {
  tick = 0;
  ticker(20);
  const chunks = ['x', 'y', 'z'];
  const r = traced('flowing', new Readable({
    highWaterMark: 2,
    read(size) {
      log('_read', size);
      const c = chunks.shift();
      r.push(c === undefined ? null : c);
    },
  }));
  r.on('data', (d) => log('data', String(d), 'flowing', r.readableFlowing));
  log('after on(data) flowing', r.readableFlowing);
  setTimeout(section3, 5);
}

function section3() {
  tick = 0;
  ticker(20);
  const r = traced('pauseResume', new Readable({ read() {} }));
  r.on('data', (d) => {
    log('data', String(d));
    if (String(d) === 'one') {
      r.pause();
      log('paused', r.isPaused(), r.readableFlowing);
      setTimeout(() => { log('resuming'); r.resume(); }, 1);
    }
  });
  r.push('one');
  r.push('two');
  r.push(null);
  setTimeout(section4, 10);
}

function section4() {
  tick = 0;
  const r = new Readable({ read() {} });
  r.push(Buffer.from([0xe2, 0x82]));
  r.setEncoding('utf8');
  r.push(Buffer.from([0xac]));
  r.push('!');
  r.unshift('>');
  r.push(null);
  log('encoding', r.readableEncoding, 'length', r.readableLength);
  r.on('data', (d) => log('decoded', JSON.stringify(d)));
  r.on('end', () => {
    log('ended', r.readableEnded);
    section5();
  });
}

function section5() {
  const r = new Readable({ objectMode: true, read() {} });
  log('objectMode hwm', r.readableHighWaterMark, 'bytes hwm', new Readable().readableHighWaterMark);
  log('push returns', [1, 2, 3].map((v) => r.push(v)), r.readableLength);
  log('read(100) in objectMode', r.read(100));
  const big = new Readable({ read() {} });
  big.push(Buffer.alloc(10));
  log('read(5)', big.read(5).length, 'remaining', big.readableLength);
  log('read(20) before end', big.read(20));
  big.read(1000);
  log('hwm raised to', big.readableHighWaterMark);
  big.push(null);
  log('read(20) after end', big.read(20).length);
  const r2 = new Readable();
  r2.on('error', (err) => log('error event', err.code, err.message));
  r2.read();
}

section1();
