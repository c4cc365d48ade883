// console.count/countReset and console.time/timeLog/timeEnd (durations normalized).
const { Console } = require('console');

console.count();
console.count();
console.count('label');
console.count('label');
console.countReset();
console.count();
console.count(1);
console.count(null);
console.count({});
console.countReset('label');
console.count('label');
try {
  console.count(Symbol('s'));
} catch (err) {
  console.log(err.name);
}

const lines = [];
const warnings = [];
process.on('warning', (w) => warnings.push(w.message));
const stream = Object.assign(new (require('events'))(), { write(s) { lines.push(s); } });
const c = new Console({ stdout: stream });
c.time();
c.time('named');
c.timeLog('named', 'extra', { data: 1 });
c.timeEnd('named');
c.timeEnd();
c.time(null);
c.timeEnd(null);
c.time({});
c.timeEnd('[object Object]');
c.timeLog('missing');
c.timeEnd('missing');
c.time('dup');
c.time('dup');
c.timeEnd('dup');
c.countReset('never');
console.log(lines.map((l) => l.replace(/\d+(\.\d+)?(ms|s)/, 'N$2')));
console.log(c._times.size);
try {
  c.time(Symbol('x'));
} catch (err) {
  console.log(err.name);
}
setTimeout(() => console.log(warnings), 10);
