// util.debuglog(): section loggers enabled by the NODE_DEBUG environment variable
// (comma separated, `*` wildcards, case-insensitive).
'use strict';

let testEnabled;

function initializeDebugEnv(debugEnv) {
  if (debugEnv) {
    const pattern = debugEnv
      .replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/,/g, '$|^');
    const debugEnvRegex = new RegExp(`^${pattern}$`, 'i');
    testEnabled = (str) => debugEnvRegex.test(str);
  } else {
    testEnabled = () => false;
  }
}

// Node reads NODE_DEBUG once while starting up; the bootstrap should call
// initializeDebugEnv(process.env.NODE_DEBUG) early. Loading this module does it too.
// Inside the startup snapshot `process.env` does not exist yet: prepare() calls it then.
if (process.env !== undefined) initializeDebugEnv(process.env.NODE_DEBUG);

function isEnabled(set) {
  return testEnabled(set);
}

// Logging HTTP traffic can leak credentials: say so when it is enabled.
function emitWarningIfNeeded(set) {
  if (set === 'HTTP' || set === 'HTTP2') {
    process.emitWarning('Setting the NODE_DEBUG environment variable ' +
      `to '${set.toLowerCase()}' can expose sensitive ` +
      'data (such as passwords, tokens and authentication headers) ' +
      'in the resulting log.');
  }
}

const noop = () => {};
const debugImpls = { __proto__: null };

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      emitWarningIfNeeded(set);
      debugImpls[set] = function debug(...args) {
        const { formatWithOptions, inspect, format } = require('internal/util/inspect');
        const colors = require('internal/util/colors').shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        process.stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = noop;
    }
  }
  return debugImpls[set];
}

// The environment is read on first use of the logger, not when it is created, so
// modules can create loggers while the process starts up.
function debuglog(set, cb) {
  let enabled;
  function init() {
    set = set.toUpperCase();
    enabled = isEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    __proto__: null,
    get() {
      return test();
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = {
  debuglog,
  initializeDebugEnv,
};
