'use strict';
// v8.serialize/deserialize and the Serializer/Deserializer classes: wire bytes, host
// objects for ArrayBufferViews, the low-level read/write methods and Node's errors.
const v8 = require('v8');

const hex = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, JSON.stringify(e.message), e.code, Object.keys(e));
  }
}

function withStack(err) {
  err.stack = `${err.name}: ${err.message}\n    at somewhere`;
  return err;
}

// Wire bytes of plain values (Node 21 writes format version 15).
const values = [
  undefined, null, true, false, 0, -1, 2 ** 31, 1.5, NaN, -0, 123n, -(2n ** 70n),
  '', 'ascii', 'é', '☃ snow', 'a'.repeat(3), [1, 2, 3], [1, , 3], { a: 1, b: 'x' },
  { 1: 'num key', z: [] }, new Date(1e12), /ab+c/gi, new Map([[1, 'one'], ['k', {}]]),
  new Set(['x', 2]), Object(1), Object('str'), Object(true), Object(5n),
  new ArrayBuffer(3), withStack(new Error('boom')), withStack(new RangeError('r')),
];
for (const v of values) {
  const bytes = v8.serialize(v);
  const back = v8.deserialize(bytes);
  const text = v instanceof Error ? `${back.name}: ${back.message}` : back;
  console.log(hex(bytes), text);
}

// ArrayBufferViews are host objects: type tag, byte length, raw bytes.
const views = [
  new Int8Array([-1, 2]), new Uint8Array([1, 2]), new Uint8ClampedArray([300]),
  new Int16Array([-2]), new Uint16Array([513]), new Int32Array([-3]), new Uint32Array([7]),
  new Float32Array([0.5]), new Float64Array([Math.PI]), new DataView(new ArrayBuffer(2)),
  Buffer.from('buf'), new BigInt64Array([-5n]), new BigUint64Array([5n]),
];
for (const v of views) {
  const bytes = v8.serialize(v);
  const back = v8.deserialize(bytes);
  console.log(v.constructor.name, hex(bytes), back.constructor.name, back);
}
class MyBytes extends Uint8Array {}
console.log('subclass', hex(v8.serialize(new MyBytes([9]))), v8.deserialize(v8.serialize(new MyBytes([9]))));
const sub = new Uint16Array([1, 2, 3, 4]).subarray(1, 3);
console.log('subarray', hex(v8.serialize(sub)), v8.deserialize(v8.serialize(sub)));

// Views come back over the input's memory when aligned, else over a copy.
const ser = v8.serialize({ d: new Float64Array([2.5]), b: Buffer.from('hi') });
const input = new Uint8Array(ser.length + 1);
input.set(ser, 1);
const shifted = v8.deserialize(input.subarray(1));
console.log(shifted, shifted.b.buffer === input.buffer, shifted.d.buffer === input.buffer);
const aligned = new Uint8Array(ser.length + 8);
aligned.set(ser, 8);
const same = v8.deserialize(aligned.subarray(8));
console.log(same.b.buffer === aligned.buffer, same.b.byteOffset, same.d.buffer === aligned.buffer);

// Cycles and shared references.
const o = { name: 'o' };
o.self = o;
const pair = v8.deserialize(v8.serialize([o, o]));
console.log(pair[0] === pair[1], pair[0].self === pair[0]);

// Low-level writing.
const s = new v8.Serializer();
s.writeHeader();
s.writeUint32(300);
s.writeUint32(-1);
s.writeUint64(2 ** 32 + 5, 7);
s.writeDouble(-2.25);
s.writeRawBytes(Buffer.from('xyz'));
s.writeRawBytes(new Uint16Array([0x4142]));
s.writeValue('after');
const written = s.releaseBuffer();
console.log('written', written.toString('hex'), Buffer.isBuffer(written));
console.log('released again', s.releaseBuffer());

// Low-level reading.
const d = new v8.Deserializer(written);
console.log('buffer own', Object.keys(d), d.buffer === written);
console.log(d.readHeader(), d.getWireFormatVersion());
console.log(d.readUint32(), d.readUint32(), d.readUint64(), d.readDouble());
console.log(d.readRawBytes(3), d._readRawBytes(2), d.readValue());
attempt('readUint32 at end', () => d.readUint32());
attempt('readUint64 at end', () => d.readUint64());
attempt('readDouble at end', () => d.readDouble());
attempt('readRawBytes past end', () => d.readRawBytes(1));
attempt('readValue at end', () => d.readValue());
attempt('readRawBytes(-1)', () => new v8.Deserializer(Buffer.from('ff0f', 'hex')).readRawBytes(-1));

