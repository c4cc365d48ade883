// exit: 5
// process.exit runs 'exit' listeners once and skips pending work.
process.on('exit', (code) => console.log('exit', code, process.exitCode));
setTimeout(() => console.log('never'), 0);
console.log('before');
process.exit(5);
console.log('never after exit');
