// console.table drawing.
console.table([1, 2, 'three']);
console.table([{ a: 1, b: 'xyz' }, { a: 22, c: [1, 2, 3, 4] }]);
console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['a']);
console.table([{ a: 1, b: 2 }], []);
console.table({ row1: { x: 1 }, row2: { y: 2 } });
console.table({ row1: { x: 1 }, row2: { y: 2 } }, ['x']);
console.table({ a: 1, b: Symbol('s'), c: [10] });
console.table([[1, 2], [3, 4, 5]]);
console.table([{ nested: { deep: { deeper: 1 } } }, { nested: { a: 1, b: 2, c: 3 } }]);
console.table(new Map([['key', { v: 1 }], [{ k: 1 }, 'value']]));
console.table(new Map([['k', 1]]).entries());
console.table(new Map([['k', 1]]).keys());
console.table(new Set([1, 'two', { three: 3 }]));
console.table(new Set(['a']).values());
console.table([{ '中文': '字', emoji: '😀' }]);
console.table([{ 'long header name': 1 }, { 'long header name': 'a much longer value than header' }]);
console.table([null, undefined, true]);
console.table([]);
console.table({});
console.table('not tabular');
console.table(42);
console.table(null);
console.table([function named() {}, () => {}]);
console.table([[]]);
console.table([{ a: 'x' }, 'primitive', { b: 'y' }]);
try {
  console.table([], 'not an array');
} catch (err) {
  console.log(err.code, err.message);
}
