// exit: 1
// An 'error' event without listeners throws; uncaught, it ends the process with code 1.
'use strict';
const EventEmitter = require('events');

process.on('exit', (code) => console.log('exit code', code));
const e = new EventEmitter();
console.log('before emit');
e.emit('error', new Error('nobody listens'));
console.log('not reached');
