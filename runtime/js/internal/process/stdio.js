// process.stdin/stdout/stderr as real streams.
//
// stdout/stderr are Writables whose _write() writes synchronously to the fd (as Node
// does for files, TTYs and, on Linux, pipes), so output is never lost at exit.
// stdin is a Readable pulling 64 KiB reads from fd 0 on the blocking pool; reading
// starts only when someone consumes it.
'use strict';

const { Readable, Writable } = require('stream');
const { Buffer } = require('buffer');
const stdioBinding = internalBinding('stdio');
const fsBinding = internalBinding('fs');

// 'tty', 'fs' (files and character devices such as /dev/null) or 'pipe' (FIFOs and
// sockets), like libuv's guess of the handle type.
function guessStdioType(fd) {
  if (stdioBinding.isatty(fd)) return 'tty';
  let stats;
  try {
    stats = require('fs').fstatSync(fd);
  } catch {
    return 'unknown';
  }
  if (stats.isFIFO() || stats.isSocket()) return 'pipe';
  return 'fs';
}

// What Node calls SyncWriteStream: every write completes before write() returns.
class SyncWriteStream extends Writable {
  constructor(fd, options) {
    super({ autoDestroy: true });
    this.fd = fd;
    this.readable = false;
    this.autoClose = options?.autoClose === undefined ? true : options.autoClose;
  }

  _write(chunk, encoding, cb) {
    try {
      stdioBinding.writeSync(this.fd, chunk);
    } catch (err) {
      // EPIPE and friends become an 'error' event. Pipes and TTYs are sockets in
      // Node, whose errors read `write EPIPE`; files keep the fs-style error.
      if (this._type !== 'fs' && typeof err.errno === 'number') {
        cb(require('internal/errors').errnoException(err.errno, 'write'));
      } else {
        cb(err);
      }
      return false;
    }
    cb();
    return true;
  }

  _destroy(err, cb) {
    if (this.fd === null) return cb(err);
    if (this.autoClose) require('fs').closeSync(this.fd);
    this.fd = null;
    cb(err);
  }
}
SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

// TTY-only members of tty.WriteStream.
const ttyWriteMethods = {
  get columns() {
    const size = stdioBinding.windowSize(this.fd);
    return size ? size[0] : undefined;
  },
  get rows() {
    const size = stdioBinding.windowSize(this.fd);
    return size ? size[1] : undefined;
  },
  getWindowSize() {
    return stdioBinding.windowSize(this.fd) || [80, 24];
  },
  getColorDepth(env = process.env) {
    return require('internal/util/colors').getColorDepth(env);
  },
  hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    if (count === undefined) count = 16;
    return count <= 2 ** this.getColorDepth(env);
  },
  cursorTo(x, y, cb) {
    return require('readline').cursorTo(this, x, y, cb);
  },
  moveCursor(dx, dy, cb) {
    return require('readline').moveCursor(this, dx, dy, cb);
  },
  clearLine(dir, cb) {
    return require('readline').clearLine(this, dir, cb);
  },
  clearScreenDown(cb) {
    return require('readline').clearScreenDown(this, cb);
  },
};

// stdout/stderr survive destroy(): they only emit 'close' and stay usable, like
// Node's (closing fd 1/2 would break later output, e.g. of the exit handlers).
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) {
    process.nextTick(() => {
      this.emit('close');
    });
  }
}

function createWritableStdioStream(fd) {
  const type = guessStdioType(fd);
  let stream;
  if (type === 'unknown') {
    // Like Node for an fd it cannot use: swallow the output.
    stream = new Writable({
      write(buf, enc, cb) {
        cb();
      },
    });
  } else {
    stream = new SyncWriteStream(fd, { autoClose: false });
    stream._type = type;
    if (type === 'tty') {
      Object.defineProperties(stream, Object.getOwnPropertyDescriptors(ttyWriteMethods));
      stream.isTTY = true;
    }
  }
  stream.fd = fd;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  return stream;
}

// Reads fd 0 on the blocking pool, one read at a time, once someone consumes it.
class StdinStream extends Readable {
  constructor(type) {
    // Node reads ahead on pipes (16 KiB, a socket) and files (64 KiB, an fs stream),
    // so a paused pipe still keeps the process alive until EOF, as it does in Node.
    // A TTY gets no read-ahead: a read in flight cannot be cancelled, and pausing a
    // terminal's stdin must let the process exit. Files do not close after 'end'.
    const highWaterMark = type === 'tty' ? 0 : type === 'fs' ? 64 * 1024 : 16 * 1024;
    super({ highWaterMark, autoDestroy: type !== 'fs' });
    this.fd = 0;
    this._type = type;
    if (type === 'tty') {
      this.isTTY = true;
      // Only TTY stdin has setRawMode (readline tests for it).
      this.setRawMode = setRawMode;
    }
  }

  _read(size) {
    if (this._type === 'unknown') {
      // No usable fd 0: an empty stream, like Node's.
      this.push(null);
      return;
    }
    fsBinding.read(0, 64 * 1024, -1, (err, bytes) => {
      if (err) {
        if (err.code === 'EAGAIN') {
          // fd 0 is non-blocking (shared with another process): poll again shortly.
          setTimeout(() => this._read(size), 10);
          return;
        }
        this.destroy(err);
        return;
      }
      if (bytes.length === 0) {
        this.push(null);
        return;
      }
      this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    });
  }

  // Whether a pending read keeps the process alive cannot be changed: the read runs
  // on the blocking pool until it completes.
  ref() {
    return this;
  }

  unref() {
    return this;
  }
}

function setRawMode(flag) {
  const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');
  throw new ERR_NOT_IMPLEMENTED('process.stdin.setRawMode()');
}

function createStdin() {
  return new StdinStream(guessStdioType(0));
}

function create(name) {
  if (name === 'stdout') return createWritableStdioStream(1);
  if (name === 'stderr') return createWritableStdioStream(2);
  return createStdin();
}

module.exports = { create, SyncWriteStream };
