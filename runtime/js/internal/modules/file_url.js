// pathToFileUrl for the loaders (percent-encodes like url.pathToFileURL without loading url).
'use strict';

function pathToFileUrl(filepath) {
  let out = 'file://';
  for (const ch of filepath) {
    if (/[A-Za-z0-9\/\-_.~!$&'()*+,;=:@]/.test(ch)) out += ch;
    else out += encodeURIComponent(ch);
  }
  return out;
}

module.exports = { pathToFileUrl };
