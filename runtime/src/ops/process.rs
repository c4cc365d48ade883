//! `internalBinding('process')`: the native side of `process` (options from the CLI, cwd,
//! env, ids, umask, hrtime, memory, kill, exit).

use crate::bindings::{arg_f64, arg_string, num, op, str, throw_io, OpFn, Scope};
use crate::event_loop::state;
use std::rc::Rc;

pub fn functions() -> Vec<OpFn> {
    vec![
        op("options", options),
        op("cwd", cwd),
        op("chdir", chdir),
        op("environ", environ),
        op("setenv", setenv),
        op("unsetenv", unsetenv),
        op("ids", ids),
        op("umask", umask),
        op("hrtime", hrtime),
        op("memoryUsage", memory_usage),
        op("rss", rss),
        op("cpuUsage", cpu_usage),
        op("kill", kill),
        op("reallyExit", really_exit),
        op("abort", abort),
        op("uptime", uptime),
        op("gc", gc),
        op("setCredential", set_credential),
        op("getgroups", getgroups),
        op("setgroups", setgroups),
        op("initgroups", initgroups),
    ]
}

fn lookup_user(name: &str) -> Option<(u32, u32)> {
    let c = std::ffi::CString::new(name).ok()?;
    // SAFETY: getpwnam_r writes into our buffers; we read the result only on success.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 16384];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    let r = unsafe {
        libc::getpwnam_r(
            c.as_ptr(),
            &mut pwd,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        )
    };
    if r != 0 || result.is_null() {
        return None;
    }
    Some((pwd.pw_uid, pwd.pw_gid))
}

fn lookup_group(name: &str) -> Option<u32> {
    let c = std::ffi::CString::new(name).ok()?;
    // SAFETY: getgrnam_r writes into our buffers; we read the result only on success.
    let mut grp: libc::group = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 16384];
    let mut result: *mut libc::group = std::ptr::null_mut();
    let r = unsafe {
        libc::getgrnam_r(
            c.as_ptr(),
            &mut grp,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        )
    };
    if r != 0 || result.is_null() {
        return None;
    }
    Some(grp.gr_gid)
}

fn last_errno() -> f64 {
    -(std::io::Error::last_os_error().raw_os_error().unwrap_or(1) as f64)
}

/// `setCredential(kind, id)`: kind is "uid" | "gid" | "euid" | "egid"; id a number or a
/// user/group name. Returns 0, a negative errno, or 1 when the name does not exist.
fn set_credential(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let kind = arg_string(scope, &args, 0);
    let is_user = kind == "uid" || kind == "euid";
    let id = if args.get(1).is_number() {
        Some(arg_f64(scope, &args, 1) as u32)
    } else {
        let name = arg_string(scope, &args, 1);
        if is_user {
            lookup_user(&name).map(|u| u.0)
        } else {
            lookup_group(&name)
        }
    };
    let Some(id) = id else {
        rv.set(num(scope, 1.0));
        return;
    };
    // SAFETY: credential setters have no memory preconditions.
    let r = unsafe {
        match kind.as_str() {
            "uid" => libc::setuid(id),
            "euid" => libc::seteuid(id),
            "gid" => libc::setgid(id),
            _ => libc::setegid(id),
        }
    };
    let code = if r == 0 { 0.0 } else { last_errno() };
    rv.set(num(scope, code));
}

