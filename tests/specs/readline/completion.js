// Tab completion: sync and callback completers (readline), async ones (readline/promises),
// common-prefix insertion, the candidate list on a second tab, and completer errors.
'use strict';
// Terminal-mode behaviour depends on TERM (TERM=dumb disables line editing).
process.env.TERM = 'xterm';
const readline = require('readline');
const readlinePromises = require('readline/promises');
const EventEmitter = require('events');
const { PassThrough } = require('stream');

class FakeOutput extends EventEmitter {
  constructor(columns) {
    super();
    this.columns = columns;
    this.chunks = [];
  }
  write(data) {
    this.chunks.push(data);
    return true;
  }
  take() {
    const out = this.chunks.join('');
    this.chunks = [];
    return out;
  }
}

const words = ['apple', 'apricot', 'avocado', 'banana', 'blueberry', 'cherry'];
function syncCompleter(line) {
  const last = line.split(' ').pop();
  const hits = words.filter((w) => w.startsWith(last));
  return [hits.length ? hits : words, last];
}

function make(mod, completer, columns) {
  const input = new PassThrough();
  const output = new FakeOutput(columns);
  const rl = mod.createInterface({ input, output, terminal: true, completer });
  return { input, output, rl };
}

function show(label, t) {
  console.log(label.padEnd(16), JSON.stringify(t.rl.line), t.rl.cursor, JSON.stringify(t.output.take()));
}

async function main() {
  const t = make(readline, syncCompleter);
  console.log('wrapped completer:', t.rl.completer.length);
  t.input.write('a');
  t.input.write('\t');
  show('a<tab>', t);
  t.input.write('p');
  t.input.write('\t');
  show('ap<tab>', t);
  t.input.write('\t');
  show('second tab', t);
  t.input.write('r\t');
  show('apr<tab>', t);
  t.input.write(' b\t');
  show('pasted tab', t);
  t.input.write('\t');
  show('b<tab>', t);
  t.input.write('\t');
  show('b<tab><tab>', t);
  t.input.write(' ');
  t.input.write('\t');
  t.input.write('\t');
  show('all words', t);

  // Narrow output: candidates laid out in columns.
  const narrow = make(readline, syncCompleter, 30);
  narrow.input.write('\t');
  narrow.input.write('\t');
  show('30 columns', narrow);

  // Groups separated by '' and a completion that replaces the typed text.
  const grouped = make(readline, (line) => [['x1', 'x2', '', 'y1'], line]);
  grouped.input.write('\t');
  grouped.input.write('\t');
  show('groups', grouped);
  const replace = make(readline, (line) => [['Hello'], line]);
  replace.input.write('hel\t');
  show('replace', replace);
  const none = make(readline, () => [[], '']);
  none.input.write('zz\t\t');
  show('no candidates', none);

  // A callback completer.
  let completed;
  const callbackDone = new Promise((resolve) => { completed = resolve; });
  const cb = make(readline, (line, callback) => {
    setImmediate(() => {
      callback(null, [['callback-done'], line]);
      completed();
    });
  });
  cb.input.write('call\t');
  show('before callback', cb);
  await callbackDone;
  show('after callback', cb);
  const cbErr = make(readline, (line, callback) => callback(new Error('no completions')));
  cbErr.input.write('q\t');
  console.log('callback error:', cbErr.output.take().split('\n')[0]);

  // readline/promises: completers may return promises.
  const p = make(readlinePromises, async (line) => [['promised'], line]);
  p.input.write('pro\t');
  show('promise pending', p);
  await new Promise((r) => setTimeout(r, 5));
  show('promise done', p);
  const pErr = make(readlinePromises, async () => { throw new TypeError('async failure'); });
  pErr.input.write('z\t');
  await new Promise((r) => setTimeout(r, 5));
  console.log('async error:', pErr.output.take().split('\n')[0]);

  // A completer that is not a function.
  try {
    readline.createInterface({ input: new PassThrough(), completer: 'nope' });
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  for (const x of [t, narrow, grouped, replace, none, cb, cbErr, p, pErr]) x.rl.close();
}
main();
