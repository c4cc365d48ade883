//! The resolver: shared state (thread-safe caches of stat results, realpaths and
//! package.json reads), file-system helpers, module format detection and package
//! scope lookup. The CommonJS algorithm lives in `cjs.rs`, the ESM one (and the
//! `exports`/`imports` machinery both use) in `esm.rs`.

use crate::errors;
use crate::package_json::{parse_info, PackageInfo};
use crate::url::path_bytes;
use crate::{ModuleFormat, PackageJson, PackageMatch, ResolveError, Resolved};
use std::collections::HashMap;
use std::ffi::OsString;
use std::hash::Hash;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, RwLock};

/// What a path is on disk (following symlinks), like Node's `internalModuleStat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    File,
    Dir,
    Missing,
}

/// A cached package.json read.
#[derive(Debug, Clone)]
pub(crate) enum PkgEntry {
    Missing,
    Invalid,
    Found(Arc<PackageInfo>),
}

#[derive(Default)]
struct Cache {
    stat: RwLock<HashMap<PathBuf, Kind>>,
    real: RwLock<HashMap<PathBuf, Option<PathBuf>>>,
    pkg: RwLock<HashMap<PathBuf, PkgEntry>>,
}

fn cache_get<K: Eq + Hash, V: Clone>(map: &RwLock<HashMap<K, V>>, key: &K) -> Option<V> {
    let guard = map.read().unwrap_or_else(|e| e.into_inner());
    guard.get(key).cloned()
}

fn cache_put<K: Eq + Hash, V>(map: &RwLock<HashMap<K, V>>, key: K, value: V) {
    let mut guard = map.write().unwrap_or_else(|e| e.into_inner());
    guard.insert(key, value);
}

fn cache_clear<K, V>(map: &RwLock<HashMap<K, V>>) {
    let mut guard = map.write().unwrap_or_else(|e| e.into_inner());
    guard.clear();
}

/// Resolves specifiers. Cheap to clone; caches package.json reads and stat results
/// internally (thread-safe). `clear_cache` forgets them (the LSP calls it on file changes).
///
/// Clones share one cache. `Resolver::new()` reads the global CommonJS folders from the
/// environment once (`NODE_PATH`, `$HOME/.node_modules`, `$HOME/.node_libraries`,
/// `<prefix>/lib/node`); see [`Resolver::with_global_paths`] to set them explicitly.
#[derive(Clone)]
pub struct Resolver {
    cache: Arc<Cache>,
    global_paths: Arc<Vec<PathBuf>>,
    cwd: Option<Arc<PathBuf>>,
}

impl Default for Resolver {
    fn default() -> Self {
        Resolver {
            cache: Arc::new(Cache::default()),
            global_paths: Arc::new(default_global_paths()),
            cwd: None,
        }
    }
}

/// Node's `Module.globalPaths`: `NODE_PATH` entries, then `$HOME/.node_modules`,
/// `$HOME/.node_libraries`, and `<prefix>/lib/node` (prefix = the executable's
/// grandparent directory).
pub fn default_global_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = Vec::new();
    if let Some(node_path) = std::env::var_os("NODE_PATH") {
        for p in std::env::split_paths(&node_path) {
            if !p.as_os_str().is_empty() {
                paths.push(p);
            }
        }
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        let home = PathBuf::from(home);
        paths.push(normalize(&home.join(".node_modules")));
        paths.push(normalize(&home.join(".node_libraries")));
    }
    if let Ok(exe) = std::env::current_exe() {
        if let Some(prefix) = exe.parent().and_then(Path::parent) {
            paths.push(prefix.join("lib").join("node"));
        }
    }
    paths
}