fn getgroups(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    // SAFETY: first call asks for the count, the second fills a buffer of that size.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    let mut groups = vec![0 as libc::gid_t; n.max(0) as usize];
    let n = unsafe { libc::getgroups(groups.len() as i32, groups.as_mut_ptr()) };
    groups.truncate(n.max(0) as usize);
    // SAFETY: getegid has no preconditions.
    let egid = unsafe { libc::getegid() };
    if !groups.contains(&egid) {
        groups.push(egid);
    }
    let items: Vec<_> = groups.iter().map(|g| num(scope, *g as f64)).collect();
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

/// `setgroups(ids)`: ids are numbers or names; returns 0, a negative errno, or the 1-based
/// index of a group name that does not exist (as a positive number).
fn setgroups(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(arr) = v8::Local::<v8::Array>::try_from(args.get(0)) else {
        return;
    };
    let mut ids = Vec::new();
    for i in 0..arr.length() {
        let Some(v) = arr.get_index(scope, i) else {
            continue;
        };
        if v.is_number() {
            ids.push(v.number_value(scope).unwrap_or(0.0) as libc::gid_t);
        } else {
            match lookup_group(&v.to_rust_string_lossy(scope)) {
                Some(g) => ids.push(g),
                None => {
                    rv.set(num(scope, (i + 1) as f64));
                    return;
                }
            }
        }
    }
    // SAFETY: ids is a valid array of gid_t.
    let r = unsafe { libc::setgroups(ids.len(), ids.as_ptr()) };
    let code = if r == 0 { 0.0 } else { last_errno() };
    rv.set(num(scope, code));
}

/// `initgroups(user, extraGroup)`: returns 0, a negative errno, 1 (unknown user) or 2 (unknown group).
fn initgroups(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    // Node checks the group first.
    let gid = if args.get(1).is_number() {
        arg_f64(scope, &args, 1) as u32
    } else {
        match lookup_group(&arg_string(scope, &args, 1)) {
            Some(g) => g,
            None => {
                rv.set(num(scope, 2.0));
                return;
            }
        }
    };
    let user = if args.get(0).is_number() {
        let uid = arg_f64(scope, &args, 0) as u32;
        // SAFETY: getpwuid returns a pointer to static storage or null.
        let p = unsafe { libc::getpwuid(uid) };
        if p.is_null() {
            rv.set(num(scope, 1.0));
            return;
        }
        // SAFETY: pw_name is NUL-terminated in the static record.
        unsafe { std::ffi::CStr::from_ptr((*p).pw_name) }
            .to_string_lossy()
            .into_owned()
    } else {
        arg_string(scope, &args, 0)
    };
    if lookup_user(&user).is_none() {
        rv.set(num(scope, 1.0));
        return;
    }
    let Ok(c) = std::ffi::CString::new(user) else {
        return;
    };
    // SAFETY: c is a valid NUL-terminated user name.
    let r = unsafe { libc::initgroups(c.as_ptr(), gid) };
    let code = if r == 0 { 0.0 } else { last_errno() };
    rv.set(num(scope, code));
}

fn options(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let opts = scope.get_slot::<Rc<crate::RuntimeOptions>>().cloned();
    let json = opts
        .map(|o| serde_json::to_string(&*o).unwrap_or_default())
        .unwrap_or_default();
    let s = str(scope, &json);
    if let Some(v) = v8::json::parse(scope, s) {
        rv.set(v);
    }
}

fn cwd(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    match std::env::current_dir() {
        Ok(p) => rv.set(str(scope, &p.to_string_lossy()).into()),
        Err(e) => throw_io(scope, &e, "uv_cwd", None, None),
    }
}

fn chdir(scope: &mut Scope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue<v8::Value>) {
    let dir = arg_string(scope, &args, 0);
    if let Err(e) = std::env::set_current_dir(&dir) {
        // Node: "ENOENT: no such file or directory, chdir /cwd -> 'dir'"
        let from = std::env::current_dir()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let errno = crate::bindings::io_errno(&e);
        let (code, desc) = crate::ops::errors::errno_info(errno);
        let msg = format!("{code}: {desc}, chdir {from} -> '{dir}'");
        let m = str(scope, &msg);
        let exc = v8::Exception::error(scope, m);
        if let Ok(o) = v8::Local::<v8::Object>::try_from(exc) {
            let n = num(scope, -(errno as f64));
            crate::bindings::set_val(scope, o, "errno", n);
            let c = str(scope, code).into();
            crate::bindings::set_val(scope, o, "code", c);
            let s = str(scope, "chdir").into();
            crate::bindings::set_val(scope, o, "syscall", s);
            let p = str(scope, &from).into();
            crate::bindings::set_val(scope, o, "path", p);
            let d = str(scope, &dir).into();
            crate::bindings::set_val(scope, o, "dest", d);
        }
        scope.throw_exception(exc);
    }
}

fn environ(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let obj = v8::Object::new(scope);
    for (k, v) in std::env::vars_os() {
        let k = str(scope, &k.to_string_lossy());
        let v = str(scope, &v.to_string_lossy());
        obj.set(scope, k.into(), v.into());
    }
    rv.set(obj.into());
}

fn setenv(scope: &mut Scope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue<v8::Value>) {
    let k = arg_string(scope, &args, 0);
    let v = arg_string(scope, &args, 1);
    if !k.is_empty() && !k.contains('=') && !k.contains('\0') && !v.contains('\0') {
        let tz = k == "TZ";
        // SAFETY: the runtime's main thread is the only writer of the environment.
        unsafe { std::env::set_var(k, v) };
        if tz {
            // Date must see the new time zone, as in Node.
            scope.date_time_configuration_change_notification(v8::TimeZoneDetection::Redetect);
        }
    }
}

fn unsetenv(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let k = arg_string(scope, &args, 0);
    if !k.is_empty() && !k.contains('=') && !k.contains('\0') {
        let tz = k == "TZ";
        // SAFETY: as in setenv.
        unsafe { std::env::remove_var(k) };
        if tz {
            scope.date_time_configuration_change_notification(v8::TimeZoneDetection::Redetect);
        }
    }
}

/// [pid, ppid, uid, euid, gid, egid]
fn ids(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    // SAFETY: these libc getters have no preconditions.
    let vals = unsafe {
        [
            libc::getpid() as f64,
            libc::getppid() as f64,
            libc::getuid() as f64,
            libc::geteuid() as f64,
            libc::getgid() as f64,
            libc::getegid() as f64,
        ]
    };
    let items: Vec<_> = vals.iter().map(|v| num(scope, *v)).collect();
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

/// `umask(mask?)` → the old mask.
fn umask(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let old = if args.get(0).is_undefined() {
        // SAFETY: umask is always safe; read by setting and restoring.
        unsafe {
            let old = libc::umask(0);
            libc::umask(old);
            old
        }
    } else {
        let m = arg_f64(scope, &args, 0) as libc::mode_t;
        // SAFETY: umask is always safe.
        unsafe { libc::umask(m & 0o777) }
    };
    rv.set(num(scope, old as f64));
}

/// Monotonic time in nanoseconds as a BigInt.
fn hrtime(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: writes one timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    let ns = ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64;
    rv.set(v8::BigInt::new_from_u64(scope, ns).into());
}

fn read_rss() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.0);
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as f64;
    pages * page
}

