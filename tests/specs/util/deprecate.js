// util.deprecate: wrapper behaviour (the warnings themselves go to stderr; here they are
// observed through process 'warning' events).
const util = require('util');

process.on('warning', (w) => {
  console.log(`warning: ${w.name} ${w.code} ${w.message}`);
});

function original(a, b) {
  return a + b;
}
original.prop = 1;
const dep = util.deprecate(original, 'original() is deprecated', 'DEP_FIXTURE_1');
console.log(dep(1, 2), dep(3, 4), dep.name, Object.getPrototypeOf(dep) === original);

class Base {
  constructor(x) {
    this.x = x;
  }
}
const DepClass = util.deprecate(Base, 'Base is deprecated', 'DEP_FIXTURE_2');
const instance = new DepClass(5);
console.log(instance instanceof Base, instance instanceof DepClass, instance.x);
console.log(new Base(1) instanceof DepClass);

// Same code warns only once, even from different wrappers.
const again = util.deprecate(() => 'again', 'same code, other message', 'DEP_FIXTURE_1');
console.log(again());
const noCode = util.deprecate(() => 'no code', 'no code given');
console.log(noCode(), noCode());

try {
  util.deprecate(() => {}, 'message', 1);
} catch (err) {
  console.log(err.code, err.message);
}
setTimeout(() => console.log('done'), 10);
