//! `internalBinding('spawn')`: child processes. `spawnSync` runs a child to completion on the
//! calling thread (a poll(2) loop over its pipes with timeout and maxBuffer); `spawn` starts
//! one on the loop's tokio runtime and reports its exit, and the data of its stdio pipes, as
//! handle events delivered in the poll phase.
//!
//! Stdio pipes are UNIX socket pairs, as libuv makes them. Every stdio entry that JS passes
//! is `{ type: 'pipe' | 'ignore' | 'fd', fd? }`; spawnSync's `input` (bytes for the stdin
//! pipe) is a top-level option.
//!
//! Handles (a process or the parent end of a pipe) live in a thread-local table and count in
//! `LoopState.ref_handles` while they are both ref'd and active (a process until JS closes
//! it after its exit, a pipe while it is reading).

use crate::bindings::{arg_bytes, arg_f64, num, op, set_val, str, uint8_array, OpFn, Scope};
use crate::event_loop::{state, Completion, LoopState, OpError, OpValue};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::OsString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::unix::AsyncFd;
use tokio::io::Interest;
use tokio::sync::{mpsc, Notify};

pub fn functions() -> Vec<OpFn> {
    vec![
        op("spawnSync", spawn_sync),
        op("spawn", spawn),
        op("kill", kill),
        op("readStart", read_start),
        op("readStop", read_stop),
        op("write", write),
        op("shutdown", shutdown),
        op("close", close),
        op("ref", ref_handle),
        op("unref", unref_handle),
        op("hasRef", has_ref),
        op("fdOf", fd_of),
    ]
}

/// Size of one read from a child's pipe (libuv's 64 KiB), also the maxBuffer granularity.
const READ_CHUNK: usize = 64 * 1024;

// ---- Options --------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum StdioKind {
    Pipe,
    Ignore,
    Fd(RawFd),
}

struct SpawnOptions {
    file: String,
    /// argv, including argv[0].
    args: Vec<String>,
    cwd: Option<String>,
    /// `KEY=VALUE` strings; None keeps this process's environment.
    env: Option<Vec<String>>,
    stdio: Vec<StdioKind>,
    /// Bytes written to the child's stdin pipe (spawnSync's `input`).
    input: Option<Vec<u8>>,
    uid: Option<u32>,
    gid: Option<u32>,
    detached: bool,
    timeout_ms: f64,
    kill_signal: i32,
    max_buffer: f64,
}

fn prop<'s>(
    scope: &mut Scope<'s, '_>,
    obj: v8::Local<v8::Object>,
    key: &str,
) -> Option<v8::Local<'s, v8::Value>> {
    let k = str(scope, key);
    let v = obj.get(scope, k.into())?;
    if v.is_null_or_undefined() {
        None
    } else {
        Some(v)
    }
}

fn prop_string(scope: &mut Scope, obj: v8::Local<v8::Object>, key: &str) -> Option<String> {
    prop(scope, obj, key).map(|v| v.to_rust_string_lossy(scope))
}

fn prop_f64(scope: &mut Scope, obj: v8::Local<v8::Object>, key: &str) -> Option<f64> {
    prop(scope, obj, key).and_then(|v| v.number_value(scope))
}

fn prop_strings(scope: &mut Scope, obj: v8::Local<v8::Object>, key: &str) -> Option<Vec<String>> {
    let v = prop(scope, obj, key)?;
    let arr: v8::Local<v8::Array> = v.try_into().ok()?;
    let mut out = Vec::with_capacity(arr.length() as usize);
    for i in 0..arr.length() {
        let item = arr.get_index(scope, i)?;
        out.push(item.to_rust_string_lossy(scope));
    }
    Some(out)
}

