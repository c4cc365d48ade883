// Legacy alias of stream.PassThrough.
'use strict';

module.exports = require('stream').PassThrough;
