// The path module object: flavours, cross links, function names and validation errors.
'use strict';
const path = require('path');

console.log(Object.keys(path));
console.log(path === path.posix, path.posix.posix === path.posix, path.win32.win32 === path.win32,
  path.win32.posix === path.posix, require('path/posix') === path.posix, require('path/win32') === path.win32,
  require('node:path') === path);
for (const key of Object.keys(path)) {
  const v = path[key];
  if (typeof v === 'function') console.log(key, JSON.stringify(v.name), v.length, v.prototype === undefined);
}
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(path, 'sep')));

function show(fn) {
  try {
    console.log('ok', JSON.stringify(fn()));
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
for (const flavour of [path.posix, path.win32]) {
  show(() => flavour.resolve('a', 1));
  show(() => flavour.resolve(1, '/abs'));
  show(() => flavour.join('a', null));
  show(() => flavour.join('a', {}));
  show(() => flavour.normalize(true));
  show(() => flavour.isAbsolute());
  show(() => flavour.relative(1, 'a'));
  show(() => flavour.relative('a', Symbol('s')));
  show(() => flavour.dirname(5n));
  show(() => flavour.basename(1));
  show(() => flavour.basename('a', 2));
  show(() => flavour.basename(1, 2));
  show(() => flavour.extname([]));
  show(() => flavour.parse(null));
  show(() => flavour.format('x'));
  show(() => flavour.format(null));
  show(() => flavour.format([]));
  show(() => flavour.toNamespacedPath({}));
}
