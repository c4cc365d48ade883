'use strict';
// Re-running this runtime through process.execPath, as Node's test harness does.
const cp = require('child_process');

const r = cp.spawnSync(process.execPath, ['-e', 'process.stdout.write("out"); console.error("err"); process.exit(3)'], { encoding: 'utf8' });
console.log(r.status, r.signal, JSON.stringify(r.stdout), JSON.stringify(r.stderr));

const echo = cp.spawnSync(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], { input: 'round trip' });
console.log(echo.status, echo.stdout.toString());

const env = cp.execFileSync(process.execPath, ['-p', 'process.env.RNODE_SPEC_VAR + " " + process.argv.slice(1).join(",")', 'a', 'b'], {
  env: { ...process.env, RNODE_SPEC_VAR: 'set' },
  encoding: 'utf8',
});
console.log(env.trim());

const child = cp.spawn(process.execPath, ['-e', 'process.stdin.on("data", (d) => process.stdout.write(String(d).toUpperCase()))']);
let out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (d) => { out += d; });
child.on('close', (code, signal) => {
  console.log('async', code, signal, JSON.stringify(out));
});
child.stdin.write('hello ');
child.stdin.end('world');
