//! `internalBinding('os')`: host facts for js/node/os.js (hostname, memory, CPUs, load,
//! uptime, interfaces, user info, uname, priority).

use crate::bindings::{arg_f64, num, op, set_val, str, OpFn, Scope};
use std::ffi::CStr;

fn c_str(buf: &[libc::c_char]) -> String {
    // SAFETY: uname/gethostname NUL-terminate their fields.
    unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

fn get_hostname(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: buf has 256 bytes.
    unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) };
    rv.set(str(scope, &c_str(&buf)).into());
}

fn get_os_information(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    // SAFETY: uname fills the struct.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    unsafe { libc::uname(&mut u) };
    let vals = [
        c_str(&u.sysname),
        c_str(&u.version),
        c_str(&u.release),
        c_str(&u.machine),
    ];
    let items: Vec<_> = vals.iter().map(|v| str(scope, v).into()).collect();
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

fn sysinfo() -> libc::sysinfo {
    // SAFETY: sysinfo fills the struct.
    let mut s: libc::sysinfo = unsafe { std::mem::zeroed() };
    unsafe { libc::sysinfo(&mut s) };
    s
}

fn get_load_avg(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let s = sysinfo();
    let items: Vec<_> = s
        .loads
        .iter()
        .map(|l| num(scope, *l as f64 / 65536.0))
        .collect();
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

fn get_uptime(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let up = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|v| v.parse::<f64>().ok())
        })
        .unwrap_or(sysinfo().uptime as f64);
    rv.set(num(scope, up.floor()));
}

fn meminfo(key: &str) -> Option<f64> {
    let s = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0)
}

fn get_total_mem(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let s = sysinfo();
    let v = meminfo("MemTotal:").unwrap_or(s.totalram as f64 * s.mem_unit as f64);
    rv.set(num(scope, v));
}

fn get_free_mem(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let s = sysinfo();
    let v = meminfo("MemAvailable:").unwrap_or(s.freeram as f64 * s.mem_unit as f64);
    rv.set(num(scope, v));
}

/// [{ model, speed, times: { user, nice, sys, idle, irq } }, ...] (times in ms)
fn get_cpus(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let models: Vec<String> = cpuinfo
        .lines()
        .filter(|l| l.starts_with("model name"))
        .map(|l| {
            l.split_once(':')
                .map(|x| x.1.trim().to_string())
                .unwrap_or_default()
        })
        .collect();
    let speeds: Vec<f64> = cpuinfo
        .lines()
        .filter(|l| l.starts_with("cpu MHz"))
        .map(|l| {
            l.split_once(':')
                .and_then(|x| x.1.trim().parse::<f64>().ok())
                .unwrap_or(0.0)
                .floor()
        })
        .collect();
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    // SAFETY: sysconf has no preconditions.
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let mut out = Vec::new();
    for (i, line) in stat
        .lines()
        .filter(|l| l.starts_with("cpu") && l.as_bytes().get(3).is_some_and(|b| b.is_ascii_digit()))
        .enumerate()
    {
        let f: Vec<f64> = line
            .split_whitespace()
            .skip(1)
            .map(|v| v.parse().unwrap_or(0.0))
            .collect();
        let get = |k: usize| f.get(k).copied().unwrap_or(0.0) * 1000.0 / tick;
        let cpu = v8::Object::new(scope);
        let model = str(
            scope,
            models.get(i).map(String::as_str).unwrap_or("unknown"),
        )
        .into();
        set_val(scope, cpu, "model", model);
        let speed = num(scope, speeds.get(i).copied().unwrap_or(0.0));
        set_val(scope, cpu, "speed", speed);
        let times = v8::Object::new(scope);
        for (k, idx) in [
            ("user", 0),
            ("nice", 1),
            ("sys", 2),
            ("idle", 3),
            ("irq", 5),
        ] {
            let v = num(scope, get(idx));
            set_val(scope, times, k, v);
        }
        set_val(scope, cpu, "times", times.into());
        out.push(cpu.into());
    }
    rv.set(v8::Array::new_with_elements(scope, &out).into());
}

fn get_available_parallelism(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let n = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    rv.set(num(scope, n as f64));
}

fn get_home_directory(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let home = std::env::var("HOME")
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| passwd().map(|p| p.2))
        .unwrap_or_default();
    rv.set(str(scope, &home).into());
}

/// (username, shell, homedir, uid, gid) of the current user from the passwd database.
fn passwd() -> Option<(String, String, String, u32, u32)> {
    // SAFETY: getuid has no preconditions; getpwuid_r writes into our buffers.
    let uid = unsafe { libc::getuid() };
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 4096];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    let r = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result) };
    if r != 0 || result.is_null() {
        return None;
    }
    // SAFETY: on success the fields point into `buf` and are NUL-terminated.
    let s = |p: *const libc::c_char| {
        if p.is_null() {
            String::new()
        } else {
            unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
        }
    };
    Some((
        s(pwd.pw_name),
        s(pwd.pw_shell),
        s(pwd.pw_dir),
        pwd.pw_uid,
        pwd.pw_gid,
    ))
}

/// { uid, gid, username, homedir, shell } or throws a system error.
fn get_user_info(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Some((name, shell, home, uid, gid)) = passwd() else {
        let e = crate::bindings::errno_error(scope, libc::ENOENT, "uv_os_get_passwd", None, None);
        scope.throw_exception(e);
        return;
    };
    let o = v8::Object::new(scope);
    let v = num(scope, uid as f64);
    set_val(scope, o, "uid", v);
    let v = num(scope, gid as f64);
    set_val(scope, o, "gid", v);
    let v = str(scope, &name).into();
    set_val(scope, o, "username", v);
    let v = str(scope, &home).into();
    set_val(scope, o, "homedir", v);
    let v = str(scope, &shell).into();
    set_val(scope, o, "shell", v);
    rv.set(o.into());
}

