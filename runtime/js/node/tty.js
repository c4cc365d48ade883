// tty: isatty works; ReadStream/WriteStream come with the streams issue.
'use strict';

const { notImplemented } = require('internal/not_implemented');

module.exports = notImplemented('tty', ['ReadStream', 'WriteStream'], {
  isatty(fd) {
    return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && internalBinding('stdio').isatty(fd);
  },
});
