// os.tmpdir(), os.homedir() and os.userInfo() options, driven by the environment.
'use strict';
const os = require('os');

const cases = [
  ['TMPDIR', '/foo/'], ['TMPDIR', '/'], ['TMPDIR', ''], ['TMPDIR', '/a//'],
  ['TMP', '/bar'], ['TEMP', 'baz/'],
];
for (const [name, value] of cases) {
  delete process.env.TMPDIR;
  delete process.env.TMP;
  delete process.env.TEMP;
  process.env[name] = value;
  console.log(name, JSON.stringify(value), '->', os.tmpdir(), `${os.tmpdir}`);
}
process.env.TMP = '/second';
process.env.TEMP = '/third';
console.log(os.tmpdir());
delete process.env.TMP;
console.log(os.tmpdir());
delete process.env.TEMP;
console.log(os.tmpdir());

process.env.HOME = '/custom/home';
console.log(os.homedir());

for (const options of [undefined, 1, 'buffer', null, { encoding: 1 }, { encoding: 'utf8' },
  { encoding: 'buffer' }, { encoding: 'BUFFER' }, { encoding: 'hex' }, { encoding: 'nope' }]) {
  const info = os.userInfo(options);
  console.log(JSON.stringify(options), Object.keys(info), typeof info.uid, typeof info.gid,
    Buffer.isBuffer(info.username) ? 'buffer' : typeof info.username,
    Buffer.isBuffer(info.homedir) ? 'buffer' : typeof info.homedir,
    Buffer.isBuffer(info.shell) ? 'buffer' : typeof info.shell);
}
const plain = os.userInfo();
const hex = os.userInfo({ encoding: 'hex' });
const buf = os.userInfo({ encoding: 'buffer' });
console.log(Buffer.from(plain.username).toString('hex') === hex.username,
  buf.homedir.toString() === plain.homedir, plain.uid === process.getuid(), plain.gid === process.getgid());