fn parse_options(scope: &mut Scope, v: v8::Local<v8::Value>) -> Option<SpawnOptions> {
    let obj: v8::Local<v8::Object> = v.try_into().ok()?;
    let file = prop_string(scope, obj, "file")?;
    let args = prop_strings(scope, obj, "args").unwrap_or_else(|| vec![file.clone()]);
    let cwd = prop_string(scope, obj, "cwd").filter(|c| !c.is_empty());
    let env = prop_strings(scope, obj, "envPairs");
    let mut stdio = Vec::new();
    if let Some(list) = prop(scope, obj, "stdio") {
        let arr: v8::Local<v8::Array> = list.try_into().ok()?;
        for i in 0..arr.length() {
            let item = arr.get_index(scope, i)?;
            let item: v8::Local<v8::Object> = item.try_into().ok()?;
            let kind = prop_string(scope, item, "type").unwrap_or_default();
            stdio.push(match kind.as_str() {
                "pipe" => StdioKind::Pipe,
                "fd" => {
                    let fd = prop_f64(scope, item, "fd").unwrap_or(-1.0);
                    StdioKind::Fd(fd as RawFd)
                }
                _ => StdioKind::Ignore,
            });
        }
    }
    let input = prop(scope, obj, "input").and_then(|v| {
        let view: v8::Local<v8::ArrayBufferView> = v.try_into().ok()?;
        Some(crate::bindings::view_bytes(view).to_vec())
    });
    let id = |n: Option<f64>| n.filter(|n| *n >= 0.0).map(|n| n as u32);
    let uid = id(prop_f64(scope, obj, "uid"));
    let gid = id(prop_f64(scope, obj, "gid"));
    let detached = prop(scope, obj, "detached").is_some_and(|v| v.boolean_value(scope));
    let timeout_ms = prop_f64(scope, obj, "timeout").unwrap_or(0.0);
    let kill_signal = prop_f64(scope, obj, "killSignal").unwrap_or(libc::SIGTERM as f64) as i32;
    let max_buffer = prop_f64(scope, obj, "maxBuffer").unwrap_or(f64::INFINITY);
    Some(SpawnOptions {
        file,
        args,
        cwd,
        env,
        stdio,
        input,
        uid,
        gid,
        detached,
        timeout_ms,
        kill_signal,
        max_buffer,
    })
}

// ---- Process setup ----------------------------------------------------------------------

fn cvt(r: libc::c_int) -> std::io::Result<libc::c_int> {
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// A connected pair of UNIX stream sockets: (parent end, child end), both close-on-exec.
fn socket_pair() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: socketpair writes two descriptors into `fds`.
    cvt(unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    })?;
    // SAFETY: both descriptors were just created and are owned by nobody else.
    let pair = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    set_nonblocking(pair.0.as_raw_fd())?;
    Ok(pair)
}

fn set_nonblocking(fd: RawFd) -> std::io::Result<()> {
    // SAFETY: fcntl on a descriptor we own; no memory is passed.
    let flags = cvt(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    // SAFETY: as above.
    cvt(unsafe { libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) })?;
    Ok(())
}

fn is_nonblocking(fd: RawFd) -> bool {
    // SAFETY: F_GETFL reads the flags of any descriptor number; no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    flags >= 0 && flags & libc::O_NONBLOCK != 0
}

/// A close-on-exec duplicate of `fd` (so the child's copy is placed by dup2 in the child).
fn dup_fd(fd: RawFd) -> std::io::Result<OwnedFd> {
    // SAFETY: F_DUPFD_CLOEXEC creates a new descriptor; fd validity is checked by the kernel.
    let n = cvt(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3) })?;
    // SAFETY: `n` was just created and is owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(n) })
}

/// A command ready to spawn, with the parent ends of its stdio pipes.
struct Prepared {
    cmd: Command,
    /// The parent end of the pipe at each stdio index (None when not a pipe).
    pipes: Vec<Option<OwnedFd>>,
}

