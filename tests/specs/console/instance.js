// The Console class: constructor forms, options validation, stderr methods, colors,
// inspectOptions and write errors.
const { Console } = require('console');
const EventEmitter = require('events');

function makeStream(name, log) {
  const stream = new EventEmitter();
  stream.write = (chunk) => {
    log.push(`${name}:${chunk}`);
    return true;
  };
  return stream;
}

const log = [];
const out = makeStream('out', log);
const err = makeStream('err', log);

const c1 = new Console(out, err);
c1.log('log');
c1.info('info');
c1.debug('debug');
c1.error('error', { e: 1 });
c1.warn('warn %d', 5);
c1.dir({ a: 1 });
c1.assert(true, 'not printed');
c1.assert(false, 'assertion %s', 'formatted', 'extra');
c1.assert(false);
c1.assert(0, { obj: 1 });
c1.trace('trace %s', 'message');
const c2 = Console(out);
c2.error('stderr defaults to stdout');
const c3 = new Console({ stdout: out, stderr: err, colorMode: true });
c3.log(1, 'str', [null]);
c3.error({ n: 2 });
const c4 = new Console({ stdout: out, inspectOptions: { depth: 0, breakLength: 20 } });
c4.log({ a: { b: 1 } }, ['aaaaaaaa', 'bbbbbbbb']);
c4.dir({ a: { b: 1 } });
const c5 = new Console({ stdout: out, inspectOptions: { colors: true } });
c5.log([1]);
const c6 = new Console({ stdout: out, colorMode: false });
c6.log([1]);
for (const line of log) {
  console.log(JSON.stringify(line.startsWith('err:Trace') ? line.split('\n')[0] : line));
}

console.log(c1 instanceof Console, c2 instanceof Console, {} instanceof Console);
class MyConsole extends Console {
  log() {
    return 'overridden';
  }
}
const mine = new MyConsole(out);
console.log(mine.log(), (0, mine.log)(), mine instanceof Console);
console.log(Object.keys(c1).join(' '));

for (const make of [
  () => new Console(),
  () => new Console({ stdout: {} }),
  () => new Console(out, {}),
  () => new Console({ stdout: out, colorMode: 'sometimes' }),
  () => new Console({ stdout: out, groupIndentation: -1 }),
  () => new Console({ stdout: out, groupIndentation: 1001 }),
  () => new Console({ stdout: out, groupIndentation: '2' }),
  () => new Console({ stdout: out, inspectOptions: 'x' }),
  () => new Console({ stdout: out, inspectOptions: { colors: false }, colorMode: 'auto' }),
]) {
  try {
    make();
    console.log('no error');
  } catch (e) {
    console.log(e.code, e.name, e.message);
  }
}

// ignoreErrors (default true) swallows write errors; false lets them through.
const broken = new EventEmitter();
broken.write = () => {
  throw new Error('write failed');
};
new Console(broken).log('swallowed');
console.log('after swallowed error');
try {
  new Console(broken, broken, false).log('thrown');
} catch (e) {
  console.log('thrown:', e.message);
}
