// process.stdin/stdout/stderr. stdout/stderr write synchronously (as Node does for files,
// TTYs and, on Linux, pipes); stdin reads on the blocking pool and emits 'data'/'end'.
'use strict';

const EventEmitter = require('events');
const stdioBinding = internalBinding('stdio');
const fsBinding = internalBinding('fs');

function toBytesOrString(chunk, encoding) {
  if (typeof chunk === 'string') {
    if (encoding && encoding !== 'utf8' && encoding !== 'utf-8' && typeof encoding === 'string') {
      return require('buffer').Buffer.from(chunk, encoding);
    }
    return chunk;
  }
  if (ArrayBuffer.isView(chunk)) return chunk;
  const { codes } = require('internal/errors');
  throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

class StdioWriter extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._isStdio = true;
    this.writable = true;
    this.destroyed = false;
    this.writableLength = 0;
    this.writableHighWaterMark = 16384;
    this.isTTY = stdioBinding.isatty(fd) || undefined;
    if (!this.isTTY) delete this.isTTY;
  }

  get columns() {
    const size = this.isTTY ? stdioBinding.windowSize(this.fd) : undefined;
    return size ? size[0] : undefined;
  }

  get rows() {
    const size = this.isTTY ? stdioBinding.windowSize(this.fd) : undefined;
    return size ? size[1] : undefined;
  }

  getWindowSize() {
    return stdioBinding.windowSize(this.fd) || [80, 24];
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (chunk === null) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_STREAM_NULL_VALUES();
    }
    try {
      stdioBinding.writeSync(this.fd, toBytesOrString(chunk, encoding));
    } catch (err) {
      if (err.code === 'EPIPE' || err.code === 'EAGAIN') {
        // The reader went away: like Node, report it as an 'error' event.
        process.nextTick(() => this.emit('error', err));
        return false;
      }
      throw err;
    }
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    return this;
  }

  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
  destroy() { this.destroyed = true; return this; }
  _destroy(err, cb) { cb(err); }

  hasColors(count = 16, env = process.env) {
    if (typeof count === 'object') { env = count; count = 16; }
    return count <= 2 ** this.getColorDepth(env);
  }

  getColorDepth(env = process.env) {
    if (env.FORCE_COLOR !== undefined) {
      switch (env.FORCE_COLOR) {
        case '': case '1': case 'true': return 4;
        case '2': return 8;
        case '3': return 24;
        default: return 1;
      }
    }
    if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return 1;
    if (!this.isTTY) return 1;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
    if (env.TERM && /256/.test(env.TERM)) return 8;
    return 4;
  }
}

class StdinReader extends EventEmitter {
  constructor() {
    super();
    this.fd = 0;
    this.readable = true;
    this._reading = false;
    this._ended = false;
    this.isTTY = stdioBinding.isatty(0) || undefined;
    if (!this.isTTY) delete this.isTTY;
    this.on('newListener', (event) => {
      if (event === 'data' || event === 'readable' || event === 'end') process.nextTick(() => this.resume());
    });
  }

  setEncoding(enc) { this._encoding = enc; return this; }

  resume() {
    if (this._reading || this._ended) return this;
    this._reading = true;
    const { Buffer } = require('buffer');
    const readMore = () => {
      fsBinding.read(0, 65536, -1, (err, bytes) => {
        if (err) {
          this._reading = false;
          if (err.code === 'EAGAIN') { setTimeout(readMore, 10); this._reading = true; return; }
          this.emit('error', err);
          return;
        }
        if (bytes.length === 0) {
          this._reading = false;
          this._ended = true;
          this.emit('end');
          this.emit('close');
          return;
        }
        const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
        this.emit('data', this._encoding ? buf.toString(this._encoding) : buf);
        if (this._reading) readMore();
      });
    };
    readMore();
    return this;
  }

  pause() { this._reading = false; return this; }
  setRawMode() { return this; }
  ref() { return this; }
  unref() { return this; }
  destroy() { this._reading = false; return this; }
}

function create(name) {
  if (name === 'stdout') return new StdioWriter(1);
  if (name === 'stderr') return new StdioWriter(2);
  return new StdinReader();
}

module.exports = { create, StdioWriter };
