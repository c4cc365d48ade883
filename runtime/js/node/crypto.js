// crypto: not implemented yet (a later issue brings hashing, ciphers and keys); `constants`
// and `getFips` exist so that feature checks work; everything else throws ERR_NOT_IMPLEMENTED.
'use strict';

const { notImplemented } = require('internal/not_implemented');

module.exports = notImplemented('crypto', [
  'createHash', 'createHmac', 'randomBytes', 'randomFillSync', 'randomFill', 'randomInt',
  'createCipheriv', 'createDecipheriv', 'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync',
  'generateKeyPair', 'generateKeyPairSync', 'createSign', 'createVerify', 'getHashes',
  'getCiphers', 'getCurves', 'timingSafeEqual', 'createPublicKey', 'createPrivateKey',
  'createSecretKey', 'randomUUID', 'hkdf', 'hkdfSync', 'sign', 'verify', 'createECDH', 'createDiffieHellman',
], {
  constants: {},
  getFips() { return 0; },
});
