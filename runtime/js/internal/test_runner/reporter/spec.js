// The spec reporter (Node's default on a terminal): one line per test, indented by
// nesting, parents announced before their first subtest, errors inline, then the
// summary and a list of the failures.
'use strict';

const { Transform } = require('stream');
const path = require('path');
const {
  colors, kSymbols, colorFor, formatTestReport, formatCoverage,
} = require('internal/test_runner/reporter/utils');
const { kSubtestsFailed } = require('internal/test_runner/utils');

class SpecReporter extends Transform {
  // `test:start` events not yet matched by their result, newest first.
  #started = [];
  // Parents whose name was printed above their subtests, innermost first.
  #announced = [];
  #failedTests = [];
  #cwd = process.cwd();

  constructor() {
    super({ writableObjectMode: true });
    colors.refresh();
  }

  #indent(nesting) {
    return '  '.repeat(nesting);
  }

  #formatFailedTests() {
    if (this.#failedTests.length === 0) return '';
    const parts = [`\n${colors.red}${kSymbols['test:fail']}failing tests:${colors.white}\n`];
    for (const test of this.#failedTests) {
      if (test.file) {
        parts.push(`test at ${path.relative(this.#cwd, test.file)}:${test.line}:${test.column}`);
      }
      parts.push(formatTestReport('test:fail', test));
    }
    return parts.join('\n');
  }

  #reportTest(type, data) {
    // The first entry is this test's own start; the others are parents whose results
    // have not come yet: announce them now, outermost first.
    this.#started.shift();
    let prefix = '';
    while (this.#started.length > 0) {
      const parent = this.#started.pop();
      this.#announced.unshift(parent);
      prefix += `${this.#indent(parent.nesting)}${kSymbols['arrow:right']}${parent.name}\n`;
    }
    let hasChildren = false;
    const head = this.#announced[0];
    if (head !== undefined && head.nesting === data.nesting && head.name === data.name) {
      this.#announced.shift();
      hasChildren = true;
    }
    return `${formatTestReport(type, data, prefix, this.#indent(data.nesting), hasChildren)}\n`;
  }

  #handleEvent(type, data) {
    switch (type) {
      case 'test:fail':
        if (data.details?.error?.failureType !== kSubtestsFailed) this.#failedTests.push(data);
        return this.#reportTest(type, data);
      case 'test:pass':
        return this.#reportTest(type, data);
      case 'test:start':
        this.#started.unshift(data);
        return undefined;
      case 'test:stderr':
      case 'test:stdout':
        return data.message;
      case 'test:diagnostic':
        return `${colorFor(type)}${this.#indent(data.nesting)}${kSymbols[type]}${data.message}${colors.white}\n`;
      case 'test:coverage':
        return formatCoverage(this.#indent(data.nesting), data.summary, kSymbols['test:coverage'], colors.blue);
      default:
        return undefined;
    }
  }

  _transform({ type, data }, encoding, callback) {
    callback(null, this.#handleEvent(type, data));
  }

  _flush(callback) {
    callback(null, this.#formatFailedTests());
  }
}

module.exports = SpecReporter;
