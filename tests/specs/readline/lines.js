// Non-terminal interfaces: splitting input into lines (\n, \r\n, \r, crlfDelay), the
// last unterminated line at 'end', pause/resume/close events and write().
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');

function collect(label, chunks, options = {}) {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, ...options });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  for (const chunk of chunks) input.write(chunk);
  console.log(label, JSON.stringify(lines), 'pending:', JSON.stringify(rl._line_buffer));
  rl.close();
  return lines;
}

collect('lf:', ['a\nb\n', 'c\n']);
collect('crlf:', ['a\r\nb\r\n']);
collect('cr:', ['a\rb\rc']);
collect('mixed:', ['one\r\ntwo\nthree\rfour\n']);
collect('split crlf:', ['a\r', '\nb\n']);
collect('split crlf, infinite delay:', ['a\r', '\nb\n'], { crlfDelay: Infinity });
collect('empty lines:', ['\n\n\r\n\r\r\n']);
collect('partial:', ['ab', 'cd', 'e\nf', 'g']);
collect('utf8 split:', [Buffer.from([0x68, 0xc3]), Buffer.from([0xa9, 0x0a])]);
collect('buffer chunks:', [Buffer.from('x\ny\n')]);

// The unterminated last line arrives with 'end', then 'close'.
{
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const events = [];
  rl.on('line', (l) => events.push(`line:${l}`));
  rl.on('close', () => {
    events.push('close');
    console.log('end events:', events, 'closed:', rl.closed);
  });
  input.end('first\nlast');
}

// pause/resume/close events and their return values.
{
  const input = new PassThrough();
  const rl = readline.createInterface({ input, output: null });
  const events = [];
  for (const e of ['pause', 'resume', 'close']) rl.on(e, () => events.push(e));
  console.log('initial:', rl.paused, rl.closed, rl.terminal, rl.line, rl.cursor);
  console.log('pause ->', rl.pause() === rl, rl.paused, input.isPaused());
  console.log('pause again ->', rl.pause());
  console.log('resume ->', rl.resume() === rl, rl.paused);
  console.log('resume again ->', rl.resume());
  rl.pause();
  rl.write('written\n'); // write() resumes a paused interface
  console.log('after write:', rl.paused);
  rl.on('line', (l) => console.log('line from write:', l));
  rl.write('via write\n');
  rl.write(undefined);
  rl.close();
  rl.close();
  console.log('events:', events, 'closed:', rl.closed);
  console.log('input listeners after close:', input.listenerCount('data'), input.listenerCount('end'), input.listenerCount('error'));
}

// An interface created with an AbortSignal closes when it aborts.
{
  const ac = new AbortController();
  const rl = readline.createInterface({ input: new PassThrough(), signal: ac.signal });
  rl.on('close', () => console.log('closed by signal'));
  ac.abort();
  const aborted = AbortSignal.abort();
  const rl2 = readline.createInterface({ input: new PassThrough(), signal: aborted });
  rl2.on('close', () => console.log('closed by already-aborted signal (next tick)'));
  console.log('rl2 closed synchronously?', rl2.closed === true);
}

// Errors of the input are re-emitted.
{
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  rl.on('error', (e) => console.log('error event:', e.message));
  input.emit('error', new Error('input broke'));
  rl.close();
}