impl Resolver {
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces the global CommonJS lookup folders (searched after every
    /// `node_modules` directory; `NODE_PATH` and friends by default).
    pub fn with_global_paths(mut self, paths: Vec<PathBuf>) -> Self {
        self.global_paths = Arc::new(paths);
        self
    }

    /// The global CommonJS lookup folders in use.
    pub fn global_paths(&self) -> &[PathBuf] {
        &self.global_paths
    }

    /// Uses `cwd` instead of the process's working directory (for a missing parent,
    /// relative `NODE_PATH`/`paths` entries, and the "Did you mean" hint of ESM errors,
    /// which Node computes relative to the working directory).
    pub fn with_cwd(mut self, cwd: PathBuf) -> Self {
        self.cwd = Some(Arc::new(cwd));
        self
    }

    /// The working directory the resolver uses.
    pub fn cwd(&self) -> PathBuf {
        match &self.cwd {
            Some(c) => (**c).clone(),
            None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")),
        }
    }

    /// Forget cached stat results but keep realpaths and package.json contents, as Node
    /// does between two `require()` calls (files may appear or vanish meanwhile; Node's
    /// realpath cache lives as long as the process).
    pub fn clear_stat_cache(&self) {
        cache_clear(&self.cache.stat);
    }

    /// Forget cached package.json contents and stat results.
    pub fn clear_cache(&self) {
        cache_clear(&self.cache.stat);
        cache_clear(&self.cache.real);
        cache_clear(&self.cache.pkg);
    }

    /// `require(specifier)` from the module file `parent` (None: from the cwd, as `-e` does).
    /// `extra_paths`: `require.resolve(x, { paths })` lookup paths.
    ///
    /// `node:x` of an unknown `x` fails with `ERR_UNKNOWN_BUILTIN_MODULE` (what
    /// `require()` throws; `require.resolve()` reports `MODULE_NOT_FOUND` instead).
    /// The format of a `.js` file is computed leniently (an invalid nearest
    /// package.json yields `CommonJs`); use [`Resolver::try_module_format`] at load time
    /// to get Node's `ERR_INVALID_PACKAGE_CONFIG`. See
    /// [`ResolveError::require_stack_applies`] for which errors take the require stack.
    pub fn resolve_require(
        &self,
        specifier: &str,
        parent: Option<&Path>,
        extra_paths: Option<&[PathBuf]>,
    ) -> Result<Resolved, ResolveError> {
        self.cjs_resolve(specifier, parent, extra_paths)
    }

    /// `import specifier` from the module at `parent` (a file path; None: from the cwd).
    /// Specifiers may be relative, absolute, `file:` URLs, bare, `#imports` or `node:`.
    ///
    /// With no parent, the specifier resolves as from `<cwd>/[eval1]`, as
    /// `node --input-type=module -e` does. `data:` URLs are not files: this returns an
    /// error with code [`crate::DATA_URL_CODE`] for them; use
    /// [`Resolver::resolve_import_url`] to accept them. Like Node, the resolved file's
    /// format is checked here, so a `.js` file under an invalid package.json fails with
    /// `ERR_INVALID_PACKAGE_CONFIG`.
    pub fn resolve_import(
        &self,
        specifier: &str,
        parent: Option<&Path>,
    ) -> Result<Resolved, ResolveError> {
        match self.resolve_import_url(specifier, parent)? {
            crate::ImportTarget::Resolved(r) => Ok(r),
            crate::ImportTarget::DataUrl(_) => Err(errors::data_url(specifier)),
        }
    }

    /// Like [`Resolver::resolve_import`], but a `data:` URL specifier is returned as
    /// [`crate::ImportTarget::DataUrl`] (the runtime evaluates its body) instead of an
    /// error.
    pub fn resolve_import_url(
        &self,
        specifier: &str,
        parent: Option<&Path>,
    ) -> Result<crate::ImportTarget, ResolveError> {
        self.esm_resolve(specifier, parent)
    }

    /// How the runtime loads `path`: by extension, and for `.js`/extensionless by the
    /// nearest package.json's `type`. An unreadable or invalid package.json counts as
    /// no `type` (CommonJS); see [`Resolver::try_module_format`].
    pub fn module_format(&self, path: &Path) -> ModuleFormat {
        self.try_module_format(path)
            .unwrap_or(ModuleFormat::CommonJs)
    }

    /// Like [`Resolver::module_format`], but fails with Node's
    /// `ERR_INVALID_PACKAGE_CONFIG` when the format depends on a package.json that is
    /// not valid.
    pub fn try_module_format(&self, path: &Path) -> Result<ModuleFormat, ResolveError> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match ext {
            "mjs" => return Ok(ModuleFormat::Module),
            "cjs" => return Ok(ModuleFormat::CommonJs),
            "json" => return Ok(ModuleFormat::Json),
            "node" => return Ok(ModuleFormat::Addon),
            "wasm" => return Ok(ModuleFormat::Wasm),
            _ => {}
        }
        let start = path.parent().unwrap_or(Path::new("/"));
        match self.package_scope(start) {
            Some((_, PkgEntry::Found(info))) if info.json.is_module() => Ok(ModuleFormat::Module),
            Some((json_path, PkgEntry::Invalid)) => {
                Err(errors::invalid_package_config_plain(&json_path))
            }
            _ => Ok(ModuleFormat::CommonJs),
        }
    }

    /// The nearest package.json at or above `path`'s directory (at `path` itself when it
    /// is a directory). Like Node's package scope lookup, the search stops at a
    /// `node_modules` directory. None when the nearest package.json is invalid (Node
    /// would throw `ERR_INVALID_PACKAGE_CONFIG`; see [`Resolver::try_module_format`]).
    pub fn nearest_package_json(&self, path: &Path) -> Option<Arc<PackageJson>> {
        let start = if self.stat(path) == Kind::Dir {
            path
        } else {
            path.parent()?
        };
        let mut dir = Some(start);
        while let Some(d) = dir {
            if d.file_name().is_some_and(|n| n == "node_modules") {
                return None;
            }
            match self.read_pkg(&d.join("package.json")) {
                PkgEntry::Found(info) => return Some(info.json.clone()),
                PkgEntry::Invalid => return None,
                PkgEntry::Missing => {}
            }
            dir = d.parent();
        }
        None
    }

    /// Reads (and caches) a package.json file. Returns None when it does not exist or
    /// cannot be read, `Some(Err(path))` when it is invalid.
    pub fn read_package_json(&self, path: &Path) -> Option<Result<Arc<PackageJson>, PathBuf>> {
        match self.read_pkg(path) {
            PkgEntry::Missing => None,
            PkgEntry::Invalid => Some(Err(path.to_path_buf())),
            PkgEntry::Found(info) => Some(Ok(info.json.clone())),
        }
    }

