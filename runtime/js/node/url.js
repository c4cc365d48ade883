// The `url` module: the legacy url.parse()/format()/resolve() API (Node's lenient,
// non-standard parser, kept bug-compatible) and re-exports of the WHATWG URL API.
'use strict';

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_URL,
  },
} = require('internal/errors');
const { validateString, validateObject } = require('internal/validators');
const { encodeStr, hexTable, makeNoEscapeTable } = require('internal/querystring');
const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  isURL,
  formatWhatwgURL,
} = require('internal/url');

let querystring;
function lazyQuerystring() {
  querystring ??= require('querystring');
  return querystring;
}

// ---- Constants -------------------------------------------------------------------------

// Protocols that can allow "unsafe" and "unwise" chars.
const unsafeProtocol = new Set(['javascript', 'javascript:']);
// Protocols that never have a hostname.
const hostlessProtocol = new Set(['javascript', 'javascript:']);
// Protocols that always contain a // bit.
const slashedProtocol = new Set([
  'http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:',
]);

const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
// Special case for a simple path URL
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;

const hostnameMaxLen = 255;
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
// For IPv6, permit '[', ']', and ':'.
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;

// Characters kept unescaped in `auth` by format(): alphanumerics and !'()*-.:_~
const noEscapeAuth = makeNoEscapeTable("!'()*-.:_~");

// Characters url.parse() always escapes in the part after the host.
const autoEscapeChars = {
  0x09: '%09', 0x0A: '%0A', 0x0D: '%0D', 0x20: '%20', 0x22: '%22', 0x27: '%27',
  0x3C: '%3C', 0x3E: '%3E', 0x5C: '%5C', 0x5E: '%5E', 0x60: '%60', 0x7B: '%7B',
  0x7C: '%7C', 0x7D: '%7D',
};

// RFC 2396 characters that can never be part of a host name.
const nonHostChars = new Set([
  0x20, 0x22, 0x25, 0x27, 0x3B, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D,
]);

let warnedInvalidPort = false;
let warnedUrlParse = false;

function pendingDeprecationEnabled() {
  if (process.env && process.env.NODE_PENDING_DEPRECATION === '1') return true;
  const execArgv = process.execArgv || [];
  if (execArgv.includes('--pending-deprecation')) return true;
  const nodeOptions = (process.env && process.env.NODE_OPTIONS) || '';
  return /(^|\s)--pending-deprecation(\s|$)/.test(nodeOptions);
}

function emitWarning(message, code) {
  if (typeof process.emitWarning === 'function') process.emitWarning(message, 'DeprecationWarning', code);
}

// IDNA to-ASCII for the legacy parser. Unlike url.domainToASCII() it must not turn
// numeric host names into IPv4 addresses, so plain ASCII names pass through as-is.
function toASCII(hostname) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7F]*$/.test(hostname) && !/(^|\.)xn--/i.test(hostname)) return hostname;
  return domainToASCII(hostname);
}

function isIpv6Hostname(hostname) {
  return hostname.charCodeAt(0) === 0x5B /* [ */ &&
         hostname.charCodeAt(hostname.length - 1) === 0x5D /* ] */;
}

// ---- Url --------------------------------------------------------------------------------

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (!warnedUrlParse && pendingDeprecationEnabled()) {
    warnedUrlParse = true;
    emitWarning('`url.parse()` behavior is not standardized and prone to ' +
                'errors that have security implications. Use the WHATWG URL API ' +
                'instead. CVEs are not issued for `url.parse()` vulnerabilities.', 'DEP0169');
  }
  if (url instanceof Url) return url;
  const urlObject = new Url();
  urlObject.parse(url, parseQueryString, slashesDenoteHost);
  return urlObject;
}

// Trims whitespace (and NBSP/BOM) from both ends and turns backslashes before the
// first '?' or '#' into forward slashes, as browsers do. Also reports whether '@'
// occurs before the query/hash and whether there is a '#'.
function preprocess(url) {
  let start = 0;
  let end = url.length;
  const isWs = (code) => code < 33 || code === 0xA0 || code === 0xFEFF;
  while (start < end && isWs(url.charCodeAt(start))) start++;
  while (end > start && isWs(url.charCodeAt(end - 1))) end--;
  let rest = '';
  let runStart = start;
  let hasHash = false;
  let hasAt = false;
  let split = false;
  for (let i = start; i < end; i++) {
    const code = url.charCodeAt(i);
    if (!split) {
      if (code === 0x40 /* @ */) {
        hasAt = true;
      } else if (code === 0x23 /* # */) {
        hasHash = true;
        split = true;
      } else if (code === 0x3F /* ? */) {
        split = true;
      } else if (code === 0x5C /* \ */) {
        rest += `${url.slice(runStart, i)}/`;
        runStart = i + 1;
      }
    } else if (code === 0x23) {
      hasHash = true;
    }
  }
  rest += url.slice(runStart, end);
  return { rest, hasHash, hasAt };
}

