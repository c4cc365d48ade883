//! The names of Node 21's core modules, for `isBuiltin`, `builtinModules` and resolution.

/// `require('module').builtinModules` of Node 21.7.3 (the names that work without `node:`).
pub const BUILTIN_MODULES: &[&str] = &[
    "_http_agent",
    "_http_client",
    "_http_common",
    "_http_incoming",
    "_http_outgoing",
    "_http_server",
    "_stream_duplex",
    "_stream_passthrough",
    "_stream_readable",
    "_stream_transform",
    "_stream_wrap",
    "_stream_writable",
    "_tls_common",
    "_tls_wrap",
    "assert",
    "assert/strict",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "dns/promises",
    "domain",
    "events",
    "fs",
    "fs/promises",
    "http",
    "http2",
    "https",
    "inspector",
    "inspector/promises",
    "module",
    "net",
    "os",
    "path",
    "path/posix",
    "path/win32",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "readline/promises",
    "repl",
    "stream",
    "stream/consumers",
    "stream/promises",
    "stream/web",
    "string_decoder",
    "sys",
    "timers",
    "timers/promises",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "util/types",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// Modules that exist only with the `node:` prefix.
pub const PREFIX_ONLY_MODULES: &[&str] = &["node:sea", "node:test", "node:test/reporters"];

/// `module.isBuiltin(name)`: true for `fs`, `node:fs`, `node:test`; false for `test`.
pub fn is_builtin(name: &str) -> bool {
    if PREFIX_ONLY_MODULES.contains(&name) {
        return true;
    }
    let bare = name.strip_prefix("node:").unwrap_or(name);
    BUILTIN_MODULES.contains(&bare)
}
