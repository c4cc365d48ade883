// readline.cursorTo/moveCursor/clearLine/clearScreenDown and readline/promises' Readline.
'use strict';
const readline = require('readline');
const { Readline } = require('readline/promises');
const { Writable } = require('stream');

const sink = {
  write(data, cb) {
    console.log('  write', JSON.stringify(data), typeof cb);
    if (typeof cb === 'function') cb();
    return 'write-result';
  },
};

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

attempt('cursorTo x', () => readline.cursorTo(sink, 3));
attempt('cursorTo x y', () => readline.cursorTo(sink, 3, 4));
attempt('cursorTo x cb', () => readline.cursorTo(sink, 0, () => {}));
attempt('cursorTo no numbers', () => readline.cursorTo(sink, 'a', 'b'));
attempt('cursorTo y only', () => readline.cursorTo(sink, undefined, 1));
attempt('cursorTo NaN x', () => readline.cursorTo(sink, NaN));
attempt('cursorTo NaN y', () => readline.cursorTo(sink, 1, NaN));
attempt('cursorTo null stream', () => readline.cursorTo(null, 1));
attempt('cursorTo bad cb', () => readline.cursorTo(sink, 1, 2, 'cb'));
attempt('moveCursor', () => readline.moveCursor(sink, -2, 3));
attempt('moveCursor other way', () => readline.moveCursor(sink, 5, -1));
attempt('moveCursor zero', () => readline.moveCursor(sink, 0, 0));
attempt('moveCursor null', () => readline.moveCursor(undefined, 1, 1));
attempt('clearLine left', () => readline.clearLine(sink, -1));
attempt('clearLine right', () => readline.clearLine(sink, 1));
attempt('clearLine all', () => readline.clearLine(sink, 0));
attempt('clearLine default', () => readline.clearLine(sink));
attempt('clearLine null', () => readline.clearLine(null, 0));
attempt('clearLine bad cb', () => readline.clearLine(sink, 0, 5));
attempt('clearScreenDown', () => readline.clearScreenDown(sink));
attempt('clearScreenDown null', () => readline.clearScreenDown(null));
attempt('clearScreenDown bad cb', () => readline.clearScreenDown(null, {}));

// Callbacks for streams that got nothing to write run on the next tick with null.
readline.cursorTo(null, 1, (...args) => console.log('cursorTo callback', args));
readline.moveCursor(sink, 0, 0, (...args) => console.log('moveCursor callback', args));
readline.clearLine(null, 0, (...args) => console.log('clearLine callback', args));
readline.clearScreenDown(undefined, (...args) => console.log('clearScreenDown callback', args));
console.log('callbacks are asynchronous');

const chunks = [];
const out = new Writable({
  write(chunk, enc, cb) {
    chunks.push(String(chunk));
    cb();
  },
});

attempt('Readline non-stream', () => new Readline({}));
attempt('Readline bad autoCommit', () => new Readline(out, { autoCommit: 'yes' }));
const r = new Readline(out);
attempt('cursorTo float', () => r.cursorTo(1.5));
attempt('cursorTo string', () => r.cursorTo('1'));
attempt('cursorTo bad y', () => r.cursorTo(1, '2'));
attempt('moveCursor missing dy', () => r.moveCursor(1));
attempt('clearLine 2', () => r.clearLine(2));
attempt('clearLine missing', () => r.clearLine());
console.log('chained:', r.cursorTo(0) === r, r.moveCursor(0, 0) === r, r.moveCursor(2, -1) === r,
            r.clearLine(-1) === r, r.clearLine(0) === r, r.clearLine(1) === r,
            r.clearScreenDown() === r, r.cursorTo(4, 2) === r, r.cursorTo(3, null) === r);
console.log('nothing written yet:', chunks.length);
(async () => {
  await r.commit();
  console.log('committed:', JSON.stringify(chunks));
  r.cursorTo(9);
  r.rollback();
  await r.commit();
  console.log('after rollback:', JSON.stringify(chunks));
  const auto = new Readline(out, { autoCommit: true });
  auto.cursorTo(1).moveCursor(1, 1);
  console.log('autoCommit writes later:', chunks.length);
  await new Promise((resolve) => setImmediate(resolve));
  console.log('autoCommit:', JSON.stringify(chunks));
})();
