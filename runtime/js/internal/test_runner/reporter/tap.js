// The TAP (version 13) reporter: an async generator from test events to text.
'use strict';

const { inspect } = require('internal/util/inspect');
const { kUnwrapErrors } = require('internal/test_runner/utils');

const kInspectOptions = { colors: false, breakLength: Infinity };
const kLineBreak = /\r?\n/;
const kFrameStart = /^ {4}at /;

// Characters TAP gives a meaning to, escaped in names, directives and diagnostics.
const kEscapes = new Map([
  ['\\', '\\\\'], ['#', '\\#'], ['\n', '\\\\n'], ['\t', '\\\\t'], ['\r', '\\\\r'],
  ['\b', '\\\\b'], ['\f', '\\\\f'], ['\v', '\\\\v'],
]);
const kEscapable = /[\\#\n\t\r\b\f\v]/g;

function tapEscape(input) {
  return `${input}`.replace(kEscapable, (ch) => kEscapes.get(ch));
}

function indent(nesting) {
  return '    '.repeat(nesting);
}

function reportTest(nesting, testNumber, status, name, skip, todo) {
  let line = `${indent(nesting)}${status} ${testNumber} - ${tapEscape(name)}`;
  if (skip !== undefined) {
    line += ' # SKIP';
    if (typeof skip === 'string' && skip.length > 0) line += ` ${tapEscape(skip)}`;
  } else if (todo !== undefined) {
    line += ' # TODO';
    if (typeof todo === 'string' && todo.length > 0) line += ` ${tapEscape(todo)}`;
  }
  return `${line}\n`;
}

function reportDetails(nesting, details, location) {
  const pad = indent(nesting);
  let out = `${pad}  ---\n`;
  out += jsToYaml(pad, 'duration_ms', details.duration_ms);
  out += jsToYaml(pad, 'type', details.type);
  if (location !== null) out += jsToYaml(pad, 'location', location);
  out += jsToYaml(pad, null, details.error, new Set());
  out += `${pad}  ...\n`;
  return out;
}

function isErrorLike(value) {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function isAssertionLike(value) {
  return value !== null && typeof value === 'object' && 'expected' in value && 'actual' in value;
}

// A small YAML writer for the diagnostic block: scalars inline (strings quoted as
// util.inspect does), multi-line strings as `|-` blocks, objects by their entries, and
// errors as error/code/name/expected/actual/operator/stack.
function jsToYaml(pad, name, value, seen) {
  // Node leaves out null as well as undefined.
  if (value === undefined || value === null) return '';
  const prefix = `${pad}  ${name}:`;
  if (typeof value !== 'object') {
    if (typeof value !== 'string') return `${prefix} ${inspect(value, kInspectOptions)}\n`;
    const lines = value.split(kLineBreak);
    if (lines.length === 1) return `${prefix} ${inspect(value, kInspectOptions)}\n`;
    let block = `${prefix} |-\n`;
    for (const line of lines) block += `${pad}    ${line}\n`;
    return block;
  }

  seen.add(value);
  const isError = isErrorLike(value);
  let out = '';
  let propsPad = pad;
  if (name !== null) {
    out += `${prefix}\n`;
    propsPad += '  ';
  }
  for (const [key, entry] of Object.entries(value)) {
    if (isError && (key === 'cause' || key === 'code')) continue;
    if (seen.has(entry)) {
      out += `${propsPad}  ${key}: <Circular>\n`;
      continue;
    }
    out += jsToYaml(propsPad, key, entry, seen);
  }

  if (isError) {
    const { cause, code, failureType, message, expected, actual, operator, stack } = value;
    let errMessage = message ?? '<unknown error>';
    let errName = value.name;
    let errStack = stack;
    let errCode = code;
    let errExpected = expected;
    let errActual = actual;
    let errOperator = operator;
    let assertionLike = isAssertionLike(value);
    // An ERR_TEST_FAILURE around the user's error: show the user's error.
    if (code === 'ERR_TEST_FAILURE' && kUnwrapErrors.has(failureType)) {
      errStack = cause?.stack ?? errStack;
      errCode = cause?.code ?? errCode;
      errName = cause?.name ?? errName;
      errMessage = cause?.message ?? errMessage;
      if (isAssertionLike(cause)) {
        errExpected = cause.expected;
        errActual = cause.actual;
        errOperator = cause.operator ?? errOperator;
        assertionLike = true;
      }
    }
    out += jsToYaml(pad, 'error', errMessage, seen);
    if (errCode) out += jsToYaml(pad, 'code', errCode, seen);
    if (errName && errName !== 'Error') out += jsToYaml(pad, 'name', errName, seen);
    if (assertionLike) {
      out += jsToYaml(pad, 'expected', errExpected, seen);
      out += jsToYaml(pad, 'actual', errActual, seen);
      if (errOperator) out += jsToYaml(pad, 'operator', errOperator, seen);
    }
    if (typeof errStack === 'string') {
      const frames = [];
      for (const line of errStack.split(kLineBreak)) {
        const frame = line.replace(kFrameStart, '');
        if (frame.length > 0 && frame.length !== line.length) frames.push(frame);
      }
      if (frames.length > 0) {
        const delimiter = `\n${pad}    `;
        out += `${pad}  stack: |-${delimiter}${frames.join(delimiter)}\n`;
      }
    }
  }
  return out;
}

async function* tapReporter(source) {
  yield 'TAP version 13\n';
  for await (const { type, data } of source) {
    switch (type) {
      case 'test:fail': {
        yield reportTest(data.nesting, data.testNumber, 'not ok', data.name, data.skip, data.todo);
        const location = `${data.file}:${data.line}:${data.column}`;
        yield reportDetails(data.nesting, data.details, location);
        break;
      }
      case 'test:pass':
        yield reportTest(data.nesting, data.testNumber, 'ok', data.name, data.skip, data.todo);
        yield reportDetails(data.nesting, data.details, null);
        break;
      case 'test:plan':
        yield `${indent(data.nesting)}1..${data.count}\n`;
        break;
      case 'test:start':
        yield `${indent(data.nesting)}# Subtest: ${tapEscape(data.name)}\n`;
        break;
      case 'test:stderr':
      case 'test:stdout': {
        const lines = `${data.message}`.split(kLineBreak);
        let out = '';
        for (const line of lines) {
          if (line.length > 0) out += `# ${tapEscape(line)}\n`;
        }
        yield out;
        break;
      }
      case 'test:diagnostic':
        yield `${indent(data.nesting)}# ${tapEscape(data.message)}\n`;
        break;
      case 'test:coverage':
        yield require('internal/test_runner/reporter/utils').formatCoverage(indent(data.nesting), data.summary, '# ');
        break;
    }
  }
}

module.exports = tapReporter;
