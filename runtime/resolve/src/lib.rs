//! Node's module resolution (CommonJS `require` and ESM `import`) and the static
//! analysis of CommonJS exports, as plain Rust with no V8 types.
//!
//! This crate is the single source of truth for "what does this specifier load?":
//! the runtime's loaders call it, and `rnode lsp` calls it unchanged, so the editor
//! and the runtime can never disagree.
//!
//! API CONTRACT (kept stable; the runtime and the LSP are written against it):
//! - [`Resolver::resolve_require`] / [`Resolver::resolve_import`] return a [`Resolved`]
//!   or a [`ResolveError`] whose `code` and `message` are exactly Node 21's.
//! - [`Resolver::module_format`] decides CommonJS vs ESM the way the runtime does.
//! - [`cjs_lexer::analyze`] finds the names a CommonJS module exports.

// The public API (fixed) returns `ResolveError` by value; boxing it internally would
// only move the allocation around.
#![allow(clippy::result_large_err)]

pub mod builtins;
mod cjs;
pub mod cjs_lexer;
mod errors;
mod esm;
mod json;
pub mod package_json;
mod resolver;
mod url;

pub use builtins::{is_builtin, BUILTIN_MODULES};
pub use package_json::PackageJson;
pub use resolver::{default_global_paths, Resolver};

/// The error code [`Resolver::resolve_import`] uses for a `data:` URL specifier (not a
/// Node code: Node accepts `data:` imports; use [`Resolver::resolve_import_url`]).
pub const DATA_URL_CODE: &str = "RNODE_DATA_URL";

/// The error code for a file URL whose percent-escapes do not decode (Node throws a
/// `URIError: URI malformed`, which has no `code`; the message is the same).
pub const URI_MALFORMED_CODE: &str = "ERR_URI_MALFORMED";

/// What an `import` specifier names: a resolved module, or a `data:` URL (whose text
/// is the module source, for the runtime to evaluate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportTarget {
    Resolved(Resolved),
    /// The `data:` URL, as given.
    DataUrl(String),
}

use std::path::PathBuf;

/// How a resolved file is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModuleFormat {
    /// `.cjs`, or `.js` (and extensionless) whose nearest package.json is not `"type": "module"`.
    CommonJs,
    /// `.mjs`, or `.js` under `"type": "module"`.
    Module,
    /// `.json`
    Json,
    /// `.node` native addon (not supported by rnode; the loader reports it).
    Addon,
    /// `.wasm`
    Wasm,
}

/// The result of a successful resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A core module, without the `node:` prefix (e.g. "fs", "fs/promises"), except for
    /// the prefix-only modules ("node:test", "node:sea", …) which keep it.
    Builtin(String),
    /// A file on disk: absolute, symlinks resolved (realpath), like Node without
    /// `--preserve-symlinks`.
    File {
        path: PathBuf,
        format: ModuleFormat,
        /// For a bare specifier that resolved inside a package: the package's root dir
        /// and, when `exports`/`imports` matched, the condition that matched
        /// ("node", "import", "require", "default"). The LSP shows these on hover.
        package: Option<PackageMatch>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageMatch {
    pub root: PathBuf,
    pub name: Option<String>,
    pub version: Option<String>,
    pub condition: Option<String>,
}

/// A failed resolution, shaped like the error Node throws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveError {
    /// Node's error code: `MODULE_NOT_FOUND` (require), `ERR_MODULE_NOT_FOUND`,
    /// `ERR_PACKAGE_PATH_NOT_EXPORTED`, `ERR_PACKAGE_IMPORT_NOT_DEFINED`,
    /// `ERR_UNSUPPORTED_DIR_IMPORT`, `ERR_INVALID_MODULE_SPECIFIER`,
    /// `ERR_INVALID_PACKAGE_TARGET`, `ERR_INVALID_PACKAGE_CONFIG`,
    /// `ERR_UNKNOWN_BUILTIN_MODULE`, `ERR_UNSUPPORTED_ESM_URL_SCHEME`.
    pub code: &'static str,
    /// Node's message text, exactly (for `MODULE_NOT_FOUND` without the
    /// "\nRequire stack:" part, which the JS loader appends).
    pub message: String,
    /// What was probed, in order (for diagnostics).
    pub tried: Vec<PathBuf>,
    /// A specifier that would work, when a probe finds one (e.g. "./foo.js" for an ESM
    /// import missing its extension, "./dir/index.js" for a directory import).
    pub suggestion: Option<String>,
    /// For `ERR_PACKAGE_PATH_NOT_EXPORTED`: the subpaths the package does export.
    pub exported: Vec<String>,
    /// The package.json involved, if any.
    pub package_json: Option<PathBuf>,
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for ResolveError {}

impl ResolveError {
    /// True when the CommonJS loader should append "\nRequire stack:\n- …" to the
    /// message, as Node does only for its generic `Cannot find module 'x'` error (not
    /// for a missing `exports` target or a bad `main`, which carry `package_json`).
    pub fn require_stack_applies(&self) -> bool {
        self.code == "MODULE_NOT_FOUND" && self.package_json.is_none()
    }
}
