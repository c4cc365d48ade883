// The `os` module: a thin JS layer over internalBinding('os').
//
// Binding contract (runtime/src/ops/os.rs): getHostname(), getOSInformation() →
// [sysname, version, release, machine], getLoadAvg() → [3 numbers], getUptime(),
// getTotalMem(), getFreeMem(), getCPUs() → [{ model, speed, times }],
// getAvailableParallelism(), getHomeDirectory(), getUserInfo() → { uid, gid, username,
// homedir, shell } (throws an errno error on failure), getInterfaceAddresses() →
// [[name, address, netmask, family, mac, internal, scopeid (-1 for IPv4)], ...],
// getPriority(pid) → priority or (-errno - 10000), setPriority(pid, prio) → 0 or -errno.
// Failures become Node's ERR_SYSTEM_ERROR.
'use strict';

const {
  codes: { ERR_SYSTEM_ERROR },
  uvErrmapGet,
} = require('internal/errors');
const { validateInt32 } = require('internal/validators');

const binding = internalBinding('os');

// ERR_SYSTEM_ERROR for a failed libuv-style call; `errno` is negative.
function systemError(errno, syscall) {
  const [code, message] = uvErrmapGet(errno) || ['UNKNOWN', 'unknown error'];
  return new ERR_SYSTEM_ERROR({ errno, code, message, syscall });
}

// Node's wrappers of these are named `wrappedFn` (visible as e.g. `os.hostname.name`).
const getHostname = function wrappedFn() {
  return binding.getHostname();
};

const getUptime = function wrappedFn() {
  return binding.getUptime();
};

// $HOME wins (even when empty), as in libuv's uv_os_homedir(); it is read through
// process.env so changes made by the program are seen.
const getHomeDirectory = function wrappedFn() {
  const home = process.env.HOME;
  if (home !== undefined) return home;
  return binding.getHomeDirectory();
};

function getFreeMem() {
  return binding.getFreeMem();
}

function getTotalMem() {
  return binding.getTotalMem();
}

function getAvailableParallelism() {
  return binding.getAvailableParallelism();
}

// uname(2) does not change while the process runs: ask once, on first use.
let osInformation;
function osInfo() {
  osInformation ??= binding.getOSInformation();
  return osInformation;
}

const getOSType = () => osInfo()[0];
const getOSVersion = () => osInfo()[1];
const getOSRelease = () => osInfo()[2];
const getMachine = () => osInfo()[3];

const kEndianness = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

function arch() {
  return process.arch;
}

function platform() {
  return process.platform;
}

function endianness() {
  return kEndianness;
}

// The functions that return a single value also convert to it (`${os.hostname}`).
arch[Symbol.toPrimitive] = () => process.arch;
getAvailableParallelism[Symbol.toPrimitive] = () => getAvailableParallelism();
endianness[Symbol.toPrimitive] = () => kEndianness;
getFreeMem[Symbol.toPrimitive] = () => getFreeMem();
getHomeDirectory[Symbol.toPrimitive] = () => getHomeDirectory();
getHostname[Symbol.toPrimitive] = () => getHostname();
platform[Symbol.toPrimitive] = () => process.platform;
getOSRelease[Symbol.toPrimitive] = () => getOSRelease();
tmpdir[Symbol.toPrimitive] = () => tmpdir();
getTotalMem[Symbol.toPrimitive] = () => getTotalMem();
getOSType[Symbol.toPrimitive] = () => getOSType();
getUptime[Symbol.toPrimitive] = () => getUptime();
getOSVersion[Symbol.toPrimitive] = () => getOSVersion();
getMachine[Symbol.toPrimitive] = () => getMachine();

function loadavg() {
  const values = binding.getLoadAvg();
  return [values[0], values[1], values[2]];
}

function cpus() {
  const data = binding.getCPUs() || [];
  const result = [];
  for (const cpu of data) {
    const { times } = cpu;
    result.push({
      model: cpu.model,
      speed: cpu.speed,
      times: {
        user: times.user,
        nice: times.nice,
        sys: times.sys,
        idle: times.idle,
        irq: times.irq,
      },
    });
  }
  return result;
}

