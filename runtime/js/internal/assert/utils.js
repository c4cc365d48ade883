// The source text of a failed `assert.ok(value)` call, for the message
// "The expression evaluated to a falsy value:\n\n  assert.ok(value)\n".
//
// The call site comes from a structured V8 stack trace (Error.prepareStackTrace with
// call site objects); the file is read from disk and a small tokenizer finds the call
// expression that starts on the reported line and spans the reported column.
'use strict';

// Control characters inside the printed source are escaped (tab/newline/CR are kept).
const escapeSequencesRegExp = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
function escapeFn(str) {
  return `\\u${str.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const errorCache = new Map();

// ---- Tokenizer ------------------------------------------------------------------------

const punctuators = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=',
  '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**',
];

const isIdStart = (c) => /[$_\p{ID_Start}\\]/u.test(c);
const isIdPart = (c) => /[$_\u200c\u200d\p{ID_Continue}\\]/u.test(c);

// Keywords after which a `/` starts a regular expression.
const regexAfterKeywords = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw',
  'case', 'do', 'else', 'yield', 'await',
]);

function regexAllowed(prev) {
  if (prev === undefined) return true;
  if (prev.type === 'num' || prev.type === 'string' || prev.type === 'template' ||
      prev.type === 'regex') {
    return false;
  }
  if (prev.type === 'name') return regexAfterKeywords.has(prev.value);
  return !(prev.value === ')' || prev.value === ']' || prev.value === '}');
}

// Splits `code` into tokens {type, value, start, end}. Comments and whitespace are
// skipped. Template literals (with their substitutions) are single tokens. Stops at the
// end of the code or at an unbalanced `}` when `stopAtBrace` is set.
function tokenize(code, pos = 0, stopAtBrace = false) {
  const tokens = [];
  let depth = 0;
  const len = code.length;
  while (pos < len) {
    const c = code[pos];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f' ||
        c === '\u00a0' || c === '\ufeff' || c === '\u2028' || c === '\u2029') {
      pos++;
      continue;
    }
    if (c === '/' && code[pos + 1] === '/') {
      while (pos < len && code[pos] !== '\n' && code[pos] !== '\r') pos++;
      continue;
    }
    if (c === '/' && code[pos + 1] === '*') {
      const close = code.indexOf('*/', pos + 2);
      pos = close === -1 ? len : close + 2;
      continue;
    }
    const start = pos;
    if (c === '"' || c === "'") {
      pos++;
      while (pos < len && code[pos] !== c) {
        if (code[pos] === '\\') pos++;
        else if (code[pos] === '\n') break;
        pos++;
      }
      pos++;
      tokens.push({ type: 'string', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if (c === '`') {
      pos = skipTemplate(code, pos + 1);
      tokens.push({ type: 'template', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[pos + 1] || ''))) {
      pos++;
      while (pos < len && /[0-9a-zA-Z_.]/.test(code[pos])) {
        if ((code[pos] === 'e' || code[pos] === 'E') && (code[pos + 1] === '+' || code[pos + 1] === '-')) pos++;
        pos++;
      }
      tokens.push({ type: 'num', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if (c === '#' || isIdStart(c)) {
      pos++;
      while (pos < len && isIdPart(code[pos])) pos++;
      tokens.push({ type: 'name', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if (c === '/' && regexAllowed(tokens[tokens.length - 1])) {
      pos++;
      let inClass = false;
      while (pos < len && code[pos] !== '\n') {
        const ch = code[pos];
        if (ch === '\\') {
          pos += 2;
          continue;
        }
        if (ch === '[') inClass = true;
        else if (ch === ']') inClass = false;
        else if (ch === '/' && !inClass) break;
        pos++;
      }
      pos++;
      while (pos < len && /[a-z]/.test(code[pos])) pos++;
      tokens.push({ type: 'regex', value: code.slice(start, pos), start, end: pos });
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      if (stopAtBrace && depth === 0) return { tokens, end: pos };
      depth--;
    }
    let value = c;
    for (const p of punctuators) {
      if (code.startsWith(p, pos)) {
        value = p;
        break;
      }
    }
    // `?.` followed by a digit is a conditional, not optional chaining.
    if (value === '?.' && /[0-9]/.test(code[pos + 2] || '')) value = '?';
    pos += value.length;
    tokens.push({ type: 'punct', value, start, end: pos });
  }
  return stopAtBrace ? { tokens, end: pos } : tokens;
}

function skipTemplate(code, pos) {
  const len = code.length;
  while (pos < len) {
    const ch = code[pos];
    if (ch === '\\') {
      pos += 2;
      continue;
    }
    if (ch === '`') return pos + 1;
    if (ch === '$' && code[pos + 1] === '{') {
      const inner = tokenize(code, pos + 2, true);
      pos = inner.end + 1;
      continue;
    }
    pos++;
  }
  return pos;
}

// ---- Finding the call expression ------------------------------------------------------

const closers = { '(': ')', '[': ']', '{': '}' };

// Index of the token closing the bracket opened at `i`, or -1.
function matchBracket(tokens, i) {
  const stack = [];
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.type !== 'punct') continue;
    if (t.value === '(' || t.value === '[' || t.value === '{') {
      stack.push(closers[t.value]);
    } else if (t.value === ')' || t.value === ']' || t.value === '}') {
      if (stack.pop() !== t.value) return -1;
      if (stack.length === 0) return j;
    }
  }
  return -1;
}

// A member/call chain starting at token `i` (`a.b[c](d)(e)`, `new A(b)`, `(x)(y)`).
// Returns the calls it contains as ranges, with the argument groups of each call.
function parseChain(tokens, i) {
  let t = tokens[i];
  if (t === undefined) return null;
  const start = t.start;
  let j;
  if (t.type === 'name' && t.value === 'new') {
    const inner = parseChain(tokens, i + 1);
    if (inner === null) return null;
    return inner;
  }
  if (t.type === 'name' || t.type === 'string' || t.type === 'num' || t.type === 'template' ||
      t.type === 'regex') {
    j = i + 1;
  } else if (t.type === 'punct' && (t.value === '(' || t.value === '[')) {
    const close = matchBracket(tokens, i);
    if (close === -1) return null;
    j = close + 1;
  } else {
    return null;
  }
  const calls = [];
  const groups = [];
  for (;;) {
    t = tokens[j];
    if (t === undefined) break;
    if (t.type === 'punct' && (t.value === '.' || t.value === '?.')) {
      const next = tokens[j + 1];
      if (next === undefined) break;
      if (next.type === 'name') {
        j += 2;
        continue;
      }
      if (t.value === '?.' && next.type === 'punct' && (next.value === '(' || next.value === '[')) {
        j++;
        continue;
      }
      break;
    }
    if (t.type === 'punct' && t.value === '[') {
      const close = matchBracket(tokens, j);
      if (close === -1) break;
      groups.push([j, close]);
      j = close + 1;
      continue;
    }
    if (t.type === 'punct' && t.value === '(') {
      const close = matchBracket(tokens, j);
      if (close === -1) break;
      groups.push([j, close]);
      calls.push({ start, end: tokens[close].end, groups: groups.slice() });
      j = close + 1;
      continue;
    }
    if (t.type === 'template') {
      j++;
      continue;
    }
    break;
  }
  return { calls, next: j };
}

// The innermost call expression containing `offset` in tokens [from, to): the first
// token (from the left) that starts a chain with a call spanning the offset, then the
// same search inside that call's argument groups.
function findCall(tokens, from, to, offset) {
  for (let i = from; i < to && tokens[i].start <= offset; i++) {
    const chain = parseChain(tokens, i);
    if (chain === null) continue;
    let found = null;
    for (const call of chain.calls) {
      if (call.start <= offset && call.end > offset) {
        found = call;
        break;
      }
    }
    if (found === null) continue;
    for (const [open, close] of found.groups) {
      if (tokens[open].start < offset && tokens[close].start > offset) {
        const inner = findCall(tokens, open + 1, close, offset);
        if (inner !== null) return inner;
      }
    }
    return found;
  }
  return null;
}

// ---- A loose expression validator ---------------------------------------------------
//
// Node tries to parse an expression from every token of the line in turn and uses the
// first that parses. The shape matters: `() => f(x),` followed by `]` does not parse (a
// comma must be followed by another expression) while `() => f(x), { a }` does. Bracketed
// groups are skipped as balanced units; everything else follows the expression grammar
// closely enough to accept and reject the same starts.

const notExpressionStart = new Set([
  'const', 'let', 'var', 'if', 'else', 'for', 'while', 'do', 'return', 'switch', 'case',
  'default', 'break', 'continue', 'throw', 'try', 'catch', 'finally', 'export', 'import',
  'debugger', 'with', 'in', 'instanceof', 'extends', 'static', 'enum',
]);
const unaryOps = new Set(['!', '~', '+', '-', '++', '--']);
const unaryWords = new Set(['typeof', 'void', 'delete', 'await']);
const binaryOps = new Set([
  '+', '-', '*', '/', '%', '**', '==', '!=', '===', '!==', '<', '>', '<=', '>=', '&&',
  '||', '??', '&', '|', '^', '<<', '>>', '>>>',
]);
const binaryWords = new Set(['instanceof', 'in']);
const assignOps = new Set([
  '=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=',
  '&&=', '||=', '??=',
]);

const isPunct = (t, v) => t !== undefined && t.type === 'punct' && t.value === v;
const isWord = (t, v) => t !== undefined && t.type === 'name' && t.value === v;

// Each parse function returns the index after the parsed construct, or -1.
function parseExpression(tokens, i) {
  let j = parseAssign(tokens, i);
  while (j !== -1 && isPunct(tokens[j], ',')) j = parseAssign(tokens, j + 1);
  return j;
}

function parseArrowBody(tokens, i) {
  if (isPunct(tokens[i], '{')) {
    const close = matchBracket(tokens, i);
    return close === -1 ? -1 : close + 1;
  }
  return parseAssign(tokens, i);
}

function parseAssign(tokens, i) {
  const t = tokens[i];
  if (t === undefined) return -1;
  // Arrow functions: `x =>`, `async x =>`, `(...) =>`, `async (...) =>`.
  let k = i;
  if (isWord(t, 'async') && tokens[i + 1] !== undefined &&
      (tokens[i + 1].type === 'name' || isPunct(tokens[i + 1], '('))) {
    k = i + 1;
  }
  if (tokens[k].type === 'name' && !notExpressionStart.has(tokens[k].value) &&
      isPunct(tokens[k + 1], '=>')) {
    return parseArrowBody(tokens, k + 2);
  }
  if (isPunct(tokens[k], '(')) {
    const close = matchBracket(tokens, k);
    if (close !== -1 && isPunct(tokens[close + 1], '=>')) return parseArrowBody(tokens, close + 2);
  }
  if (isWord(t, 'yield')) {
    const next = tokens[i + 1];
    if (next === undefined || (next.type === 'punct' && /^[)\]},;:]$/.test(next.value))) {
      return i + 1;
    }
    return parseAssign(tokens, isPunct(next, '*') ? i + 2 : i + 1);
  }
  let j = parseBinary(tokens, i);
  if (j === -1) return -1;
  if (isPunct(tokens[j], '?')) {
    j = parseAssign(tokens, j + 1);
    if (j === -1 || !isPunct(tokens[j], ':')) return -1;
    return parseAssign(tokens, j + 1);
  }
  if (tokens[j] !== undefined && tokens[j].type === 'punct' && assignOps.has(tokens[j].value)) {
    return parseAssign(tokens, j + 1);
  }
  return j;
}

