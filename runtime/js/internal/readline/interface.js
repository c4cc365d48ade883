// The readline Interface shared by `readline` and `readline/promises`.
//
// Two modes:
// - non-terminal: input chunks are decoded and split into lines (\n, \r\n, or \r; a \n that
//   follows a \r within `crlfDelay` ms belongs to it);
// - terminal: input goes through emitKeypressEvents and each key edits `line` at `cursor`
//   (emacs-style bindings, history, kill ring, undo/redo, tab completion) and the line is
//   redrawn on `output` with ANSI sequences.
//
// Internal methods are symbol-keyed; `readline.Interface` maps them to the legacy `_name`
// methods so that user code overriding e.g. `_writeToOutput` still takes effect.
'use strict';

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_USE_AFTER_CLOSE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateNumber,
  validateString,
  validateUint32,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const {
  inspect,
  getStringWidth,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const {
  charLengthAt,
  charLengthLeft,
  commonPrefix,
} = require('internal/readline/utils');
const {
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const {
  emitKeypressEvents,
  kSawKeyPress,
} = require('internal/readline/emitKeypressEvents');

const kHistorySize = 30;
const kMaxUndoRedoStackSize = 2048;
const kMinCrlfDelay = 100;
const kMaxLengthOfKillRing = 32;
const ESCAPE_CODE_TIMEOUT = 500;

// Line ends for the non-terminal splitter and for pasted text: \n, \r\n, or a lone \r.
const lineEnding = /\r?\n|\r(?!\n)/g;

// See events.on(): yield each 'line' event's line rather than an array of arguments.
const kFirstEventParam = Symbol.for('rnode.events.kFirstEventParam');

// Instance state.
const kDecoder = Symbol('_decoder');
const kLineBuffer = Symbol('_line_buffer');
const kOldPrompt = Symbol('_oldPrompt');
const kPreviousKey = Symbol('_previousKey');
const kPrompt = Symbol('_prompt');
const kQuestionCallback = Symbol('_questionCallback');
const kSawReturnAt = Symbol('_sawReturnAt');
const kSubstringSearch = Symbol('kSubstringSearch');
const kUndoStack = Symbol('_undoStack');
const kRedoStack = Symbol('_redoStack');
const kKillRing = Symbol('_killRing');
const kKillRingCursor = Symbol('_killRingCursor');
const kYanking = Symbol('_yanking');
const kLineObjectStream = Symbol('line object stream');

// Internal methods.
const kSetRawMode = Symbol('_setRawMode');
const kQuestion = Symbol('kQuestion');
const kOnLine = Symbol('_onLine');
const kBeforeEdit = Symbol('_beforeEdit');
const kQuestionCancel = Symbol('kQuestionCancel');
const kWriteToOutput = Symbol('_writeToOutput');
const kAddHistory = Symbol('_addHistory');
const kRefreshLine = Symbol('_refreshLine');
const kNormalWrite = Symbol('_normalWrite');
const kInsertString = Symbol('_insertString');
const kTabComplete = Symbol('_tabComplete');
const kTabCompleter = Symbol('_tabCompleter');
const kWordLeft = Symbol('_wordLeft');
const kWordRight = Symbol('_wordRight');
const kDeleteLeft = Symbol('_deleteLeft');
const kDeleteRight = Symbol('_deleteRight');
const kDeleteWordLeft = Symbol('_deleteWordLeft');
const kDeleteWordRight = Symbol('_deleteWordRight');
const kDeleteLineLeft = Symbol('_deleteLineLeft');
const kDeleteLineRight = Symbol('_deleteLineRight');
const kPushToKillRing = Symbol('_pushToKillRing');
const kYank = Symbol('_yank');
const kYankPop = Symbol('_yankPop');
const kLine = Symbol('_line');
const kPushToUndoStack = Symbol('_pushToUndoStack');
const kUndo = Symbol('_undo');
const kRedo = Symbol('_redo');
const kHistoryNext = Symbol('_historyNext');
const kHistoryPrev = Symbol('_historyPrev');
const kGetDisplayPos = Symbol('_getDisplayPos');
const kMoveCursor = Symbol('_moveCursor');
const kTtyWrite = Symbol('_ttyWrite');

// A word (or a run of punctuation) with the blanks next to it. The "left" patterns run on
// the reversed text before the cursor, which keeps them linear.
const kWordLeftPattern = /^\s*(?:[^\w\s]+|\w+)?/;
const kWordRightPattern = /^(?:\s+|[^\w\s]+|\w+)\s*/;
const kDeleteWordRightPattern = /^(?:\s+|\W+|\w+)\s*/;

function reverseString(str) {
  return Array.from(str).reverse().join('');
}

// The Interface constructor proper, a plain function so that `readline.Interface` (a
// function that may be called without `new`) can run it on its own `this`.
function InterfaceConstructor(input, output, completer, terminal) {
  this.isCompletionEnabled = true;
  this.escapeCodeTimeout = ESCAPE_CODE_TIMEOUT;
  this.tabSize = 8;
  this[kSawReturnAt] = 0;
  this[kSawKeyPress] = false;
  this[kPreviousKey] = null;

  EventEmitter.call(this);

  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;

  if (input?.input) {
    // createInterface(options)
    output = input.output;
    completer = input.completer;
    terminal = input.terminal;
    history = input.history;
    historySize = input.historySize;
    signal = input.signal;
    const tabSize = input.tabSize;
    if (tabSize !== undefined) {
      validateUint32(tabSize, 'tabSize', true);
      this.tabSize = tabSize;
    }
    removeHistoryDuplicates = input.removeHistoryDuplicates;
    if (input.prompt !== undefined) prompt = input.prompt;
    if (input.escapeCodeTimeout !== undefined) {
      if (Number.isFinite(input.escapeCodeTimeout)) {
        this.escapeCodeTimeout = input.escapeCodeTimeout;
      } else {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', this.escapeCodeTimeout);
      }
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = input.crlfDelay;
    input = input.input;
  }

  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }

  if (history === undefined) history = [];
  else validateArray(history, 'history');

  if (historySize === undefined) historySize = kHistorySize;
  validateNumber(historySize, 'historySize', 0);

  // Without an explicit `terminal`, a TTY output means terminal mode.
  if (terminal === undefined && !(output === null || output === undefined)) {
    terminal = !!output.isTTY;
  }

  const self = this;

  this.line = '';
  this[kSubstringSearch] = null;
  this.output = output;
  this.input = input;
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this.history = history;
  this.historySize = historySize;
  // Killed (deleted) text, most recent first, for ctrl+y / meta+y.
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  this.completer = completer;
  this.setPrompt(prompt);
  this.terminal = !!terminal;
  this[kLineObjectStream] = undefined;

  function onerror(err) {
    self.emit('error', err);
  }

  function ondata(data) {
    self[kNormalWrite](data);
  }

  function onend() {
    const rest = self[kLineBuffer];
    if (typeof rest === 'string' && rest.length > 0) self.emit('line', rest);
    self.close();
  }

  function ontermend() {
    if (typeof self.line === 'string' && self.line.length > 0) self.emit('line', self.line);
    self.close();
  }

  function onkeypress(s, key) {
    self[kTtyWrite](s, key);
    if (key && key.sequence) {
      // Half of a surrogate pair arrived alone: redraw once the line holds the whole
      // character.
      const ch = key.sequence.codePointAt(0);
      if (ch >= 0xd800 && ch <= 0xdfff) self[kRefreshLine]();
    }
  }

  function onresize() {
    self[kRefreshLine]();
  }

  input.on('error', onerror);

  if (!this.terminal) {
    function onSelfCloseWithoutTerminal() {
      input.removeListener('data', ondata);
      input.removeListener('error', onerror);
      input.removeListener('end', onend);
    }

    input.on('data', ondata);
    input.on('end', onend);
    self.once('close', onSelfCloseWithoutTerminal);
    this[kDecoder] = new StringDecoder('utf8');
  } else {
    function onSelfCloseWithTerminal() {
      input.removeListener('keypress', onkeypress);
      input.removeListener('error', onerror);
      input.removeListener('end', ontermend);
      if (output !== null && output !== undefined) output.removeListener('resize', onresize);
    }

    emitKeypressEvents(input, this);
    input.on('keypress', onkeypress);
    input.on('end', ontermend);
    this[kSetRawMode](true);
    this.terminal = true;
    this.cursor = 0;
    this.historyIndex = -1;
    if (output !== null && output !== undefined) output.on('resize', onresize);
    self.once('close', onSelfCloseWithTerminal);
  }

  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      const disposable = EventEmitter.addAbortListener(signal, onAborted);
      self.once('close', disposable[Symbol.dispose]);
    }
  }

  this.line = '';
  input.resume();
}

Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

