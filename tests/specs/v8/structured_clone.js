'use strict';
// structuredClone over V8's serializer: what clones, what transfers, and Node's errors.
function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, JSON.stringify(e.message), e.code,
                e.constructor.name, e instanceof Error);
  }
}

// Values that clone.
const cyclic = { list: [1, 'two', 3n] };
cyclic.self = cyclic;
const c = structuredClone(cyclic);
console.log(c !== cyclic, c.self === c, c.list);
console.log(structuredClone(new Map([[{ k: 1 }, new Set([1, 2])]])));
console.log(structuredClone([1, , 3]), structuredClone(Object.assign([1, 2], { extra: 'x' })));
console.log(structuredClone(new Date(0)), structuredClone(/x+/y), structuredClone(Object('s')));
console.log(structuredClone(new Uint8Array([1, 2])), structuredClone(new Float64Array([0.5])));
const dv = structuredClone(new DataView(new ArrayBuffer(4), 1, 2));
console.log(dv.byteOffset, dv.byteLength, dv.buffer.byteLength);
class Point { constructor() { this.x = 1; } get y() { return 2; } }
const p = structuredClone(new Point());
console.log(p, Object.getPrototypeOf(p) === Object.prototype);
const err = new TypeError('bad', { cause: 'why' });
err.extra = 'dropped';
const e2 = structuredClone(err);
console.log(e2.constructor.name, e2.message, e2.cause, e2.extra, e2.stack === err.stack);
class MyError extends RangeError {}
console.log(structuredClone(new MyError('m')).constructor.name);
const shared = new SharedArrayBuffer(2);
const sc = structuredClone(shared);
new Uint8Array(shared)[0] = 9;
console.log(sc !== shared, new Uint8Array(sc)[0]);
console.log(structuredClone(null), structuredClone(undefined), structuredClone('s'), structuredClone(1, null));
const env = structuredClone(process.env);
console.log(Object.getPrototypeOf(env) === Object.prototype,
            JSON.stringify(env) === JSON.stringify({ ...process.env }));

// Views sharing a buffer keep sharing it in the clone.
const ab = new ArrayBuffer(4);
const view = new Uint8Array(ab, 1, 2);
const shares = structuredClone([view, view, ab]);
console.log(shares[0] === shares[1], shares[0].buffer === shares[2], shares[0].byteOffset);

// Transfer: the source is detached, the clone owns the memory.
const t = new ArrayBuffer(8);
const tv = new Uint8Array(t);
tv[0] = 42;
const moved = structuredClone({ tv }, { transfer: [t] });
console.log(moved.tv[0], moved.tv.length, t.byteLength, tv.length, t.detached);
const t2 = new ArrayBuffer(2);
const same = structuredClone(t2, { transfer: new Set([t2]) });
console.log(same.byteLength, t2.byteLength);
const kept = new ArrayBuffer(3);
attempt('failed clone keeps buffer', () => structuredClone(() => {}, { transfer: [kept] }));
console.log(kept.byteLength);

// Errors.
attempt('no args', () => structuredClone());
attempt('options number', () => structuredClone(1, 1));
attempt('options string', () => structuredClone(1, 'x'));
attempt('options function', () => structuredClone(1, () => {}));
attempt('transfer number', () => structuredClone(1, { transfer: 1 }));
attempt('transfer string', () => structuredClone(1, { transfer: 'ab' }));
attempt('transfer plain object', () => structuredClone(1, { transfer: {} }));
attempt('transfer bad iterator', () => structuredClone(1, { transfer: { [Symbol.iterator]: 5 } }));
attempt('transfer iterator throws', () => structuredClone(1, { transfer: { [Symbol.iterator]() { throw new Error('iter'); } } }));
attempt('transfer getter throws', () => structuredClone(1, { get transfer() { throw new Error('getter'); } }));
attempt('transfer non-buffer', () => structuredClone(1, { transfer: [1] }));
attempt('transfer view', () => structuredClone(1, { transfer: [new Uint8Array(1)] }));
attempt('transfer SAB', () => structuredClone(1, { transfer: [new SharedArrayBuffer(1)] }));
const dup = new ArrayBuffer(1);
attempt('transfer duplicate', () => structuredClone(1, { transfer: [dup, dup] }));
attempt('transfer detached', () => structuredClone(1, { transfer: [t] }));
attempt('clone detached', () => structuredClone(t));
attempt('wasm memory', () => structuredClone(1, { transfer: [new WebAssembly.Memory({ initial: 1 }).buffer] }));
attempt('function', () => structuredClone(function named() {}));
attempt('arrow', () => structuredClone({ f: () => 1 }));
attempt('symbol', () => structuredClone(Symbol('s')));
attempt('well-known symbol', () => structuredClone(Symbol.iterator));
attempt('weakmap', () => structuredClone(new WeakMap()));
attempt('weakref', () => structuredClone(new WeakRef({})));
attempt('promise', () => structuredClone(Promise.resolve()));
attempt('proxy', () => structuredClone(new Proxy({}, {})));
attempt('global', () => structuredClone(globalThis));
attempt('getter throws', () => structuredClone({ get x() { throw new Error('in getter'); } }));
attempt('DataCloneError code', () => { try { structuredClone(() => {}); } catch (e) { return [e.code, e.name, e instanceof DOMException]; } });

// WebAssembly modules are shared by their compiled code; memories do not clone.
const wasm = new WebAssembly.Module(Buffer.from(
  '0061736d0100000001070160027f7f017f030201000707010361646400000a09010700200020016a0b', 'hex'));
const wasmClone = structuredClone(wasm);
console.log(wasmClone !== wasm, new WebAssembly.Instance(wasmClone).exports.add(2, 3));
attempt('wasm memory clone', () => structuredClone(new WebAssembly.Memory({ initial: 1 })));
