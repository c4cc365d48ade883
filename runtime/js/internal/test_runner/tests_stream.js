// TestsStream: the object-mode Readable of test events ({ type, data }) that reporters
// consume. Every event is also emitted as an EventEmitter event of its type.
'use strict';

const { Readable } = require('stream');

function locationOf(loc) {
  if (loc === undefined || loc === null) return {};
  return { line: loc.line, column: loc.column, file: loc.file };
}

class TestsStream extends Readable {
  #buffer = [];
  #canPush = true;

  constructor() {
    super({ objectMode: true, highWaterMark: Number.MAX_SAFE_INTEGER });
  }

  _read() {
    this.#canPush = true;
    while (this.#buffer.length > 0) {
      const message = this.#buffer.shift();
      if (!this.#tryPush(message)) return;
    }
  }

  fail(nesting, loc, testNumber, name, details, directive) {
    this.#emitMessage('test:fail', {
      name, nesting, testNumber, details, ...locationOf(loc), ...directive,
    });
  }

  ok(nesting, loc, testNumber, name, details, directive) {
    this.#emitMessage('test:pass', {
      name, nesting, testNumber, details, ...locationOf(loc), ...directive,
    });
  }

  plan(nesting, loc, count) {
    this.#emitMessage('test:plan', { nesting, count, ...locationOf(loc) });
  }

  getSkip(reason = undefined) {
    return { skip: reason ?? true };
  }

  getTodo(reason = undefined) {
    return { todo: reason ?? true };
  }

  enqueue(nesting, loc, name) {
    this.#emitMessage('test:enqueue', { nesting, name, ...locationOf(loc) });
  }

  dequeue(nesting, loc, name) {
    this.#emitMessage('test:dequeue', { nesting, name, ...locationOf(loc) });
  }

  start(nesting, loc, name) {
    this.#emitMessage('test:start', { nesting, name, ...locationOf(loc) });
  }

  diagnostic(nesting, loc, message) {
    this.#emitMessage('test:diagnostic', { nesting, message, ...locationOf(loc) });
  }

  coverage(nesting, loc, summary) {
    this.#emitMessage('test:coverage', { nesting, summary, ...locationOf(loc) });
  }

  end() {
    this.#tryPush(null);
  }

  #emitMessage(type, data) {
    this.emit(type, data);
    this.#tryPush({ type, data });
  }

  #tryPush(message) {
    if (this.#canPush) {
      this.#canPush = this.push(message);
    } else {
      this.#buffer.push(message);
    }
    return this.#canPush;
  }
}

module.exports = { TestsStream };