fn prepare(opts: &SpawnOptions) -> std::io::Result<Prepared> {
    let mut cmd = Command::new(&opts.file);
    if let Some(first) = opts.args.first() {
        cmd.arg0(first);
    }
    cmd.args(opts.args.iter().skip(1));
    if let Some(cwd) = &opts.cwd {
        cmd.current_dir(cwd);
    }
    if let Some(env) = &opts.env {
        cmd.env_clear();
        for pair in env {
            // An entry without '=' is a name with an empty value, as libuv passes it.
            let (k, v) = match pair.find('=') {
                Some(0) | None => (pair.as_str(), ""),
                Some(i) => (&pair[..i], &pair[i + 1..]),
            };
            if k.is_empty() {
                continue;
            }
            cmd.env(
                OsString::from_vec(k.as_bytes().to_vec()),
                OsString::from_vec(v.as_bytes().to_vec()),
            );
        }
    }
    if let Some(uid) = opts.uid {
        cmd.uid(uid);
    }
    if let Some(gid) = opts.gid {
        cmd.gid(gid);
    }
    let mut pipes = Vec::with_capacity(opts.stdio.len().max(3));
    // Child ends for fds >= 3: (target fd, source). Sources stay open until spawn returns.
    let mut extra: Vec<(RawFd, OwnedFd)> = Vec::new();
    // Child stdio fds (0..=2) to switch to blocking mode in the child.
    let mut make_blocking: Vec<RawFd> = Vec::new();
    for i in 0..opts.stdio.len().max(3) {
        let kind = opts.stdio.get(i).unwrap_or(&StdioKind::Ignore);
        let (parent, child): (Option<OwnedFd>, Option<Stdio>) = match kind {
            StdioKind::Pipe => {
                let (p, c) = socket_pair()?;
                if i < 3 {
                    (Some(p), Some(Stdio::from(c)))
                } else {
                    extra.push((i as RawFd, c));
                    (Some(p), None)
                }
            }
            StdioKind::Ignore => (None, if i < 3 { Some(Stdio::null()) } else { None }),
            StdioKind::Fd(fd) if *fd == i as RawFd && i < 3 => (None, Some(Stdio::inherit())),
            StdioKind::Fd(fd) => {
                if i < 3 && is_nonblocking(*fd) {
                    // Like libuv, the child gets its stdio in blocking mode.
                    make_blocking.push(i as RawFd);
                }
                let d = dup_fd(*fd)?;
                if i < 3 {
                    (None, Some(Stdio::from(d)))
                } else {
                    extra.push((i as RawFd, d));
                    (None, None)
                }
            }
        };
        if let Some(child) = child {
            match i {
                0 => cmd.stdin(child),
                1 => cmd.stdout(child),
                _ => cmd.stderr(child),
            };
        }
        pipes.push(parent);
    }
    let detached = opts.detached;
    if detached || !extra.is_empty() || !make_blocking.is_empty() {
        let max_target = extra.iter().map(|(t, _)| *t).max().unwrap_or(0);
        let sources: Vec<RawFd> = extra.iter().map(|(_, s)| s.as_raw_fd()).collect();
        let targets: Vec<RawFd> = extra.iter().map(|(t, _)| *t).collect();
        // Preallocated so the child never allocates between fork and exec.
        let mut moved: Vec<RawFd> = vec![-1; extra.len()];
        // The sources must outlive the spawn call: the closure owns them.
        let keep = extra.into_iter().map(|(_, s)| s).collect::<Vec<_>>();
        // SAFETY: the closure runs in the forked child before exec and only makes
        // async-signal-safe calls (setsid, fcntl, dup2) on preallocated memory.
        unsafe {
            cmd.pre_exec(move || {
                let _ = &keep;
                if detached && libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // First move every source above all targets, so that placing one target
                // never overwrites a source still to be placed.
                for (k, src) in sources.iter().enumerate() {
                    let n = libc::fcntl(*src, libc::F_DUPFD_CLOEXEC, max_target + 1);
                    if n < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    moved[k] = n;
                }
                for (k, target) in targets.iter().enumerate() {
                    // dup2 clears close-on-exec on the target.
                    if libc::dup2(moved[k], *target) < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
                for fd in &make_blocking {
                    let flags = libc::fcntl(*fd, libc::F_GETFL);
                    if flags >= 0 && flags & libc::O_NONBLOCK != 0 {
                        libc::fcntl(*fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
                    }
                }
                Ok(())
            });
        }
    }
    Ok(Prepared { cmd, pipes })
}

/// Prepares and spawns the child. Like execvp (which libuv uses), a file the kernel cannot
/// execute (ENOEXEC: a script without `#!`) runs again under `/bin/sh`.
fn start<C>(
    opts: &SpawnOptions,
    spawn: impl Fn(Command) -> std::io::Result<C>,
) -> std::io::Result<(C, Vec<Option<OwnedFd>>)> {
    let Prepared { cmd, pipes } = prepare(opts)?;
    match spawn(cmd) {
        Ok(c) => Ok((c, pipes)),
        Err(e) if e.raw_os_error() == Some(libc::ENOEXEC) => {
            drop(pipes);
            let Some(path) = resolve_program(&opts.file, opts.env.as_deref()) else {
                return Err(e);
            };
            let sh = "/bin/sh".to_string();
            let mut args = vec![sh.clone(), path];
            args.extend(opts.args.iter().skip(1).cloned());
            let retry = SpawnOptions {
                file: sh,
                args,
                cwd: opts.cwd.clone(),
                env: opts.env.clone(),
                stdio: opts.stdio.clone(),
                input: None,
                uid: opts.uid,
                gid: opts.gid,
                detached: opts.detached,
                timeout_ms: opts.timeout_ms,
                kill_signal: opts.kill_signal,
                max_buffer: opts.max_buffer,
            };
            let Prepared { cmd, pipes } = prepare(&retry)?;
            spawn(cmd).map(|c| (c, pipes))
        }
        Err(e) => Err(e),
    }
}

/// The path execvp would run for `file`: itself when it has a slash, else the first
/// executable match in PATH (the child's PATH when an environment is given).
fn resolve_program(file: &str, env: Option<&[String]>) -> Option<String> {
    if file.contains('/') {
        return Some(file.to_string());
    }
    let path = match env {
        Some(pairs) => pairs
            .iter()
            .find_map(|p| p.strip_prefix("PATH=").map(str::to_string)),
        None => std::env::var("PATH").ok(),
    }
    .unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".to_string());
    path.split(':').find_map(|dir| {
        let dir = if dir.is_empty() { "." } else { dir };
        let candidate = format!("{dir}/{file}");
        let c = std::ffi::CString::new(candidate.clone()).ok()?;
        // SAFETY: c is a valid NUL-terminated path.
        (unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0).then_some(candidate)
    })
}

fn errno_of(e: &std::io::Error) -> i32 {
    crate::bindings::io_errno(e)
}

/// (exit code, terminating signal) of a finished child.
fn exit_parts(status: std::process::ExitStatus) -> (Option<i32>, Option<i32>) {
    (status.code(), status.signal())
}

// ---- spawnSync ------------------------------------------------------------------------

struct SyncResult {
    pid: u32,
    status: Option<i32>,
    signal: Option<i32>,
    /// One entry per stdio index: the bytes read from a pipe, None otherwise.
    output: Option<Vec<Option<Vec<u8>>>>,
    /// Positive errno of the spawn failure, timeout (ETIMEDOUT) or maxBuffer (ENOBUFS).
    error: i32,
}

fn pidfd_open(pid: u32) -> Option<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    let r = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) };
    if r < 0 {
        return None;
    }
    // SAFETY: the descriptor was just created and is owned by nobody else.
    Some(unsafe { OwnedFd::from_raw_fd(r as RawFd) })
}

