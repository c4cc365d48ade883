// The JUnit XML reporter: tests with subtests become <testsuite>, the others
// <testcase>; diagnostics become comments.
'use strict';

const { inspect } = require('internal/util/inspect');
const { hostname } = require('os');

const kInspectOptions = { colors: false, breakLength: Infinity };

// Node escapes quotes before ampersands in attributes, so a `"` reads `&amp;quot;`.
function escapeAttribute(value = '') {
  return `${value}`.replace(/"/g, '&quot;').replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function escapeContent(value = '') {
  return `${value}`.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function escapeComment(value = '') {
  return `${value}`.replace(/--/g, '&#45;&#45;');
}

function treeToXML(tree) {
  if (typeof tree === 'string') return `${escapeContent(tree)}\n`;
  const { tag, attrs, nesting, children, comment } = tree;
  const indent = '\t'.repeat(nesting + 1);
  if (comment !== undefined) return `${indent}<!-- ${escapeComment(comment)} -->\n`;
  const attributes = Object.entries(attrs)
    .map(([key, value]) => `${key}="${escapeAttribute(value)}"`)
    .join(' ');
  if (!children?.length) return `${indent}<${tag} ${attributes}/>\n`;
  return `${indent}<${tag} ${attributes}>\n${children.map(treeToXML).join('')}${indent}</${tag}>\n`;
}

function isFailure(node) {
  return node?.children?.some((c) => c.tag === 'failure') || node?.attrs?.failures;
}

function isSkipped(node) {
  return node?.children?.some((c) => c.tag === 'skipped') || node?.attrs?.skipped;
}

async function* junitReporter(source) {
  yield '<?xml version="1.0" encoding="utf-8"?>\n';
  yield '<testsuites>\n';
  let currentSuite = null;
  const roots = [];

  function startTest(event) {
    const node = {
      tag: 'testcase',
      attrs: { name: event.data.name },
      nesting: event.data.nesting,
      parent: currentSuite,
      children: [],
    };
    if (currentSuite?.children) currentSuite.children.push(node);
    currentSuite = node;
  }

  for await (const event of source) {
    switch (event.type) {
      case 'test:start':
        startTest(event);
        break;
      case 'test:pass':
      case 'test:fail': {
        // A report with no start (a failing hook of the root) gets a node of its own.
        if (currentSuite === null || currentSuite.attrs.name !== event.data.name ||
            currentSuite.nesting !== event.data.nesting) {
          startTest(event);
        }
        const node = currentSuite;
        if (node.children.length > 0) {
          node.tag = 'testsuite';
          node.attrs.disabled = 0;
          node.attrs.errors = 0;
          node.attrs.tests = node.children.filter((c) => c.comment === undefined).length;
          node.attrs.failures = node.children.filter(isFailure).length;
          node.attrs.skipped = node.children.filter(isSkipped).length;
          node.attrs.hostname = hostname();
        } else {
          node.tag = 'testcase';
          node.attrs.classname = event.data.classname ?? 'test';
          if (event.data.skip) {
            node.children.push({
              nesting: event.data.nesting + 1,
              tag: 'skipped',
              attrs: { type: 'skipped', message: event.data.skip },
            });
          }
          if (event.data.todo) {
            node.children.push({
              nesting: event.data.nesting + 1,
              tag: 'skipped',
              attrs: { type: 'todo', message: event.data.todo },
            });
          }
          if (event.type === 'test:fail') {
            const error = event.data.details?.error;
            node.children.push({
              nesting: event.data.nesting + 1,
              tag: 'failure',
              attrs: { type: error?.failureType || error?.code, message: `${error?.message ?? ''}`.replace(/\r?\n/g, '') },
              children: [inspect(error, kInspectOptions)],
            });
            node.attrs.failure = `${error?.message ?? ''}`.replace(/\r?\n/g, '');
          }
        }
        // time goes right after name, as Node orders the attributes.
        const { name, ...rest } = node.attrs;
        node.attrs = { name, time: (event.data.details.duration_ms / 1000).toFixed(6), ...rest };
        currentSuite = node.parent;
        if (node.nesting === 0 || currentSuite === null) {
          yield treeToXML(node);
        }
        break;
      }
      case 'test:diagnostic': {
        const parent = currentSuite?.children ?? roots;
        const node = { nesting: event.data.nesting, comment: event.data.message };
        parent.push(node);
        if (currentSuite === null) yield treeToXML(node);
        break;
      }
      default:
        break;
    }
  }
  yield '</testsuites>\n';
}

module.exports = junitReporter;
