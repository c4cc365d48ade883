// util.inspect of errors. Stacks are replaced with fixed text so the output does not
// depend on file paths.
const { inspect } = require('util');

function withStack(err, stack) {
  err.stack = stack;
  return err;
}

console.log(inspect(withStack(new Error('message'), 'Error: message\n    at fn (file.js:1:1)\n    at other (file.js:2:2)')));
console.log(inspect(withStack(new TypeError('bad type'), 'TypeError: bad type\n    at x (y.js:1:1)')));
console.log(inspect(withStack(new Error('no frames'), 'Error: no frames')));
console.log(inspect(withStack(new Error(''), '')));
console.log(inspect(withStack(new RangeError('r'), 'RangeError: r')));
{
  const e = withStack(new Error('with props'), 'Error: with props\n    at a (b.js:1:1)');
  e.code = 'E_CODE';
  e.details = { a: [1, 2] };
  console.log(inspect(e));
  console.log(inspect({ nested: { err: e } }));
  console.log(inspect([e]));
}
{
  const e = withStack(new Error('renamed'), 'Error: renamed\n    at a (b.js:1:1)');
  e.name = 'CustomName';
  console.log(inspect(e));
}
{
  const e = withStack(new Error('odd'), 'Not the usual header\n    at a (b.js:1:1)');
  console.log(inspect(e));
}
{
  class MyError extends Error {}
  console.log(inspect(withStack(new MyError('mine'), 'Error: mine\n    at a (b.js:1:1)')));
  class NamedError extends TypeError {
    constructor(m) {
      super(m);
      this.name = 'NamedError';
    }
  }
  console.log(inspect(withStack(new NamedError('named'), 'NamedError: named\n    at a (b.js:1:1)')));
}
{
  const e = withStack(new Error('null proto'), 'Error: null proto\n    at a (b.js:1:1)');
  Object.setPrototypeOf(e, null);
  console.log(inspect(e));
}
{
  const cause = withStack(new Error('the cause'), 'Error: the cause\n    at a\n    at b\n    at c\n    at d\n    at e');
  const e = withStack(new Error('wrapper', { cause }), 'Error: wrapper\n    at top\n    at a\n    at b\n    at c\n    at d\n    at e');
  console.log(inspect(e));
  console.log(inspect(withStack(new Error('primitive cause', { cause: 42 }), 'Error: primitive cause')));
  console.log(inspect(withStack(new Error('undefined cause', { cause: undefined }), 'Error: undefined cause')));
}
{
  const inner = withStack(new Error('inner'), 'Error: inner\n    at x');
  const agg = withStack(new AggregateError([inner, 'str'], 'many'), 'AggregateError: many\n    at y');
  console.log(inspect(agg));
}
{
  const e = withStack(new Error('multi\nline message'), 'Error: multi\nline message\n    at a (b.js:1:1)');
  console.log(inspect({ e }));
}
{
  const e = withStack(new Error('message changed'), 'Error: original\n    at a (b.js:1:1)');
  console.log(inspect(e));
}
{
  const e = new Error('no stack');
  delete e.stack;
  Object.defineProperty(e, 'stack', { value: undefined, enumerable: false, writable: true, configurable: true });
  console.log(inspect(e));
}
console.log(inspect(Object.setPrototypeOf(withStack(new Error('x'), 'Error: x'), Object.prototype)));
console.log(inspect(withStack(new Error('compact'), 'Error: compact\n    at a'), { compact: true }));
console.log(inspect({ a: withStack(new Error('deep'), 'Error: deep\n    at a') }, { depth: 0 }));
{
  // Errors created by the runtime: only the first line.
  try {
    null.x;
  } catch (err) {
    console.log(inspect(err).split('\n')[0]);
  }
  console.log(inspect(new Error('first line')).split('\n')[0]);
}
