// The lcov reporter: writes only coverage reports (`test:coverage` events) and ignores
// everything else, like Node's. rnode does not collect coverage yet, so those events
// never arrive; formatting one is not implemented.
'use strict';

const { Transform } = require('stream');

class LcovReporter extends Transform {
  constructor(options) {
    super({ ...options, writableObjectMode: true });
  }

  _transform(event, encoding, callback) {
    if (event.type !== 'test:coverage') {
      callback(null);
      return;
    }
    const { codes } = require('internal/errors');
    callback(new codes.ERR_NOT_IMPLEMENTED('lcov coverage reports'));
  }
}

module.exports = LcovReporter;
