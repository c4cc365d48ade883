// readline.emitKeypressEvents(stream[, interface]): makes `stream` emit 'keypress' events
// for the data it reads, once someone listens for them.
'use strict';

const { StringDecoder } = require('string_decoder');
const { charLengthAt, emitKeys, kEscape } = require('internal/readline/utils');

const KEYPRESS_DECODER = Symbol('keypress-decoder');
const ESCAPE_DECODER = Symbol('escape-decoder');

// How long a lone ESC waits for the rest of an escape sequence before it counts as the
// escape key.
const ESCAPE_CODE_TIMEOUT = 500;

// The interface symbols this module updates (shared with internal/readline/interface).
const kSawKeyPress = Symbol('_sawKeyPress');

function startDecoder(stream) {
  stream[ESCAPE_DECODER] = emitKeys(stream);
  stream[ESCAPE_DECODER].next();
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[KEYPRESS_DECODER]) return;

  stream[KEYPRESS_DECODER] = new StringDecoder('utf8');
  startDecoder(stream);

  const triggerEscape = () => stream[ESCAPE_DECODER].next('');
  const { escapeCodeTimeout = ESCAPE_CODE_TIMEOUT } = iface;
  let timeoutId;

  function onData(input) {
    if (stream.listenerCount('keypress') === 0) {
      // Nobody listens any more: stop decoding until someone does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    const string = stream[KEYPRESS_DECODER].write(input);
    if (!string) return;
    clearTimeout(timeoutId);
    // A chunk that is one character (maybe a surrogate pair) was typed, not pasted.
    iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
    // Tab completion only for a tab at the end of the chunk (not inside pasted text).
    iface.isCompletionEnabled = false;
    let length = 0;
    for (const character of string) {
      length += character.length;
      if (length === string.length) iface.isCompletionEnabled = true;
      try {
        stream[ESCAPE_DECODER].next(character);
        // An ESC at the very end may be the escape key itself: decide after a pause.
        if (length === string.length && character === kEscape) {
          timeoutId = setTimeout(triggerEscape, escapeCodeTimeout);
        }
      } catch (err) {
        // A 'keypress' listener threw inside the generator, which is now finished.
        startDecoder(stream);
        throw err;
      }
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) {
    stream.on('data', onData);
  } else {
    stream.on('newListener', onNewListener);
  }
}

module.exports = {
  emitKeypressEvents,
  kSawKeyPress,
};
