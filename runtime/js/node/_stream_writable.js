// Legacy alias of stream.Writable.
'use strict';

module.exports = require('stream').Writable;
