// With TERM=dumb a terminal-mode interface writes no escape sequences: keys only append
// text, enter ends the line, ctrl+c/ctrl+d close.
'use strict';
process.env.TERM = 'dumb';
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
const chunks = [];
const output = new PassThrough();
output.write = (d) => { chunks.push(d); return true; };
const rl = readline.createInterface({ input, output, terminal: true, prompt: 'dumb> ' });
console.log('own _ttyWrite:', Object.keys(rl).includes('_ttyWrite'), rl._ttyWrite.name);
rl.on('line', (l) => console.log('line:', JSON.stringify(l)));
rl.on('close', () => console.log('closed'));
rl.prompt();
input.write('ab\x1b[Dc\x01\t\r\n');
rl.write('xy', { name: 'left' });
console.log('line/cursor:', JSON.stringify(rl.line), rl.cursor);
rl.question('Q? ', (a) => console.log('answer:', a));
input.write('yes\r');
console.log('output:', JSON.stringify(chunks));
input.write('\x04');

// readline/promises does not switch to the dumb handler.
const p = require('readline/promises').createInterface({ input: new PassThrough(), terminal: true });
console.log('promises own _ttyWrite:', Object.keys(p).includes('_ttyWrite'));
p.close();
