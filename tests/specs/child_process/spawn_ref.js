'use strict';
// ref/unref: an unref'd child (and its unref'd pipes) does not keep the process alive;
// stdio 'inherit' writes straight to this process's stdout.
const cp = require('child_process');

const detached = cp.spawn('sleep', ['10'], { detached: true, stdio: 'ignore' });
detached.unref();

const piped = cp.spawn('sleep', ['10']);
piped.unref();
piped.stdout.unref();
piped.stderr.unref();

console.log('before inherit');
const inherit = cp.spawn('sh', ['-c', 'echo from the child'], { stdio: 'inherit' });
inherit.on('exit', (code) => {
  console.log('inherit exit', code, inherit.stdout, inherit.stdio);
  const again = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
  again.unref();
  again.ref();
  again.on('exit', (c, sig) => console.log('ref again exit', c, sig));
  setTimeout(() => again.kill('SIGKILL'), 20);
});

process.on('exit', () => {
  console.log('exit', detached.exitCode, piped.exitCode);
  detached.kill();
  piped.kill();
});
