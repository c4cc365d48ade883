//! `internalBinding('fs')`: file system ops. Every op runs synchronously, or on the blocking
//! pool when its last argument is a callback (`cb(err, value)` in the poll phase).
//! Errors carry Node's errno/code/syscall/path (see bindings::errno_error).

use crate::bindings::{arg_bytes, errno_error, op, OpFn, Scope};
use crate::event_loop::{state, OpError, OpResult, OpValue};
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// One file system request, fully owned so it can run on another thread.
enum Req {
    Open(String, i32, u32),
    Close(i32),
    Read(i32, usize, i64),
    Write(i32, Vec<u8>, i64),
    ReadFile(String),
    ReadFileFd(i32),
    WriteFile(String, Vec<u8>, i32, u32),
    Stat(String, bool),
    Fstat(i32),
    Readdir(String, bool),
    Mkdir(String, bool, u32),
    Rmdir(String),
    Rm(String, bool, bool),
    Unlink(String),
    Rename(String, String),
    Realpath(String),
    Readlink(String),
    Symlink(String, String),
    Link(String, String),
    Chmod(String, u32),
    Fchmod(i32, u32),
    Chown(String, u32, u32, bool),
    Utimes(String, f64, f64),
    Futimes(i32, f64, f64),
    CopyFile(String, String, i32),
    Access(String, i32),
    Mkdtemp(String),
    Truncate(String, i64),
    Ftruncate(i32, i64),
    Fsync(i32),
}

fn err(e: std::io::Error, syscall: &'static str, path: &str) -> OpError {
    OpError::io(e, syscall, Some(path.to_string()))
}

fn err2(e: std::io::Error, syscall: &'static str, path: &str, dest: &str) -> OpError {
    OpError {
        errno: crate::bindings::io_errno(&e),
        syscall,
        path: Some(path.to_string()),
        dest: Some(dest.to_string()),
    }
}

fn fd_err(e: std::io::Error, syscall: &'static str) -> OpError {
    OpError::io(e, syscall, None)
}

fn cpath(p: &str) -> std::io::Result<CString> {
    CString::new(p.as_bytes()).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))
}

fn check(r: libc::c_int) -> std::io::Result<libc::c_int> {
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn ms(secs: i64, nsecs: i64) -> f64 {
    secs as f64 * 1000.0 + nsecs as f64 / 1e6
}

/// [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs]
fn stat_numbers(m: &std::fs::Metadata) -> Vec<f64> {
    let birth = m
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_else(|| ms(m.ctime(), m.ctime_nsec()));
    vec![
        m.dev() as f64,
        m.mode() as f64,
        m.nlink() as f64,
        m.uid() as f64,
        m.gid() as f64,
        m.rdev() as f64,
        m.blksize() as f64,
        m.ino() as f64,
        m.size() as f64,
        m.blocks() as f64,
        ms(m.atime(), m.atime_nsec()),
        ms(m.mtime(), m.mtime_nsec()),
        ms(m.ctime(), m.ctime_nsec()),
        birth,
    ]
}

fn fd_read(fd: i32, len: usize, pos: i64) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0u8; len];
    let n = loop {
        // SAFETY: buf has `len` writable bytes.
        let n = unsafe {
            if pos >= 0 {
                libc::pread(fd, buf.as_mut_ptr() as *mut libc::c_void, len, pos)
            } else {
                libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, len)
            }
        };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        break n as usize;
    };
    buf.truncate(n);
    Ok(buf)
}

fn fd_write(fd: i32, data: &[u8], pos: i64) -> std::io::Result<usize> {
    loop {
        // SAFETY: data is a readable slice.
        let n = unsafe {
            if pos >= 0 {
                libc::pwrite(fd, data.as_ptr() as *const libc::c_void, data.len(), pos)
            } else {
                libc::write(fd, data.as_ptr() as *const libc::c_void, data.len())
            }
        };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        return Ok(n as usize);
    }
}