function parseBinary(tokens, i) {
  let j = parseUnary(tokens, i);
  while (j !== -1) {
    const t = tokens[j];
    if (t === undefined) break;
    if ((t.type === 'punct' && binaryOps.has(t.value)) ||
        (t.type === 'name' && binaryWords.has(t.value))) {
      j = parseUnary(tokens, j + 1);
    } else {
      break;
    }
  }
  return j;
}

function parseUnary(tokens, i) {
  const t = tokens[i];
  if (t === undefined) return -1;
  if ((t.type === 'punct' && unaryOps.has(t.value)) ||
      (t.type === 'name' && unaryWords.has(t.value))) {
    return parseUnary(tokens, i + 1);
  }
  let j = parsePostfix(tokens, i);
  if (j !== -1 && (isPunct(tokens[j], '++') || isPunct(tokens[j], '--'))) j++;
  return j;
}

function parsePrimary(tokens, i) {
  const t = tokens[i];
  if (t === undefined) return -1;
  if (t.type === 'string' || t.type === 'num' || t.type === 'template' || t.type === 'regex') {
    return i + 1;
  }
  if (t.type === 'punct') {
    if (t.value === '(' || t.value === '[' || t.value === '{') {
      const close = matchBracket(tokens, i);
      return close === -1 ? -1 : close + 1;
    }
    return -1;
  }
  // Names.
  if (notExpressionStart.has(t.value)) return -1;
  if (t.value === 'new') {
    if (isPunct(tokens[i + 1], '.')) return i + 3; // new.target
    return parsePostfix(tokens, i + 1);
  }
  if (t.value === 'function' || (t.value === 'async' && isWord(tokens[i + 1], 'function'))) {
    let j = t.value === 'async' ? i + 2 : i + 1;
    if (isPunct(tokens[j], '*')) j++;
    if (tokens[j] !== undefined && tokens[j].type === 'name') j++;
    if (!isPunct(tokens[j], '(')) return -1;
    j = matchBracket(tokens, j);
    if (j === -1 || !isPunct(tokens[j + 1], '{')) return -1;
    j = matchBracket(tokens, j + 1);
    return j === -1 ? -1 : j + 1;
  }
  if (t.value === 'class') {
    let j = i + 1;
    if (tokens[j] !== undefined && tokens[j].type === 'name' && tokens[j].value !== 'extends') j++;
    if (isWord(tokens[j], 'extends')) {
      j = parsePostfix(tokens, j + 1);
      if (j === -1) return -1;
    }
    if (!isPunct(tokens[j], '{')) return -1;
    j = matchBracket(tokens, j);
    return j === -1 ? -1 : j + 1;
  }
  return i + 1;
}