/// One non-blocking read from a pipe socket. MSG_DONTWAIT keeps it non-blocking even
/// when a child sharing the socket switched it to blocking mode.
fn read_some(fd: RawFd, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        // SAFETY: buf is a writable slice of buf.len() bytes.
        let n = unsafe {
            libc::recv(
                fd,
                buf.as_mut_ptr() as *mut libc::c_void,
                buf.len(),
                libc::MSG_DONTWAIT,
            )
        };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// One non-blocking write to a pipe socket (EPIPE instead of SIGPIPE).
fn write_some(fd: RawFd, data: &[u8]) -> std::io::Result<usize> {
    loop {
        // SAFETY: data is a readable slice of data.len() bytes.
        let n = unsafe {
            libc::send(
                fd,
                data.as_ptr() as *const libc::c_void,
                data.len(),
                libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT,
            )
        };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

fn run_sync(opts: SpawnOptions) -> SyncResult {
    let failed = |errno: i32| SyncResult {
        pid: 0,
        status: None,
        signal: None,
        output: None,
        error: errno,
    };
    let started = start(&opts, |mut cmd| {
        let r = cmd.spawn();
        // Close the child's ends in this process so EOF arrives when the child exits.
        drop(cmd);
        r
    });
    let (mut child, pipes) = match started {
        Ok(c) => c,
        Err(e) => return failed(errno_of(&e)),
    };
    let pid = child.id();
    let pidfd = pidfd_open(pid);
    // A timeout too far away to represent is no timeout.
    let deadline = if opts.timeout_ms > 0.0 {
        Instant::now().checked_add(Duration::from_micros((opts.timeout_ms * 1000.0) as u64))
    } else {
        None
    };

    // Readers (child → parent) for every pipe but stdin; the stdin pipe gets `input`.
    let mut outputs: Vec<Option<Vec<u8>>> = pipes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.is_some() && i != 0).then(Vec::new))
        .collect();
    let mut open: Vec<Option<OwnedFd>> = pipes;
    let input = opts.input.unwrap_or_default();
    let mut written = 0usize;
    if let Some(fd) = open.first().and_then(|p| p.as_ref()) {
        if input.is_empty() {
            // SAFETY: shutdown on a descriptor we own.
            unsafe { libc::shutdown(fd.as_raw_fd(), libc::SHUT_WR) };
            open[0] = None;
        }
    }
    let mut error = 0;
    let mut status = None;
    let mut buf = vec![0u8; READ_CHUNK];
    let kill_signal = opts.kill_signal;
    let kill_and_stop = |child: &mut std::process::Child,
                         open: &mut Vec<Option<OwnedFd>>,
                         err: i32,
                         error: &mut i32| {
        *error = err;
        // SAFETY: kill has no memory preconditions; the child is not yet reaped.
        unsafe { libc::kill(child.id() as libc::pid_t, kill_signal) };
        for p in open.iter_mut() {
            *p = None;
        }
    };
    loop {
        let any_open = open.iter().any(|p| p.is_some());
        if !any_open && status.is_some() {
            break;
        }
        if !any_open && pidfd.is_none() && deadline.is_none() {
            break;
        }
        let mut pfds: Vec<libc::pollfd> = Vec::new();
        let mut which: Vec<usize> = Vec::new();
        for (i, p) in open.iter().enumerate() {
            if let Some(fd) = p {
                let events = if i == 0 { libc::POLLOUT } else { libc::POLLIN };
                pfds.push(libc::pollfd {
                    fd: fd.as_raw_fd(),
                    events,
                    revents: 0,
                });
                which.push(i);
            }
        }
        if status.is_none() {
            if let Some(pfd) = &pidfd {
                pfds.push(libc::pollfd {
                    fd: pfd.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                });
            }
        }
        let mut wait_ms: i32 = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                left.as_millis().min(i32::MAX as u128 - 1) as i32 + 1
            }
            None => -1,
        };
        if pidfd.is_none() && status.is_none() {
            // Without a pidfd, look for the exit every few milliseconds.
            wait_ms = if wait_ms < 0 { 10 } else { wait_ms.min(10) };
        }
        // SAFETY: pfds is a valid array of pfds.len() pollfd structs.
        let r = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, wait_ms) };
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            kill_and_stop(&mut child, &mut open, errno_of(&e), &mut error);
            break;
        }
        if status.is_none() {
            if let Ok(Some(st)) = child.try_wait() {
                status = Some(st);
            }
        }
        for (k, &i) in which.iter().enumerate() {
            let revents = pfds[k].revents;
            if revents == 0 {
                continue;
            }
            let Some(fd) = open[i].as_ref().map(|f| f.as_raw_fd()) else {
                continue;
            };
            if i == 0 {
                match write_some(fd, &input[written..]) {
                    Ok(n) => {
                        written += n;
                        if written >= input.len() {
                            // SAFETY: shutdown on a descriptor we own.
                            unsafe { libc::shutdown(fd, libc::SHUT_WR) };
                            open[0] = None;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    // The child stopped reading (EPIPE): the rest of the input is dropped.
                    Err(_) => open[0] = None,
                }
                continue;
            }
            match read_some(fd, &mut buf) {
                Ok(0) => open[i] = None,
                Ok(n) => {
                    let out = outputs[i].get_or_insert_with(Vec::new);
                    out.extend_from_slice(&buf[..n]);
                    if out.len() as f64 > opts.max_buffer {
                        kill_and_stop(&mut child, &mut open, libc::ENOBUFS, &mut error);
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(_) => open[i] = None,
            }
        }
        if error != 0 {
            break;
        }
        if let Some(d) = deadline {
            if Instant::now() >= d && (status.is_none() || open.iter().any(|p| p.is_some())) {
                kill_and_stop(&mut child, &mut open, libc::ETIMEDOUT, &mut error);
                break;
            }
        }
    }
    let status = match status {
        Some(s) => Some(s),
        None => child.wait().ok(),
    };
    let (code, signal) = status.map(exit_parts).unwrap_or((None, None));
    SyncResult {
        pid,
        status: code,
        signal,
        output: Some(outputs),
        error,
    }
}

/// `spawnSync(options)` → `{ pid, status, signal, output, error }`: `status`/`signal` are
/// numbers or null, `output` an array (Uint8Array per pipe, null otherwise) or null when the
/// child did not start, `error` a negative errno or 0.
fn spawn_sync(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(opts) = parse_options(scope, args.get(0)) else {
        crate::bindings::throw_type_error(scope, "spawnSync: invalid options");
        return;
    };
    let res = run_sync(opts);
    let obj = v8::Object::new(scope);
    let pid = num(scope, res.pid as f64);
    set_val(scope, obj, "pid", pid);
    let null: v8::Local<v8::Value> = v8::null(scope).into();
    let status = res.status.map(|s| num(scope, s as f64)).unwrap_or(null);
    set_val(scope, obj, "status", status);
    let signal = res.signal.map(|s| num(scope, s as f64)).unwrap_or(null);
    set_val(scope, obj, "signal", signal);
    let output = match res.output {
        Some(list) => {
            let items: Vec<v8::Local<v8::Value>> = list
                .into_iter()
                .map(|o| match o {
                    Some(bytes) => uint8_array(scope, bytes).into(),
                    None => null,
                })
                .collect();
            v8::Array::new_with_elements(scope, &items).into()
        }
        None => null,
    };
    set_val(scope, obj, "output", output);
    let error = num(scope, -(res.error as f64));
    set_val(scope, obj, "error", error);
    rv.set(obj.into());
}

// ---- Handles --------------------------------------------------------------------------

enum HandleKind {
    Process,
    Pipe(PipeHandle),
}

struct PipeHandle {
    fd: Arc<AsyncFd<OwnedFd>>,
    reader: Option<tokio::task::AbortHandle>,
    writer: Option<mpsc::UnboundedSender<WriteReq>>,
    cancel: Arc<Notify>,
}

struct Handle {
    refed: bool,
    active: bool,
    kind: HandleKind,
}

thread_local! {
    static HANDLES: RefCell<HashMap<u64, Handle>> = RefCell::new(HashMap::new());
}

impl Handle {
    fn counts(&self) -> bool {
        self.refed && self.active
    }
}

/// Updates a handle's flags, keeping `ref_handles` in step.
fn update(st: &LoopState, id: u64, f: impl FnOnce(&mut Handle)) {
    HANDLES.with(|h| {
        let mut h = h.borrow_mut();
        let Some(handle) = h.get_mut(&id) else { return };
        let before = handle.counts();
        f(handle);
        let after = handle.counts();
        if before && !after {
            st.ref_handles.set(st.ref_handles.get().saturating_sub(1));
        } else if !before && after {
            st.ref_handles.set(st.ref_handles.get() + 1);
        }
    });
}

fn insert(st: &LoopState, id: u64, handle: Handle) {
    if handle.counts() {
        st.ref_handles.set(st.ref_handles.get() + 1);
    }
    HANDLES.with(|h| h.borrow_mut().insert(id, handle));
}

fn arg_id(scope: &mut Scope, args: &v8::FunctionCallbackArguments, i: i32) -> u64 {
    let n = arg_f64(scope, args, i);
    if n.is_finite() && n > 0.0 {
        n as u64
    } else {
        0
    }
}

/// `spawn(options, onexit)` → `{ pid, pipes }` (`pipes[i]` is the handle id of the parent
/// end of stdio pipe i, or null), or a negative errno when the child could not start.
/// `onexit(null, [exitCode, termSignal])` is called once; `exitCode` is null when killed by a
/// signal, `termSignal` 0 when not. The process handle is the id `handle` in the result.
fn spawn(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some(opts) = parse_options(scope, args.get(0)) else {
        crate::bindings::throw_type_error(scope, "spawn: invalid options");
        return;
    };
    let Ok(onexit) = v8::Local::<v8::Function>::try_from(args.get(1)) else {
        crate::bindings::throw_type_error(scope, "spawn: onexit must be a function");
        return;
    };
    let st = state(scope);
    let _guard = st.tokio.enter();
    let started = start(&opts, |cmd| {
        let mut tcmd = tokio::process::Command::from(cmd);
        let r = tcmd.spawn();
        drop(tcmd);
        r
    });
    let (mut child, pipes) = match started {
        Ok(c) => c,
        Err(e) => {
            rv.set(num(scope, -(errno_of(&e) as f64)));
            return;
        }
    };
    let pid = child.id().unwrap_or(0);
    let id = st.register_handle(v8::Global::new(scope, onexit));
    insert(
        &st,
        id,
        Handle {
            refed: true,
            active: true,
            kind: HandleKind::Process,
        },
    );
    let tx = st.sender();
    st.tokio.spawn(async move {
        let waited = child.wait().await;
        // Let pipe readers woken in the same turn go first, so a child's last output
        // usually reaches JS before its exit (as with libuv).
        for _ in 0..3 {
            tokio::task::yield_now().await;
        }
        let result = match waited {
            Ok(status) => {
                let (code, signal) = exit_parts(status);
                Ok(OpValue::Pair(
                    Box::new(code.map_or(OpValue::Undefined, |c| OpValue::Number(c as f64))),
                    Box::new(OpValue::Number(signal.unwrap_or(0) as f64)),
                ))
            }
            Err(e) => Err(OpError::io(e, "waitpid", None)),
        };
        let _ = tx.send(Completion {
            id,
            result,
            keep: true,
        });
    });
    let null: v8::Local<v8::Value> = v8::null(scope).into();
    let mut pipe_ids = Vec::with_capacity(pipes.len());
    for p in pipes {
        let Some(fd) = p else {
            pipe_ids.push(null);
            continue;
        };
        // SAFETY: the AsyncFd takes ownership of the OwnedFd, so the descriptor stays open
        // and refers to the same socket for the AsyncFd's whole lifetime.
        let registered =
            unsafe { AsyncFd::register_with_interest(fd, Interest::READABLE | Interest::WRITABLE) };
        match registered {
            Ok(afd) => {
                let pid_ = next_pipe_id();
                insert(
                    &st,
                    pid_,
                    Handle {
                        refed: true,
                        active: false,
                        kind: HandleKind::Pipe(PipeHandle {
                            fd: Arc::new(afd),
                            reader: None,
                            writer: None,
                            cancel: Arc::new(Notify::new()),
                        }),
                    },
                );
                pipe_ids.push(num(scope, pid_ as f64));
            }
            Err(_) => pipe_ids.push(null),
        }
    }
    let obj = v8::Object::new(scope);
    let v = num(scope, pid as f64);
    set_val(scope, obj, "pid", v);
    let v = num(scope, id as f64);
    set_val(scope, obj, "handle", v);
    let arr = v8::Array::new_with_elements(scope, &pipe_ids);
    set_val(scope, obj, "pipes", arr.into());
    rv.set(obj.into());
}

/// A fresh id for a pipe handle (its read callback gets a loop id from readStart).
fn next_pipe_id() -> u64 {
    NEXT_PIPE_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

thread_local! {
    /// Pipe ids live in their own range so they never collide with loop callback ids.
    static NEXT_PIPE_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(1 << 40) };
    /// Loop callback id of each pipe's read callback (from its first readStart to close).
    static READ_CB: RefCell<HashMap<u64, u64>> = RefCell::new(HashMap::new());
}

/// `kill(pid, signal)` → 0 or a negative errno.
fn kill(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let pid = arg_f64(scope, &args, 0);
    let sig = arg_f64(scope, &args, 1);
    if !(pid.is_finite() && pid > 0.0 && sig.is_finite()) {
        rv.set(num(scope, -(libc::EINVAL as f64)));
        return;
    }
    // SAFETY: kill has no memory preconditions.
    let r = unsafe { libc::kill(pid as libc::pid_t, sig as libc::c_int) };
    let code = if r == 0 {
        0.0
    } else {
        -(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL) as f64)
    };
    rv.set(num(scope, code));
}

fn pipe_fd(id: u64) -> Option<Arc<AsyncFd<OwnedFd>>> {
    HANDLES.with(|h| match h.borrow().get(&id) {
        Some(Handle {
            kind: HandleKind::Pipe(p),
            ..
        }) => Some(p.fd.clone()),
        _ => None,
    })
}

/// `readStart(pipe, onread)`: `onread(null, Uint8Array)` per chunk, `onread(null, undefined)`
/// at end of file, `onread(err)` on a read error. Reading stops after EOF or an error.
/// The first `onread` given for a pipe stays its callback until `close`.
fn read_start(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let id = arg_id(scope, &args, 0);
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(1)) else {
        return;
    };
    let Some(fd) = pipe_fd(id) else { return };
    let st = state(scope);
    stop_reading(&st, id);
    // One read callback per pipe for its whole life: chunks already on their way when
    // reading stops still reach it.
    let cb_id = match READ_CB.with(|r| r.borrow().get(&id).copied()) {
        Some(cb_id) => cb_id,
        None => {
            let cb_id = st.register_handle(v8::Global::new(scope, cb));
            READ_CB.with(|r| r.borrow_mut().insert(id, cb_id));
            cb_id
        }
    };
    let tx = st.sender();
    let task = st.tokio.spawn(async move {
        let mut buf = vec![0u8; READ_CHUNK];
        loop {
            let r = fd
                .async_io(Interest::READABLE, |inner| {
                    read_some(inner.as_raw_fd(), &mut buf)
                })
                .await;
            let (result, done) = match r {
                Ok(0) => (Ok(OpValue::Undefined), true),
                Ok(n) => (Ok(OpValue::Bytes(buf[..n].to_vec())), false),
                // A reset connection is an end of file for a child's pipe.
                Err(e) if e.raw_os_error() == Some(libc::ECONNRESET) => {
                    (Ok(OpValue::Undefined), true)
                }
                Err(e) => (Err(OpError::io(e, "read", None)), true),
            };
            if tx
                .send(Completion {
                    id: cb_id,
                    result,
                    keep: true,
                })
                .is_err()
                || done
            {
                break;
            }
        }
    });
    HANDLES.with(|h| {
        if let Some(Handle {
            kind: HandleKind::Pipe(p),
            ..
        }) = h.borrow_mut().get_mut(&id)
        {
            p.reader = Some(task.abort_handle());
        }
    });
    update(&st, id, |h| h.active = true);
}

