// The `path` module: POSIX and win32 path manipulation, pure string code.
// Both flavours are always available (`path.posix`, `path.win32`); the module itself is
// the POSIX one because rnode runs on POSIX hosts.
'use strict';

const { validateObject, validateString } = require('internal/validators');

const SLASH = 47; // '/'
const BACKSLASH = 92; // '\\'
const DOT = 46; // '.'
const COLON = 58; // ':'

function isPosixSep(code) {
  return code === SLASH;
}

function isWinSep(code) {
  return code === SLASH || code === BACKSLASH;
}

// A drive letter: A-Z or a-z.
function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// True when `path` starts with `X:`.
function hasDrivePrefix(path) {
  return path.length >= 2 && path.charCodeAt(1) === COLON && isDriveLetter(path.charCodeAt(0));
}

// Collapses `.`, `..` and repeated separators of a path that has no root.
// `..` segments that would climb above the start are kept only when `allowAboveRoot`.
// The result never starts or ends with a separator.
function normalizeSegments(path, allowAboveRoot, sep, isSep) {
  const out = [];
  // Number of leading `..` entries in `out` (they cannot be popped).
  let ups = 0;
  let segStart = 0;
  const len = path.length;
  for (let i = 0; i <= len; i++) {
    if (i < len && !isSep(path.charCodeAt(i))) continue;
    const segLen = i - segStart;
    if (segLen === 0 || (segLen === 1 && path.charCodeAt(segStart) === DOT)) {
      // Empty segment or `.`: nothing to add.
    } else if (segLen === 2 && path.charCodeAt(segStart) === DOT &&
               path.charCodeAt(segStart + 1) === DOT) {
      if (out.length > ups) {
        out.pop();
      } else if (allowAboveRoot) {
        out.push('..');
        ups++;
      }
    } else {
      out.push(path.slice(segStart, i));
    }
    segStart = i + 1;
  }
  return out.join(sep);
}

