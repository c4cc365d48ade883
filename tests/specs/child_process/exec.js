'use strict';
// exec / execFile: buffered callbacks, error shapes, maxBuffer, timeout, promisify.
const cp = require('child_process');
const util = require('util');

function describe(err) {
  if (err === null) return null;
  const o = { name: err.name, message: err.message };
  for (const k of Object.keys(err)) o[k] = err[k];
  return o;
}

function step(label, fn, ...args) {
  return new Promise((resolve) => {
    const child = fn(...args, (err, stdout, stderr) => {
      console.log(label, describe(err), JSON.stringify(stdout), typeof stdout, JSON.stringify(stderr));
      resolve();
    });
    if (!child || typeof child.pid !== 'number') console.log(label, 'pid', child && child.pid);
  });
}

(async () => {
  await step('exec', cp.exec, 'echo hello; echo err >&2');
  await step('exec-fail', cp.exec, 'echo partial; echo bad >&2; exit 3');
  await step('exec-127', cp.exec, 'does-not-exist-rnode');
  await step('exec-opts', cp.exec, 'pwd; echo $V', { cwd: '/', env: { V: 'v' } });
  await step('exec-buffer', cp.exec, 'printf abc', { encoding: 'buffer' });
  await step('exec-latin1', cp.exec, 'printf "\\303\\251"', { encoding: 'latin1' });
  await step('exec-maxbuf', cp.exec, 'printf 0123456789', { maxBuffer: 4 });
  await step('exec-maxbuf-stderr', cp.exec, 'printf 0123456789 >&2', { maxBuffer: 4 });
  await step('exec-timeout', cp.exec, 'sleep 5', { timeout: 50 });
  await step('exec-timeout-sig', cp.exec, 'sleep 5', { timeout: 50, killSignal: 'SIGKILL' });
  await step('execFile', cp.execFile, 'echo', ['a', 'b']);
  await step('execFile-noargs', cp.execFile, 'pwd', { cwd: '/' });
  await step('execFile-enoent', cp.execFile, 'does-not-exist-rnode', ['q']);
  await step('execFile-fail', cp.execFile, 'sh', ['-c', 'exit 9']);
  await step('execFile-signal', cp.execFile, 'sh', ['-c', 'kill -TERM $$']);
  await step('execFile-shell', cp.execFile, 'echo $((2+2))', { shell: true });

  const pexec = util.promisify(cp.exec);
  const r = await pexec('echo promised');
  console.log('promisify exec', r, typeof pexec('true').child);
  try {
    await pexec('echo so; echo se >&2; exit 1');
  } catch (e) {
    console.log('promisify exec reject', describe(e));
  }
  const pfile = util.promisify(cp.execFile);
  console.log('promisify execFile', await pfile('echo', ['x']));
  try {
    await pfile('does-not-exist-rnode');
  } catch (e) {
    console.log('promisify execFile reject', describe(e));
  }

  const ac = new AbortController();
  const p = step('exec-abort', cp.exec, 'sleep 5', { signal: ac.signal });
  setTimeout(() => ac.abort(), 50);
  await p;

  for (const f of [
    () => cp.exec(),
    () => cp.exec('x', 5),
    () => cp.execFile('echo', 5),
    () => cp.execFile('echo', [], 'cb'),
    () => cp.execFile('echo', [], {}, 'cb'),
    () => cp.exec('echo', { timeout: -5 }),
    () => cp.exec('echo', { maxBuffer: -5 }),
    () => cp.exec('echo', { killSignal: 'NOPE' }),
    () => cp.spawn('echo', { signal: {} }),
  ]) {
    try {
      f();
      console.log('no error');
    } catch (e) {
      console.log(`${e.name} [${e.code}]: ${e.message}`);
    }
  }
})();
