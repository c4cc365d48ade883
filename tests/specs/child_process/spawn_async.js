'use strict';
// spawn(): events, stdio pipes, kill, errors, options. Steps run one after another so
// the output order is deterministic.
const cp = require('child_process');

function run(label, file, args, options, setup) {
  return new Promise((resolve) => {
    const child = cp.spawn(file, args, options);
    const log = [];
    const out = [];
    const err = [];
    console.log(label, 'pid', typeof child.pid, 'spawnfile', child.spawnfile, 'spawnargs', child.spawnargs);
    child.on('spawn', () => log.push('spawn'));
    child.on('exit', (code, signal) => log.push(`exit ${code} ${signal}`));
    child.on('error', (e) => log.push(`error ${e.message} ${e.code} ${e.errno} ${e.syscall} ${e.path} ${JSON.stringify(e.spawnargs)}`));
    if (child.stdout) child.stdout.on('data', (d) => out.push(d));
    if (child.stderr) child.stderr.on('data', (d) => err.push(d));
    if (setup) setup(child, log);
    child.on('close', (code, signal) => {
      log.push(`close ${code} ${signal}`);
      console.log(label, log.join(' | '));
      const join = (l) => l.map((c) => (typeof c === 'string' ? c : c.toString())).join('');
      if (out.length) console.log(label, 'stdout', JSON.stringify(join(out)));
      if (err.length) console.log(label, 'stderr', JSON.stringify(join(err)));
      console.log(label, 'exitCode', child.exitCode, 'signalCode', child.signalCode, 'killed', child.killed);
      resolve(child);
    });
  });
}

(async () => {
  await run('echo', 'echo', ['hello', 'world']);
  await run('status', 'sh', ['-c', 'echo out; echo err >&2; exit 4']);
  await run('enoent', 'does-not-exist-rnode', ['x', 'y']);
  await run('eacces', '/etc/passwd', []);
  await run('noshebang', './fixtures/noshebang', ['arg1']);
  await run('cat', 'cat', [], {}, (c) => {
    c.stdin.write('line1\n');
    c.stdin.end(Buffer.from('line2\n'));
  });
  await run('kill', 'sleep', ['10'], {}, (c, log) => {
    c.on('spawn', () => log.push(`kill() ${c.kill()}`));
  });
  await run('kill-9', 'sleep', ['10'], {}, (c, log) => {
    c.on('spawn', () => log.push(`kill(9) ${c.kill(9)}`));
  });
  await run('kill-exited', 'true', [], {}, (c, log) => {
    c.on('exit', () => log.push(`kill after exit ${c.kill()}`));
  });
  await run('self-signal', 'sh', ['-c', 'kill -USR2 $$']);
  await run('timeout', 'sleep', ['10'], { timeout: 50 });
  await run('timeout-sig', 'sleep', ['10'], { timeout: 50, killSignal: 'SIGINT' });
  await run('shell', 'echo $((6*7))', [], { shell: true });
  await run('cwd-env', 'sh', ['-c', 'pwd; echo $XX'], { cwd: '/', env: { XX: 'yy' } });
  await run('argv0', 'sh', ['-c', 'echo $0'], { argv0: 'zero' });
  await run('ignore', 'sh', ['-c', 'echo hidden'], { stdio: 'ignore' }, (c, log) => {
    log.push(`stdio ${JSON.stringify(c.stdio)} ${c.stdin} ${c.stdout}`);
  });
  await run('fd3', 'sh', ['-c', 'echo to3 >&3'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] }, (c, log) => {
    c.stdio[3].on('data', (d) => log.push(`fd3 ${JSON.stringify(d.toString())}`));
  });
  await run('encoding', 'printf', ['\u00e9'], {}, (c) => c.stdout.setEncoding('latin1'));
  const ac = new AbortController();
  await run('abort', 'sleep', ['10'], { signal: ac.signal }, (c, log) => {
    c.on('error', (e) => log.push(`abort error ${e.name} ${e.code} ${e.cause === 'why'}`));
    c.on('spawn', () => ac.abort('why'));
  });
  await run('aborted-before', 'sleep', ['10'], { signal: AbortSignal.abort() });
  await run('big', 'sh', ['-c', 'head -c 300000 /dev/zero | tr "\\0" a'], {}, (c, log) => {
    let n = 0;
    c.stdout.removeAllListeners('data');
    c.stdout.on('data', (d) => { n += d.length; });
    c.on('close', () => log.push(`bytes ${n}`));
  });
  await run('big-stdin', 'wc', ['-c'], {}, (c) => {
    c.stdin.end(Buffer.alloc(500000, 'x'));
  });
  await run('epipe', 'true', [], {}, (c, log) => {
    c.stdin.on('error', (e) => log.push(`stdin error ${e.code}`));
    c.on('exit', () => {});
  });
  console.log('done');
})();