// `address/prefix` from a netmask, or null when the mask's ones are not contiguous.
function getCIDR(address, netmask, family) {
  const isV6 = family === 'IPv6';
  const groupBits = isV6 ? 16 : 8;
  let ones = 0;
  let seenZero = false;
  for (const part of netmask.split(isV6 ? ':' : '.')) {
    // `::` leaves empty groups, which are zeros.
    if (part === '') continue;
    const value = Number.parseInt(part, isV6 ? 16 : 10);
    for (let bit = groupBits - 1; bit >= 0; bit--) {
      if ((value >> bit) & 1) {
        if (seenZero) return null;
        ones++;
      } else {
        seenZero = true;
      }
    }
  }
  return `${address}/${ones}`;
}

function networkInterfaces() {
  const data = binding.getInterfaceAddresses();
  const result = {};
  if (data === undefined) return result;
  for (const [name, address, netmask, family, mac, internal, scopeid] of data) {
    const entry = {
      address,
      netmask,
      family,
      mac,
      internal,
      cidr: getCIDR(address, netmask, family),
    };
    if (scopeid !== -1) entry.scopeid = scopeid;
    const existing = result[name];
    if (existing !== undefined) existing.push(entry);
    else result[name] = [entry];
  }
  return result;
}

function tmpdir() {
  const env = process.env;
  const path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  // A trailing slash is dropped, except for the root itself.
  if (path.length > 1 && path.endsWith('/')) return path.slice(0, -1);
  return path;
}

// Encoding names as Node's C++ ParseEncoding reads them; unknown ones mean utf8.
function userInfoEncoding(value) {
  if (typeof value !== 'string') return 'utf8';
  switch (value.toLowerCase()) {
    case 'buffer': return 'buffer';
    case 'ascii': return 'ascii';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'latin1':
    case 'binary': return 'latin1';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le': return 'utf16le';
    default: return 'utf8';
  }
}

function encodeUserInfoString(str, encoding) {
  if (typeof str !== 'string' || encoding === 'utf8') return str;
  const { Buffer } = require('buffer');
  const bytes = Buffer.from(str, 'utf8');
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  // Read before the system call, as Node does (a throwing getter propagates).
  const encoding = options === null ? 'utf8' : userInfoEncoding(options.encoding);
  let user;
  try {
    user = binding.getUserInfo();
  } catch (err) {
    throw systemError(err.errno, err.syscall);
  }
  return {
    uid: user.uid,
    gid: user.gid,
    username: encodeUserInfoString(user.username, encoding),
    homedir: encodeUserInfoString(user.homedir, encoding),
    shell: encodeUserInfoString(user.shell, encoding),
  };
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  const priority = binding.getPriority(pid);
  // Failures come back as -errno - 10000 (priorities are within -20..19).
  if (priority <= -10000) throw systemError(priority + 10000, 'uv_os_getpriority');
  return priority;
}

function setPriority(pid, priority) {
  // setPriority(priority) applies to the current process.
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const result = binding.setPriority(pid, priority);
  if (result !== 0) throw systemError(result, 'uv_os_setpriority');
}

// ---- constants (Linux x64 values, as Node reports them) ----------------------------------

// A null-prototype object whose entries are read-only, like Node's native constants.
function readOnlyTable(entries) {
  const table = { __proto__: null };
  for (const [name, value] of entries) {
    Object.defineProperty(table, name, {
      value, writable: false, enumerable: true, configurable: false,
    });
  }
  return table;
}

