// path.win32 over a table of inputs: drives, UNC roots, mixed separators.
'use strict';
const { win32 } = require('path');

const inputs = ['', '.', 'c:', 'C:\\', 'c:/', 'c:foo', 'c:\\foo\\', 'C:\\foo\\..\\..\\bar',
  '\\', '/', '\\\\', '\\\\server', '\\\\server\\share', '\\\\server\\share\\', '\\\\server\\share\\dir\\file.txt',
  '//server/share/x', '\\\\?\\c:\\x', 'a\\b\\..\\c', 'a/b\\c', '..\\..\\x', 'file.tar.gz', 'c:.a', 'c:..',
  '\\foo\\.bar', 'foo\\', 'foo\\\\bar', 'C:\\a\\b\\c\\..\\..\\..\\..'];

for (const p of inputs) {
  console.log(JSON.stringify(p), JSON.stringify({
    normalize: win32.normalize(p),
    dirname: win32.dirname(p),
    basename: win32.basename(p),
    extname: win32.extname(p),
    isAbsolute: win32.isAbsolute(p),
    parse: win32.parse(p),
  }));
}

console.log(JSON.stringify(win32.basename('c:\\dir\\file.js', '.js')), JSON.stringify(win32.basename('c:file.js', 'file.js')),
  JSON.stringify(win32.basename('file.js', 'file.js')));

const joins = [[], ['a', 'b'], ['c:', 'x'], ['\\\\server', 'share'], ['\\\\', 'server', 'share'],
  ['//server/', 'share'], ['\\\\\\server', 'share'], ['/', '/x'], ['', ''], ['c:\\', '..', 'y']];
for (const args of joins) console.log('join', JSON.stringify(args), JSON.stringify(win32.join(...args)));

// Only absolute (drive-rooted) inputs so the result does not depend on the cwd.
const resolves = [['c:\\a', 'b'], ['c:\\a', 'd:\\b', 'c'], ['c:\\a', '\\b'], ['c:\\a', 'c:b'],
  ['\\\\server\\share\\x', '..', 'y'], ['c:/a/b', '../../..'], ['C:\\foo', 'c:bar']];
for (const args of resolves) console.log('resolve', JSON.stringify(args), JSON.stringify(win32.resolve(...args)));

const relatives = [['c:\\a\\b', 'c:\\a\\b\\c'], ['c:\\a\\b\\c', 'c:\\a'], ['C:\\A\\b', 'c:\\a\\B\\c'],
  ['c:\\a', 'd:\\a'], ['c:\\', 'c:\\x'], ['c:\\x', 'c:\\'], ['\\\\foo\\bar', '\\\\foo\\bar\\baz'],
  ['\\\\foo\\baz', '\\\\foo\\bar'], ['c:\\foo\\bar', 'c:\\foo\\barbaz'], ['c:\\aaaa\\', 'c:\\aaaa\\cccc']];
for (const [from, to] of relatives) {
  console.log('relative', JSON.stringify(from), JSON.stringify(to), JSON.stringify(win32.relative(from, to)));
}

for (const p of ['c:\\foo', 'c:/foo', '\\\\server\\share\\x', '\\\\?\\c:\\x', '\\\\.\\pipe\\x', '', 5]) {
  console.log('toNamespacedPath', JSON.stringify(p), JSON.stringify(win32.toNamespacedPath(p)));
}
console.log(JSON.stringify(win32.format({ root: 'c:\\', name: 'n', ext: 'x' })), JSON.stringify(win32.format({ dir: 'c:\\d', base: 'b' })));
console.log(win32.sep, win32.delimiter);