fn open_fd(path: &str, flags: i32, mode: u32) -> std::io::Result<i32> {
    let c = cpath(path)?;
    // SAFETY: c is a valid NUL-terminated path.
    check(unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) })
}

fn read_all_fd(fd: i32) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let chunk = fd_read(fd, 64 * 1024, -1)?;
        if chunk.is_empty() {
            return Ok(out);
        }
        out.extend_from_slice(&chunk);
    }
}

fn rm_recursive(p: &Path) -> std::io::Result<()> {
    let m = std::fs::symlink_metadata(p)?;
    if m.is_dir() {
        std::fs::remove_dir_all(p)
    } else {
        std::fs::remove_file(p)
    }
}

fn file_type_code(t: std::fs::FileType) -> f64 {
    // Node's UV_DIRENT_* values.
    if t.is_file() {
        1.0
    } else if t.is_dir() {
        2.0
    } else if t.is_symlink() {
        3.0
    } else if t.is_fifo() {
        4.0
    } else if t.is_socket() {
        5.0
    } else if t.is_char_device() {
        6.0
    } else if t.is_block_device() {
        7.0
    } else {
        0.0
    }
}

fn exec(req: Req) -> OpResult {
    use OpValue::*;
    match req {
        Req::Open(p, flags, mode) => open_fd(&p, flags, mode)
            .map(|fd| Number(fd as f64))
            .map_err(|e| err(e, "open", &p)),
        Req::Close(fd) => {
            // SAFETY: closing an fd number has no memory effects.
            check(unsafe { libc::close(fd) })
                .map(|_| Undefined)
                .map_err(|e| fd_err(e, "close"))
        }
        Req::Read(fd, len, pos) => fd_read(fd, len, pos)
            .map(Bytes)
            .map_err(|e| fd_err(e, "read")),
        Req::Write(fd, data, pos) => fd_write(fd, &data, pos)
            .map(|n| Number(n as f64))
            .map_err(|e| fd_err(e, "write")),
        Req::ReadFile(p) => {
            use std::io::Read;
            let mut file = std::fs::File::open(&p).map_err(|e| err(e, "open", &p))?;
            // One allocation of the right size (regular files report their length).
            let size = file.metadata().map(|m| m.len() as usize).unwrap_or(0);
            let mut data = Vec::with_capacity(size + 1);
            file.read_to_end(&mut data).map_err(|e| fd_err(e, "read"))?;
            if data.len() > 0x7fff_ffff {
                return Err(OpError {
                    errno: 0,
                    syscall: "read",
                    path: None,
                    dest: None,
                });
            }
            Ok(Bytes(data))
        }
        Req::ReadFileFd(fd) => read_all_fd(fd).map(Bytes).map_err(|e| fd_err(e, "read")),
        Req::WriteFile(p, data, flags, mode) => {
            let fd = open_fd(&p, flags, mode).map_err(|e| err(e, "open", &p))?;
            let mut off = 0;
            let mut result = Ok(Undefined);
            while off < data.len() {
                match fd_write(fd, &data[off..], -1) {
                    Ok(n) => off += n,
                    Err(e) => {
                        result = Err(fd_err(e, "write"));
                        break;
                    }
                }
            }
            // SAFETY: fd was opened above.
            unsafe { libc::close(fd) };
            result
        }
        Req::Stat(p, follow) => {
            let m = if follow {
                std::fs::metadata(&p)
            } else {
                std::fs::symlink_metadata(&p)
            };
            m.map(|m| Numbers(stat_numbers(&m)))
                .map_err(|e| err(e, if follow { "stat" } else { "lstat" }, &p))
        }
        Req::Fstat(fd) => {
            // SAFETY: fstat writes one struct stat.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            check(unsafe { libc::fstat(fd, &mut st) }).map_err(|e| fd_err(e, "fstat"))?;
            Ok(Numbers(vec![
                st.st_dev as f64,
                st.st_mode as f64,
                st.st_nlink as f64,
                st.st_uid as f64,
                st.st_gid as f64,
                st.st_rdev as f64,
                st.st_blksize as f64,
                st.st_ino as f64,
                st.st_size as f64,
                st.st_blocks as f64,
                ms(st.st_atime, st.st_atime_nsec),
                ms(st.st_mtime, st.st_mtime_nsec),
                ms(st.st_ctime, st.st_ctime_nsec),
                ms(st.st_ctime, st.st_ctime_nsec),
            ]))
        }
        Req::Readdir(p, types) => {
            let rd = std::fs::read_dir(&p).map_err(|e| err(e, "scandir", &p))?;
            let mut names = Vec::new();
            let mut kinds = Vec::new();
            for entry in rd {
                let entry = entry.map_err(|e| err(e, "scandir", &p))?;
                names.push(entry.file_name().to_string_lossy().into_owned());
                if types {
                    kinds.push(entry.file_type().map(file_type_code).unwrap_or(0.0));
                }
            }
            if types {
                Ok(Pair(Box::new(Strings(names)), Box::new(Numbers(kinds))))
            } else {
                Ok(Strings(names))
            }
        }
        Req::Mkdir(p, recursive, mode) => {
            if recursive {
                // Returns the first directory created, as Node does.
                let mut first = None;
                let mut cur = PathBuf::from(&p);
                let mut missing = Vec::new();
                while !cur.exists() {
                    missing.push(cur.clone());
                    if !cur.pop() {
                        break;
                    }
                }
                if let Some(f) = missing.last() {
                    first = Some(f.to_string_lossy().into_owned());
                }
                std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(mode)
                    .create(&p)
                    .map_err(|e| err(e, "mkdir", &p))?;
                if let Ok(m) = std::fs::metadata(&p) {
                    if !m.is_dir() {
                        return Err(err(
                            std::io::Error::from_raw_os_error(libc::EEXIST),
                            "mkdir",
                            &p,
                        ));
                    }
                }
                Ok(first.map(String).unwrap_or(Undefined))
            } else {
                std::fs::DirBuilder::new()
                    .mode(mode)
                    .create(&p)
                    .map(|_| Undefined)
                    .map_err(|e| err(e, "mkdir", &p))
            }
        }
        Req::Rmdir(p) => std::fs::remove_dir(&p)
            .map(|_| Undefined)
            .map_err(|e| err(e, "rmdir", &p)),
        Req::Rm(p, recursive, force) => {
            let m = match std::fs::symlink_metadata(&p) {
                Ok(m) => m,
                Err(e) if force && e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(Undefined)
                }
                Err(e) => return Err(err(e, "lstat", &p)),
            };
            if m.is_dir() {
                if !recursive {
                    return Err(OpError {
                        errno: libc::EISDIR,
                        syscall: "rm",
                        path: Some(p),
                        dest: None,
                    });
                }
                rm_recursive(Path::new(&p))
                    .map(|_| Undefined)
                    .map_err(|e| err(e, "rm", &p))
            } else {
                std::fs::remove_file(&p)
                    .map(|_| Undefined)
                    .map_err(|e| err(e, "unlink", &p))
            }
        }
        Req::Unlink(p) => std::fs::remove_file(&p)
            .map(|_| Undefined)
            .map_err(|e| err(e, "unlink", &p)),
        Req::Rename(a, b) => std::fs::rename(&a, &b)
            .map(|_| Undefined)
            .map_err(|e| err2(e, "rename", &a, &b)),
        Req::Realpath(p) => std::fs::canonicalize(&p)
            .map(|r| String(r.to_string_lossy().into_owned()))
            .map_err(|e| err(e, "realpath", &p)),
        Req::Readlink(p) => std::fs::read_link(&p)
            .map(|r| String(r.to_string_lossy().into_owned()))
            .map_err(|e| err(e, "readlink", &p)),
        Req::Symlink(target, p) => std::os::unix::fs::symlink(&target, &p)
            .map(|_| Undefined)
            .map_err(|e| err2(e, "symlink", &target, &p)),
        Req::Link(a, b) => std::fs::hard_link(&a, &b)
            .map(|_| Undefined)
            .map_err(|e| err2(e, "link", &a, &b)),
        Req::Chmod(p, mode) => std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode))
            .map(|_| Undefined)
            .map_err(|e| err(e, "chmod", &p)),
        Req::Fchmod(fd, mode) => {
            // SAFETY: no memory effects.
            check(unsafe { libc::fchmod(fd, mode) })
                .map(|_| Undefined)
                .map_err(|e| fd_err(e, "fchmod"))
        }
        Req::Chown(p, uid, gid, follow) => {
            let c = cpath(&p).map_err(|e| err(e, "chown", &p))?;
            // SAFETY: c is a valid path.
            let r = unsafe {
                if follow {
                    libc::chown(c.as_ptr(), uid, gid)
                } else {
                    libc::lchown(c.as_ptr(), uid, gid)
                }
            };
            check(r)
                .map(|_| Undefined)
                .map_err(|e| err(e, if follow { "chown" } else { "lchown" }, &p))
        }
        Req::Utimes(p, atime, mtime) => {
            let c = cpath(&p).map_err(|e| err(e, "utime", &p))?;
            let times = [timespec(atime), timespec(mtime)];
            // SAFETY: valid path and two timespecs.
            check(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), 0) })
                .map(|_| Undefined)
                .map_err(|e| err(e, "utime", &p))
        }
        Req::Futimes(fd, atime, mtime) => {
            let times = [timespec(atime), timespec(mtime)];
            // SAFETY: two valid timespecs.
            check(unsafe { libc::futimens(fd, times.as_ptr()) })
                .map(|_| Undefined)
                .map_err(|e| fd_err(e, "futime"))
        }
        Req::CopyFile(a, b, mode) => {
            // COPYFILE_EXCL = 1
            if mode & 1 != 0 && Path::new(&b).exists() {
                return Err(err2(
                    std::io::Error::from_raw_os_error(libc::EEXIST),
                    "copyfile",
                    &a,
                    &b,
                ));
            }
            std::fs::copy(&a, &b)
                .map(|_| Undefined)
                .map_err(|e| err2(e, "copyfile", &a, &b))
        }
        Req::Access(p, mode) => {
            let c = cpath(&p).map_err(|e| err(e, "access", &p))?;
            // SAFETY: valid path.
            check(unsafe { libc::access(c.as_ptr(), mode) })
                .map(|_| Undefined)
                .map_err(|e| err(e, "access", &p))
        }
        Req::Mkdtemp(prefix) => {
            let mut tmpl = prefix.clone().into_bytes();
            tmpl.extend_from_slice(b"XXXXXX\0");
            // SAFETY: tmpl is NUL-terminated and writable.
            let r = unsafe { libc::mkdtemp(tmpl.as_mut_ptr() as *mut libc::c_char) };
            if r.is_null() {
                return Err(err(
                    std::io::Error::last_os_error(),
                    "mkdtemp",
                    &format!("{prefix}XXXXXX"),
                ));
            }
            tmpl.pop();
            Ok(String(
                std::string::String::from_utf8_lossy(&tmpl).into_owned(),
            ))
        }
        Req::Truncate(p, len) => {
            let c = cpath(&p).map_err(|e| err(e, "open", &p))?;
            // SAFETY: valid path.
            check(unsafe { libc::truncate(c.as_ptr(), len) })
                .map(|_| Undefined)
                .map_err(|e| err(e, "open", &p))
        }
        Req::Ftruncate(fd, len) => {
            // SAFETY: no memory effects.
            check(unsafe { libc::ftruncate(fd, len) })
                .map(|_| Undefined)
                .map_err(|e| fd_err(e, "ftruncate"))
        }
        Req::Fsync(fd) => {
            // SAFETY: no memory effects.
            check(unsafe { libc::fsync(fd) })
                .map(|_| Undefined)
                .map_err(|e| fd_err(e, "fsync"))
        }
    }
}

