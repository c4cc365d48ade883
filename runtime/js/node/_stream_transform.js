// Legacy alias of stream.Transform.
'use strict';

module.exports = require('stream').Transform;
