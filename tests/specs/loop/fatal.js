// exit: 1
// An uncaught error exits with code 1 after 'exit' listeners run.
process.on('exit', (code) => console.log('exit listener', code));
console.log('before');
setTimeout(() => { throw new TypeError('fatal'); }, 1);