class Interface extends InterfaceConstructor {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  [kSetRawMode](mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasInRawMode;
  }

  // Writes the prompt (and the current line, redrawn, in terminal mode).
  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](this[kPrompt]);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      // A question is already pending: show its prompt again.
      this.prompt();
    } else {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  // A complete line: the answer to a pending question, or a 'line' event.
  [kOnLine](line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  [kBeforeEdit](oldText, oldCursor) {
    this[kPushToUndoStack](oldText, oldCursor);
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  [kWriteToOutput](stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) this.output.write(stringToWrite);
  }

  // Records the current line in the history; returns the line to report (a 'history'
  // listener may have changed the history, e.g. to drop a password).
  [kAddHistory]() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;

    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const dupIndex = this.history.indexOf(this.line);
        if (dupIndex !== -1) this.history.splice(dupIndex, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }

    this.historyIndex = -1;
    const line = this.history[0];
    this.emit('history', this.history);
    return line;
  }

  // Redraws the prompt and line and puts the cursor back where it belongs.
  [kRefreshLine]() {
    const line = this[kPrompt] + this.line;
    const dispPos = this[kGetDisplayPos](line);
    const lineCols = dispPos.cols;
    const lineRows = dispPos.rows;
    const cursorPos = this.getCursorPos();

    // Go to the first row of what was drawn last time, then redraw from its start.
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this[kWriteToOutput](line);
    // A line that exactly fills the last row: make the terminal open the next one.
    if (lineCols === 0) this[kWriteToOutput](' ');

    cursorTo(this.output, cursorPos.cols);
    const diff = lineRows - cursorPos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    this.prevRows = cursorPos.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this[kSetRawMode](false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  // As if `d` had been typed (terminal: with `key` as its keypress, if given).
  write(d, key) {
    if (this.paused) this.resume();
    if (this.terminal) this[kTtyWrite](d, key);
    else this[kNormalWrite](d);
  }

  // Non-terminal input: split decoded text into lines.
  [kNormalWrite](b) {
    if (b === undefined) return;
    let string = this[kDecoder].write(b);
    // The \n of a \r\n split across chunks.
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this[kSawReturnAt] = 0;
    }

    // Look for line ends in the new text only; earlier text had none.
    lineEnding.lastIndex = 0;
    if (!lineEnding.test(string)) {
      if (string) {
        if (this[kLineBuffer]) this[kLineBuffer] += string;
        else this[kLineBuffer] = string;
      }
      return;
    }

    if (this[kLineBuffer]) {
      string = this[kLineBuffer] + string;
      this[kLineBuffer] = null;
    }
    this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;

    // Collect the lines first: a 'line' listener may write more input reentrantly.
    const lines = [];
    let start = 0;
    let match;
    lineEnding.lastIndex = 0;
    while ((match = lineEnding.exec(string)) !== null) {
      lines.push(string.slice(start, match.index));
      start = lineEnding.lastIndex;
    }
    // What follows the last line end ('' or the start of the next line).
    this[kLineBuffer] = string.slice(start);
    for (let i = 0; i < lines.length; i++) this[kOnLine](lines[i]);
  }

  [kInsertString](c) {
    this[kBeforeEdit](this.line, this.cursor);
    if (this.cursor < this.line.length) {
      const beg = this.line.slice(0, this.cursor);
      const end = this.line.slice(this.cursor, this.line.length);
      this.line = beg + c + end;
      this.cursor += c.length;
      this[kRefreshLine]();
    } else {
      const oldPos = this.getCursorPos();
      this.line += c;
      this.cursor += c.length;
      const newPos = this.getCursorPos();
      // Appending: only a wrap to a new row needs a full redraw.
      if (oldPos.rows < newPos.rows) this[kRefreshLine]();
      else this[kWriteToOutput](c);
    }
  }

  async [kTabComplete](lastKeypressWasTab) {
    this.pause();
    const string = this.line.slice(0, this.cursor);
    let value;
    try {
      value = await this.completer(string);
    } catch (err) {
      this[kWriteToOutput](`Tab completion error: ${inspect(err)}`);
      return;
    } finally {
      this.resume();
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  }

  // Applies a completer result [completions, completedText]: inserts the common prefix,
  // or on a second tab lists the candidates in columns.
  [kTabCompleter](lastKeypressWasTab, { 0: completions, 1: completeOn }) {
    if (!completions || completions.length === 0) return;

    const prefix = commonPrefix(completions.filter((e) => e !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this[kInsertString](prefix.slice(completeOn.length));
      return;
    } else if (!completeOn.startsWith(prefix)) {
      this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix +
        this.line.slice(this.cursor, this.line.length);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this[kRefreshLine]();
      return;
    }

    if (!lastKeypressWasTab) return;

    this[kBeforeEdit](this.line, this.cursor);

    // Columns as wide as the widest candidate plus two spaces; '' starts a new group.
    const completionsWidth = completions.map((e) => getStringWidth(e));
    const width = Math.max(...completionsWidth) + 2;
    let maxColumns = Math.floor(this.columns / width) || 1;
    if (maxColumns === Infinity) maxColumns = 1;
    let output = '\r\n';
    let lineIndex = 0;
    let whitespace = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === '' || lineIndex === maxColumns) {
        output += '\r\n';
        lineIndex = 0;
        whitespace = 0;
      } else {
        output += ' '.repeat(whitespace);
      }
      if (completion !== '') {
        output += completion;
        whitespace = width - completionsWidth[i];
        lineIndex++;
      } else {
        output += '\r\n';
      }
    }
    if (lineIndex !== 0) output += '\r\n\r\n';
    this[kWriteToOutput](output);
    this[kRefreshLine]();
  }

  [kWordLeft]() {
    if (this.cursor > 0) {
      const match = kWordLeftPattern.exec(reverseString(this.line.slice(0, this.cursor)));
      this[kMoveCursor](-match[0].length);
    }
  }

  [kWordRight]() {
    if (this.cursor < this.line.length) {
      const match = kWordRightPattern.exec(this.line.slice(this.cursor));
      this[kMoveCursor](match[0].length);
    }
  }

  [kDeleteLeft]() {
    if (this.cursor > 0 && this.line.length > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      const charSize = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - charSize) +
        this.line.slice(this.cursor, this.line.length);
      this.cursor -= charSize;
      this[kRefreshLine]();
    }
  }

  [kDeleteRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const charSize = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) +
        this.line.slice(this.cursor + charSize, this.line.length);
      this[kRefreshLine]();
    }
  }

  [kDeleteWordLeft]() {
    if (this.cursor > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      let leading = this.line.slice(0, this.cursor);
      const match = kWordLeftPattern.exec(reverseString(leading));
      leading = leading.slice(0, leading.length - match[0].length);
      this.line = leading + this.line.slice(this.cursor, this.line.length);
      this.cursor = leading.length;
      this[kRefreshLine]();
    }
  }

  [kDeleteWordRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const trailing = this.line.slice(this.cursor);
      const match = kDeleteWordRightPattern.exec(trailing);
      this.line = this.line.slice(0, this.cursor) + trailing.slice(match[0].length);
      this[kRefreshLine]();
    }
  }

  [kDeleteLineLeft]() {
    this[kBeforeEdit](this.line, this.cursor);
    const del = this.line.slice(0, this.cursor);
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this[kPushToKillRing](del);
    this[kRefreshLine]();
  }

  [kDeleteLineRight]() {
    this[kBeforeEdit](this.line, this.cursor);
    const del = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor);
    this[kPushToKillRing](del);
    this[kRefreshLine]();
  }

  [kPushToKillRing](del) {
    if (!del || del === this[kKillRing][0]) return;
    this[kKillRing].unshift(del);
    this[kKillRingCursor] = 0;
    while (this[kKillRing].length > kMaxLengthOfKillRing) this[kKillRing].pop();
  }

  // ctrl+y: insert the most recent kill.
  [kYank]() {
    if (this[kKillRing].length > 0) {
      this[kYanking] = true;
      this[kInsertString](this[kKillRing][this[kKillRingCursor]]);
    }
  }

  // meta+y right after a yank: replace the yanked text by the next older kill.
  [kYankPop]() {
    if (!this[kYanking]) return;
    if (this[kKillRing].length > 1) {
      const lastYank = this[kKillRing][this[kKillRingCursor]];
      this[kKillRingCursor]++;
      if (this[kKillRingCursor] >= this[kKillRing].length) this[kKillRingCursor] = 0;
      const currentYank = this[kKillRing][this[kKillRingCursor]];
      const head = this.line.slice(0, this.cursor - lastYank.length);
      const tail = this.line.slice(this.cursor);
      this.line = head + currentYank + tail;
      this.cursor = head.length + currentYank.length;
      this[kRefreshLine]();
    }
  }

  // Moves the cursor to the end, goes to a new row and starts an empty line.
  clearLine() {
    this[kMoveCursor](+Infinity);
    this[kWriteToOutput]('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  // Enter in terminal mode: record history, start a fresh line, deliver the old one.
  [kLine]() {
    const line = this[kAddHistory]();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this[kOnLine](line);
  }

  [kPushToUndoStack](text, cursor) {
    if (this[kUndoStack].push({ text, cursor }) > kMaxUndoRedoStackSize) {
      this[kUndoStack].shift();
    }
  }

  [kUndo]() {
    if (this[kUndoStack].length <= 0) return;
    this[kRedoStack].push({ text: this.line, cursor: this.cursor });
    const entry = this[kUndoStack].pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  }

  [kRedo]() {
    if (this[kRedoStack].length <= 0) return;
    this[kUndoStack].push({ text: this.line, cursor: this.cursor });
    const entry = this[kRedoStack].pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  }

  // Down: the next newer history entry that starts with the text typed before the first
  // up/down (substring search), or back to that text.
  [kHistoryNext]() {
    if (this.historyIndex >= 0) {
      this[kBeforeEdit](this.line, this.cursor);
      const search = this[kSubstringSearch] || '';
      let index = this.historyIndex - 1;
      while (index >= 0 &&
             (!this.history[index].startsWith(search) || this.line === this.history[index])) {
        index--;
      }
      if (index === -1) this.line = search;
      else this.line = this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this[kRefreshLine]();
    }
  }

  // Up: the next older matching history entry.
  [kHistoryPrev]() {
    if (this.historyIndex < this.history.length && this.history.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const search = this[kSubstringSearch] || '';
      let index = this.historyIndex + 1;
      while (index < this.history.length &&
             (!this.history[index].startsWith(search) || this.line === this.history[index])) {
        index++;
      }
      if (index === this.history.length) this.line = search;
      else this.line = this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this[kRefreshLine]();
    }
  }

  // Where `str` ends on screen, as { cols, rows } from its start: full-width characters
  // take two columns (and never straddle a row end), tabs go to the next tab stop.
  [kGetDisplayPos](str) {
    let offset = 0;
    const col = this.columns;
    let rows = 0;
    str = stripVTControlCharacters(str);
    for (const char of str) {
      if (char === '\n') {
        // A newline always starts a new row, even at offset 0 or with infinite columns.
        rows += Math.ceil(offset / col) || 1;
        offset = 0;
        continue;
      }
      if (char === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      const width = getStringWidth(char, false);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        if ((offset + 1) % col === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % col;
    rows += (offset - cols) / col;
    return { cols, rows };
  }

  // The cursor's { rows, cols } on screen, counted from the start of the prompt.
  getCursorPos() {
    const strBeforeCursor = this[kPrompt] + this.line.slice(0, this.cursor);
    return this[kGetDisplayPos](strBeforeCursor);
  }

  [kMoveCursor](dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) this.cursor = 0;
    else if (this.cursor > this.line.length) this.cursor = this.line.length;
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) {
      // Same row: a relative move is enough.
      moveCursor(this.output, newPos.cols - oldPos.cols, 0);
    } else {
      this[kRefreshLine]();
    }
  }

  // Terminal mode: handle one keypress (or a written string when `key` is missing).
  [kTtyWrite](s, key) {
    const previousKey = this[kPreviousKey];
    key = key || kEmptyObject;
    this[kPreviousKey] = key;

    // Anything but meta+y ends a run of yanks.
    if (!key.meta || key.name !== 'y') this[kYanking] = false;

    // Plain up/down search the history for the text before the cursor; any other key
    // ends the search.
    if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
      if (this[kSubstringSearch] === null) {
        this[kSubstringSearch] = this.line.slice(0, this.cursor);
      }
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      // Back from past the oldest entry (no match): the next search starts anew.
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }

    // ctrl+_ (and ctrl+-) undo, ctrl+^ redo.
    if (typeof key.sequence === 'string') {
      switch (key.sequence.codePointAt(0)) {
        case 0x1f:
          this[kUndo]();
          return;
        case 0x1e:
          this[kRedo]();
          return;
        default:
          break;
      }
    }

    // A lone escape does nothing.
    if (key.name === 'escape') return;

    if (key.ctrl && key.shift) {
      switch (key.name) {
        // ctrl+shift+backspace is sent as \b, like ctrl+h, so this is rarely reached.
        case 'backspace':
          this[kDeleteLineLeft]();
          break;
        case 'delete':
          this[kDeleteLineRight]();
          break;
      }
    } else if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
          else this.close();
          break;
        case 'h':
          this[kDeleteLeft]();
          break;
        case 'd':
          // EOF on an empty line, otherwise delete right.
          if (this.cursor === 0 && this.line.length === 0) this.close();
          else if (this.cursor < this.line.length) this[kDeleteRight]();
          break;
        case 'u':
          this[kDeleteLineLeft]();
          break;
        case 'k':
          this[kDeleteLineRight]();
          break;
        case 'a':
          this[kMoveCursor](-Infinity);
          break;
        case 'e':
          this[kMoveCursor](+Infinity);
          break;
        case 'b':
          this[kMoveCursor](-charLengthLeft(this.line, this.cursor));
          break;
        case 'f':
          this[kMoveCursor](+charLengthAt(this.line, this.cursor));
          break;
        case 'l':
          // Clear the screen.
          cursorTo(this.output, 0, 0);
          clearScreenDown(this.output);
          this[kRefreshLine]();
          break;
        case 'n':
          this[kHistoryNext]();
          break;
        case 'p':
          this[kHistoryPrev]();
          break;
        case 'y':
          this[kYank]();
          break;
        case 'z':
          if (process.platform === 'win32') break;
          if (this.listenerCount('SIGTSTP') > 0) {
            this.emit('SIGTSTP');
          } else {
            process.once('SIGCONT', () => {
              // Unless the interface was paused meanwhile, pause/resume so that SIGINT,
              // SIGTSTP and EOF are seen again.
              if (!this.paused) {
                this.pause();
                this.emit('SIGCONT');
              }
              this[kSetRawMode](true);
              this[kRefreshLine]();
            });
            this[kSetRawMode](false);
            process.kill(process.pid, 'SIGTSTP');
          }
          break;
        case 'w':
        case 'backspace':
          this[kDeleteWordLeft]();
          break;
        case 'delete':
          this[kDeleteWordRight]();
          break;
        case 'left':
          this[kWordLeft]();
          break;
        case 'right':
          this[kWordRight]();
          break;
      }
    } else if (key.meta) {
      switch (key.name) {
        case 'b':
          this[kWordLeft]();
          break;
        case 'f':
          this[kWordRight]();
          break;
        case 'd':
        case 'delete':
          this[kDeleteWordRight]();
          break;
        case 'backspace':
          this[kDeleteWordLeft]();
          break;
        case 'y':
          this[kYankPop]();
          break;
      }
    } else {
      // A \r only matters to a \n that comes right after it.
      if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;
      switch (key.name) {
        case 'return':
          this[kSawReturnAt] = Date.now();
          this[kLine]();
          break;
        case 'enter':
          // The \n of a \r\n ends no second line (unless it came after crlfDelay).
          if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
            this[kLine]();
          }
          this[kSawReturnAt] = 0;
          break;
        case 'backspace':
          this[kDeleteLeft]();
          break;
        case 'delete':
          this[kDeleteRight]();
          break;
        case 'left':
          this[kMoveCursor](-charLengthLeft(this.line, this.cursor));
          break;
        case 'right':
          this[kMoveCursor](+charLengthAt(this.line, this.cursor));
          break;
        case 'home':
          this[kMoveCursor](-Infinity);
          break;
        case 'end':
          this[kMoveCursor](+Infinity);
          break;
        case 'up':
          this[kHistoryPrev]();
          break;
        case 'down':
          this[kHistoryNext]();
          break;
        case 'tab':
          if (typeof this.completer === 'function' && this.isCompletionEnabled) {
            const lastKeypressWasTab = previousKey && previousKey.name === 'tab';
            this[kTabComplete](lastKeypressWasTab);
            break;
          }
          // Without completion a tab is inserted like any character.
          // falls through
        default:
          if (typeof s === 'string' && s) {
            // Text with line ends in it (pasted or written) completes lines.
            let start = 0;
            let match;
            lineEnding.lastIndex = 0;
            while ((match = lineEnding.exec(s)) !== null) {
              this[kInsertString](s.slice(start, match.index));
              start = lineEnding.lastIndex;
              this[kLine]();
              // kLine runs user code, which may have used the shared regexp.
              lineEnding.lastIndex = start;
            }
            this[kInsertString](s.slice(start));
          }
      }
    }
  }

  // `for await (const line of rl)`: lines (buffered up to 1024, pausing the interface
  // beyond that) until 'close'.
  [Symbol.asyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      this[kLineObjectStream] = EventEmitter.on(this, 'line', {
        close: ['close'],
        highWatermark: 1024,
        [kFirstEventParam]: true,
      });
    }
    return this[kLineObjectStream];
  }
}

module.exports = {
  Interface,
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
};
