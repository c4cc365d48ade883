// The `readline` module: the callback-style Interface, createInterface, the cursor helpers
// and emitKeypressEvents. The Interface itself lives in internal/readline/interface.
'use strict';

const {
  AbortError,
} = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const {
  kCustomPromisifiedSymbol,
  kEmptyObject,
} = require('internal/util');
const { inspect } = require('internal/util/inspect');
const {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const { emitKeypressEvents } = require('internal/readline/emitKeypressEvents');
const {
  Interface: _Interface,
  InterfaceConstructor,
  kAddHistory,
  kDecoder,
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kGetDisplayPos,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kLine,
  kLineBuffer,
  kMoveCursor,
  kNormalWrite,
  kOldPrompt,
  kOnLine,
  kPreviousKey,
  kPrompt,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kRefreshLine,
  kSawKeyPress,
  kSawReturnAt,
  kSetRawMode,
  kTabComplete,
  kTabCompleter,
  kTtyWrite,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
} = require('internal/readline/interface');

// readline.Interface may be called without `new`. Its completer takes a callback
// (`(line, cb)`); a one-argument completer is synchronous and is wrapped into that form.
function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) {
    return new Interface(input, output, completer, terminal);
  }

  if (input?.input && typeof input.completer === 'function' && input.completer.length !== 2) {
    const { completer } = input;
    input.completer = (v, cb) => cb(null, completer(v));
  } else if (typeof completer === 'function' && completer.length !== 2) {
    const realCompleter = completer;
    completer = (v, cb) => cb(null, realCompleter(v));
  }

  Reflect.apply(InterfaceConstructor, this, [input, output, completer, terminal]);

  // A dumb terminal gets no cursor movement or line editing.
  if (process.env.TERM === 'dumb') {
    this._ttyWrite = _ttyWriteDumb.bind(this);
  }
}

Object.setPrototypeOf(Interface.prototype, _Interface.prototype);
Object.setPrototypeOf(Interface, _Interface);

// Asks `query` and calls `cb(answer)`; with `options.signal`, aborting cancels the question.
Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => {
        this[kQuestionCancel]();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => {
        signal.removeEventListener('abort', onAbort);
      };
      const originalCb = cb;
      cb = typeof cb === 'function' ? (answer) => {
        cleanup();
        return originalCb(answer);
      } : cleanup;
    }
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

// util.promisify(rl.question) resolves with the answer (there is no error argument).
Object.defineProperty(Interface.prototype.question, kCustomPromisifiedSymbol, {
  __proto__: null,
  configurable: true,
  enumerable: false,
  writable: true,
  value: function question(query, options) {
    if (options === null || typeof options !== 'object') options = kEmptyObject;
    const signal = options.signal;
    if (signal && signal.aborted) {
      return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    }
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (signal) {
        const onAbort = () => {
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.question(query, options, cb);
    });
  },
});

// Legacy underscore names of the interface's state.
const legacyStateSymbols = [
  ['_decoder', kDecoder],
  ['_line_buffer', kLineBuffer],
  ['_oldPrompt', kOldPrompt],
  ['_previousKey', kPreviousKey],
  ['_prompt', kPrompt],
  ['_questionCallback', kQuestionCallback],
  ['_sawKeyPress', kSawKeyPress],
  ['_sawReturnAt', kSawReturnAt],
];
for (const [name, symbol] of legacyStateSymbols) {
  Object.defineProperty(Interface.prototype, name, {
    __proto__: null,
    get() {
      return this[symbol];
    },
    set(value) {
      this[symbol] = value;
    },
  });
}

// Legacy underscore methods. `_name` holds the implementation and the internal symbol
// reads `this._name`, so code that replaces e.g. `rl._writeToOutput` changes what the
// interface does.
const legacyMethods = [
  ['_setRawMode', kSetRawMode],
  ['_onLine', kOnLine],
  ['_writeToOutput', kWriteToOutput],
  ['_addHistory', kAddHistory],
  ['_refreshLine', kRefreshLine],
  ['_normalWrite', kNormalWrite],
  ['_insertString', kInsertString],
  ['_tabComplete', kTabComplete],
  ['_wordLeft', kWordLeft],
  ['_wordRight', kWordRight],
  ['_deleteLeft', kDeleteLeft],
  ['_deleteRight', kDeleteRight],
  ['_deleteWordLeft', kDeleteWordLeft],
  ['_deleteWordRight', kDeleteWordRight],
  ['_deleteLineLeft', kDeleteLineLeft],
  ['_deleteLineRight', kDeleteLineRight],
  ['_line', kLine],
  ['_historyNext', kHistoryNext],
  ['_historyPrev', kHistoryPrev],
  ['_getDisplayPos', kGetDisplayPos],
  ['_getCursorPos', null],
  ['_moveCursor', kMoveCursor],
  ['_ttyWrite', kTtyWrite],
];

// The legacy completer takes a callback, so tab completion runs synchronously when the
// completer answers synchronously. (Anonymous, as Node's: the array keeps it unnamed.)
const legacyTabComplete = [function(lastKeypressWasTab) {
  this.pause();
  const string = this.line.slice(0, this.cursor);
  this.completer(string, (err, value) => {
    this.resume();
    if (err) {
      this._writeToOutput(`Tab completion error: ${inspect(err)}`);
      return;
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  });
}][0];

for (const [name, symbol] of legacyMethods) {
  let impl;
  if (symbol === null) impl = _Interface.prototype.getCursorPos;
  else if (symbol === kTabComplete) impl = legacyTabComplete;
  else impl = _Interface.prototype[symbol];
  Object.defineProperty(Interface.prototype, name, {
    __proto__: null,
    value: impl,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
for (const [name, symbol] of legacyMethods) {
  if (symbol === null) continue;
  Object.defineProperty(Interface.prototype, symbol, {
    __proto__: null,
    get() {
      return this[name];
    },
  });
}

// TERM=dumb: no escape sequences; keys only append text, enter ends the line.
function _ttyWriteDumb(s, key) {
  key = key || kEmptyObject;

  if (key.name === 'escape') return;

  if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;

  if (key.ctrl) {
    if (key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
      else this.close();
      return;
    } else if (key.name === 'd') {
      this.close();
      return;
    }
  }

  switch (key.name) {
    case 'return':
      this[kSawReturnAt] = Date.now();
      this._line();
      break;
    case 'enter':
      if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
        this._line();
      }
      this[kSawReturnAt] = 0;
      break;
    default:
      if (typeof s === 'string' && s) {
        this.line += s;
        this.cursor += s.length;
        this._writeToOutput(s);
      }
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises: require('readline/promises'),
};
