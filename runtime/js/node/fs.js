// fs: the synchronous, callback and promise APIs over internalBinding('fs'). Sync calls run
// on the main thread; callback and promise calls run on the blocking pool and complete in
// the poll phase. Streams and watchers come with the streams issue (ERR_NOT_IMPLEMENTED).
'use strict';

const binding = internalBinding('fs');
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const { validateFunction, validateInteger, parseFileMode } = require('internal/validators');
const { notImplemented } = require('internal/not_implemented');

const constants = {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7, S_IFMT: 61440, S_IFREG: 32768,
  S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152,
  O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024,
  O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096,
  O_DIRECT: 16384, O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64,
  S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2,
  S_IXOTH: 1, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
};

function getValidatedPath(p, name = 'path') {
  if (typeof p === 'string') {
    if (p.includes('\u0000')) {
      throw new codes.ERR_INVALID_ARG_VALUE(name, p, 'must be a string, Uint8Array, or URL without null bytes');
    }
    return p;
  }
  if (p instanceof Uint8Array) return Buffer.from(p).toString();
  if (p !== null && typeof p === 'object' && typeof p.href === 'string' && p.protocol !== undefined) {
    return require('url').fileURLToPath(p);
  }
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], p);
}

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return constants.O_RDONLY;
  switch (flags) {
    case 'r': return constants.O_RDONLY;
    case 'rs': case 'sr': return constants.O_RDONLY | constants.O_SYNC;
    case 'r+': return constants.O_RDWR;
    case 'rs+': case 'sr+': return constants.O_RDWR | constants.O_SYNC;
    case 'w': return constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY;
    case 'wx': case 'xw': return constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL;
    case 'w+': return constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR;
    case 'wx+': case 'xw+': return constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL;
    case 'a': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY;
    case 'ax': case 'xa': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL;
    case 'as': case 'sa': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_SYNC;
    case 'a+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR;
    case 'ax+': case 'xa+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL;
    case 'as+': case 'sa+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_SYNC;
  }
  throw new codes.ERR_INVALID_ARG_VALUE('flags', flags);
}

function getOptions(options, defaults) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  return { ...defaults, ...options };
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

