//! The startup snapshot blob (see `rnode_runtime::snapshot`), embedded in the binary.

/// V8 startup snapshot of the built-in JS after bootstrap; pass to `rnode_runtime::run`.
pub static SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin"));
