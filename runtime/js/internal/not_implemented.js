// Builds module surfaces whose functions are not implemented yet: each throws
// ERR_NOT_IMPLEMENTED naming itself (never a silent no-op).
'use strict';

function notImplemented(moduleName, names, target = {}) {
  const { codes } = require('internal/errors');
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(target, name)) continue;
    target[name] = function() {
      throw new codes.ERR_NOT_IMPLEMENTED(`${moduleName}.${name}()`);
    };
    Object.defineProperty(target[name], 'name', { value: name });
  }
  return target;
}

module.exports = { notImplemented };
