// args: one two
// -e, -p and --input-type through a child run of the same binary are not available yet
// (child_process comes later); this spec checks the in-process view of the flags.
console.log(process.execArgv, process.argv.slice(2));
