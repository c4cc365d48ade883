// Conversions between Node streams and WHATWG streams: Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb, Duplex.toWeb/fromWeb. They use the global web stream
// classes; without them (no web streams in this build) they throw ERR_NOT_IMPLEMENTED.
'use strict';

const { Buffer } = require('buffer');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_NOT_IMPLEMENTED,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateObject,
} = require('internal/validators');
const {
  createDeferredPromise,
  normalizeEncoding,
} = require('internal/util');
const {
  isDestroyed,
  isReadable,
  isWritable,
  isWritableEnded,
} = require('internal/streams/utils');
const { destroyer: destroy } = require('internal/streams/destroy');
const finished = require('internal/streams/end-of-stream');

let encoder;

function webStreamClass(name) {
  const ctor = globalThis[name];
  if (typeof ctor !== 'function') throw new ERR_NOT_IMPLEMENTED(`${name} (web streams)`);
  return ctor;
}

function isWebReadableStream(value) {
  const ctor = globalThis.ReadableStream;
  return typeof ctor === 'function' && value instanceof ctor;
}

function isWebWritableStream(value) {
  const ctor = globalThis.WritableStream;
  return typeof ctor === 'function' && value instanceof ctor;
}

// A premature close seen from the web side is an abort.
function toWebError(error) {
  if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new AbortError(undefined, { cause: error });
  }
  return error;
}

// Calls a Node stream callback; an exception from it destroys the stream instead of
// escaping into a promise.
function callSafely(callback, error, stream) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => destroy(stream, err));
  }
}

// A destroy() callback that throws has nowhere to go: rethrow it as uncaught.
function finishDestroy(callback, error) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => {
      throw err;
    });
  }
}

function encodeForWeb(chunk, encoding, decodeStrings, objectMode) {
  if (typeof chunk === 'string' && decodeStrings && !objectMode) {
    if (normalizeEncoding(encoding) === 'utf8') {
      encoder ??= new TextEncoder();
      return encoder.encode(chunk);
    }
    const buf = Buffer.from(chunk, encoding);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return chunk;
}

function newWritableStreamFromStreamWritable(streamWritable) {
  // Duck-typed so that http.OutgoingMessage (no _writableState) and non-writable
  // Duplexes (which get a closed WritableStream) are accepted.
  if (!streamWritable || typeof streamWritable.write !== 'function' ||
      typeof streamWritable.on !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  const WritableStream = webStreamClass('WritableStream');

  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }

  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new (webStreamClass('CountQueuingStrategy'))({ highWaterMark }) :
    { highWaterMark };

  let controller;
  let backpressurePromise;
  let closed;

  function onDrain() {
    if (backpressurePromise !== undefined) backpressurePromise.resolve();
  }

  const cleanup = finished(streamWritable, (error) => {
    error = toWebError(error);
    cleanup();
    // Later errors of the Node stream are not reported (the web stream is done).
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressurePromise !== undefined) backpressurePromise.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller.error(error);
      controller = undefined;
      return;
    }

    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    // Finished without close() from the web side.
    controller.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) {
      controller = c;
    },

    async write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = createDeferredPromise();
        return backpressurePromise.promise.finally(() => {
          backpressurePromise = undefined;
        });
      }
    },

    abort(reason) {
      destroy(streamWritable, reason);
    },

    close() {
      if (closed === undefined && !isWritableEnded(streamWritable)) {
        closed = createDeferredPromise();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWebWritableStream(writableStream)) {
    webStreamClass('WritableStream');
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }

  validateObject(options, 'options');
  const {
    highWaterMark,
    decodeStrings = true,
    objectMode = false,
    signal,
  } = options;

  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  const Writable = require('internal/streams/writable');
  const writer = writableStream.getWriter();
  let closed = false;

  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      function done(error) {
        error = error.filter((e) => e);
        callSafely(callback, error.length === 0 ? undefined : error, writable);
      }
      writer.ready.then(
        () => Promise.all(chunks.map((data) => writer.write(data.chunk))).then(done, done),
        done);
    },

    write(chunk, encoding, callback) {
      chunk = encodeForWeb(chunk, encoding, decodeStrings, objectMode);
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          destroy(writable, err);
        }
      }
      writer.ready.then(() => writer.write(chunk).then(done, done), done);
    },

    destroy(error, callback) {
      const done = () => finishDestroy(callback, error);
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },

    final(callback) {
      const done = (error) => callSafely(callback, error, writable);
      if (!closed) writer.close().then(done, done);
    },
  });

  writer.closed.then(
    () => {
      // The web side closed by itself: premature unless this stream ended first.
      closed = true;
      if (!isWritableEnded(writable)) destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
    },
    (error) => {
      closed = true;
      destroy(writable, error);
    });

  return writable;
}

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  const ReadableStream = webStreamClass('ReadableStream');

  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }

  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;

  // Without a given strategy: count objects in object mode, otherwise count chunks
  // against the Node highWaterMark.
  let strategy = options?.strategy;
  if (!strategy) {
    strategy = objectMode ?
      new (webStreamClass('CountQueuingStrategy'))({ highWaterMark }) :
      { highWaterMark };
  }

  let controller;

  function onData(chunk) {
    // Hand out plain Uint8Arrays, not Buffers.
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  function onFinished(error) {
    cleanup();
    error = toWebError(error);
    if (error) return controller.error(error);
    controller.close();
  }

  streamReadable.on('data', onData);
  const cleanup = finished(streamReadable, onFinished);

  return new ReadableStream({
    start(c) {
      controller = c;
    },

    pull() {
      streamReadable.resume();
    },

    cancel(reason) {
      destroy(streamReadable, reason);
    },
  }, strategy);
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isWebReadableStream(readableStream)) {
    webStreamClass('ReadableStream');
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }

  validateObject(options, 'options');
  const {
    highWaterMark,
    encoding,
    objectMode = false,
    signal,
  } = options;

  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }
  validateBoolean(objectMode, 'options.objectMode');

  const Readable = require('internal/streams/readable');
  const reader = readableStream.getReader();
  let closed = false;

  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,

    read() {
      reader.read().then(
        (chunk) => {
          if (chunk.done) readable.push(null);
          else readable.push(chunk.value);
        },
        (error) => destroy(readable, error));
    },

    destroy(error, callback) {
      const done = () => finishDestroy(callback, error);
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });

  reader.closed.then(
    () => {
      closed = true;
    },
    (error) => {
      closed = true;
      destroy(readable, error);
    });

  return readable;
}

