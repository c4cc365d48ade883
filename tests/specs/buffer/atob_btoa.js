// atob/btoa: forgiving base64, DOMException errors, argument handling.
'use strict';
const { atob, btoa } = require('buffer');

function show(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.name, e.code, e.message, e instanceof Error);
  }
}

for (const s of ['', 'YQ', 'YQ=', 'YQ==', 'YWJj', ' Y W\nJ\tj ', 'YQ===', 'Y=Q', 'YQ=a', 'a', 'abcde', 'ab-_', '////', '=', null, 1]) {
  show(`atob ${JSON.stringify(s)}`, () => atob(s));
}
for (const s of ['', 'a', 'hello', '\u00ff\u0000', 'é', '€', 1, undefined, null]) {
  show(`btoa ${JSON.stringify(s)}`, () => btoa(s));
}
show('atob()', () => atob());
show('btoa()', () => btoa());
show('global', () => [globalThis.atob === atob, globalThis.btoa === btoa]);
