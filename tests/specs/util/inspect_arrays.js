// util.inspect of arrays, typed arrays and buffers: holes, extra keys, grouping, limits.
const { inspect } = require('util');

console.log(inspect([]));
console.log(inspect([[]]));
console.log(inspect([1, 2, 3]));
console.log(inspect([1, , 3]));
console.log(inspect([, , , 1, , ]));
console.log(inspect(new Array(5)));
console.log(inspect(new Array(1)));
{
  const a = new Array(200);
  a[150] = 'x';
  console.log(inspect(a));
}
{
  const a = [];
  a[5] = 1;
  a[10] = 2;
  a.extra = true;
  console.log(inspect(a));
}
console.log(inspect(Object.assign([1, 2], { key: 'value', [Symbol('sym')]: 1 })));
console.log(inspect(Object.assign([], { key: 'value' })));
console.log(inspect(Array.from({ length: 150 }, (_, i) => i)));
console.log(inspect(Array.from({ length: 101 }, (_, i) => i)));
console.log(inspect(Array.from({ length: 30 }, (_, i) => `item${i}`)));
console.log(inspect(Array.from({ length: 26 }, (_, i) => 'abcdefg'.slice(0, i % 7 + 1))));
console.log(inspect(Array.from({ length: 40 }, (_, i) => i * 997)));
console.log(inspect(Array.from({ length: 12 }, (_, i) => -BigInt(i) * 1234n)));
console.log(inspect(Array.from({ length: 20 }, (_, i) => (i % 3 ? i : `s${i}`))));
console.log(inspect(Array.from({ length: 7 }, (_, i) => ({ id: i }))));
console.log(inspect(Array.from({ length: 10 }, (_, i) => [i, i * i])));
console.log(inspect({ nested: { list: Array.from({ length: 25 }, (_, i) => `value ${i}`) } }));
console.log(inspect(['a'.repeat(30), 'b', 'c', 'd', 'e', 'f', 'g']));
console.log(inspect(Array.from({ length: 30 }, (_, i) => '中'.repeat(i % 4 + 1))));
console.log(inspect([1, 2, 3, 4, 5], { maxArrayLength: 2 }));
console.log(inspect([1, 2, 3, 4, 5], { maxArrayLength: 0 }));
console.log(inspect([1, 2, 3], { maxArrayLength: -1 }));
console.log(inspect(Array.from({ length: 120 }, () => 0), { maxArrayLength: null }));
console.log(inspect([[[[[1]]]]]));
console.log(inspect([[[[[1]]]]], { depth: 1 }));
console.log(inspect((function () { return arguments; })(1, 'two')));

console.log(inspect(new Uint8Array([1, 2, 3])));
console.log(inspect(new Uint8Array(0)));
console.log(inspect(new Int16Array([-1, 2])));
console.log(inspect(new Float32Array([0.5, -0])));
console.log(inspect(new BigUint64Array([1n, 2n])));
console.log(inspect(new Uint8ClampedArray(3)));
console.log(inspect(new Uint16Array(120)));
console.log(inspect(Object.assign(new Uint8Array(2), { foo: 1 })));
console.log(inspect(new Uint8Array(3), { showHidden: true }));
console.log(inspect(new Uint8Array([1, 2, 3, 4]), { maxArrayLength: 2 }));

console.log(inspect(new ArrayBuffer(0)));
console.log(inspect(new ArrayBuffer(4)));
console.log(inspect(new Uint8Array([1, 2, 255]).buffer));
console.log(inspect(new ArrayBuffer(120)));
console.log(inspect(new ArrayBuffer(6), { maxArrayLength: 3 }));
console.log(inspect(Object.assign(new ArrayBuffer(1), { x: 1 })));
console.log(inspect(new SharedArrayBuffer(2)));
console.log(inspect(new DataView(new ArrayBuffer(4), 1, 2)));
console.log(inspect({ view: new DataView(new ArrayBuffer(2)) }, { depth: 0 }));
