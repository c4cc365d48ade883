// `assert/strict` is `assert.strict`.
'use strict';

module.exports = require('assert').strict;