    /// Node's `Module._nodeModulePaths(dir)`: every `node_modules` dir from `dir` up.
    pub fn node_module_paths(dir: &Path) -> Vec<PathBuf> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let from = resolve_path(&cwd, dir.as_os_str());
        let parts: Vec<&std::ffi::OsStr> = from
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s),
                _ => None,
            })
            .collect();
        let mut out = Vec::with_capacity(parts.len() + 1);
        for i in (1..=parts.len()).rev() {
            if parts[i - 1] == "node_modules" {
                continue;
            }
            let mut p = PathBuf::from("/");
            for part in &parts[..i] {
                p.push(part);
            }
            p.push("node_modules");
            out.push(p);
        }
        out.push(PathBuf::from("/node_modules"));
        out
    }

    // ----- file-system helpers (cached) -------------------------------------------

    pub(crate) fn stat(&self, path: &Path) -> Kind {
        if let Some(k) = cache_get(&self.cache.stat, &path.to_path_buf()) {
            return k;
        }
        let kind = match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => Kind::Dir,
            Ok(_) => Kind::File,
            Err(_) => Kind::Missing,
        };
        cache_put(&self.cache.stat, path.to_path_buf(), kind);
        kind
    }

    pub(crate) fn realpath(&self, path: &Path) -> Option<PathBuf> {
        if let Some(r) = cache_get(&self.cache.real, &path.to_path_buf()) {
            return r;
        }
        let real = std::fs::canonicalize(path).ok();
        cache_put(&self.cache.real, path.to_path_buf(), real.clone());
        real
    }

    pub(crate) fn read_pkg(&self, json_path: &Path) -> PkgEntry {
        if let Some(e) = cache_get(&self.cache.pkg, &json_path.to_path_buf()) {
            return e;
        }
        let entry = match std::fs::read(json_path) {
            Err(_) => PkgEntry::Missing,
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(_) => PkgEntry::Invalid,
                Ok(text) => match parse_info(json_path.to_path_buf(), &text) {
                    Some(info) => PkgEntry::Found(Arc::new(info)),
                    None => PkgEntry::Invalid,
                },
            },
        };
        cache_put(&self.cache.pkg, json_path.to_path_buf(), entry.clone());
        entry
    }

    /// The package scope of a directory: the first package.json found from `start` up,
    /// stopping at a `node_modules` directory. Returns its path and the (non-missing)
    /// entry.
    pub(crate) fn package_scope(&self, start: &Path) -> Option<(PathBuf, PkgEntry)> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            if d.file_name().is_some_and(|n| n == "node_modules") {
                return None;
            }
            let json_path = d.join("package.json");
            match self.read_pkg(&json_path) {
                PkgEntry::Missing => {}
                e => return Some((json_path, e)),
            }
            dir = d.parent();
        }
        None
    }

    /// Fills a [`PackageMatch`] for a package root dir.
    pub(crate) fn package_match(&self, root: &Path, condition: Option<String>) -> PackageMatch {
        let json = match self.read_pkg(&root.join("package.json")) {
            PkgEntry::Found(info) => Some(info.json.clone()),
            _ => None,
        };
        PackageMatch {
            root: self.realpath(root).unwrap_or_else(|| root.to_path_buf()),
            name: json.as_ref().and_then(|j| j.name.clone()),
            version: json.as_ref().and_then(|j| j.version.clone()),
            condition,
        }
    }
}

/// Lexically normalizes an absolute path: drops `.`, applies `..`, removes repeated
/// and trailing separators (like `path.normalize` for absolute paths).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Prefix(p) => out.push(p.as_os_str()),
            Component::RootDir => out.push("/"),
            Component::CurDir => {}
            Component::ParentDir => {
                if out.parent().is_some() {
                    out.pop();
                }
            }
            Component::Normal(s) => out.push(s),
        }
    }
    if out.as_os_str().is_empty() {
        out.push("/");
    }
    out
}

/// `path.resolve(base, request)`: `request` joined to `base` (itself made absolute
/// against `cwd`), normalized.
pub(crate) fn resolve_path(cwd: &Path, request: &std::ffi::OsStr) -> PathBuf {
    let req = Path::new(request);
    if req.is_absolute() {
        return normalize(req);
    }
    normalize(&cwd.join(req))
}

/// `path.resolve(base, request)` with a base that may be relative to `cwd`.
pub(crate) fn resolve_from(cwd: &Path, base: &Path, request: &str) -> PathBuf {
    let base = if base.is_absolute() {
        base.to_path_buf()
    } else {
        cwd.join(base)
    };
    resolve_path(&base, std::ffi::OsStr::new(request))
}

/// `p + suffix` on the raw path text.
pub(crate) fn append(p: &Path, suffix: &str) -> PathBuf {
    let mut s: OsString = p.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// True when the path text ends with '/'.
pub(crate) fn ends_with_slash(p: &Path) -> bool {
    path_bytes(p).last() == Some(&b'/')
}