fn stop_reading(st: &LoopState, id: u64) {
    HANDLES.with(|h| {
        if let Some(Handle {
            kind: HandleKind::Pipe(p),
            ..
        }) = h.borrow_mut().get_mut(&id)
        {
            if let Some(t) = p.reader.take() {
                t.abort();
            }
        }
    });
    update(st, id, |h| h.active = false);
}

/// `readStop(pipe)`.
fn read_stop(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let id = arg_id(scope, &args, 0);
    let st = state(scope);
    stop_reading(&st, id);
}

enum WriteReq {
    Data(Vec<u8>, u64),
    Shutdown(u64),
}

async fn write_all(fd: &AsyncFd<OwnedFd>, data: &[u8]) -> std::io::Result<()> {
    let mut off = 0;
    while off < data.len() {
        let n = fd
            .async_io(Interest::WRITABLE, |inner| {
                write_some(inner.as_raw_fd(), &data[off..])
            })
            .await?;
        off += n;
    }
    Ok(())
}

fn canceled() -> OpError {
    OpError {
        errno: libc::ECANCELED,
        syscall: "write",
        path: None,
        dest: None,
    }
}

async fn writer_task(
    fd: Arc<AsyncFd<OwnedFd>>,
    mut rx: mpsc::UnboundedReceiver<WriteReq>,
    cancel: Arc<Notify>,
    tx: mpsc::UnboundedSender<Completion>,
) {
    let done = |id: u64, result: Result<OpValue, OpError>| {
        let _ = tx.send(Completion {
            id,
            result,
            keep: false,
        });
    };
    while let Some(req) = rx.recv().await {
        let (op_id, fut_result) = match req {
            WriteReq::Data(data, op_id) => {
                let r = tokio::select! {
                    r = write_all(&fd, &data) => Some(r),
                    _ = cancel.notified() => None,
                };
                (op_id, r)
            }
            WriteReq::Shutdown(op_id) => {
                // SAFETY: shutdown on a descriptor owned by the AsyncFd.
                let r = unsafe { libc::shutdown(fd.as_raw_fd(), libc::SHUT_WR) };
                let r = if r < 0 {
                    Err(std::io::Error::last_os_error())
                } else {
                    Ok(())
                };
                (op_id, Some(r))
            }
        };
        match fut_result {
            Some(Ok(())) => done(op_id, Ok(OpValue::Undefined)),
            Some(Err(e)) => {
                let syscall = "write";
                done(op_id, Err(OpError::io(e, syscall, None)));
            }
            None => {
                done(op_id, Err(canceled()));
                rx.close();
                while let Ok(req) = rx.try_recv() {
                    let (WriteReq::Data(_, id) | WriteReq::Shutdown(id)) = req;
                    done(id, Err(canceled()));
                }
                break;
            }
        }
    }
}

