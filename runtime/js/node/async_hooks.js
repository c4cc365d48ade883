// async_hooks: AsyncLocalStorage/AsyncResource/createHook are not implemented yet;
// executionAsyncId/triggerAsyncId report the top-level context.
'use strict';

const { notImplemented } = require('internal/not_implemented');

module.exports = notImplemented('async_hooks', ['AsyncLocalStorage', 'AsyncResource', 'createHook'], {
  executionAsyncId() { return 1; },
  triggerAsyncId() { return 0; },
  executionAsyncResource() { return {}; },
  asyncWrapProviders: {},
});
