// Terminal helpers shared by readline: ANSI control sequences, UTF-16 character lengths and
// the keypress decoder that turns terminal input into (sequence, key) pairs.
'use strict';

const kEscape = '\x1b';

// `CSI\`${n}A\`` builds the Control Sequence Introducer sequence ESC [ n A.
function CSI(strings, ...args) {
  let out = `${kEscape}[`;
  for (let i = 0; i < args.length; i++) out += strings[i] + args[i];
  return out + strings[strings.length - 1];
}
CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

// UTF-16 units taken by the character starting at `i` (2 for an astral code point).
function charLengthAt(str, i) {
  if (str.length <= i) {
    // Past the end: moving "right" there still moves by one.
    return 1;
  }
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

// UTF-16 units taken by the character that ends just before `i`.
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if ((i > 1 && str.codePointAt(i - 2) >= 0x10000) || str.codePointAt(i - 1) >= 0x10000) {
    return 2;
  }
  return 1;
}

// The longest prefix shared by every string of `strings`.
function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = strings.slice().sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return first.slice(0, i);
}

// Key names of the escape-sequence codes (the part after ESC, modifiers removed).
const kCodeNames = {
  __proto__: null,
  // xterm/gnome ESC O letter and ESC [ letter, xterm/rxvt ESC [ number ~,
  // Cygwin ESC [ [ letter
  'OP': 'f1', '[P': 'f1', '[11~': 'f1', '[[A': 'f1',
  'OQ': 'f2', '[Q': 'f2', '[12~': 'f2', '[[B': 'f2',
  'OR': 'f3', '[R': 'f3', '[13~': 'f3', '[[C': 'f3',
  'OS': 'f4', '[S': 'f4', '[14~': 'f4', '[[D': 'f4',
  '[15~': 'f5', '[[E': 'f5',
  '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9',
  '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  // bracketed paste
  '[200~': 'paste-start', '[201~': 'paste-end',
  // arrows, clear, home, end
  '[A': 'up', 'OA': 'up',
  '[B': 'down', 'OB': 'down',
  '[C': 'right', 'OC': 'right',
  '[D': 'left', 'OD': 'left',
  '[E': 'clear', 'OE': 'clear',
  '[F': 'end', 'OF': 'end',
  '[H': 'home', 'OH': 'home',
  // xterm/rxvt ESC [ number ~
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end',
  '[5~': 'pageup', '[6~': 'pagedown',
  // putty
  '[[5~': 'pageup', '[[6~': 'pagedown',
  // rxvt
  '[7~': 'home', '[8~': 'end',
};

// Codes that imply a modifier on their own: rxvt's lower-case arrows and `$` keys are
// shifted, its `O`+lower-case arrows and `^` keys are with ctrl.
const kShiftedCodes = {
  __proto__: null,
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown',
  '[7$': 'home', '[8$': 'end',
  '[Z': 'tab',
};
const kCtrlCodes = {
  __proto__: null,
  'Oa': 'up', 'Ob': 'down', 'Oc': 'right', 'Od': 'left', 'Oe': 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown',
  '[7^': 'home', '[8^': 'end',
};

const isDigit = (ch) => ch >= '0' && ch <= '9';

// `ESC [` bodies: "N~", "NN;M^", "NNN~" (paste markers) …
const kNumberedCmd = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/;
// … or a letter with an optional "N;M" / "M" modifier prefix.
const kLetterCmd = /^((\d;)?(\d))?([A-Za-z])$/;

// Reads a key from `read()` (a generator step that yields for the next character; the
// empty string means "no more input came": an escape-sequence timeout) and emits it.
//
// Written as a generator: `decoder.next(ch)` feeds one character (one code point).
function* emitKeys(stream) {
  for (;;) {
    let ch = yield;
    let seq = ch;
    let escaped = false;
    const key = {
      sequence: null,
      name: undefined,
      ctrl: false,
      meta: false,
      shift: false,
    };

    if (ch === kEscape) {
      escaped = true;
      seq += (ch = yield);
      // ESC ESC: meta plus whatever comes next.
      if (ch === kEscape) seq += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      // An ANSI escape sequence: collect its code and modifier bits.
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        // ESC O letter, or ESC O modifier letter (old xterm)
        seq += (ch = yield);
        if (isDigit(ch)) {
          modifier = (ch >> 0) - 1;
          seq += (ch = yield);
        }
        code += ch;
      } else {
        // ESC [ letter, ESC [ modifier letter, ESC [ [ letter (Cygwin),
        // ESC [ number ~, ESC [ number ; modifier ~ and the like.
        seq += (ch = yield);
        if (ch === '[') {
          code += ch;
          seq += (ch = yield);
        }
        const bodyStart = seq.length - 1;
        // Up to three digits, then an optional ";" and one modifier digit.
        if (isDigit(ch)) {
          seq += (ch = yield);
          if (isDigit(ch)) {
            seq += (ch = yield);
            if (isDigit(ch)) seq += (ch = yield);
          }
        }
        if (ch === ';') {
          seq += (ch = yield);
          if (isDigit(ch)) seq += yield;
        }
        const body = seq.slice(bodyStart);
        let m = kNumberedCmd.exec(body);
        if (m !== null) {
          if (m[4]) {
            code += m[4];
          } else {
            code += m[1] + m[3];
            modifier = (m[2] || 1) - 1;
          }
        } else if ((m = kLetterCmd.exec(body)) !== null) {
          code += m[4];
          modifier = (m[3] || 1) - 1;
        } else {
          code += body;
        }
      }

      // Modifier bits: 1 shift, 2 alt (meta), 4 ctrl, 8 meta.
      key.ctrl = Boolean(modifier & 4);
      key.meta = Boolean(modifier & 10);
      key.shift = Boolean(modifier & 1);
      key.code = code;

      if (code in kShiftedCodes) {
        key.name = kShiftedCodes[code];
        key.shift = true;
      } else if (code in kCtrlCodes) {
        key.name = kCtrlCodes[code];
        key.ctrl = true;
      } else if (code in kCodeNames) {
        key.name = kCodeNames[code];
      } else {
        // Node names unknown sequences (colours and such) with the string 'undefined'.
        key.name = 'undefined';
      }
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === kEscape) {
      // Escape pressed twice or more.
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      // ctrl+letter
      key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      // letter or digit, with meta when escaped
      key.name = ch.toLowerCase();
      key.shift = /^[A-Z]$/.test(ch);
      key.meta = escaped;
    } else if (escaped) {
      // ESC then something unknown, or ESC alone when the timeout fired (empty input).
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = seq;
    if (seq.length !== 0 && (key.name !== undefined || escaped)) {
      // A named key, or an escape sequence: `s` is only given for printable input.
      stream.emit('keypress', escaped ? undefined : seq, key);
    } else if (charLengthAt(seq, 0) === seq.length) {
      // A single printable character.
      stream.emit('keypress', seq, key);
    }
    // Anything else is a broken sequence and is dropped.
  }
}

module.exports = {
  CSI,
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  emitKeys,
  kEscape,
};
