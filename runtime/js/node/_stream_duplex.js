// Legacy alias of stream.Duplex.
'use strict';

module.exports = require('stream').Duplex;
