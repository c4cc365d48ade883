// path.posix: every function over a table of inputs, including the quirky ones.
'use strict';
const path = require('path');
const { posix } = path;

const inputs = ['', '.', '..', '/', '//', '///', 'a', 'a/', '/a', '/a/', 'a/b', '/a/b/', 'a//b',
  '/a/./b/../c', '../a/../../b', './a/.', 'a/..', '/..', '/../..', '..a', 'a..', '...', '.a',
  'a.', 'a.b.c', '.a.b', '/x/.hidden', 'file.tar.gz', '/dir/file.', 'a/b.c/', '//a', '/a//b',
  'C:\\x', 'a\\b', '/a/b/c/../../../..', 'x/y/../../..', '-/..'];

for (const p of inputs) {
  console.log(JSON.stringify(p), JSON.stringify({
    normalize: posix.normalize(p),
    dirname: posix.dirname(p),
    basename: posix.basename(p),
    extname: posix.extname(p),
    isAbsolute: posix.isAbsolute(p),
    parse: posix.parse(p),
  }));
}

const suffixes = [['/a/', 'xa'], ['/', 'x'], ['//', 'x'], ['aaa', 'aaa'], ['/aaa', 'aaa'],
  ['/aaa/', 'aaa'], ['a.js/', '.js'], ['a.js//', 's//'], ['/a/b', '/b'], ['x', 'xy'], ['', ''],
  ['abc', ''], ['a/', 'a/'], ['file.js', '.js'], ['file.js', 'js'], ['file.js', 'file.js'],
  ['/dir/file.js', '.ts']];
for (const [p, ext] of suffixes) console.log('basename', JSON.stringify(p), JSON.stringify(ext), JSON.stringify(posix.basename(p, ext)));

const joins = [[], [''], ['', ''], ['a', 'b'], ['/a', '/b'], ['a', '', 'b'], ['a/', '/b/'],
  ['.', '..'], ['/', '..', '..'], ['a', '../..', 'b'], ['', '/x'], ['//x', 'y']];
for (const args of joins) console.log('join', JSON.stringify(args), JSON.stringify(posix.join(...args)));

// resolve() without an absolute argument uses process.cwd(); compare against it.
const cwd = process.cwd();
const resolves = [['/a', 'b'], ['/a', '/b', 'c'], ['/a/b', '../c'], ['/', '..'], ['/foo/bar', './baz'],
  ['/foo/bar', '/tmp/file/'], ['a', '/b', '../c/./d'], ['/a/b/c', '../../../..', 'x']];
for (const args of resolves) console.log('resolve', JSON.stringify(args), JSON.stringify(posix.resolve(...args)));
console.log(posix.resolve('x') === posix.join(cwd, 'x'), posix.resolve() === cwd, posix.resolve('') === cwd,
  posix.resolve('a', 'b') === posix.join(cwd, 'a/b'), posix.resolve('..') === posix.dirname(cwd),
  posix.resolve('a/') === posix.join(cwd, 'a'));

const relatives = [['/a/b', '/a/b'], ['/a/b', '/a/b/c'], ['/a/b/c', '/a/b'], ['/', '/a'], ['/a', '/'],
  ['/foo/bar', '/foo/barbaz'], ['/foo/barbaz', '/foo/bar'], ['/a/b/c/d', '/a/x/y'], ['/page1/', '/page2'],
  ['/x', '/x/'], ['', '']];
for (const [from, to] of relatives) {
  console.log('relative', JSON.stringify(from), JSON.stringify(to), JSON.stringify(posix.relative(from, to)));
}
console.log(posix.relative('a', 'b'), posix.relative(cwd, '/') === posix.relative(cwd, '/'));

const formats = [{}, { base: 'x' }, { dir: '/d', base: 'x' }, { root: '/', base: 'x' },
  { root: '/', dir: '/', base: 'x' }, { name: 'n', ext: '.e' }, { name: 'n', ext: 'e' },
  { dir: 'd', name: 'n', ext: '' }, { root: '/r/', name: 'n' }, { dir: '/d', base: 'b', name: 'ignored', ext: '.x' }];
for (const obj of formats) console.log('format', JSON.stringify(obj), JSON.stringify(posix.format(obj)));

console.log(posix.sep, posix.delimiter, posix.toNamespacedPath('/a/b'), posix.toNamespacedPath(5), posix._makeLong('x'));
