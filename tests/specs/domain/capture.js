// Domains and process.setUncaughtExceptionCaptureCallback() exclude each other.
'use strict';
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

process.setUncaughtExceptionCaptureCallback(() => {});
attempt('require with capture set:', () => require('domain'));
attempt('again:', () => require('domain'));
attempt('set twice:', () => process.setUncaughtExceptionCaptureCallback(() => {}));
process.setUncaughtExceptionCaptureCallback(null);
console.log('has capture:', process.hasUncaughtExceptionCaptureCallback());

const domain = require('domain');
console.log('loaded:', typeof domain.create);
attempt('set after domain:', () => process.setUncaughtExceptionCaptureCallback(() => {}));
attempt('set null after domain:', () => process.setUncaughtExceptionCaptureCallback(null));
try {
  process.setUncaughtExceptionCaptureCallback(() => {});
} catch (e) {
  // The stack names where `domain` was required.
  const lines = e.stack.split('\n');
  console.log(lines[0]);
  console.log(lines.some((l) => l === '-'.repeat(40)),
              lines.some((l) => l === 'Error: require(`domain`) at this point'));
}
console.log('has capture:', process.hasUncaughtExceptionCaptureCallback());

// The capture callback exists only while a domain with an 'error' listener is entered.
const d = domain.create();
d.on('error', () => {});
d.enter();
console.log('entered with listener:', process.hasUncaughtExceptionCaptureCallback());
d.exit();
console.log('exited:', process.hasUncaughtExceptionCaptureCallback());
const quiet = domain.create();
quiet.enter();
console.log('entered without listener:', process.hasUncaughtExceptionCaptureCallback());
quiet.exit();
