// worker_threads: the main-thread view; creating Workers is not implemented yet.
'use strict';

const { notImplemented } = require('internal/not_implemented');

module.exports = notImplemented('worker_threads', [
  'Worker', 'MessageChannel', 'MessagePort', 'BroadcastChannel', 'receiveMessageOnPort',
  'markAsUntransferable', 'moveMessagePortToContext', 'getEnvironmentData', 'setEnvironmentData',
], {
  isMainThread: true,
  parentPort: null,
  workerData: null,
  threadId: 0,
  resourceLimits: {},
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
});
