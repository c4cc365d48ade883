'use strict';
// spawnSync / execSync / execFileSync: result shapes, options and errors.
const cp = require('child_process');

function show(label, r) {
  const o = {};
  for (const k of Object.keys(r)) {
    if (k === 'pid') o.pid = typeof r.pid;
    else if (k === 'error') o.error = r.error && { message: r.error.message, keys: Object.keys(r.error), code: r.error.code, errno: r.error.errno, syscall: r.error.syscall, path: r.error.path, spawnargs: r.error.spawnargs };
    else o[k] = r[k];
  }
  console.log(label, o);
}

show('echo', cp.spawnSync('echo', ['hi', 'there']));
show('utf8', cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3'], { encoding: 'utf8' }));
show('enoent', cp.spawnSync('does-not-exist-rnode', ['a', 'b']));
show('signal', cp.spawnSync('sh', ['-c', 'kill -9 $$']));
show('timeout', cp.spawnSync('sleep', ['5'], { timeout: 50 }));
show('timeout-kill', cp.spawnSync('sleep', ['5'], { timeout: 50, killSignal: 'SIGKILL' }));
show('maxBuffer', cp.spawnSync('sh', ['-c', 'printf abcdef; exec sleep 5'], { maxBuffer: 3, encoding: 'latin1' }));
show('input-string', cp.spawnSync('cat', { input: 'héllo' }));
show('input-buffer', cp.spawnSync('cat', { input: Buffer.from('buf'), encoding: 'utf8' }));
show('input-u16', cp.spawnSync('cat', { input: new Uint16Array([0x6968]), encoding: 'utf8' }));
show('input-hex', cp.spawnSync('cat', { input: '414243', encoding: 'hex' }));
show('inherit', cp.spawnSync('true', { stdio: 'inherit' }));
show('ignore', cp.spawnSync('sh', ['-c', 'echo x'], { stdio: 'ignore' }));
show('mixed', cp.spawnSync('sh', ['-c', 'echo a; echo b >&2; echo c >&3'], { stdio: ['ignore', 'pipe', 'ignore', 'pipe'], encoding: 'utf8' }));
show('cwd', cp.spawnSync('pwd', { cwd: '/', encoding: 'utf8' }));
show('cwd-enoent', cp.spawnSync('pwd', { cwd: '/does/not/exist' }));
show('env', cp.spawnSync('sh', ['-c', 'echo "$FOO-$BAR"'], { env: { FOO: 'foo', BAR: 1 }, encoding: 'utf8' }));
show('shell', cp.spawnSync('echo $((1+2)) | tr 3 x', { shell: true, encoding: 'utf8' }));
show('shell-path', cp.spawnSync('echo', ['$0'], { shell: '/bin/sh', encoding: 'utf8' }));
show('argv0', cp.spawnSync('sh', ['-c', 'echo $0'], { argv0: 'custom0', encoding: 'utf8' }));
show('args-null', cp.spawnSync('echo', null, { encoding: 'utf8' }));
show('exit-code', cp.spawnSync('sh', ['-c', 'exit 42']));

console.log(String(cp.execSync('echo exec-sync')));
console.log(cp.execSync('echo $0', { encoding: 'utf8', shell: '/bin/sh' }));
console.log(cp.execFileSync('echo', ['file', 'sync'], { encoding: 'utf8' }));
console.log(cp.execSync('cat', { input: 'piped' }).toString());

function showErr(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    const o = {};
    for (const k of Object.keys(e)) o[k] = k === 'pid' ? typeof e[k] : k === 'error' ? (e.error === e ? 'self' : e.error) : e[k];
    console.log(label, e.name, JSON.stringify(e.message), o);
  }
}
showErr('execSync-fail', () => cp.execSync('echo oops >&2; exit 2', { stdio: 'pipe' }));
showErr('execSync-fail-nostderr', () => cp.execSync('exit 5', { stdio: 'pipe' }));
showErr('execFileSync-fail', () => cp.execFileSync('sh', ['-c', 'exit 7'], { stdio: 'pipe' }));
showErr('execFileSync-enoent', () => cp.execFileSync('does-not-exist-rnode', ['x']));
showErr('execSync-timeout', () => cp.execSync('sleep 5', { timeout: 50, stdio: 'pipe' }));
showErr('execSync-maxbuf', () => cp.execSync('printf 123456; exec sleep 5', { maxBuffer: 2, stdio: 'pipe' }));

// Validation errors.
const bad = [
  () => cp.spawnSync(''),
  () => cp.spawnSync(5),
  () => cp.spawnSync('a\u0000b'),
  () => cp.spawnSync('echo', ['a\u0000']),
  () => cp.spawnSync('echo', 5),
  () => cp.spawnSync('echo', [], 5),
  () => cp.spawnSync('echo', { cwd: 5 }),
  () => cp.spawnSync('echo', { cwd: 'a\u0000' }),
  () => cp.spawnSync('echo', { timeout: -1 }),
  () => cp.spawnSync('echo', { timeout: 1.5 }),
  () => cp.spawnSync('echo', { maxBuffer: 'x' }),
  () => cp.spawnSync('echo', { killSignal: 'SIGNOPE' }),
  () => cp.spawnSync('echo', { killSignal: true }),
  () => cp.spawnSync('echo', { input: 5 }),
  () => cp.spawnSync('echo', { stdio: 'bogus' }),
  () => cp.spawnSync('echo', { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }),
  () => cp.spawnSync('echo', { stdio: [{}] }),
  () => cp.spawnSync('echo', { shell: 5 }),
  () => cp.spawnSync('echo', { argv0: 5 }),
  () => cp.spawnSync('echo', { detached: 'yes' }),
  () => cp.spawnSync('echo', { uid: 'x' }),
  () => cp.spawnSync('echo', { uid: 1.5 }),
  () => cp.spawnSync('echo', { env: { A: 'b\u0000' } }),
  () => cp.execSync(5),
  () => cp.execSync('a\u0000'),
  () => cp.execFileSync('echo', [], 'x'),
];
for (const f of bad) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(`${e.name} [${e.code}]: ${e.message}`);
  }
}
