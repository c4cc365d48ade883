// `for await (const line of rl)`: lines in order, ending at close; break; errors.
'use strict';
const readline = require('readline');
const { Readable, PassThrough } = require('stream');

async function main() {
  {
    const input = Readable.from(['alpha\nbe', 'ta\r\ngamma\n', 'delta']);
    const rl = readline.createInterface({ input, crlfDelay: Infinity });
    const lines = [];
    for await (const line of rl) lines.push(line);
    console.log('all lines:', lines, 'closed:', rl.closed);
    console.log('same iterator:', rl[Symbol.asyncIterator]() === rl[Symbol.asyncIterator]());
  }
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    setImmediate(() => input.write('one\ntwo\nthree\n'));
    const lines = [];
    for await (const line of rl) {
      lines.push(line);
      if (line === 'two') break;
    }
    console.log('after break:', lines, 'line listeners:', rl.listenerCount('line'), 'closed:', rl.closed);
    rl.close();
  }
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const it = rl[Symbol.asyncIterator]();
    const pending = it.next();
    input.write('later\n');
    console.log('pending next:', await pending);
    input.emit('error', new Error('source failed'));
    await it.next().catch((e) => console.log('iterator rejected:', e.message));
    console.log('then done:', await it.next());
    rl.close();
  }
  {
    // Lines buffered before iteration starts are not lost.
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const it = rl[Symbol.asyncIterator]();
    input.end('x\ny\n');
    const lines = [];
    for await (const line of it) lines.push(line);
    console.log('buffered:', lines);
  }
}
main();
