// Formatting shared by the human-oriented reporters (spec, dot): symbols, colors, and
// the one-line test report with its error.
'use strict';

const colors = require('internal/util/colors');
const { inspect } = require('internal/util/inspect');
const { kSubtestsFailed } = require('internal/test_runner/utils');

const kSymbols = {
  'test:fail': '\u2716 ',
  'test:pass': '\u2714 ',
  'test:diagnostic': '\u2139 ',
  'test:coverage': '\u2139 ',
  'arrow:right': '\u25B6 ',
  'hyphen:minus': '\uFE63 ',
};

function colorFor(type) {
  switch (type) {
    case 'test:fail': return colors.red;
    case 'test:pass': return colors.green;
    case 'test:diagnostic': return colors.blue;
    default: return colors.white;
  }
}

function inspectOptions() {
  let useColors = false;
  try {
    useColors = colors.shouldColorize(process.stdout);
  } catch {
    useColors = false;
  }
  return { colors: useColors, breakLength: Infinity };
}

// The error under a failed test, each line indented two more spaces than the test.
function formatError(error, indent) {
  if (!error) return '';
  const err = error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  let text;
  try {
    text = inspect(err, inspectOptions());
  } catch {
    text = String(err);
  }
  const message = text.split(/\r?\n/).join(`\n${indent}  `);
  return `\n${indent}  ${message}\n`;
}

function formatTestReport(type, data, prefix = '', indent = '', hasChildren = false) {
  let color = colorFor(type);
  let symbol = kSymbols[type] ?? ' ';
  const { skip, todo } = data;
  const durationMs = data.details?.duration_ms;
  const duration = durationMs ? ` ${colors.gray}(${durationMs}ms)${colors.white}` : '';
  let title = `${data.name}${duration}`;
  if (skip !== undefined) {
    title += ` # ${typeof skip === 'string' && skip.length > 0 ? skip : 'SKIP'}`;
  } else if (todo !== undefined) {
    title += ` # ${typeof todo === 'string' && todo.length > 0 ? todo : 'TODO'}`;
  }
  const error = formatError(data.details?.error, indent);
  if (hasChildren) {
    // Its name was printed above its subtests: this is the closing line.
    const shown = !error || data.details?.error?.failureType === kSubtestsFailed ? '' : error;
    return `${prefix}${indent}${color}${kSymbols['arrow:right']}${colors.white}${title}\n${shown}`;
  }
  if (skip !== undefined) {
    color = colors.gray;
    symbol = kSymbols['hyphen:minus'];
  }
  return `${prefix}${indent}${color}${symbol}${title}${colors.white}${error}`;
}

// Coverage needs V8's precise coverage, which rnode does not collect: no report exists
// to format, so reaching this is a bug.
function formatCoverage() {
  const { codes } = require('internal/errors');
  throw new codes.ERR_NOT_IMPLEMENTED('test coverage reports');
}

module.exports = {
  colors,
  kSymbols,
  colorFor,
  formatError,
  formatTestReport,
  formatCoverage,
};
