// `readline/promises`: an Interface whose question() returns a promise, and the Readline
// class for batched cursor control.
'use strict';

const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const { Readline } = require('internal/readline/promises');
const {
  Interface: _Interface,
  kQuestion,
  kQuestionCancel,
} = require('internal/readline/interface');

class Interface extends _Interface {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  // Resolves with the answer; rejects with an AbortError when options.signal aborts (the
  // question is then withdrawn) and with ERR_USE_AFTER_CLOSE on a closed interface.
  question(query, options = kEmptyObject) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options?.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          return reject(new AbortError(undefined, { cause: signal.reason }));
        }
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestion](query, cb);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  Readline,
  createInterface,
};
