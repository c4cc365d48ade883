// process: argv, env coercion, cwd, hrtime, memoryUsage shape, nextTick args, versions.
console.log(process.argv.length, require('path').basename(process.argv[1]));
process.env.RNODE_SPEC = 1;
console.log(typeof process.env.RNODE_SPEC, process.env.RNODE_SPEC);
delete process.env.RNODE_SPEC;
console.log(process.env.RNODE_SPEC, 'RNODE_SPEC' in process.env);
console.log(process.cwd() === __dirname, process.version, process.versions.node, process.platform, process.arch);
const [s, ns] = process.hrtime();
console.log(Number.isInteger(s), Number.isInteger(ns), typeof process.hrtime.bigint());
console.log(Object.keys(process.memoryUsage()).join());
process.nextTick((a, b) => console.log('tick args', a, b), 1, 2);
console.log(typeof process.pid, typeof process.ppid, typeof process.umask(), process.title.length > 0);
try { process.chdir('/definitely/not/here'); } catch (e) { console.log(e.code, e.syscall); }
console.log(process.exitCode, typeof process.emitWarning, process.release.name);