// Escapes the characters url.parse() never leaves raw after the host.
function autoEscapeStr(rest) {
  let escaped = '';
  let runStart = 0;
  for (let i = 0; i < rest.length; ++i) {
    const replacement = autoEscapeChars[rest.charCodeAt(i)];
    if (replacement !== undefined) {
      escaped += rest.slice(runStart, i) + replacement;
      runStart = i + 1;
    }
  }
  if (runStart === 0) return rest;
  return escaped + rest.slice(runStart);
}

// Cuts the host name at the first character that cannot be in it; the remainder goes
// back to the front of the path.
function getHostname(self, rest, hostname, url) {
  for (let i = 0; i < hostname.length; ++i) {
    const code = hostname.charCodeAt(i);
    const isValid = code !== 0x2F && code !== 0x5C && code !== 0x23 && code !== 0x3F && code !== 0x3A;
    if (!isValid) {
      // A leftover starting with ':' is an invalid port; accepted for now, with a warning.
      if (code === 0x3A && !warnedInvalidPort) {
        warnedInvalidPort = true;
        emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`, 'DEP0170');
      }
      self.hostname = hostname.slice(0, i);
      return `/${hostname.slice(i)}${rest}`;
    }
  }
  return rest;
}

// Splits `rest` (after the protocol and //) into auth and host; returns what follows.
// Tabs and newlines inside the auth/host part are removed.
// The host ends at the first '/', '?' or '#'. Characters RFC 2396 forbids in hosts end
// it too, unless an '@' after them shows they belong to the auth part.
function parseAuthAndHost(self, rest) {
  let hostEnd = -1;
  let atSign = -1;
  let nonHost = -1;
  for (let i = 0; i < rest.length && hostEnd === -1; ++i) {
    const code = rest.charCodeAt(i);
    if (code === 0x09 || code === 0x0A || code === 0x0D) {
      // Like the WHATWG parser, drop tabs and newlines (only up to the end of the host).
      rest = rest.slice(0, i) + rest.slice(i + 1);
      i--;
    } else if (nonHostChars.has(code)) {
      if (nonHost === -1) nonHost = i;
    } else if (code === 0x23 || code === 0x2F || code === 0x3F) {
      if (nonHost === -1) nonHost = i;
      hostEnd = i;
    } else if (code === 0x40) {
      // The last '@' before the end of the host decides where the auth stops.
      atSign = i;
      nonHost = -1;
    }
  }
  let start = 0;
  if (atSign !== -1) {
    self.auth = decodeURIComponent(rest.slice(0, atSign));
    start = atSign + 1;
  }
  if (nonHost === -1) {
    self.host = rest.slice(start);
    return '';
  }
  self.host = rest.slice(start, nonHost);
  return rest.slice(nonHost);
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');

  const pre = preprocess(url);
  let rest = pre.rest;

  if (!slashesDenoteHost && !pre.hasHash && !pre.hasAt) {
    // Try fast path regexp
    const simplePath = simplePathPattern.exec(rest);
    if (simplePath) {
      this.path = rest;
      this.href = rest;
      this.pathname = simplePath[1];
      if (simplePath[2]) {
        this.search = simplePath[2];
        if (parseQueryString) {
          this.query = lazyQuerystring().parse(this.search.slice(1));
        } else {
          this.query = this.search.slice(1);
        }
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  // Figure out if it's got a host
  // user@server is *always* interpreted as a hostname, and url
  // resolution will treat //foo/bar as host=foo,path=bar because that's
  // how the browser resolves relative URLs.
  let slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.charCodeAt(0) === 0x2F && rest.charCodeAt(1) === 0x2F;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  // Note: the "slashed protocol" test uses the protocol as written (not lower-cased),
  // as Node does.
  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
    rest = parseAuthAndHost(this, rest);

    // pull out port.
    this.parseHost();

    // We've indicated that there is a hostname,
    // so even if it's empty, it has to be present.
    if (typeof this.hostname !== 'string') this.hostname = '';

    const hostname = this.hostname;

    // If hostname begins with [ and ends with ]
    // assume that it's an IPv6 address.
    const ipv6Hostname = isIpv6Hostname(hostname);

    // validate a little.
    if (!ipv6Hostname) rest = getHostname(this, rest, hostname, url);

    if (this.hostname.length > hostnameMaxLen) {
      this.hostname = '';
    } else {
      // Hostnames are always lower case.
      this.hostname = this.hostname.toLowerCase();
    }

    if (this.hostname !== '') {
      if (ipv6Hostname) {
        if (forbiddenHostCharsIpv6.test(this.hostname)) throw new ERR_INVALID_URL(url);
      } else {
        // IDNA Support: Returns a punycoded representation of "domain".
        this.hostname = toASCII(this.hostname);
        // An empty result or a forbidden character can only come from the IDNA step
        // (getHostname removed the others): refuse rather than guess.
        if (this.hostname === '' || forbiddenHostChars.test(this.hostname)) {
          throw new ERR_INVALID_URL(url);
        }
      }
    }

    const p = this.port ? `:${this.port}` : '';
    const h = this.hostname || '';
    this.host = h + p;

    // strip [ and ] from the hostname
    // the host field still retains them, though
    if (ipv6Hostname) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
  }

  // Now rest is set to the post-host stuff.
  // Chop off any delim chars.
  if (!unsafeProtocol.has(lowerProto)) {
    // First, make 100% sure that any "autoEscape" chars get
    // escaped, even if encodeURIComponent doesn't think they
    // need to be.
    rest = autoEscapeStr(rest);
  }

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; ++i) {
    const code = rest.charCodeAt(i);
    if (code === 0x23) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (code === 0x3F && questionIdx === -1) {
      questionIdx = i;
    }
  }

  if (questionIdx !== -1) {
    if (hashIdx === -1) {
      this.search = rest.slice(questionIdx);
      this.query = rest.slice(questionIdx + 1);
    } else {
      this.search = rest.slice(questionIdx, hashIdx);
      this.query = rest.slice(questionIdx + 1, hashIdx);
    }
    if (parseQueryString) this.query = lazyQuerystring().parse(this.query);
  } else if (parseQueryString) {
    // No query string, but parseQueryString still requested
    this.search = null;
    this.query = { __proto__: null };
  }

  const useQuestionIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx);
  const firstIdx = useQuestionIdx ? questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = rest.slice(0, firstIdx);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) {
    this.pathname = '/';
  }

  // To support http.request
  if (this.pathname || this.search) {
    const p = this.pathname || '';
    const s = this.search || '';
    this.path = p + s;
  }

  // Finally, reconstruct the href based on what has been validated.
  this.href = this.format();
  return this;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  let port = portPattern.exec(host);
  if (port) {
    port = port[0];
    if (port !== ':') this.port = port.slice(1);
    host = host.slice(0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

// Replaces every '#' and '?' in a pathname with its escape.
function escapePathnameDelimiters(pathname) {
  if (!pathname.includes('#') && !pathname.includes('?')) return pathname;
  return pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) {
    auth = encodeStr(auth, noEscapeAuth, hexTable);
    auth += '@';
  }

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (
      this.hostname.includes(':') && !isIpv6Hostname(this.hostname) ?
        `[${this.hostname}]` :
        this.hostname
    );
    if (this.port) host += `:${this.port}`;
  }

  if (this.query !== null && typeof this.query === 'object') {
    query = lazyQuerystring().stringify(this.query);
  }

  let search = this.search || (query && (`?${query}`)) || '';

  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3A /* : */) protocol += ':';

  pathname = escapePathnameDelimiters(pathname);

  // Only the slashedProtocols get the //.  Not mailto:, xmpp:, etc.
  // unless they had them to begin with.
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2F) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');

  if (hash && hash.charCodeAt(0) !== 0x23) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 0x3F) search = `?${search}`;

  return protocol + host + pathname + search + hash;
};

// format a parsed object into a url string
function urlFormat(urlObject, options) {
  // Ensure it's an object, and not a string url.
  // If it's an object, this is a no-op.
  // this way, you can call urlParse() on strings
  // to clean up potentially wonky urls.
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;

    if (options) {
      validateObject(options, 'options');

      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }

    return formatWhatwgURL(urlObject.href, fragment, unicode, search, auth);
  }

  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

// Recomputes `path` (for http.request) from pathname and search.
function setPath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
}

// Drops '.' segments and resolves '..' against earlier segments (in place); returns
// how many '..' were left over above the first segment.
function removeDotSegments(segments) {
  let up = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === '.') {
      segments.splice(i, 1);
    } else if (segment === '..') {
      segments.splice(i, 1);
      up++;
    } else if (up) {
      segments.splice(i, 1);
      up--;
    }
  }
  return up;
}

// A host that still carries `auth@` (e.g. mailto: resolution) is split back into
// auth and host.
function splitAuthFromHost(result) {
  const authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
  if (authInHost) {
    result.auth = authInHost.shift();
    result.host = result.hostname = authInHost.shift();
  }
}

// Resolution with a relative URL whose protocol differs from the base's.
function resolveAcrossProtocols(result, relative) {
  // Unknown protocols are absolute: take the relative URL wholesale.
  if (!slashedProtocol.has(relative.protocol)) {
    for (const k of Object.keys(relative)) result[k] = relative[k];
    result.href = result.format();
    return result;
  }

  // A known protocol needs a host (except file:) and, with a path, a path.
  result.protocol = relative.protocol;
  if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
    const relPath = (relative.pathname || '').split('/');
    while (relPath.length && !(relative.host = relPath.shift()));
    if (!relative.host) relative.host = '';
    if (!relative.hostname) relative.hostname = '';
    if (relPath[0] !== '') relPath.unshift('');
    if (relPath.length < 2) relPath.unshift('');
    result.pathname = relPath.join('/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  // To support http.request
  if (result.pathname || result.search) {
    const p = result.pathname || '';
    const s = result.search || '';
    result.path = p + s;
  }
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }

  const result = new Url();
  for (const key of Object.keys(this)) result[key] = this[key];

  // Hash is always overridden, no matter what.
  // even href="" will remove it.
  result.hash = relative.hash;

  // If the relative url is empty, then there's nothing left to do here.
  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // Hrefs like //foo/bar always cut to the protocol.
  if (relative.slashes && !relative.protocol) {
    // Take everything except the protocol from relative
    for (const key of Object.keys(relative)) {
      if (key !== 'protocol') result[key] = relative[key];
    }

    // urlParse appends trailing / to urls like http://www.example.com
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }

    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    return resolveAcrossProtocols(result, relative);
  }

  const isSourceAbs = (result.pathname && result.pathname.charAt(0) === '/');
  const isRelAbs = (relative.host || (relative.pathname && relative.pathname.charAt(0) === '/'));
  let mustEndAbs = (isRelAbs || isSourceAbs || (result.host && relative.pathname));
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

  // If the url is a non-slashed url, then relative
  // links like ../.. should be able
  // to crawl up to the hostname, as well.  This is strange.
  // result.protocol has already been set by now.
  // Later on, put the first path part into the host field.
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      // The relative URL's own host (and thus the base's credentials) take over.
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    // it's absolute.
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
    // Fall through to the dot-handling below.
  } else if (relPath.length) {
    // it's relative
    // throw away the existing file, and take the new path instead.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Just pull out the search.
    // like href='?foo'.
    // Put this after the other two cases because it simplifies the booleans
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      splitAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    // No path at all. All other things were already handled above.
    result.pathname = null;
    // To support http.request
    if (result.search) {
      result.path = `/${result.search}`;
    } else {
      result.path = null;
    }
    result.href = result.format();
    return result;
  }

  // If a url ENDs in . or .., then it must get a trailing slash.
  // however, if it ends in anything else non-slashy,
  // then it must NOT get a trailing slash.
  const last = srcPath[srcPath.length - 1];
  const hasTrailingSlash = (
    ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) ||
    last === '');

  // Strip single dots, resolve double dots to parent dir
  // if the path tries to go above the root, `up` ends up > 0
  let up = removeDotSegments(srcPath);

  // If the path is allowed to go above the root, restore leading ..s
  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }

  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) {
    srcPath.unshift('');
  }

  if (hasTrailingSlash && (srcPath.join('/').slice(-1) !== '/')) srcPath.push('');

  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');

  // put the host back
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    splitAuthFromHost(result);
  }

  mustEndAbs = mustEndAbs || (result.host && srcPath.length);

  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }

  // To support request.http
  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

module.exports = {
  // Original API
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,

  // WHATWG API
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,

  // Utilities
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