function encodeResult(u8, encoding) {
  const buf = toBuffer(u8);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function dataBytes(data, encoding) {
  if (typeof data === 'string') return encoding && encoding !== 'utf8' ? Buffer.from(data, encoding) : data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// ---- Stats and Dirent -------------------------------------------------------------------

function dateFromMs(ms) {
  return new Date(Math.round(ms));
}

class Stats {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
    Object.assign(this, { dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs });
    this.atime = dateFromMs(atimeMs);
    this.mtime = dateFromMs(mtimeMs);
    this.ctime = dateFromMs(ctimeMs);
    this.birthtime = dateFromMs(birthtimeMs);
  }
  _checkModeProperty(property) { return (this.mode & constants.S_IFMT) === property; }
  isDirectory() { return this._checkModeProperty(constants.S_IFDIR); }
  isFile() { return this._checkModeProperty(constants.S_IFREG); }
  isBlockDevice() { return this._checkModeProperty(constants.S_IFBLK); }
  isCharacterDevice() { return this._checkModeProperty(constants.S_IFCHR); }
  isSymbolicLink() { return this._checkModeProperty(constants.S_IFLNK); }
  isFIFO() { return this._checkModeProperty(constants.S_IFIFO); }
  isSocket() { return this._checkModeProperty(constants.S_IFSOCK); }
}

function makeStats(nums, bigint) {
  if (bigint) {
    const s = new Stats(...nums.map((n) => BigInt(Math.floor(n))));
    s.atimeNs = BigInt(Math.floor(nums[10] * 1e6));
    s.mtimeNs = BigInt(Math.floor(nums[11] * 1e6));
    s.ctimeNs = BigInt(Math.floor(nums[12] * 1e6));
    s.birthtimeNs = BigInt(Math.floor(nums[13] * 1e6));
    s.atime = dateFromMs(nums[10]);
    s.mtime = dateFromMs(nums[11]);
    s.ctime = dateFromMs(nums[12]);
    s.birthtime = dateFromMs(nums[13]);
    s._checkModeProperty = function(p) { return (Number(this.mode) & constants.S_IFMT) === p; };
    return s;
  }
  return new Stats(...nums);
}

const kType = Symbol('type');
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

function readdirResult(dir, result, options) {
  if (options.withFileTypes) {
    const [names, types] = result;
    return names.map((n, i) => new Dirent(n, types[i], dir));
  }
  if (options.encoding === 'buffer') return result.map((n) => Buffer.from(n));
  return result;
}

// ---- Synchronous API ----------------------------------------------------------------------

function existsSync(p) {
  try {
    p = getValidatedPath(p);
  } catch {
    return false;
  }
  return binding.exists(p);
}

function accessSync(p, mode = constants.F_OK) {
  binding.access(getValidatedPath(p), mode);
}

function statSync(p, options = { bigint: false, throwIfNoEntry: true }) {
  p = getValidatedPath(p);
  try {
    return makeStats(binding.stat(p), options.bigint);
  } catch (err) {
    if (err.code === 'ENOENT' && options.throwIfNoEntry === false) return undefined;
    throw err;
  }
}

function lstatSync(p, options = { bigint: false, throwIfNoEntry: true }) {
  p = getValidatedPath(p);
  try {
    return makeStats(binding.lstat(p), options.bigint);
  } catch (err) {
    if (err.code === 'ENOENT' && options.throwIfNoEntry === false) return undefined;
    throw err;
  }
}

function fstatSync(fd, options = {}) {
  return makeStats(binding.fstat(fd), options.bigint);
}

function openSync(p, flags, mode) {
  return binding.open(getValidatedPath(p), stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
}

function closeSync(fd) {
  validateInteger(fd, 'fd', 0, 2147483647);
  binding.close(fd);
}

function readFileSync(p, options) {
  options = getOptions(options, { flag: 'r' });
  const bytes = typeof p === 'number' ? binding.readFile(p) : binding.readFile(getValidatedPath(p));
  return encodeResult(bytes, options.encoding);
}

function writeFileSync(p, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding);
  if (typeof p === 'number') {
    binding.write(p, bytes, -1);
    return;
  }
  binding.writeFile(getValidatedPath(p), bytes, stringToFlags(options.flag), options.mode);
}

function appendFileSync(p, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  writeFileSync(p, data, { ...options, flag: options.flag || 'a' });
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (offset === undefined) offset = 0;
  if (length === undefined) length = buffer.byteLength - offset;
  const pos = typeof position === 'number' || typeof position === 'bigint' ? Number(position) : -1;
  const u8 = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return binding.readInto(fd, u8, offset, length, pos);
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  if (typeof buffer === 'string') {
    const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : -1;
    const enc = typeof length === 'string' ? length : 'utf8';
    return binding.write(fd, Buffer.from(buffer, enc), pos);
  }
  let offset = offsetOrOptions ?? 0;
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (length === undefined) length = buffer.byteLength - offset;
  const pos = typeof position === 'number' ? position : -1;
  return binding.write(fd, new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length), pos);
}

function readdirSync(p, options) {
  options = getOptions(options, { encoding: 'utf8', withFileTypes: false });
  p = getValidatedPath(p);
  if (options.recursive) {
    const out = [];
    const walk = (dir, rel) => {
      const [names, types] = binding.readdir(dir, true);
      names.forEach((n, i) => {
        const relName = rel ? `${rel}/${n}` : n;
        out.push(options.withFileTypes ? new Dirent(n, types[i], dir) : relName);
        if (types[i] === constants.UV_DIRENT_DIR) walk(`${dir}/${n}`, relName);
      });
    };
    walk(p, '');
    return out;
  }
  return readdirResult(p, binding.readdir(p, !!options.withFileTypes), options);
}

