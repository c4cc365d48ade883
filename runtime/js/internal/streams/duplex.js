// stream.Duplex: both Readable and Writable. It inherits from Readable and borrows
// Writable's methods; `instanceof Writable` works through Writable[Symbol.hasInstance].
'use strict';

module.exports = Duplex;

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { Stream } = require('internal/streams/legacy');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const destroyImpl = require('internal/streams/destroy');
const { kOnConstructed } = require('internal/streams/utils');

Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

{
  // Writable's own enumerable methods that Readable does not already provide.
  for (const method of Object.keys(Writable.prototype)) {
    if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
  }
}

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  this._events ??= {
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };

  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;

    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }

    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }

    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }

  Stream.call(this, options);

  // Once _construct() is done: the readable side refills, the writable side
  // flushes what was written meanwhile (in that order, as two separate streams would).
  destroyImpl.construct(this, () => {
    this._readableState[kOnConstructed](this);
  });
  destroyImpl.construct(this, () => {
    this._writableState[kOnConstructed](this);
  });
}

Object.defineProperties(Duplex.prototype, {
  writable: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writable') },
  writableHighWaterMark: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writableHighWaterMark') },
  writableObjectMode: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writableObjectMode') },
  writableBuffer: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writableBuffer') },
  writableLength: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writableLength') },
  writableFinished: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writableFinished') },
  writableCorked: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writableCorked') },
  writableEnded: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writableEnded') },
  writableNeedDrain: { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, 'writableNeedDrain') },

  destroyed: {
    __proto__: null,
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      // Backward compatibility: the user may set `destroyed` explicitly.
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

let webStreamsAdapters;
function lazyWebStreams() {
  webStreamsAdapters ??= require('internal/streams/webstreams_adapters');
  return webStreamsAdapters;
}

Duplex.fromWeb = function(pair, options) {
  return lazyWebStreams().newStreamDuplexFromReadableWritablePair(pair, options);
};

Duplex.toWeb = function(duplex) {
  return lazyWebStreams().newReadableWritablePairFromDuplex(duplex);
};

let duplexify;
Duplex.from = function(body) {
  duplexify ??= require('internal/streams/duplexify');
  return duplexify(body, 'body');
};
