// emitKeypressEvents: how terminal input is decoded into (str, key) keypress events.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
readline.emitKeypressEvents(input);
readline.emitKeypressEvents(input); // a second call is a no-op

let events = [];
input.on('keypress', (s, key) => events.push([s, key]));

function show(label, chunks) {
  events = [];
  for (const chunk of [].concat(chunks)) input.write(chunk);
  console.log(JSON.stringify(label));
  for (const [s, key] of events) console.log('  ', JSON.stringify(s), JSON.stringify(key));
}

show('plain', 'aZ9.~ é€');
show('controls', '\x01\x03\x04\x0b\x10\x1a\x00');
show('named', '\r\n\t\b\x7f ');
show('meta', '\x1ba\x1bZ\x1b5\x1b\r\x1b\n\x1b\t\x1b\b\x1b\x7f\x1b \x1b.');
show('double escape', ['\x1b\x1b[A', '\x1b\x1b\x1b', '\x1b\x1bx']);
show('arrows', '\x1b[A\x1b[B\x1b[C\x1b[D\x1b[E\x1b[F\x1b[H\x1bOA\x1bOB\x1bOC\x1bOD\x1bOE\x1bOF\x1bOH');
show('modified arrows', '\x1b[1;2A\x1b[1;3B\x1b[1;5C\x1b[1;6D\x1b[1;8H\x1b[2A\x1b[5D\x1bO2A\x1bO5B');
show('function keys', '\x1b[P\x1b[2Q\x1b[1;5R\x1b[S\x1bOP\x1bOQ\x1bOR\x1bOS\x1b[11~\x1b[12~\x1b[13~\x1b[14~\x1b[15~\x1b[17~\x1b[18~\x1b[19~\x1b[20~\x1b[21~\x1b[23~\x1b[24~');
show('cygwin', '\x1b[[A\x1b[[B\x1b[[C\x1b[[D\x1b[[E\x1b[[5~\x1b[[6~');
show('editing keys', '\x1b[1~\x1b[2~\x1b[3~\x1b[4~\x1b[5~\x1b[6~\x1b[7~\x1b[8~\x1b[3;5~\x1b[2;2~');
show('rxvt', '\x1b[a\x1b[b\x1b[c\x1b[d\x1b[e\x1bOa\x1bOb\x1bOc\x1bOd\x1bOe\x1b[2$\x1b[3^\x1b[7$\x1b[8^\x1b[6;5^');
show('misc', '\x1b[Z\x1b[200~pasted\x1b[201~\x1b[31mx\x1b[0m\x1b[1;31m\x1b]\x1b[999~\x1b[12;34H');
show('split', '\x1b[1;5D'.split(''));
show('surrogates', ['😀', 'a😀b', '\ud83d', '\ude00']);
show('utf8 bytes split', [Buffer.from([0xe2, 0x82]), Buffer.from([0xac, 0x61])]);

// The escape key alone is reported after escapeCodeTimeout (500 ms by default).
events = [];
input.write('\x1b');
console.log('right after lone ESC:', events.length);
setTimeout(() => {
  console.log('after timeout:', JSON.stringify(events));

  // A listener that throws does not break later decoding.
  const bad = new (require('events'))();
  readline.emitKeypressEvents(bad);
  let n = 0;
  bad.on('keypress', (s) => {
    n++;
    if (s === 'x') throw new Error('listener failed');
    console.log('bad stream key', JSON.stringify(s));
  });
  try {
    bad.emit('data', 'axb');
  } catch (e) {
    console.log('thrown:', e.message);
  }
  bad.emit('data', 'cd');
  console.log('keys seen:', n);

  // Without 'keypress' listeners the data listener is only added when one arrives.
  const lazy = new PassThrough();
  readline.emitKeypressEvents(lazy);
  console.log('data listeners before:', lazy.listenerCount('data'), 'newListener:', lazy.listenerCount('newListener'));
  lazy.on('keypress', (s) => console.log('lazy key', s));
  console.log('data listeners after:', lazy.listenerCount('data'), 'newListener:', lazy.listenerCount('newListener'));
  lazy.write('q');
}, 600);
