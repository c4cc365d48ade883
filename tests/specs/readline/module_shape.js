// The shape of readline and readline/promises: exports, prototypes, lengths, legacy names.
'use strict';
// Terminal-mode behaviour depends on TERM (TERM=dumb disables line editing).
process.env.TERM = 'xterm';
const readline = require('readline');
const promises = require('readline/promises');
const { promisify } = require('util');
const EventEmitter = require('events');
const { PassThrough } = require('stream');

console.log('readline:', Object.keys(readline));
console.log('promises:', Object.keys(promises), readline.promises === promises);
console.log('lengths:', readline.Interface.length, readline.createInterface.length,
            readline.cursorTo.length, readline.moveCursor.length, readline.clearLine.length,
            readline.clearScreenDown.length, readline.emitKeypressEvents.length);
const Base = Object.getPrototypeOf(readline.Interface);
console.log('base:', Base.name, Object.getPrototypeOf(promises.Interface) === Base,
            Object.getPrototypeOf(Base.prototype) === EventEmitter.prototype,
            Object.getPrototypeOf(Base) === EventEmitter);
console.log('base proto:', Object.getOwnPropertyNames(Base.prototype));
console.log('base symbols:', Object.getOwnPropertySymbols(Base.prototype).map(String));
console.log('readline proto:', Object.getOwnPropertyNames(readline.Interface.prototype));
for (const name of ['_prompt', '_ttyWrite', '_tabComplete', '_getCursorPos']) {
  const d = Object.getOwnPropertyDescriptor(readline.Interface.prototype, name);
  console.log(' ', name, d.get ? 'accessor' : `${d.value.name}/${d.value.length}`, d.enumerable);
}
console.log('question:', readline.Interface.prototype.question.length,
            promisify(readline.Interface.prototype.question).name,
            promises.Interface.prototype.question.length);
console.log('promises proto:', Object.getOwnPropertyNames(promises.Interface.prototype));
console.log('Readline proto:', Object.getOwnPropertyNames(promises.Readline.prototype),
            promises.Readline.length, promises.Readline.prototype.cursorTo.length,
            promises.Readline.prototype.moveCursor.length);

// Without `new` readline.Interface still builds an interface.
const input = new PassThrough();
const rl = readline.Interface({ input, output: null });
console.log('called without new:', rl instanceof readline.Interface, rl instanceof EventEmitter);
console.log('own keys:', Object.keys(rl));
console.log('own symbols:', Object.getOwnPropertySymbols(rl).map(String));
console.log('columns:', rl.columns, 'terminal:', rl.terminal, 'crlfDelay:', rl.crlfDelay,
            'historySize:', rl.historySize, 'tabSize:', rl.tabSize,
            'escapeCodeTimeout:', rl.escapeCodeTimeout);
console.log('listeners:', rl.eventNames(), rl.listeners('close').map((f) => f.name));
rl.close();

const trl = new readline.Interface({ input: new PassThrough(), output: new PassThrough(), terminal: true });
console.log('terminal own keys:', Object.keys(trl));
console.log('terminal close listener:', trl.listeners('close').map((f) => f.name));
console.log('rl._prompt:', trl._prompt, trl._sawReturnAt, trl._previousKey, trl._questionCallback);
// Overriding a legacy method changes what the interface does.
const written = [];
trl._writeToOutput = (s) => written.push(s);
trl.write('hi');
console.log('overridden _writeToOutput saw:', written);
trl.close();

const prl = promises.createInterface({ input: new PassThrough(), crlfDelay: 250, historySize: 5, tabSize: 2 });
console.log('promises interface:', prl instanceof promises.Interface, prl.crlfDelay, prl.historySize, prl.tabSize);
prl.close();

// Option validation.
function attempt(label, options) {
  try {
    readline.createInterface({ input: new PassThrough(), ...options }).close();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
attempt('historySize -1', { historySize: -1 });
attempt('historySize NaN', { historySize: NaN });
attempt('historySize string', { historySize: '5' });
attempt('history string', { history: 'x' });
attempt('escapeCodeTimeout', { escapeCodeTimeout: 'x' });
attempt('escapeCodeTimeout Infinity', { escapeCodeTimeout: Infinity });
attempt('tabSize 0', { tabSize: 0 });
attempt('tabSize 1.5', { tabSize: 1.5 });
attempt('signal', { signal: 'x' });
attempt('crlfDelay small', { crlfDelay: 10 });
try {
  readline.createInterface();
} catch (e) {
  console.log('no input:', e.name, e.message);
}