// The basename state machine shared by both flavours. Scans `path[from..]` backwards:
// trailing separators are ignored, and a non-empty `suffix` is stripped only when it
// matches the tail of the last segment but is not all of it.
function basenameFrom(path, from, suffix, isSep) {
  let start = from;
  let end = -1;
  let matchedSlash = true;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    let suffixIdx = suffix.length - 1;
    let lastNonSep = -1;
    for (let i = path.length - 1; i >= from; --i) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
        continue;
      }
      if (lastNonSep === -1) {
        matchedSlash = false;
        lastNonSep = i + 1;
      }
      if (suffixIdx >= 0) {
        if (code === suffix.charCodeAt(suffixIdx)) {
          suffixIdx--;
          if (suffixIdx === -1) end = i; // the whole suffix matched
        } else {
          // Mismatch: keep the whole segment.
          suffixIdx = -1;
          end = lastNonSep;
        }
      }
    }
    if (start === end) end = lastNonSep;
    else if (end === -1) end = path.length;
    return path.slice(start, end);
  }
  for (let i = path.length - 1; i >= from; --i) {
    if (isSep(path.charCodeAt(i))) {
      if (!matchedSlash) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  if (end === -1) return '';
  return path.slice(start, end);
}

// Finds the parts of the last segment of `path[from..]` for extname() and parse():
// `segStart`/`end` bound the segment (trailing separators excluded), `dot` is its last
// dot (or -1). `hasExt` says whether that dot starts an extension: not when the segment
// starts with it (`.bashrc`) and not for the segment `..`. `segStart` stays
// `initialSegStart` when no separator precedes the segment.
function scanLastSegment(path, from, isSep, initialSegStart = from) {
  let dot = -1;
  let segStart = initialSegStart;
  let end = -1;
  let matchedSlash = true;
  // What precedes the last dot: 0 nothing, 1 a dot was the last char seen, -1 another char.
  let beforeDot = 0;
  for (let i = path.length - 1; i >= from; --i) {
    const code = path.charCodeAt(i);
    if (isSep(code)) {
      if (!matchedSlash) {
        segStart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === DOT) {
      if (dot === -1) dot = i;
      else if (beforeDot !== 1) beforeDot = 1;
    } else if (dot !== -1) {
      beforeDot = -1;
    }
  }
  const hasExt = !(dot === -1 || end === -1 || beforeDot === 0 ||
    (beforeDot === 1 && dot === end - 1 && dot === segStart + 1));
  return { segStart, end, dot, hasExt };
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

// Named `_format` and bound to the separator, as Node's `path.format` is.
function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// ---- win32 --------------------------------------------------------------------------

// Parses a UNC root `\\server\share` starting at index 2 of `path` (the caller checked
// the two leading separators). Returns [server, shareStart, shareEnd] or null when the
// server or share part is missing.
function scanUncRoot(path) {
  const len = path.length;
  let j = 2;
  while (j < len && !isWinSep(path.charCodeAt(j))) j++;
  if (j >= len || j === 2) return null;
  const server = path.slice(2, j);
  const afterServer = j;
  while (j < len && isWinSep(path.charCodeAt(j))) j++;
  if (j >= len || j === afterServer) return null;
  const shareStart = j;
  while (j < len && !isWinSep(path.charCodeAt(j))) j++;
  // j === len: the path is just the root; otherwise j sits on a separator.
  return [server, shareStart, j];
}

// Splits a win32 path into { device, rootEnd, isAbsolute } the way resolve() needs it.
function parseWinRoot(path) {
  const len = path.length;
  let rootEnd = 0;
  let device = '';
  let isAbsolute = false;
  const code = path.charCodeAt(0);
  if (len === 1) {
    if (isWinSep(code)) {
      rootEnd = 1;
      isAbsolute = true;
    }
  } else if (isWinSep(code)) {
    isAbsolute = true;
    if (isWinSep(path.charCodeAt(1))) {
      const unc = scanUncRoot(path);
      if (unc !== null) {
        device = `\\\\${unc[0]}\\${path.slice(unc[1], unc[2])}`;
        rootEnd = unc[2];
      }
    } else {
      rootEnd = 1;
    }
  } else if (hasDrivePrefix(path)) {
    device = path.slice(0, 2);
    rootEnd = 2;
    if (len > 2 && isWinSep(path.charCodeAt(2))) {
      isAbsolute = true;
      rootEnd = 3;
    }
  }
  return { device, rootEnd, isAbsolute };
}

const win32 = {
  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = process.cwd();
      } else {
        // Windows keeps a cwd per drive in the hidden `=X:` environment variables; fall
        // back to the drive's root when the cwd is on another drive.
        path = process.env[`=${resolvedDevice}`] || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
             path.charCodeAt(2) === BACKSLASH)) {
          path = `${resolvedDevice}\\`;
        }
      }
      const { device, rootEnd, isAbsolute } = parseWinRoot(path);
      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          // A path on another device does not contribute.
          if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
        } else {
          resolvedDevice = device;
        }
      }
      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }
    resolvedTail = normalizeSegments(resolvedTail, !resolvedAbsolute, '\\', isWinSep);
    return resolvedAbsolute ?
      `${resolvedDevice}\\${resolvedTail}` :
      `${resolvedDevice}${resolvedTail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let rootEnd = 0;
    let device;
    let isAbsolute = false;
    const code = path.charCodeAt(0);
    if (len === 1) return code === SLASH ? '\\' : path;
    if (isWinSep(code)) {
      isAbsolute = true;
      rootEnd = 1;
      if (isWinSep(path.charCodeAt(1))) {
        const unc = scanUncRoot(path);
        if (unc !== null) {
          const share = path.slice(unc[1], unc[2]);
          // A bare UNC root gets its trailing separator.
          if (unc[2] === len) return `\\\\${unc[0]}\\${share}\\`;
          device = `\\\\${unc[0]}\\${share}`;
          rootEnd = unc[2];
        }
      }
    } else if (hasDrivePrefix(path)) {
      device = path.slice(0, 2);
      rootEnd = 2;
      if (len > 2 && isWinSep(path.charCodeAt(2))) {
        isAbsolute = true;
        rootEnd = 3;
      }
    }
    let tail = rootEnd < len ?
      normalizeSegments(path.slice(rootEnd), !isAbsolute, '\\', isWinSep) : '';
    if (tail.length === 0 && !isAbsolute) tail = '.';
    if (tail.length > 0 && isWinSep(path.charCodeAt(len - 1))) tail += '\\';
    if (device === undefined) return isAbsolute ? `\\${tail}` : tail;
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const code = path.charCodeAt(0);
    return isWinSep(code) ||
      (len > 2 && hasDrivePrefix(path) && isWinSep(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let firstPart;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = firstPart = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';
    // normalize() would read two leading separators as a UNC root. Keep them only when
    // the first part clearly is one: exactly two separators then a non-separator.
    let keepUnc = false;
    let leading = 0;
    if (isWinSep(firstPart.charCodeAt(0))) {
      leading = 1;
      if (firstPart.length > 1 && isWinSep(firstPart.charCodeAt(1))) {
        leading = 2;
        if (firstPart.length > 2) {
          if (isWinSep(firstPart.charCodeAt(2))) leading = 3;
          else keepUnc = true;
        }
      }
    }
    if (!keepUnc) {
      while (leading < joined.length && isWinSep(joined.charCodeAt(leading))) leading++;
      if (leading >= 2) joined = `\\${joined.slice(leading)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    // Comparison is case-insensitive; the result keeps the case of `to`.
    const fromLow = fromOrig.toLowerCase();
    const toLow = toOrig.toLowerCase();
    if (fromLow === toLow) return '';

    // Leading and trailing separators do not take part in the comparison.
    let fromStart = 0;
    while (fromStart < fromLow.length && fromLow.charCodeAt(fromStart) === BACKSLASH) fromStart++;
    let fromEnd = fromLow.length;
    while (fromEnd - 1 > fromStart && fromLow.charCodeAt(fromEnd - 1) === BACKSLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;
    let toStart = 0;
    while (toStart < toLow.length && toLow.charCodeAt(toStart) === BACKSLASH) toStart++;
    let toEnd = toLow.length;
    while (toEnd - 1 > toStart && toLow.charCodeAt(toEnd - 1) === BACKSLASH) toEnd--;
    const toLen = toEnd - toStart;

    // Walk the common prefix, remembering its last separator.
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const c = fromLow.charCodeAt(fromStart + i);
      if (c !== toLow.charCodeAt(toStart + i)) break;
      if (c === BACKSLASH) lastCommonSep = i;
    }
    if (i !== length) {
      // Nothing in common (e.g. another drive): the answer is the absolute `to`.
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        // `from` is an ancestor of `to`.
        if (toLow.charCodeAt(toStart + i) === BACKSLASH) return toOrig.slice(toStart + i + 1);
        // `from` is a drive root like `C:`.
        if (i === 2) return toOrig.slice(toStart + i);
      }
      if (fromLen > length) {
        // `to` is an ancestor of `from`.
        if (fromLow.charCodeAt(fromStart + i) === BACKSLASH) lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }

    // One `..` per remaining segment of `from`.
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || fromLow.charCodeAt(i) === BACKSLASH) {
        out += out.length === 0 ? '..' : '\\..';
      }
    }
    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === BACKSLASH) ++toStart;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    // Non-strings and empty strings pass through untouched.
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved.charCodeAt(0) === BACKSLASH) {
      if (resolved.charCodeAt(1) === BACKSLASH) {
        const code = resolved.charCodeAt(2);
        // `\\?\` and `\\.\` paths are already namespaced.
        if (code !== 63 && code !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
      }
    } else if (hasDrivePrefix(resolved) && resolved.charCodeAt(2) === BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let rootEnd = -1;
    let offset = 0;
    const code = path.charCodeAt(0);
    if (len === 1) return isWinSep(code) ? path : '.';
    if (isWinSep(code)) {
      rootEnd = offset = 1;
      if (isWinSep(path.charCodeAt(1))) {
        const unc = scanUncRoot(path);
        if (unc !== null) {
          // A bare UNC root is its own dirname.
          if (unc[2] === len) return path;
          rootEnd = offset = unc[2] + 1;
        }
      }
    } else if (hasDrivePrefix(path)) {
      rootEnd = len > 2 && isWinSep(path.charCodeAt(2)) ? 3 : 2;
      offset = rootEnd;
    }
    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isWinSep(path.charCodeAt(i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'ext');
    validateString(path, 'path');
    // The drive prefix is never part of the basename.
    const from = hasDrivePrefix(path) ? 2 : 0;
    return basenameFrom(path, from, suffix, isWinSep);
  },

  extname(path) {
    validateString(path, 'path');
    const from = hasDrivePrefix(path) ? 2 : 0;
    const seg = scanLastSegment(path, from, isWinSep);
    return seg.hasExt ? path.slice(seg.dot, seg.end) : '';
  },

  format: _format.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    let rootEnd = 0;
    const code = path.charCodeAt(0);
    if (len === 1) {
      if (isWinSep(code)) {
        ret.root = ret.dir = path;
      } else {
        ret.base = ret.name = path;
      }
      return ret;
    }
    if (isWinSep(code)) {
      rootEnd = 1;
      if (isWinSep(path.charCodeAt(1))) {
        const unc = scanUncRoot(path);
        if (unc !== null) rootEnd = unc[2] === len ? len : unc[2] + 1;
      }
    } else if (hasDrivePrefix(path)) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isWinSep(path.charCodeAt(2))) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
    const seg = scanLastSegment(path, rootEnd, isWinSep);
    if (seg.end !== -1) {
      if (seg.hasExt) {
        ret.name = path.slice(seg.segStart, seg.dot);
        ret.base = path.slice(seg.segStart, seg.end);
        ret.ext = path.slice(seg.dot, seg.end);
      } else {
        ret.base = ret.name = path.slice(seg.segStart, seg.end);
      }
    }
    // The dir drops one separator before the base; a root-only dir is the root.
    if (seg.segStart > 0 && seg.segStart !== rootEnd) ret.dir = path.slice(0, seg.segStart - 1);
    else ret.dir = ret.root;
    return ret;
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

// ---- POSIX ----------------------------------------------------------------------------

const posix = {
  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;
    // Right to left until an absolute path is reached; the cwd is the last resort.
    // Arguments left of that absolute path are not even validated, as in Node.
    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      const path = i >= 0 ? args[i] : process.cwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = path.charCodeAt(0) === SLASH;
    }
    resolvedPath = normalizeSegments(resolvedPath, !resolvedAbsolute, '/', isPosixSep);
    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const isAbsolute = path.charCodeAt(0) === SLASH;
    const trailingSeparator = path.charCodeAt(path.length - 1) === SLASH;
    path = normalizeSegments(path, !isAbsolute, '/', isPosixSep);
    if (path.length === 0) {
      if (isAbsolute) return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator) path += '/';
    return isAbsolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = arg;
        else joined += `/${arg}`;
      }
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    // Both are normalized absolute paths: compare them segment by segment.
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    const max = fromParts.length < toParts.length ? fromParts.length : toParts.length;
    let common = 0;
    while (common < max && fromParts[common] === toParts[common]) common++;
    const ups = [];
    for (let i = common; i < fromParts.length; i++) ups.push('..');
    return ups.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    // Only meaningful on Windows.
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === SLASH;
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === SLASH) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'ext');
    validateString(path, 'path');
    return basenameFrom(path, 0, suffix, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    const seg = scanLastSegment(path, 0, isPosixSep);
    return seg.hasExt ? path.slice(seg.dot, seg.end) : '';
  },

  format: _format.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const isAbsolute = path.charCodeAt(0) === SLASH;
    if (isAbsolute) ret.root = '/';
    // An absolute path's segment scan starts after the root, but a segment without a
    // separator before it counts as starting at 0 (this decides whether `/..` has an ext).
    const seg = scanLastSegment(path, isAbsolute ? 1 : 0, isPosixSep, 0);
    const start = seg.segStart === 0 && isAbsolute ? 1 : seg.segStart;
    if (seg.end !== -1) {
      if (seg.hasExt) {
        ret.name = path.slice(start, seg.dot);
        ret.base = path.slice(start, seg.end);
        ret.ext = path.slice(seg.dot, seg.end);
      } else {
        ret.base = ret.name = path.slice(start, seg.end);
      }
    }
    if (seg.segStart > 0) ret.dir = path.slice(0, seg.segStart - 1);
    else if (isAbsolute) ret.dir = '/';
    return ret;
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

// Legacy alias kept for old code.
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;
