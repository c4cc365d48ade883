//! `internalBinding('stdio')`: synchronous writes to fds (stdout/stderr as Node makes them
//! synchronous for files and TTYs), isatty, terminal size.

use crate::bindings::{arg_bytes, arg_f64, num, op, OpFn, Scope};
use std::io::Write;

pub fn functions() -> Vec<OpFn> {
    vec![
        op("writeSync", write_sync),
        op("isatty", isatty),
        op("windowSize", window_size),
    ]
}

/// Flushes Rust's stdout buffer (nothing is buffered: writes go straight to the fd).
pub fn flush() {
    let _ = std::io::stdout().flush();
}

fn write_all_fd(fd: i32, mut data: &[u8]) -> std::io::Result<()> {
    while !data.is_empty() {
        // SAFETY: `data` is a valid readable slice for its length.
        let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            if err.raw_os_error() == Some(libc::EAGAIN) {
                // A non-blocking pipe is full: wait until it drains.
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLOUT,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                unsafe { libc::poll(&mut pfd, 1, -1) };
                continue;
            }
            return Err(err);
        }
        data = &data[n as usize..];
    }
    Ok(())
}

/// `writeSync(fd, stringOrBytes)` → bytes written; throws a system error on failure.
fn write_sync(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let fd = arg_f64(scope, &args, 0) as i32;
    let v = args.get(1);
    let result = if let Some(bytes) = arg_bytes(&args, 1) {
        let len = bytes.len();
        write_all_fd(fd, bytes).map(|_| len)
    } else {
        let s = v.to_rust_string_lossy(scope);
        write_all_fd(fd, s.as_bytes()).map(|_| s.len())
    };
    match result {
        Ok(n) => rv.set(num(scope, n as f64)),
        Err(e) => crate::bindings::throw_io(scope, &e, "write", None, None),
    }
}

fn isatty(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let fd = arg_f64(scope, &args, 0) as i32;
    // SAFETY: isatty accepts any integer.
    let t = unsafe { libc::isatty(fd) } == 1;
    rv.set(v8::Boolean::new(scope, t).into());
}

fn window_size(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let fd = arg_f64(scope, &args, 0) as i32;
    let mut ws: libc::winsize = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one winsize into `ws`.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    if r == 0 {
        let c = num(scope, ws.ws_col as f64);
        let rr = num(scope, ws.ws_row as f64);
        rv.set(v8::Array::new_with_elements(scope, &[c, rr]).into());
    }
}
