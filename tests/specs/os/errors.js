// os: argument validation and ERR_SYSTEM_ERROR for failing system calls.
'use strict';
const os = require('os');
const util = require('util');

function show(fn) {
  try {
    const r = fn();
    console.log('ok', typeof r);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

for (const args of [[1.5], ['x'], [2 ** 31], [null], [-(2 ** 31) - 1]]) show(() => os.getPriority(...args));
for (const args of [[0, 20], [0, -21], ['x'], [0, 'x'], [0, 1.5], [1.5, 0], [], [null, 0]]) {
  show(() => os.setPriority(...args));
}

// No such process: pid_max is far below 2**30.
try {
  os.getPriority(2 ** 30);
} catch (err) {
  console.log(err.name, err.code, err.message);
  console.log(Object.keys(err), err.info, err.errno, err.syscall, String(err));
  console.log(err.stack.split('\n')[0]);
  err.errno = 5;
  console.log(err.info.errno);
  console.log(util.inspect(err).split('\n').filter((l) => !l.trimStart().startsWith('at ')).join('\n'));
}
try {
  os.setPriority(2 ** 30, 0);
} catch (err) {
  console.log(err.message, err instanceof Error);
}

// A throwing getter on the options propagates.
try {
  os.userInfo({ get encoding() { throw new Error('xyz'); } });
} catch (err) {
  console.log(err.message);
}
