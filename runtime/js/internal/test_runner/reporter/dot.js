// The dot reporter: `.` per passing test, `X` per failing one, wrapped at the terminal
// width (at least 20 columns).
'use strict';

async function* dot(source) {
  let count = 0;
  const columns = Math.max(process.stdout.columns ?? 20, 20);
  for await (const { type } of source) {
    if (type === 'test:pass') yield '.';
    if (type === 'test:fail') yield 'X';
    if ((type === 'test:pass' || type === 'test:fail') && ++count === columns) {
      yield '\n';
      count = 0;
    }
  }
  yield '\n';
}

module.exports = dot;