function newReadableWritablePairFromDuplex(duplex) {
  if (typeof duplex?._writableState !== 'object' ||
      typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  const ReadableStream = webStreamClass('ReadableStream');
  const WritableStream = webStreamClass('WritableStream');

  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }

  const writable = isWritable(duplex) ?
    newWritableStreamFromStreamWritable(duplex) :
    new WritableStream();
  if (!isWritable(duplex)) writable.close();

  const readable = isReadable(duplex) ?
    newReadableStreamFromStreamReadable(duplex) :
    new ReadableStream();
  if (!isReadable(duplex)) readable.cancel();

  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const {
    readable: readableStream,
    writable: writableStream,
  } = pair;

  if (!isWebReadableStream(readableStream)) {
    webStreamClass('ReadableStream');
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWebWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }

  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;

  validateBoolean(objectMode, 'options.objectMode');
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }

  const Duplex = require('internal/streams/duplex');
  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;

  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      function done(error) {
        error = error.filter((e) => e);
        callSafely(callback, error.length === 0 ? undefined : error, duplex);
      }
      writer.ready.then(
        () => Promise.all(chunks.map((data) => writer.write(data.chunk))).then(done, done),
        done);
    },

    write(chunk, encoding, callback) {
      chunk = encodeForWeb(chunk, encoding, decodeStrings, objectMode);
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          destroy(duplex, err);
        }
      }
      writer.ready.then(() => writer.write(chunk).then(done, done), done);
    },

    final(callback) {
      const done = (error) => callSafely(callback, error, duplex);
      if (!writableClosed) writer.close().then(done, done);
    },

    read() {
      reader.read().then(
        (chunk) => {
          if (chunk.done) duplex.push(null);
          else duplex.push(chunk.value);
        },
        (error) => destroy(duplex, error));
    },

    destroy(error, callback) {
      const done = () => finishDestroy(callback, error);
      async function closeWriter() {
        if (!writableClosed) await writer.abort(error);
      }
      async function closeReader() {
        if (!readableClosed) await reader.cancel(error);
      }
      if (!writableClosed || !readableClosed) {
        Promise.all([closeWriter(), closeReader()]).then(done, done);
        return;
      }
      done();
    },
  });

  writer.closed.then(
    () => {
      writableClosed = true;
      if (!isWritableEnded(duplex)) destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  reader.closed.then(
    () => {
      readableClosed = true;
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  return duplex;
}

module.exports = {
  newWritableStreamFromStreamWritable,
  newReadableStreamFromStreamReadable,
  newStreamWritableFromWritableStream,
  newStreamReadableFromReadableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