fn queue_write(
    scope: &mut Scope,
    args: &v8::FunctionCallbackArguments,
    req: impl FnOnce(u64) -> WriteReq,
) {
    let id = arg_id(scope, args, 0);
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(args.length() - 1)) else {
        return;
    };
    let st = state(scope);
    let op_id = st.register_callback(v8::Global::new(scope, cb));
    let tx = st.sender();
    let req = req(op_id);
    let sent = HANDLES.with(|h| {
        let mut h = h.borrow_mut();
        let Some(Handle {
            kind: HandleKind::Pipe(p),
            ..
        }) = h.get_mut(&id)
        else {
            return Err(req);
        };
        let sender = p.writer.get_or_insert_with(|| {
            let (wtx, wrx) = mpsc::unbounded_channel();
            st.tokio
                .spawn(writer_task(p.fd.clone(), wrx, p.cancel.clone(), tx.clone()));
            wtx
        });
        sender.send(req).map_err(|e| e.0)
    });
    if let Err(req) = sent {
        let (WriteReq::Data(_, op_id) | WriteReq::Shutdown(op_id)) = req;
        let _ = tx.send(Completion {
            id: op_id,
            result: Err(OpError {
                errno: libc::EBADF,
                syscall: "write",
                path: None,
                dest: None,
            }),
            keep: false,
        });
    }
}

