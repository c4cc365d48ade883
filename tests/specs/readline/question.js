// question(): callback and promise forms, AbortSignal, util.promisify, closed interfaces,
// prompts and setPrompt/getPrompt.
'use strict';
// Terminal-mode behaviour depends on TERM (TERM=dumb disables line editing).
process.env.TERM = 'xterm';
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { promisify } = require('util');
const { PassThrough } = require('stream');

function make(mod, options = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d) => { written += d; });
  const rl = mod.createInterface({ input, output, ...options });
  return { input, rl, out: () => { const w = written; written = ''; return w; } };
}

async function main() {
  // Callback form.
  {
    const t = make(readline);
    console.log('prompt:', JSON.stringify(t.rl.getPrompt()));
    t.rl.setPrompt('>> ');
    t.rl.question('Name? ', (answer) => {
      console.log('answer:', answer, 'prompt restored:', JSON.stringify(t.rl.getPrompt()));
    });
    console.log('prompt while asking:', JSON.stringify(t.rl.getPrompt()));
    // A second question while one is pending only re-prompts.
    t.rl.question('Ignored? ', () => console.log('never'));
    const lines = [];
    t.rl.on('line', (l) => lines.push(l));
    t.input.write('Ada\nnext line\n');
    await new Promise((r) => setImmediate(r));
    console.log('lines:', lines, 'output:', JSON.stringify(t.out()));
    t.rl.prompt();
    await new Promise((r) => setImmediate(r));
    console.log('prompt output:', JSON.stringify(t.out()));
    t.rl.close();
    try {
      t.rl.question('closed?', () => {});
    } catch (e) {
      console.log('after close:', e.name, e.code, e.message);
    }
  }

  // Callback form with a signal.
  {
    const t = make(readline);
    const ac = new AbortController();
    t.rl.question('Abort me? ', { signal: ac.signal }, () => console.log('never'));
    ac.abort();
    t.rl.on('line', (l) => console.log('line after abort:', l));
    t.input.write('typed\n');
    const aborted = AbortSignal.abort();
    t.rl.question('Not asked', { signal: aborted }, () => console.log('never'));
    try {
      t.rl.question('x', { signal: 'nope' }, () => {});
    } catch (e) {
      console.log('bad signal:', e.code);
    }
    t.rl.question('no callback');
    await new Promise((r) => setImmediate(r));
    console.log('output:', JSON.stringify(t.out()));
    t.rl.close();
  }

  // util.promisify(rl.question)
  {
    const t = make(readline);
    const question = promisify(t.rl.question).bind(t.rl);
    console.log('promisified name:', promisify(readline.Interface.prototype.question).name);
    const p = question('Q? ');
    t.input.write('yes\n');
    console.log('promisified answer:', await p);
    const ac = new AbortController();
    const p2 = question('Q2? ', { signal: ac.signal });
    ac.abort('stop');
    await p2.catch((e) => console.log('promisified abort:', e.name, e.code, e.cause));
    await question('Q3?', { signal: AbortSignal.abort('early') })
      .catch((e) => console.log('pre-aborted:', e.name, e.cause));
    t.rl.close();
  }

  // readline/promises
  {
    const t = make(readlinePromises);
    const p = t.rl.question('Promise? ');
    t.input.write('answered\n');
    console.log('promise answer:', await p);
    const ac = new AbortController();
    const p2 = t.rl.question('Abort? ', { signal: ac.signal });
    ac.abort();
    await p2.catch((e) => console.log('promise abort:', e.name, e.code, e.message));
    await t.rl.question('bad', { signal: 1 }).catch((e) => console.log('bad signal:', e.code));
    await t.rl.question('pre', { signal: AbortSignal.abort() }).catch((e) => console.log('pre-aborted:', e.name));
    console.log('null options:', await (async () => {
      const q = t.rl.question('n? ', null);
      t.input.write('fine\n');
      return q;
    })());
    console.log('output:', JSON.stringify(t.out()));
    t.rl.close();
    await t.rl.question('closed').catch((e) => console.log('closed:', e.code, e.message));
  }

  // Terminal-mode question redraws the prompt.
  {
    const t = make(readline, { terminal: true });
    t.rl.question('T? ', (a) => console.log('terminal answer:', a));
    t.input.write('ok\r');
    await new Promise((r) => setImmediate(r));
    console.log('terminal output:', JSON.stringify(t.out()));
    t.rl.close();
  }
}
main();