fn timespec(secs: f64) -> libc::timespec {
    let s = secs.floor();
    libc::timespec {
        tv_sec: s as libc::time_t,
        tv_nsec: ((secs - s) * 1e9) as libc::c_long,
    }
}

/// Runs `req` now (returning the value or throwing) or, with a callback, on the pool.
fn dispatch(
    scope: &mut Scope,
    args: &v8::FunctionCallbackArguments,
    rv: &mut v8::ReturnValue<v8::Value>,
    req: Req,
) {
    let last = args.get(args.length() - 1);
    if let Ok(cb) = v8::Local::<v8::Function>::try_from(last) {
        let st = state(scope);
        let id = st.register_callback(v8::Global::new(scope, cb));
        st.spawn_blocking(id, move || exec(req));
        return;
    }
    match exec(req) {
        Ok(v) => {
            let v = crate::event_loop::op_value(scope, v);
            rv.set(v);
        }
        Err(e) => {
            let exc = errno_error(
                scope,
                e.errno,
                e.syscall,
                e.path.as_deref(),
                e.dest.as_deref(),
            );
            scope.throw_exception(exc);
        }
    }
}

fn s(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> String {
    args.get(i).to_rust_string_lossy(scope)
}

fn n(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> f64 {
    args.get(i).number_value(scope).unwrap_or(0.0)
}

fn b(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> bool {
    args.get(i).boolean_value(scope)
}

/// Bytes of a Uint8Array argument, or the UTF-8 of a string argument.
fn data(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> Vec<u8> {
    match arg_bytes(args, i) {
        Some(bytes) => bytes.to_vec(),
        None => s(scope, args, i).into_bytes(),
    }
}

macro_rules! op {
    ($name:ident, |$scope:ident, $args:ident| $req:expr) => {
        fn $name(
            $scope: &mut Scope,
            $args: v8::FunctionCallbackArguments,
            mut rv: v8::ReturnValue<v8::Value>,
        ) {
            let req = $req;
            dispatch($scope, &$args, &mut rv, req);
        }
    };
}

op!(open, |sc, a| Req::Open(
    s(sc, &a, 0),
    n(sc, &a, 1) as i32,
    n(sc, &a, 2) as u32
));
op!(close, |sc, a| Req::Close(n(sc, &a, 0) as i32));
op!(read, |sc, a| Req::Read(
    n(sc, &a, 0) as i32,
    n(sc, &a, 1) as usize,
    n(sc, &a, 2) as i64
));
op!(write, |sc, a| Req::Write(
    n(sc, &a, 0) as i32,
    data(sc, &a, 1),
    n(sc, &a, 2) as i64
));
op!(read_file, |sc, a| {
    if a.get(0).is_number() {
        Req::ReadFileFd(n(sc, &a, 0) as i32)
    } else {
        Req::ReadFile(s(sc, &a, 0))
    }
});
op!(write_file, |sc, a| Req::WriteFile(
    s(sc, &a, 0),
    data(sc, &a, 1),
    n(sc, &a, 2) as i32,
    n(sc, &a, 3) as u32
));
op!(stat, |sc, a| Req::Stat(s(sc, &a, 0), true));
op!(lstat, |sc, a| Req::Stat(s(sc, &a, 0), false));
op!(fstat, |sc, a| Req::Fstat(n(sc, &a, 0) as i32));
op!(readdir, |sc, a| Req::Readdir(s(sc, &a, 0), b(sc, &a, 1)));
op!(mkdir, |sc, a| Req::Mkdir(
    s(sc, &a, 0),
    b(sc, &a, 1),
    n(sc, &a, 2) as u32
));
op!(rmdir, |sc, a| Req::Rmdir(s(sc, &a, 0)));
op!(rm, |sc, a| Req::Rm(
    s(sc, &a, 0),
    b(sc, &a, 1),
    b(sc, &a, 2)
));
op!(unlink, |sc, a| Req::Unlink(s(sc, &a, 0)));
op!(rename, |sc, a| Req::Rename(s(sc, &a, 0), s(sc, &a, 1)));
op!(realpath, |sc, a| Req::Realpath(s(sc, &a, 0)));
op!(readlink, |sc, a| Req::Readlink(s(sc, &a, 0)));
op!(symlink, |sc, a| Req::Symlink(s(sc, &a, 0), s(sc, &a, 1)));
op!(link, |sc, a| Req::Link(s(sc, &a, 0), s(sc, &a, 1)));
op!(chmod, |sc, a| Req::Chmod(s(sc, &a, 0), n(sc, &a, 1) as u32));
op!(fchmod, |sc, a| Req::Fchmod(
    n(sc, &a, 0) as i32,
    n(sc, &a, 1) as u32
));
op!(chown, |sc, a| Req::Chown(
    s(sc, &a, 0),
    n(sc, &a, 1) as u32,
    n(sc, &a, 2) as u32,
    true
));
op!(lchown, |sc, a| Req::Chown(
    s(sc, &a, 0),
    n(sc, &a, 1) as u32,
    n(sc, &a, 2) as u32,
    false
));
op!(utimes, |sc, a| Req::Utimes(
    s(sc, &a, 0),
    n(sc, &a, 1),
    n(sc, &a, 2)
));
op!(futimes, |sc, a| Req::Futimes(
    n(sc, &a, 0) as i32,
    n(sc, &a, 1),
    n(sc, &a, 2)
));
op!(copy_file, |sc, a| Req::CopyFile(
    s(sc, &a, 0),
    s(sc, &a, 1),
    n(sc, &a, 2) as i32
));
op!(access, |sc, a| Req::Access(
    s(sc, &a, 0),
    n(sc, &a, 1) as i32
));
op!(mkdtemp, |sc, a| Req::Mkdtemp(s(sc, &a, 0)));
op!(truncate, |sc, a| Req::Truncate(
    s(sc, &a, 0),
    n(sc, &a, 1) as i64
));
op!(ftruncate, |sc, a| Req::Ftruncate(
    n(sc, &a, 0) as i32,
    n(sc, &a, 1) as i64
));
op!(fsync, |sc, a| Req::Fsync(n(sc, &a, 0) as i32));

/// `readInto(fd, u8, offset, length, position)` → bytes read, synchronously into JS memory.
fn read_into(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let fd = n(scope, &args, 0) as i32;
    let off = n(scope, &args, 2) as usize;
    let len = n(scope, &args, 3) as usize;
    let pos = n(scope, &args, 4) as i64;
    let Some(buf) = arg_bytes(&args, 1) else {
        return;
    };
    let end = off.saturating_add(len).min(buf.len());
    let target = &mut buf[off.min(end)..end];
    let r = loop {
        // SAFETY: target is a writable slice of JS memory; no JS runs during the call.
        let r = unsafe {
            if pos >= 0 {
                libc::pread(
                    fd,
                    target.as_mut_ptr() as *mut libc::c_void,
                    target.len(),
                    pos,
                )
            } else {
                libc::read(fd, target.as_mut_ptr() as *mut libc::c_void, target.len())
            }
        };
        if r < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    if r < 0 {
        let e = std::io::Error::last_os_error();
        crate::bindings::throw_io(scope, &e, "read", None, None);
    } else {
        rv.set(v8::Number::new(scope, r as f64).into());
    }
}

/// `readFileUtf8(path)` → the file as a string (the CommonJS loader's read: one copy, no
/// Buffer in between).
fn read_file_utf8(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let p = s(scope, &args, 0);
    match std::fs::read(&p) {
        Ok(bytes) => match v8::String::new_from_utf8(scope, &bytes, v8::NewStringType::Normal) {
            Some(text) => rv.set(text.into()),
            None => crate::bindings::throw_error(
                scope,
                "Cannot create a string longer than 0x1fffffe8 characters",
            ),
        },
        Err(e) => {
            let err = errno_error(scope, crate::bindings::io_errno(&e), "open", Some(&p), None);
            scope.throw_exception(err);
        }
    }
}

/// A JS buffer's memory handed to a pool thread: the backing store stays alive (its
/// refcount is held) until the read completes.
struct BufferTarget {
    _store: v8::SharedRef<v8::BackingStore>,
    ptr: usize,
    len: usize,
}

// SAFETY: the backing store's reference count is atomic (std::shared_ptr), so the handle may
// move to another thread; the bytes stay valid while it is held. JS touching the buffer
// during the read races exactly as it does in Node (libuv also reads into JS memory).
unsafe impl Send for BufferTarget {}

/// `readIntoAsync(fd, u8, offset, length, position, cb)`: reads on the pool straight into
/// the JS buffer (no intermediate allocation), then `cb(err, bytesRead)`.
fn read_into_async(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let fd = n(scope, &args, 0) as i32;
    let off = n(scope, &args, 2).max(0.0) as usize;
    let len = n(scope, &args, 3).max(0.0) as usize;
    let pos = n(scope, &args, 4) as i64;
    let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(args.get(1)) else {
        return;
    };
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(5)) else {
        return;
    };
    let Some(ab) = view.buffer(scope) else { return };
    let store = ab.get_backing_store();
    let Some(base) = store.data() else { return };
    let view_len = view.byte_length();
    let start = (view.byte_offset() + off.min(view_len)) as isize;
    let len = len.min(view_len.saturating_sub(off));
    // SAFETY: `start` stays inside the view, which lies inside the backing store.
    let ptr = unsafe { (base.as_ptr() as *mut u8).offset(start) } as usize;
    let target = BufferTarget {
        _store: store,
        ptr,
        len,
    };
    let st = state(scope);
    let id = st.register_callback(v8::Global::new(scope, cb));
    st.spawn_blocking(id, move || {
        let target = target;
        loop {
            // SAFETY: ptr..ptr+len is inside the backing store kept alive by `target`.
            let r = unsafe {
                if pos >= 0 {
                    libc::pread(fd, target.ptr as *mut libc::c_void, target.len, pos)
                } else {
                    libc::read(fd, target.ptr as *mut libc::c_void, target.len)
                }
            };
            if r < 0 {
                let e = std::io::Error::last_os_error();
                if e.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(fd_err(e, "read"));
            }
            return Ok(OpValue::Number(r as f64));
        }
    });
}

/// `exists(path)` → boolean, never throws.
fn exists(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let p = s(scope, &args, 0);
    let ok = std::fs::metadata(std::ffi::OsStr::from_bytes(p.as_bytes())).is_ok();
    rv.set(v8::Boolean::new(scope, ok).into());
}

pub fn functions() -> Vec<OpFn> {
    vec![
        op("open", open),
        op("close", close),
        op("read", read),
        op("readInto", read_into),
        op("write", write),
        op("readFile", read_file),
        op("writeFile", write_file),
        op("stat", stat),
        op("lstat", lstat),
        op("fstat", fstat),
        op("readdir", readdir),
        op("mkdir", mkdir),
        op("rmdir", rmdir),
        op("rm", rm),
        op("unlink", unlink),
        op("rename", rename),
        op("realpath", realpath),
        op("readlink", readlink),
        op("symlink", symlink),
        op("link", link),
        op("chmod", chmod),
        op("fchmod", fchmod),
        op("chown", chown),
        op("lchown", lchown),
        op("utimes", utimes),
        op("futimes", futimes),
        op("copyFile", copy_file),
        op("access", access),
        op("mkdtemp", mkdtemp),
        op("truncate", truncate),
        op("ftruncate", ftruncate),
        op("fsync", fsync),
        op("exists", exists),
        op("readFileUtf8", read_file_utf8),
        op("readIntoAsync", read_into_async),
    ]
}
