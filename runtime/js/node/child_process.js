// child_process: not implemented yet (a later issue brings spawn/exec/fork with IPC);
// every function throws ERR_NOT_IMPLEMENTED.
'use strict';

const { notImplemented } = require('internal/not_implemented');

module.exports = notImplemented('child_process', [
  'spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork',
]);
module.exports.ChildProcess = class ChildProcess {
  constructor() {
    const { codes } = require('internal/errors');
    throw new codes.ERR_NOT_IMPLEMENTED('child_process.ChildProcess');
  }
};
module.exports._forkChild = module.exports.fork;