fn get_interface_addresses(
    scope: &mut Scope,
    _a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    // [name, address, netmask, family ('IPv4'|'IPv6'), mac, internal, scopeid] per address
    let mut out = Vec::new();
    let mut ifap: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs allocates a list we free below.
    if unsafe { libc::getifaddrs(&mut ifap) } != 0 {
        rv.set(v8::Array::new(scope, 0).into());
        return;
    }
    let mut macs = std::collections::HashMap::new();
    let mut cur = ifap;
    while !cur.is_null() {
        // SAFETY: cur walks the list returned by getifaddrs.
        let ifa = unsafe { &*cur };
        if !ifa.ifa_addr.is_null() && unsafe { (*ifa.ifa_addr).sa_family } as i32 == libc::AF_PACKET
        {
            let name = unsafe { CStr::from_ptr(ifa.ifa_name) }
                .to_string_lossy()
                .into_owned();
            let ll = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_ll) };
            let mac = ll.sll_addr[..6]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(":");
            macs.insert(name, mac);
        }
        cur = ifa.ifa_next;
    }
    cur = ifap;
    while !cur.is_null() {
        // SAFETY: as above.
        let ifa = unsafe { &*cur };
        cur = ifa.ifa_next;
        if ifa.ifa_addr.is_null() {
            continue;
        }
        let name = unsafe { CStr::from_ptr(ifa.ifa_name) }
            .to_string_lossy()
            .into_owned();
        let family = unsafe { (*ifa.ifa_addr).sa_family } as i32;
        let (addr, mask, fam, scope_id) = match family {
            libc::AF_INET => {
                let a = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_in) };
                let m = if ifa.ifa_netmask.is_null() {
                    0
                } else {
                    unsafe {
                        (*(ifa.ifa_netmask as *const libc::sockaddr_in))
                            .sin_addr
                            .s_addr
                    }
                };
                (
                    std::net::Ipv4Addr::from(u32::from_be(a.sin_addr.s_addr)).to_string(),
                    std::net::Ipv4Addr::from(u32::from_be(m)).to_string(),
                    "IPv4",
                    -1.0,
                )
            }
            libc::AF_INET6 => {
                let a = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_in6) };
                let m = if ifa.ifa_netmask.is_null() {
                    [0u8; 16]
                } else {
                    unsafe {
                        (*(ifa.ifa_netmask as *const libc::sockaddr_in6))
                            .sin6_addr
                            .s6_addr
                    }
                };
                (
                    std::net::Ipv6Addr::from(a.sin6_addr.s6_addr).to_string(),
                    std::net::Ipv6Addr::from(m).to_string(),
                    "IPv6",
                    a.sin6_scope_id as f64,
                )
            }
            _ => continue,
        };
        let internal = ifa.ifa_flags & (libc::IFF_LOOPBACK as u32) != 0;
        let mac = macs
            .get(&name)
            .cloned()
            .unwrap_or_else(|| "00:00:00:00:00:00".to_string());
        let items = [
            str(scope, &name).into(),
            str(scope, &addr).into(),
            str(scope, &mask).into(),
            str(scope, fam).into(),
            str(scope, &mac).into(),
            v8::Boolean::new(scope, internal).into(),
            num(scope, scope_id),
        ];
        out.push(v8::Array::new_with_elements(scope, &items).into());
    }
    // SAFETY: frees the list from getifaddrs.
    unsafe { libc::freeifaddrs(ifap) };
    rv.set(v8::Array::new_with_elements(scope, &out).into());
}

/// `getPriority(pid)` → priority, or a negative errno.
fn get_priority(
    scope: &mut Scope,
    a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let pid = arg_f64(scope, &a, 0) as libc::id_t;
    // SAFETY: errno handling around getpriority, which may legitimately return -1.
    unsafe { *libc::__errno_location() = 0 };
    let p = unsafe { libc::getpriority(libc::PRIO_PROCESS, pid) };
    let e = unsafe { *libc::__errno_location() };
    let v = if p == -1 && e != 0 {
        -(e as f64) - 10000.0
    } else {
        p as f64
    };
    rv.set(num(scope, v));
}

/// `setPriority(pid, prio)` → 0 or a negative errno.
fn set_priority(
    scope: &mut Scope,
    a: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let pid = arg_f64(scope, &a, 0) as libc::id_t;
    let prio = arg_f64(scope, &a, 1) as libc::c_int;
    // SAFETY: no memory effects.
    let r = unsafe { libc::setpriority(libc::PRIO_PROCESS, pid, prio) };
    let v = if r != 0 {
        -(std::io::Error::last_os_error().raw_os_error().unwrap_or(1) as f64)
    } else {
        0.0
    };
    rv.set(num(scope, v));
}

pub fn functions() -> Vec<OpFn> {
    vec![
        op("getHostname", get_hostname),
        op("getOSInformation", get_os_information),
        op("getLoadAvg", get_load_avg),
        op("getUptime", get_uptime),
        op("getTotalMem", get_total_mem),
        op("getFreeMem", get_free_mem),
        op("getCPUs", get_cpus),
        op("getAvailableParallelism", get_available_parallelism),
        op("getHomeDirectory", get_home_directory),
        op("getUserInfo", get_user_info),
        op("getInterfaceAddresses", get_interface_addresses),
        op("getPriority", get_priority),
        op("setPriority", set_priority),
    ]
}