fn rss(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    rv.set(num(scope, read_rss()));
}

/// [rss, heapTotal, heapUsed, external, arrayBuffers]
fn memory_usage(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let s = scope.get_heap_statistics();
    let vals = [
        read_rss(),
        s.total_heap_size() as f64,
        s.used_heap_size() as f64,
        s.external_memory() as f64,
        s.external_memory() as f64,
    ];
    let items: Vec<_> = vals.iter().map(|v| num(scope, *v)).collect();
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

/// [user µs, system µs]
fn cpu_usage(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    // SAFETY: getrusage fills one struct.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let user = ru.ru_utime.tv_sec as f64 * 1e6 + ru.ru_utime.tv_usec as f64;
    let sys = ru.ru_stime.tv_sec as f64 * 1e6 + ru.ru_stime.tv_usec as f64;
    let a = num(scope, user);
    let b = num(scope, sys);
    rv.set(v8::Array::new_with_elements(scope, &[a, b]).into());
}

/// `kill(pid, sig)` → 0 or a negative errno.
fn kill(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let pid = arg_f64(scope, &args, 0) as libc::pid_t;
    let sig = arg_f64(scope, &args, 1) as i32;
    // SAFETY: kill has no memory preconditions.
    let r = unsafe { libc::kill(pid, sig) };
    let code = if r == 0 {
        0.0
    } else {
        -(std::io::Error::last_os_error().raw_os_error().unwrap_or(1) as f64)
    };
    rv.set(num(scope, code));
}

/// Ends the process after 'exit' handlers ran: stops the loop and JS.
fn really_exit(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let code = arg_f64(scope, &args, 0);
    let code = if code.is_finite() { code as i32 } else { 0 };
    crate::ops::stdio::flush();
    // Like Node's reallyExit: 'exit' listeners already ran in JS; end the process now.
    std::process::exit(code);
}

fn abort(
    _scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    crate::ops::stdio::flush();
    std::process::abort();
}

fn uptime(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let n = state(scope).hrnow() / 1000.0;
    rv.set(num(scope, n));
}

fn gc(scope: &mut Scope, _args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue<v8::Value>) {
    scope.low_memory_notification();
}
