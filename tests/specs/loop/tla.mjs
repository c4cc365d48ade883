// exit: 13
// A top-level await that can never settle: exit code 13.
console.log('start');
await new Promise(() => {});