// Transferring ArrayBuffers by id.
const ab = new ArrayBuffer(4);
new Uint8Array(ab)[0] = 1;
const ts = new v8.Serializer();
ts.writeHeader();
ts.transferArrayBuffer(5, ab);
ts.writeValue({ ab, view: new Uint8Array(ab, 1, 2) });
const tbytes = ts.releaseBuffer();
console.log('transfer', tbytes.toString('hex'), ab.byteLength);
const td = new v8.Deserializer(tbytes);
td.readHeader();
const target = new ArrayBuffer(4);
new Uint8Array(target).set([7, 8, 9, 10]);
td.transferArrayBuffer(5, target);
const tv = td.readValue();
console.log(tv, tv.ab === target, tv.view.buffer === target);
const sabd = new v8.Deserializer(Buffer.alloc(0));
attempt('de transfer SAB', () => sabd.transferArrayBuffer(1, new SharedArrayBuffer(1)));
attempt('de transfer object', () => sabd.transferArrayBuffer(1, {}));
attempt('ser transfer SAB', () => new v8.Serializer().transferArrayBuffer(1, new SharedArrayBuffer(1)));

// Hooks: _getDataCloneError, _getSharedArrayBufferId, _writeHostObject, _readHostObject.
attempt('function', () => v8.serialize(function f() {}));
attempt('symbol', () => v8.serialize(Symbol('s')));
attempt('proxy', () => v8.serialize(new Proxy({}, {})));
attempt('weakmap', () => v8.serialize(new WeakMap()));
attempt('SAB without id', () => v8.serialize(new SharedArrayBuffer(2)));
const custom = new v8.Serializer();
custom._getDataCloneError = (m) => new RangeError(`custom: ${m}`);
attempt('custom clone error', () => custom.writeValue(() => {}));
custom._getSharedArrayBufferId = (sab) => sab.byteLength + 40;
attempt('SAB id', () => custom.writeValue(new SharedArrayBuffer(2)));
console.log(custom.releaseBuffer().toString('hex'));
custom._getSharedArrayBufferId = () => { throw new Error('no id'); };
attempt('SAB id throws', () => custom.writeValue(new SharedArrayBuffer(2)));
const noHost = new v8.Serializer();
noHost._setTreatArrayBufferViewsAsHostObjects(true);
attempt('no _writeHostObject', () => noHost.writeValue(new Uint8Array(1)));
const host = new v8.Serializer();
host._setTreatArrayBufferViewsAsHostObjects(true);
host._writeHostObject = function(view) {
  this.writeUint32(view.length);
  this.writeValue({ nested: view.length });
  return 'ignored';
};
host.writeHeader();
console.log('host', host.writeValue([new Uint8Array(3), 'tail']));
const hostBytes = host.releaseBuffer();
console.log(hostBytes.toString('hex'));
const hd = new v8.Deserializer(hostBytes);
hd.readHeader();
attempt('no _readHostObject', () => hd.readValue());
const hd2 = new v8.Deserializer(hostBytes);
hd2.readHeader();
hd2._readHostObject = function() { return { n: this.readUint32(), inner: this.readValue() }; };
console.log(hd2.readValue());
const hd3 = new v8.Deserializer(hostBytes);
hd3.readHeader();
hd3._readHostObject = () => 42;
attempt('host returns primitive', () => hd3.readValue());
host._writeHostObject = () => { throw new Error('host failed'); };
attempt('host throws', () => host.writeValue(new Uint8Array(1)));
attempt('default unknown host', () => new v8.DefaultSerializer()._writeHostObject({}));

// Bad input and bad receivers.
attempt('deserialize string', () => v8.deserialize('x'));
attempt('deserialize ArrayBuffer', () => v8.deserialize(new ArrayBuffer(2)));
attempt('deserialize empty', () => v8.deserialize(Buffer.alloc(0)));
attempt('deserialize bad version', () => v8.deserialize(Buffer.from('ff7f00', 'hex')));
attempt('deserialize bad tag', () => v8.deserialize(Buffer.from('ff0fee', 'hex')));
attempt('deserialize truncated', () => v8.deserialize(Buffer.from('ff0f6f', 'hex')));
attempt('deserialize unknown view tag', () => v8.deserialize(Buffer.from('ff0f5c0d0100', 'hex')));
attempt('old format', () => v8.deserialize(Buffer.from('ff0d6f2203666f6f5e007b01', 'hex')));
attempt('call without new', () => v8.Serializer());
attempt('Deserializer without new', () => v8.Deserializer(Buffer.alloc(1)));
attempt('wrong receiver', () => v8.Serializer.prototype.writeUint32.call({}, 1));
attempt('wrong receiver 2', () => v8.Deserializer.prototype.readUint32.call(new v8.Serializer()));
attempt('writeRawBytes string', () => new v8.Serializer().writeRawBytes('x'));
attempt('writeUint32 bigint', () => new v8.Serializer().writeUint32(1n));
attempt('writeUint32 valueOf throws', () => new v8.Serializer().writeUint32({ valueOf() { throw new Error('vo'); } }));

// Shape of the classes.
console.log(Object.getOwnPropertyNames(v8.Serializer.prototype));
console.log(Object.getOwnPropertyNames(v8.Deserializer.prototype));
console.log(Object.getOwnPropertyNames(v8.DefaultSerializer.prototype));
console.log(Object.getOwnPropertyNames(v8.DefaultDeserializer.prototype));
console.log(v8.Serializer.length, v8.Deserializer.length, v8.Serializer.prototype.writeHeader.name);
console.log(v8.Serializer.prototype._getDataCloneError === Error);
console.log(new v8.DefaultSerializer() instanceof v8.Serializer);