const constants = { __proto__: null };
Object.defineProperty(constants, 'UV_UDP_REUSEADDR', {
  value: 4, writable: false, enumerable: true, configurable: false,
});
constants.dlopen = readOnlyTable([
  ['RTLD_LAZY', 1], ['RTLD_NOW', 2], ['RTLD_GLOBAL', 256], ['RTLD_LOCAL', 0],
  ['RTLD_DEEPBIND', 8],
]);
constants.errno = readOnlyTable([
  ['E2BIG', 7], ['EACCES', 13], ['EADDRINUSE', 98], ['EADDRNOTAVAIL', 99],
  ['EAFNOSUPPORT', 97], ['EAGAIN', 11], ['EALREADY', 114], ['EBADF', 9], ['EBADMSG', 74],
  ['EBUSY', 16], ['ECANCELED', 125], ['ECHILD', 10], ['ECONNABORTED', 103],
  ['ECONNREFUSED', 111], ['ECONNRESET', 104], ['EDEADLK', 35], ['EDESTADDRREQ', 89],
  ['EDOM', 33], ['EDQUOT', 122], ['EEXIST', 17], ['EFAULT', 14], ['EFBIG', 27],
  ['EHOSTUNREACH', 113], ['EIDRM', 43], ['EILSEQ', 84], ['EINPROGRESS', 115], ['EINTR', 4],
  ['EINVAL', 22], ['EIO', 5], ['EISCONN', 106], ['EISDIR', 21], ['ELOOP', 40],
  ['EMFILE', 24], ['EMLINK', 31], ['EMSGSIZE', 90], ['EMULTIHOP', 72],
  ['ENAMETOOLONG', 36], ['ENETDOWN', 100], ['ENETRESET', 102], ['ENETUNREACH', 101],
  ['ENFILE', 23], ['ENOBUFS', 105], ['ENODATA', 61], ['ENODEV', 19], ['ENOENT', 2],
  ['ENOEXEC', 8], ['ENOLCK', 37], ['ENOLINK', 67], ['ENOMEM', 12], ['ENOMSG', 42],
  ['ENOPROTOOPT', 92], ['ENOSPC', 28], ['ENOSR', 63], ['ENOSTR', 60], ['ENOSYS', 38],
  ['ENOTCONN', 107], ['ENOTDIR', 20], ['ENOTEMPTY', 39], ['ENOTSOCK', 88],
  ['ENOTSUP', 95], ['ENOTTY', 25], ['ENXIO', 6], ['EOPNOTSUPP', 95], ['EOVERFLOW', 75],
  ['EPERM', 1], ['EPIPE', 32], ['EPROTO', 71], ['EPROTONOSUPPORT', 93],
  ['EPROTOTYPE', 91], ['ERANGE', 34], ['EROFS', 30], ['ESPIPE', 29], ['ESRCH', 3],
  ['ESTALE', 116], ['ETIME', 62], ['ETIMEDOUT', 110], ['ETXTBSY', 26],
  ['EWOULDBLOCK', 11], ['EXDEV', 18],
]);
constants.signals = readOnlyTable([
  ['SIGHUP', 1], ['SIGINT', 2], ['SIGQUIT', 3], ['SIGILL', 4], ['SIGTRAP', 5],
  ['SIGABRT', 6], ['SIGIOT', 6], ['SIGBUS', 7], ['SIGFPE', 8], ['SIGKILL', 9],
  ['SIGUSR1', 10], ['SIGSEGV', 11], ['SIGUSR2', 12], ['SIGPIPE', 13], ['SIGALRM', 14],
  ['SIGTERM', 15], ['SIGCHLD', 17], ['SIGSTKFLT', 16], ['SIGCONT', 18], ['SIGSTOP', 19],
  ['SIGTSTP', 20], ['SIGTTIN', 21], ['SIGTTOU', 22], ['SIGURG', 23], ['SIGXCPU', 24],
  ['SIGXFSZ', 25], ['SIGVTALRM', 26], ['SIGPROF', 27], ['SIGWINCH', 28], ['SIGIO', 29],
  ['SIGPOLL', 29], ['SIGPWR', 30], ['SIGSYS', 31],
]);
constants.priority = readOnlyTable([
  ['PRIORITY_LOW', 19], ['PRIORITY_BELOW_NORMAL', 10], ['PRIORITY_NORMAL', 0],
  ['PRIORITY_ABOVE_NORMAL', -7], ['PRIORITY_HIGH', -14], ['PRIORITY_HIGHEST', -20],
]);

module.exports = {
  arch,
  availableParallelism: getAvailableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir: getHomeDirectory,
  hostname: getHostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime: getUptime,
  version: getOSVersion,
  machine: getMachine,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
