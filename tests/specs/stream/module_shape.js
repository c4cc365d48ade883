// The shape of the stream module: exports, prototypes, legacy aliases, default
// highWaterMarks, ReadableState/WritableState basics, inheritance.
'use strict';
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough, Stream } = stream;
const EventEmitter = require('events');

console.log(Object.keys(stream));
console.log(typeof stream, stream === Stream, stream.Stream === stream, Object.getPrototypeOf(stream) === EventEmitter);
for (const C of [Readable, Writable, Duplex, Transform, PassThrough]) {
  console.log(C.name, Object.getOwnPropertyNames(C).sort().join(','));
  console.log('  proto', Object.getOwnPropertyNames(C.prototype).join(','));
}
console.log('legacy aliases', require('_stream_readable') === Readable, require('_stream_writable') === Writable,
            require('_stream_duplex') === Duplex, require('_stream_transform') === Transform,
            require('_stream_passthrough') === PassThrough, require('node:stream') === stream);
console.log('promises', stream.promises === require('stream/promises'), Object.keys(require('stream/promises')));
console.log('consumers', Object.keys(require('stream/consumers')));

console.log('hwm defaults', stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
stream.setDefaultHighWaterMark(false, 1024);
stream.setDefaultHighWaterMark(true, 4);
console.log('changed', new Readable().readableHighWaterMark, new Writable({ objectMode: true }).writableHighWaterMark,
            new Duplex({ readableObjectMode: true }).readableHighWaterMark, new Duplex().writableHighWaterMark);
stream.setDefaultHighWaterMark(false, 16384);
stream.setDefaultHighWaterMark(true, 16);
for (const bad of [-1, 1.5, 'x']) {
  try {
    stream.setDefaultHighWaterMark(false, bad);
  } catch (err) {
    console.log(err.code, err.message);
  }
}
for (const hwm of [-1, NaN, '5', 1.5]) {
  try {
    new Readable({ highWaterMark: hwm });
  } catch (err) {
    console.log(err.code, err.message);
  }
}
try {
  new Duplex({ writableHighWaterMark: -2 });
} catch (err) {
  console.log(err.code, err.message);
}
try {
  new Readable({ encoding: 'nope' });
} catch (err) {
  console.log(err.code, err.message);
}

const r = new Readable({ read() {} });
const w = new Writable();
const d = new Duplex();
console.log('instances', r instanceof Stream, r instanceof EventEmitter, w instanceof Stream, d instanceof Readable,
            d instanceof Writable, new Transform() instanceof Duplex, new PassThrough() instanceof Transform,
            Readable() instanceof Readable, Writable() instanceof Writable, Duplex() instanceof Duplex);
console.log('state ctors', r._readableState instanceof Readable.ReadableState,
            w._writableState instanceof Writable.WritableState);
console.log('readable getters', r.readable, r.readableFlowing, r.readableLength, r.readableObjectMode,
            r.readableEncoding, r.readableEnded, r.readableDidRead, r.readableAborted, r.closed, r.errored);
console.log('writable getters', w.writable, w.writableLength, w.writableObjectMode, w.writableCorked,
            w.writableEnded, w.writableFinished, w.writableNeedDrain, w.writableHighWaterMark, w.writableAborted);
console.log('duplex', d.allowHalfOpen, d.readable, d.writable, d.destroyed);
console.log('eventNames', r.eventNames(), w.eventNames(), r.on('data', () => {}).eventNames());
console.log('state', r._readableState.pipesCount, r._readableState.paused, w._writableState.bufferedRequestCount,
            Array.isArray(w._writableState.getBuffer()));
console.log('uint8 helpers', stream._isUint8Array(new Uint8Array(1)), stream._isUint8Array([]),
            Buffer.isBuffer(stream._uint8ArrayToBuffer(new Uint8Array([1, 2]))));