function mkdirSync(p, options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') mode = parseFileMode(options, 'mode');
  else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  const r = binding.mkdir(getValidatedPath(p), !!recursive, mode);
  return recursive ? r : undefined;
}

function rmSync(p, options = {}) {
  p = getValidatedPath(p);
  try {
    binding.rm(p, !!options.recursive, !!options.force);
  } catch (err) {
    if (err.code === 'EISDIR' && err.syscall === 'rm') {
      const e = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${p}`);
      e.code = 'ERR_FS_EISDIR';
      e.errno = 21;
      e.syscall = 'rm';
      e.path = p;
      throw e;
    }
    throw err;
  }
}

function rmdirSync(p, options) {
  p = getValidatedPath(p);
  if (options?.recursive) {
    binding.rm(p, true, false);
    return;
  }
  binding.rmdir(p);
}

const unlinkSync = (p) => binding.unlink(getValidatedPath(p));
const renameSync = (a, b) => binding.rename(getValidatedPath(a, 'oldPath'), getValidatedPath(b, 'newPath'));
const realpathSync = (p, options) => {
  const r = binding.realpath(getValidatedPath(p));
  return options === 'buffer' || options?.encoding === 'buffer' ? Buffer.from(r) : r;
};
realpathSync.native = realpathSync;
const readlinkSync = (p) => binding.readlink(getValidatedPath(p));
const symlinkSync = (target, p) => binding.symlink(getValidatedPath(target, 'target'), getValidatedPath(p));
const linkSync = (a, b) => binding.link(getValidatedPath(a, 'existingPath'), getValidatedPath(b, 'newPath'));
const chmodSync = (p, mode) => binding.chmod(getValidatedPath(p), parseFileMode(mode, 'mode'));
const fchmodSync = (fd, mode) => binding.fchmod(fd, parseFileMode(mode, 'mode'));
const chownSync = (p, uid, gid) => binding.chown(getValidatedPath(p), uid, gid);
const lchownSync = (p, uid, gid) => binding.lchown(getValidatedPath(p), uid, gid);
const toSeconds = (t) => (t instanceof Date ? t.getTime() / 1000 : typeof t === 'string' ? +t : t);
const utimesSync = (p, atime, mtime) => binding.utimes(getValidatedPath(p), toSeconds(atime), toSeconds(mtime));
const futimesSync = (fd, atime, mtime) => binding.futimes(fd, toSeconds(atime), toSeconds(mtime));
const copyFileSync = (a, b, mode = 0) => binding.copyFile(getValidatedPath(a, 'src'), getValidatedPath(b, 'dest'), mode);
const mkdtempSync = (prefix) => binding.mkdtemp(getValidatedPath(prefix, 'prefix'));
const truncateSync = (p, len = 0) => (typeof p === 'number' ? binding.ftruncate(p, len) : binding.truncate(getValidatedPath(p), len));
const ftruncateSync = (fd, len = 0) => binding.ftruncate(fd, len);
const fsyncSync = (fd) => binding.fsync(fd);

// ---- Callback API: the same ops with a trailing callback ------------------------------------

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

function stat(p, options, cb) {
  if (typeof options === 'function') { cb = options; options = {}; }
  cb = makeCallback(cb);
  binding.stat(getValidatedPath(p), (err, nums) => (err ? cb(err) : cb(null, makeStats(nums, options?.bigint))));
}
function lstat(p, options, cb) {
  if (typeof options === 'function') { cb = options; options = {}; }
  cb = makeCallback(cb);
  binding.lstat(getValidatedPath(p), (err, nums) => (err ? cb(err) : cb(null, makeStats(nums, options?.bigint))));
}
function fstat(fd, options, cb) {
  if (typeof options === 'function') { cb = options; options = {}; }
  cb = makeCallback(cb);
  binding.fstat(fd, (err, nums) => (err ? cb(err) : cb(null, makeStats(nums, options?.bigint))));
}
function readFile(p, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  cb = makeCallback(cb);
  options = getOptions(options, { flag: 'r' });
  const target = typeof p === 'number' ? p : getValidatedPath(p);
  binding.readFile(target, (err, bytes) => (err ? cb(err) : cb(null, encodeResult(bytes, options.encoding))));
}
function writeFile(p, data, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  cb = makeCallback(cb);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding);
  if (typeof p === 'number') {
    binding.write(p, bytes, -1, (err) => cb(err || null));
    return;
  }
  binding.writeFile(getValidatedPath(p), bytes, stringToFlags(options.flag), options.mode, (err) => cb(err || null));
}
function appendFile(p, data, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  writeFile(p, data, { ...options, flag: options.flag || 'a' }, cb);
}
function readdir(p, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  cb = makeCallback(cb);
  options = getOptions(options, { encoding: 'utf8', withFileTypes: false });
  const dir = getValidatedPath(p);
  binding.readdir(dir, !!options.withFileTypes, (err, r) => (err ? cb(err) : cb(null, readdirResult(dir, r, options))));
}
function mkdir(p, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  cb = makeCallback(cb);
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') mode = parseFileMode(options, 'mode');
  else if (options) {
    recursive = !!options.recursive;
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  binding.mkdir(getValidatedPath(p), recursive, mode, (err, r) => (err ? cb(err) : cb(null, recursive ? r : undefined)));
}
function open(p, flags, mode, cb) {
  if (typeof flags === 'function') { cb = flags; flags = 'r'; mode = 0o666; } else if (typeof mode === 'function') { cb = mode; mode = 0o666; }
  cb = makeCallback(cb);
  binding.open(getValidatedPath(p), stringToFlags(flags), parseFileMode(mode, 'mode', 0o666), cb);
}
function close(fd, cb = () => {}) {
  binding.close(fd, (err) => cb(err || null));
}
function read(fd, buffer, offset, length, position, cb) {
  if (typeof buffer === 'function') { cb = buffer; buffer = Buffer.alloc(16384); offset = 0; length = buffer.length; position = -1; }
  cb = makeCallback(cb);
  offset ??= 0;
  length ??= buffer.byteLength - offset;
  const pos = typeof position === 'number' || typeof position === 'bigint' ? Number(position) : -1;
  const u8 = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  binding.readIntoAsync(fd, u8, offset, length, pos, (err, n) => (err ? cb(err) : cb(null, n, buffer)));
}
function write(fd, buffer, offset, length, position, cb) {
  const args = [offset, length, position, cb];
  cb = args.reverse().find((a) => typeof a === 'function');
  cb = makeCallback(cb);
  let bytes;
  let pos = -1;
  if (typeof buffer === 'string') {
    bytes = Buffer.from(buffer, typeof length === 'string' ? length : 'utf8');
    if (typeof offset === 'number') pos = offset;
  } else {
    const off = typeof offset === 'number' ? offset : 0;
    const len = typeof length === 'number' ? length : buffer.byteLength - off;
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset + off, len);
    if (typeof position === 'number') pos = position;
  }
  binding.write(fd, bytes, pos, (err, n) => (err ? cb(err) : cb(null, n, buffer)));
}

function simple(name, fn, nargs) {
  return function(...args) {
    const cb = makeCallback(args[args.length - 1]);
    const real = args.slice(0, Math.min(args.length - 1, nargs));
    fn(...real, (err, v) => (err ? cb(err) : cb(null, v)));
  };
}

const unlink = simple('unlink', (p, cb) => binding.unlink(getValidatedPath(p), cb), 1);
const rename = simple('rename', (a, b, cb) => binding.rename(getValidatedPath(a, 'oldPath'), getValidatedPath(b, 'newPath'), cb), 2);
const rmdir = simple('rmdir', (p, cb) => binding.rmdir(getValidatedPath(p), cb), 1);
const realpath = simple('realpath', (p, cb) => binding.realpath(getValidatedPath(p), cb), 1);
realpath.native = realpath;
const readlink = simple('readlink', (p, cb) => binding.readlink(getValidatedPath(p), cb), 1);
const symlink = simple('symlink', (t, p, cb) => binding.symlink(getValidatedPath(t, 'target'), getValidatedPath(p), cb), 2);
const link = simple('link', (a, b, cb) => binding.link(getValidatedPath(a), getValidatedPath(b), cb), 2);
const chmod = simple('chmod', (p, m, cb) => binding.chmod(getValidatedPath(p), parseFileMode(m, 'mode'), cb), 2);
const fchmod = simple('fchmod', (fd, m, cb) => binding.fchmod(fd, parseFileMode(m, 'mode'), cb), 2);
const chown = simple('chown', (p, u, g, cb) => binding.chown(getValidatedPath(p), u, g, cb), 3);
const utimes = simple('utimes', (p, a, m, cb) => binding.utimes(getValidatedPath(p), toSeconds(a), toSeconds(m), cb), 3);
const futimes = simple('futimes', (fd, a, m, cb) => binding.futimes(fd, toSeconds(a), toSeconds(m), cb), 3);
const mkdtemp = simple('mkdtemp', (p, cb) => binding.mkdtemp(getValidatedPath(p, 'prefix'), cb), 1);
const ftruncate = simple('ftruncate', (fd, len, cb) => binding.ftruncate(fd, typeof len === 'number' ? len : 0, cb), 2);
const truncate = simple('truncate', (p, len, cb) => binding.truncate(getValidatedPath(p), typeof len === 'number' ? len : 0, cb), 2);
const fsync = simple('fsync', (fd, cb) => binding.fsync(fd, cb), 1);
const fdatasync = fsync;

function copyFile(a, b, mode, cb) {
  if (typeof mode === 'function') { cb = mode; mode = 0; }
  cb = makeCallback(cb);
  binding.copyFile(getValidatedPath(a, 'src'), getValidatedPath(b, 'dest'), mode, (err) => cb(err || null));
}
function access(p, mode, cb) {
  if (typeof mode === 'function') { cb = mode; mode = constants.F_OK; }
  cb = makeCallback(cb);
  binding.access(getValidatedPath(p), mode, (err) => cb(err || null));
}
function exists(p, cb) {
  validateFunction(cb, 'cb');
  let target;
  try {
    target = getValidatedPath(p);
  } catch {
    process.nextTick(cb, false);
    return;
  }
  binding.access(target, constants.F_OK, (err) => cb(!err));
}
function rm(p, options, cb) {
  if (typeof options === 'function') { cb = options; options = {}; }
  cb = makeCallback(cb);
  binding.rm(getValidatedPath(p), !!options.recursive, !!options.force, (err) => cb(err || null));
}

// ---- Vectored I/O: the buffers are joined into one write / split from one read ---------

function writevSync(fd, buffers, position) {
  const joined = Buffer.concat(buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
  return binding.write(fd, joined, typeof position === 'number' ? position : -1);
}

function writev(fd, buffers, position, cb) {
  if (typeof position === 'function') { cb = position; position = null; }
  cb = makeCallback(cb);
  const joined = Buffer.concat(buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
  binding.write(fd, joined, typeof position === 'number' ? position : -1,
    (err, n) => (err ? cb(err) : cb(null, n, buffers)));
}

function scatter(bytes, buffers) {
  let off = 0;
  for (const b of buffers) {
    if (off >= bytes.length) break;
    const n = Math.min(b.byteLength, bytes.length - off);
    new Uint8Array(b.buffer, b.byteOffset, n).set(bytes.subarray(off, off + n));
    off += n;
  }
  return off;
}

function readvSync(fd, buffers, position) {
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  return scatter(binding.read(fd, total, typeof position === 'number' ? position : -1), buffers);
}

function readv(fd, buffers, position, cb) {
  if (typeof position === 'function') { cb = position; position = null; }
  cb = makeCallback(cb);
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  binding.read(fd, total, typeof position === 'number' ? position : -1,
    (err, bytes) => (err ? cb(err) : cb(null, scatter(bytes, buffers), buffers)));
}

// ---- Streams (internal/fs/streams.js) ------------------------------------------------------

function createReadStream(path, options) {
  const { ReadStream } = require('internal/fs/streams');
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  const { WriteStream } = require('internal/fs/streams');
  return new WriteStream(path, options);
}

// ---- Promises ---------------------------------------------------------------------------

function promisifyCb(fn) {
  return (...args) => new Promise((resolve, reject) => {
    fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

let promises;
function getPromises() {
  if (promises !== undefined) return promises;
  promises = {
    access: promisifyCb(access),
    appendFile: promisifyCb(appendFile),
    chmod: promisifyCb(chmod),
    chown: promisifyCb(chown),
    copyFile: promisifyCb(copyFile),
    link: promisifyCb(link),
    lstat: promisifyCb(lstat),
    mkdir: promisifyCb(mkdir),
    mkdtemp: promisifyCb(mkdtemp),
    readdir: promisifyCb(readdir),
    readFile: promisifyCb(readFile),
    readlink: promisifyCb(readlink),
    realpath: promisifyCb(realpath),
    rename: promisifyCb(rename),
    rm: promisifyCb(rm),
    rmdir: promisifyCb(rmdir),
    stat: promisifyCb(stat),
    symlink: promisifyCb(symlink),
    truncate: promisifyCb(truncate),
    unlink: promisifyCb(unlink),
    utimes: promisifyCb(utimes),
    writeFile: promisifyCb(writeFile),
    constants,
  };
  notImplemented('fs.promises', ['open', 'opendir', 'watch', 'cp', 'lchown', 'lutimes', 'statfs'], promises);
  return promises;
}

module.exports = notImplemented('fs', [
  'watch', 'watchFile', 'unwatchFile', 'opendir',
  'opendirSync', 'cp', 'cpSync', 'statfs',
  'statfsSync', 'lutimes', 'lutimesSync', 'lchmod', 'lchmodSync', 'openAsBlob', 'fchown',
  'fchownSync', 'fdatasyncSync', 'lchown',
], {
  constants, Stats, Dirent,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  existsSync, accessSync, statSync, lstatSync, fstatSync, openSync, closeSync, readFileSync,
  writeFileSync, appendFileSync, readSync, writeSync, readdirSync, mkdirSync, rmSync, rmdirSync,
  unlinkSync, renameSync, realpathSync, readlinkSync, symlinkSync, linkSync, chmodSync,
  fchmodSync, chownSync, lchownSync, utimesSync, futimesSync, copyFileSync, mkdtempSync,
  truncateSync, ftruncateSync, fsyncSync,
  stat, lstat, fstat, readFile, writeFile, appendFile, readdir, mkdir, open, close, read, write,
  unlink, rename, rmdir, realpath, readlink, symlink, link, chmod, fchmod, chown, utimes,
  futimes, mkdtemp, ftruncate, truncate, fsync, fdatasync, copyFile, access, exists, rm,
  writev, writevSync, readv, readvSync, createReadStream, createWriteStream,
});
for (const name of ['ReadStream', 'WriteStream', 'FileReadStream', 'FileWriteStream']) {
  Object.defineProperty(module.exports, name, {
    enumerable: true,
    configurable: true,
    get() { return require('internal/fs/streams')[name.replace('File', '')]; },
  });
}
Object.defineProperty(module.exports, 'promises', {
  enumerable: true, configurable: true, get: getPromises,
});