/// `write(pipe, bytes, cb)`: `cb(err)` once all bytes are written (in order with other writes).
fn write(scope: &mut Scope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue<v8::Value>) {
    let data = arg_bytes(&args, 1).map(|b| b.to_vec()).unwrap_or_default();
    queue_write(scope, &args, |op_id| WriteReq::Data(data, op_id));
}

/// `shutdown(pipe, cb)`: ends the write side after queued writes.
fn shutdown(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    queue_write(scope, &args, WriteReq::Shutdown);
}

/// `close(handle)`: a pipe stops reading, cancels queued writes and closes; a process handle
/// stops keeping the loop alive and stops receiving events.
fn close(scope: &mut Scope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue<v8::Value>) {
    let id = arg_id(scope, &args, 0);
    let st = state(scope);
    stop_reading(&st, id);
    if let Some(cb_id) = READ_CB.with(|r| r.borrow_mut().remove(&id)) {
        st.unregister_handle(cb_id);
    }
    let removed = HANDLES.with(|h| h.borrow_mut().remove(&id));
    match removed {
        // Queued writes fail with ECANCELED; the writer then drops its end.
        Some(Handle {
            kind: HandleKind::Pipe(p),
            ..
        }) if p.writer.is_some() => p.cancel.notify_one(),
        Some(Handle {
            kind: HandleKind::Process,
            ..
        }) => st.unregister_handle(id),
        _ => {}
    }
}

fn ref_handle(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let id = arg_id(scope, &args, 0);
    update(&state(scope), id, |h| h.refed = true);
}

fn unref_handle(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let id = arg_id(scope, &args, 0);
    update(&state(scope), id, |h| h.refed = false);
}

fn has_ref(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let id = arg_id(scope, &args, 0);
    let r = HANDLES.with(|h| h.borrow().get(&id).is_some_and(|h| h.refed));
    rv.set(v8::Boolean::new(scope, r).into());
}

/// `fdOf(pipe)` → the descriptor of a pipe's parent end (to hand it to another child), or -1.
fn fd_of(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let id = arg_id(scope, &args, 0);
    let fd = pipe_fd(id).map_or(-1, |f| f.as_raw_fd());
    rv.set(num(scope, fd as f64));
}
