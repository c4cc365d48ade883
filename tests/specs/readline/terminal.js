// Terminal-mode line editing: what each key does to `line`/`cursor` and what is drawn.
'use strict';
// Terminal-mode behaviour depends on TERM (TERM=dumb disables line editing).
process.env.TERM = 'xterm';
const readline = require('readline');
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

function make(options = {}) {
  const input = new PassThrough();
  const output = new FakeOutput(options.columns);
  delete options.columns;
  const rl = readline.createInterface({ input, output, terminal: true, ...options });
  return { input, output, rl };
}

function state(label, t) {
  console.log(label.padEnd(22), JSON.stringify(t.rl.line), t.rl.cursor, JSON.stringify(t.output.take()));
}

// Typing and cursor movement.
{
  const t = make();
  t.rl.prompt();
  state('prompt', t);
  t.input.write('hello world');
  state('typed', t);
  t.input.write('\x1b[D\x1b[D');
  state('left x2', t);
  t.input.write('X');
  state('insert', t);
  t.input.write('\x01');
  state('ctrl+a', t);
  t.input.write('\x05');
  state('ctrl+e', t);
  t.input.write('\x1bb');
  state('meta+b', t);
  t.input.write('\x1b[1;5D');
  state('ctrl+left', t);
  t.input.write('\x1bf');
  state('meta+f', t);
  t.input.write('\x1b[1;5C');
  state('ctrl+right', t);
  t.input.write('\x02\x02');
  state('ctrl+b x2', t);
  t.input.write('\x06');
  state('ctrl+f', t);
  t.input.write('\x1b[H');
  state('home', t);
  t.input.write('\x1b[F');
  state('end', t);
  t.input.write('\x1b[C');
  state('right at end', t);
}

// Deleting, the kill ring and undo/redo.
{
  const t = make();
  t.input.write('one two three');
  t.output.take();
  t.input.write('\x7f');
  state('backspace', t);
  t.input.write('\x08');
  state('ctrl+h', t);
  t.input.write('\x17');
  state('ctrl+w', t);
  t.input.write('\x01\x1b[3~');
  state('delete', t);
  t.input.write('\x04');
  state('ctrl+d (not empty)', t);
  t.input.write('\x1bd');
  state('meta+d', t);
  t.input.write('\x0b');
  state('ctrl+k', t);
  t.input.write('abc def');
  t.input.write('\x1b\x7f');
  state('meta+backspace', t);
  t.input.write('\x15');
  state('ctrl+u', t);
  t.input.write('\x19');
  state('ctrl+y', t);
  t.input.write('\x1by');
  state('meta+y', t);
  t.input.write('\x1by');
  state('meta+y again', t);
  t.input.write('\x1f');
  state('undo', t);
  t.input.write('\x1f');
  state('undo', t);
  t.input.write('\x1e');
  state('redo', t);
  t.input.write('\x1b[3;5~');
  state('ctrl+delete', t);
  t.input.write('\x1b[1;6H');
  state('ctrl+shift+home', t);
}

// Enter, history and the 'history' event.
{
  const t = make({ historySize: 3 });
  const seen = [];
  t.rl.on('line', (l) => seen.push(l));
  t.rl.on('history', (h) => console.log('history event:', JSON.stringify(h)));
  t.input.write('first\rsecond\r\nthird\n   \nfourth\rfourth\r');
  console.log('lines:', JSON.stringify(seen), 'history:', JSON.stringify(t.rl.history), t.rl.historyIndex);
  t.output.take();
  t.input.write('\x1b[A');
  state('up', t);
  t.input.write('\x1b[A');
  state('up', t);
  t.input.write('\x1b[A');
  state('up (oldest)', t);
  t.input.write('\x1b[A');
  state('up past oldest', t);
  t.input.write('\x1b[B');
  state('down', t);
  t.input.write('\x0e\x0e\x0e');
  state('ctrl+n x3', t);
  t.input.write('th');
  t.input.write('\x1b[A');
  state('up with prefix th', t);
  t.input.write('\x1b[A');
  state('up again', t);
  t.input.write('\x10');
  state('ctrl+p', t);
}

// removeHistoryDuplicates and a history given as an option.
{
  const history = ['b', 'a'];
  const t = make({ history, removeHistoryDuplicates: true });
  t.input.write('a\rc\ra\r');
  console.log('history:', JSON.stringify(t.rl.history), t.rl.history === history);
  const t2 = make({ historySize: 0 });
  t2.input.write('x\r');
  console.log('history disabled:', JSON.stringify(t2.rl.history));
}

// Wrapping, wide characters, tabs and getCursorPos.
{
  const t = make({ columns: 10, prompt: '$ ' });
  t.rl.prompt();
  t.input.write('0123456789abc');
  console.log('pos:', t.rl.getCursorPos(), JSON.stringify(t.output.take()));
  t.input.write('\x01');
  console.log('pos after home:', t.rl.getCursorPos(), JSON.stringify(t.output.take()));
  const w = make({ columns: 6, prompt: '' });
  w.input.write('漢字漢');
  console.log('wide:', w.rl.getCursorPos(), JSON.stringify(w.output.take()));
  const tab = make({ tabSize: 4, prompt: 'ab' });
  tab.rl.write('\tx');
  console.log('tab:', tab.rl.getCursorPos());
  const emoji = make({ prompt: '' });
  emoji.input.write('a😀b');
  emoji.input.write('\x1b[D\x1b[D');
  console.log('emoji cursor:', emoji.rl.cursor, emoji.rl.getCursorPos());
  emoji.input.write('\x7f');
  console.log('emoji deleted:', JSON.stringify(emoji.rl.line), emoji.rl.cursor);
}

// write() with and without key objects, SIGINT, escape, ctrl+c and ctrl+d.
{
  const t = make();
  t.rl.write('abc');
  t.rl.write(null, { ctrl: true, name: 'a' });
  state('write ctrl+a', t);
  t.rl.write('\x1b[C'); // without a key object the text is inserted as is
  state('write escape text', t);
  t.rl.on('SIGINT', () => console.log('SIGINT event'));
  t.input.write('\x03');
  t.input.write('\x1b\x1b\x1b');
  state('escape ignored', t);
  t.rl.on('close', () => console.log('closed'));
  t.input.write('\x01\x0b\x04');
  console.log('closed after ctrl+d on empty line:', t.rl.closed);
  const t2 = make();
  t2.rl.on('close', () => console.log('ctrl+c closes without SIGINT listener'));
  t2.input.write('\x03');
  const t3 = make();
  t3.rl.on('SIGTSTP', () => console.log('SIGTSTP event'));
  t3.rl.on('SIGCONT', () => console.log('never: SIGCONT only follows a real suspension'));
  t3.input.write('\x1a');
  console.log('still open after ctrl+z:', t3.rl.closed);
  t3.rl.close();
}

// Lines ended by 'end' in terminal mode.
{
  const t = make();
  t.rl.on('line', (l) => console.log('line at end:', l));
  t.rl.on('close', () => console.log('closed at end'));
  t.input.end('unterminated');
}
