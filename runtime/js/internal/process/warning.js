// process.emitWarning and the default 'warning' printer:
// `(node:PID) [CODE] Type: message` on stderr, honouring --no-warnings,
// --no-deprecation, --throw-deprecation and --trace-warnings.
'use strict';

let traceHintShown = false;

function createWarning(warning, type, code, ctor) {
  const err = new Error(warning);
  err.name = String(type || 'Warning');
  if (code !== undefined) err.code = code;
  if (Error.captureStackTrace) Error.captureStackTrace(err, ctor || process.emitWarning);
  return err;
}

function emitWarning(warning, type, code, ctor) {
  const { codes } = require('internal/errors');
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    warning = createWarning(warning, type, code, ctor);
  } else if (!(warning instanceof Error)) {
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (detail !== undefined) warning.detail = detail;
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      // Thrown from a tick so the caller's code completes, as in Node.
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(() => process.emit('warning', warning));
}

function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const opts = process._rnodeOptions;
  if (opts.noWarnings) return;
  const disabled = opts.disableWarnings || [];
  if (disabled.includes(warning.name) || (warning.code && disabled.includes(warning.code))) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = opts.traceWarnings || (isDeprecation && process.traceDeprecation);
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += warning.stack;
  } else {
    msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceHintShown) {
    traceHintShown = true;
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
  }
  // Through process.stderr (as Node's console.error does), so hijacked streams see it.
  try {
    process.stderr.write(`${msg}\n`);
  } catch {
    try { internalBinding('stdio').writeSync(2, `${msg}\n`); } catch {}
  }
}

module.exports = { emitWarning, onWarning, createWarning };