// Primary expression followed by member accesses, calls and tagged templates.
function parsePostfix(tokens, i) {
  let j = parsePrimary(tokens, i);
  while (j !== -1) {
    const t = tokens[j];
    if (t === undefined) break;
    if (t.type === 'punct' && (t.value === '.' || t.value === '?.')) {
      const next = tokens[j + 1];
      if (next !== undefined && next.type === 'name') {
        j += 2;
      } else if (t.value === '?.' && (isPunct(next, '(') || isPunct(next, '['))) {
        j++;
      } else {
        return -1;
      }
    } else if (isPunct(t, '(') || isPunct(t, '[')) {
      const close = matchBracket(tokens, j);
      if (close === -1) return -1;
      j = close + 1;
    } else if (t.type === 'template') {
      j++;
    } else {
      break;
    }
  }
  return j;
}

// The call expression around `offset`, as Node finds it: the first token whose
// expression parses and contains a call spanning the offset.
function findCallExpression(tokens, offset) {
  for (let i = 0; i < tokens.length && tokens[i].start <= offset; i++) {
    const end = parseExpression(tokens, i);
    if (end === -1) continue;
    const found = findCall(tokens, i, end, offset);
    if (found !== null && found.end >= offset) return found;
  }
  return null;
}

function readSource(filename) {
  if (filename.startsWith('file://')) {
    // ESM frames report file URLs; only local (empty host) URLs appear here.
    let rest = filename.slice(7);
    if (rest.startsWith('localhost/')) rest = rest.slice(9);
    const end = rest.search(/[?#]/);
    if (end !== -1) rest = rest.slice(0, end);
    filename = decodeURIComponent(rest);
  }
  return require('fs').readFileSync(filename, 'utf8');
}

// The call site (file, 0-based line and column) of the caller of `fn`.
function getCallSite(fn) {
  const tmpLimit = Error.stackTraceLimit;
  const { isErrorStackTraceLimitWritable } = require('internal/errors');
  const writable = isErrorStackTraceLimitWritable();
  // Exactly one frame: zero would give nothing, more would be wasted work.
  if (writable) Error.stackTraceLimit = 1;
  const err = {};
  const prepare = Error.prepareStackTrace;
  let frames;
  try {
    Error.prepareStackTrace = (_, stack) => stack;
    Error.captureStackTrace(err, fn);
    frames = err.stack;
  } finally {
    Error.prepareStackTrace = prepare;
    if (writable) Error.stackTraceLimit = tmpLimit;
  }
  if (!Array.isArray(frames) || frames.length === 0) return undefined;
  return frames[0];
}

// Returns the message for a falsy `assert.ok()` / `assert()` value, or undefined when
// the source is not available (eval, REPL, built-in modules, unreadable files).
function getErrMessage(message, fn) {
  let call;
  try {
    call = getCallSite(fn);
  } catch {
    return message;
  }
  if (call === undefined) return message;
  const filename = call.getFileName();
  const line = call.getLineNumber() - 1;
  const column = call.getColumnNumber() - 1;
  if (!filename || (typeof call.isEval === 'function' && call.isEval())) return message;

  const identifier = `${filename}${line}${column}`;
  if (errorCache.has(identifier)) return errorCache.get(identifier);

  // Built-in modules have no readable source.
  if (filename.startsWith('node:')) {
    errorCache.set(identifier, undefined);
    return undefined;
  }

  let source;
  try {
    source = readSource(filename);
  } catch {
    errorCache.set(identifier, undefined);
    return undefined;
  }

  // The code from the start of the reported line.
  let lineStart = 0;
  for (let l = 0; l < line; l++) {
    const nl = source.indexOf('\n', lineStart);
    if (nl === -1) {
      lineStart = -1;
      break;
    }
    lineStart = nl + 1;
  }
  let result;
  if (lineStart !== -1) {
    // CommonJS files are wrapped on the first line only in the stack positions of some
    // runtimes; the positions reported here are relative to the file itself.
    const code = source.slice(lineStart);
    let tokens;
    try {
      tokens = tokenize(code);
    } catch {
      tokens = [];
    }
    const found = findCallExpression(tokens, column);
    if (found !== null) {
      const start = found.start;
      let text = code.slice(start, found.end).replace(escapeSequencesRegExp, escapeFn);
      // Normalize the indentation of multi-line expressions.
      if (text.includes('\n')) {
        text = text.replace(/\r\n/g, '\n');
        const frames = text.split('\n');
        text = frames.shift();
        for (const frame of frames) {
          let pos = 0;
          while (pos < start && (frame[pos] === ' ' || frame[pos] === '\t')) pos++;
          text += `\n  ${frame.slice(pos)}`;
        }
      }
      result = `The expression evaluated to a falsy value:\n\n  ${text}\n`;
    }
  }
  errorCache.set(identifier, result);
  return result;
}

module.exports = {
  getErrMessage,
  // Exposed for tests of the tokenizer.
  tokenize,
  findCallExpression,
};
