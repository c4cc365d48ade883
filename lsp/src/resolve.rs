//! The LSP's view of resolution: `rnode_resolve` called unchanged, exactly as the runtime
//! calls it, plus what an editor needs around it (never crashing on a resolver bug,
//! TypeScript sources standing in for the `.js` they compile to, probing for a fix, and
//! the CommonJS named-export check that mirrors the ESM loader's cjs-module-lexer step).

use std::collections::{BTreeSet, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use rnode_resolve::{
    cjs_lexer, is_builtin, ModuleFormat, PackageMatch, ResolveError, Resolved, Resolver,
};

use crate::syntax::{Lang, SpecKind};

/// The largest file the LSP reads from disk for analysis (named-export checks, indexing).
pub const MAX_READ_BYTES: u64 = 8 * 1024 * 1024;

/// What a specifier resolves to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Builtin(String),
    File {
        path: PathBuf,
        format: ModuleFormat,
        package: Option<PackageMatch>,
        /// Resolved to the TypeScript source of the `.js` file Node would load after
        /// compilation (only from TypeScript documents).
        ts_source: bool,
    },
    Failed(ResolveError),
    /// The resolver itself failed (a bug, or not implemented yet): never a diagnostic.
    Internal(String),
}

/// Run `f` against the resolver, turning a panic into `Err`, so that no resolver bug can
/// take the server down.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|e| {
        if let Some(s) = e.downcast_ref::<&str>() {
            (*s).to_owned()
        } else if let Some(s) = e.downcast_ref::<String>() {
            s.clone()
        } else {
            "resolver panicked".to_owned()
        }
    })
}

/// The format the runtime would load a document in. TypeScript documents are judged by
/// the file they compile to (`.ts` → `.js`, `.mts` → `.mjs`, `.cts` → `.cjs`).
pub fn document_format(resolver: &Resolver, path: &Path) -> ModuleFormat {
    let as_js = compiled_name(path);
    let p = as_js.as_deref().unwrap_or(path);
    guarded(|| resolver.module_format(p)).unwrap_or_else(|_| fallback_format(p))
}

/// Extension-only guess, used when the resolver is unavailable.
pub fn fallback_format(path: &Path) -> ModuleFormat {
    match path.extension().and_then(|e| e.to_str()) {
        Some("mjs") => ModuleFormat::Module,
        Some("json") => ModuleFormat::Json,
        Some("node") => ModuleFormat::Addon,
        Some("wasm") => ModuleFormat::Wasm,
        _ => ModuleFormat::CommonJs,
    }
}

fn compiled_name(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    for (ts, js) in [
        (".tsx", ".js"),
        (".mts", ".mjs"),
        (".cts", ".cjs"),
        (".ts", ".js"),
    ] {
        if let Some(stem) = name.strip_suffix(ts) {
            let stem = stem
                .strip_suffix(".d")
                .filter(|_| ts != ".tsx")
                .unwrap_or(stem);
            return Some(path.with_file_name(format!("{stem}{js}")));
        }
    }
    None
}

pub fn is_relative_or_absolute(spec: &str) -> bool {
    spec.starts_with("./")
        || spec.starts_with("../")
        || spec == "."
        || spec == ".."
        || spec.starts_with('/')
        || spec.starts_with("file:")
}

pub fn is_bare(spec: &str) -> bool {
    !is_relative_or_absolute(spec)
        && !spec.starts_with('#')
        && !spec.starts_with("node:")
        && !spec.contains("://")
        && !spec.starts_with("data:")
}

/// The package name of a bare specifier (`@scope/name` or `name`).
pub fn package_name(spec: &str) -> &str {
    let mut it = spec.match_indices('/');
    let cut = if spec.starts_with('@') {
        it.nth(1)
    } else {
        it.next()
    };
    match cut {
        Some((i, _)) => &spec[..i],
        None => spec,
    }
}

/// Which algorithm resolves `kind` in a document of format `doc_esm`. A TypeScript file
/// that compiles to CommonJS turns its static imports into `require()`.
pub fn uses_import(kind: SpecKind, lang: Lang, doc_esm: bool) -> bool {
    match kind {
        SpecKind::Require | SpecKind::RequireResolve => false,
        SpecKind::DynamicImport => true,
        SpecKind::Import | SpecKind::ExportFrom => !lang.is_typescript() || doc_esm,
    }
}

/// Resolve one specifier from `parent` the way the runtime would.
pub fn resolve(resolver: &Resolver, spec: &str, parent: &Path, esm: bool) -> Outcome {
    let r = guarded(|| {
        if esm {
            resolver.resolve_import(spec, Some(parent))
        } else {
            resolver.resolve_require(spec, Some(parent), None)
        }
        .map_err(Box::new)
    });
    match r {
        Ok(Ok(Resolved::Builtin(name))) => Outcome::Builtin(name),
        Ok(Ok(Resolved::File {
            path,
            format,
            package,
        })) => Outcome::File {
            path,
            format,
            package,
            ts_source: false,
        },
        Ok(Err(e)) => Outcome::Failed(*e),
        Err(msg) => Outcome::Internal(msg),
    }
}

/// Resolve from a document in `lang`: Node's answer, or for TypeScript documents the
/// TypeScript source of the file Node would find once compiled.
pub fn resolve_from_document(
    resolver: &Resolver,
    spec: &str,
    parent: &Path,
    esm: bool,
    lang: Lang,
) -> Outcome {
    let out = resolve(resolver, spec, parent, esm);
    if !lang.is_typescript() || !is_relative_or_absolute(spec) || spec.starts_with("file:") {
        return out;
    }
    let Outcome::Failed(e) = &out else {
        return out;
    };
    if !matches!(
        e.code,
        "MODULE_NOT_FOUND" | "ERR_MODULE_NOT_FOUND" | "ERR_UNSUPPORTED_DIR_IMPORT"
    ) {
        return out;
    }
    let dir = parent.parent().unwrap_or(Path::new("/"));
    let base = dir.join(spec);
    let mut candidates: Vec<PathBuf> = Vec::new();
    let s = base.to_string_lossy().into_owned();
    for (js, tss) in [
        (".js", &[".ts", ".tsx"][..]),
        (".jsx", &[".tsx"][..]),
        (".mjs", &[".mts"][..]),
        (".cjs", &[".cts"][..]),
    ] {
        if let Some(stem) = s.strip_suffix(js) {
            candidates.extend(tss.iter().map(|t| PathBuf::from(format!("{stem}{t}"))));
        }
    }
    if !esm && candidates.is_empty() {
        for t in [".ts", ".tsx", "/index.ts", "/index.tsx"] {
            candidates.push(PathBuf::from(format!("{s}{t}")));
        }
    }
    for c in candidates {
        if c.is_file() {
            let path = c.canonicalize().unwrap_or(c);
            let format = document_format(resolver, &path);
            return Outcome::File {
                path,
                format,
                package: None,
                ts_source: true,
            };
        }
    }
    out
}

/// A specifier that would work instead of `spec`, found by asking the resolver itself
/// about the usual mistakes (a missing extension or `/index.js` under ESM, a missing
/// `node:` prefix, a misspelt builtin).
pub fn probe_fix(
    resolver: &Resolver,
    spec: &str,
    parent: &Path,
    esm: bool,
    err: &ResolveError,
) -> Option<String> {
    if let Some(s) = &err.suggestion {
        return Some(s.clone());
    }
    match err.code {
        "MODULE_NOT_FOUND" | "ERR_MODULE_NOT_FOUND" | "ERR_UNSUPPORTED_DIR_IMPORT" => {}
        "ERR_UNKNOWN_BUILTIN_MODULE" => return nearest_builtin(spec).map(|b| format!("node:{b}")),
        _ => return None,
    }
    if is_bare(spec) {
        let prefixed = format!("node:{spec}");
        if is_builtin(&prefixed) {
            return Some(prefixed);
        }
        return None;
    }
    if !is_relative_or_absolute(spec) || spec.starts_with("file:") {
        return None;
    }
    let trimmed = spec.trim_end_matches('/');
    let mut candidates = Vec::new();
    for ext in [".js", ".mjs", ".cjs", ".json"] {
        candidates.push(format!("{trimmed}{ext}"));
    }
    for ext in ["/index.js", "/index.mjs", "/index.cjs", "/index.json"] {
        candidates.push(format!("{trimmed}{ext}"));
    }
    candidates
        .into_iter()
        .find(|c| matches!(resolve(resolver, c, parent, esm), Outcome::File { .. }))
}

fn nearest_builtin(spec: &str) -> Option<&'static str> {
    let want = spec.strip_prefix("node:").unwrap_or(spec);
    let all = rnode_resolve::BUILTIN_MODULES.iter().copied().chain(
        rnode_resolve::builtins::PREFIX_ONLY_MODULES
            .iter()
            .map(|m| m.trim_start_matches("node:")),
    );
    all.map(|b| (edit_distance(want, b), b))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, b)| b)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether a bare specifier's package directory exists in any `node_modules` that Node
/// would search from `parent`.
pub fn package_installed(spec: &str, parent: &Path) -> Option<bool> {
    let name = package_name(spec);
    let dir = parent.parent()?;
    let paths = guarded(|| Resolver::node_module_paths(dir)).ok()?;
    Some(paths.iter().any(|nm| nm.join(name).exists()))
}

/// Names a CommonJS module is statically known to export (cjs-module-lexer's answer,
/// with re-exports followed), or None when that cannot be told (unreadable file, a
/// re-export of something that is not CommonJS, too deep).
pub struct CjsExports {
    pub names: BTreeSet<String>,
    /// Every file read on the way (for invalidation when one of them changes).
    pub files: Vec<PathBuf>,
}

pub fn cjs_exports(
    resolver: &Resolver,
    path: &Path,
    read: &dyn Fn(&Path) -> Option<String>,
) -> Option<CjsExports> {
    let mut out = CjsExports {
        names: BTreeSet::new(),
        files: Vec::new(),
    };
    let mut seen = HashSet::new();
    collect_cjs(resolver, path, read, &mut out, &mut seen, 0).then_some(out)
}

const MAX_REEXPORT_DEPTH: usize = 8;
const MAX_REEXPORT_FILES: usize = 64;

fn collect_cjs(
    resolver: &Resolver,
    path: &Path,
    read: &dyn Fn(&Path) -> Option<String>,
    out: &mut CjsExports,
    seen: &mut HashSet<PathBuf>,
    depth: usize,
) -> bool {
    if !seen.insert(path.to_path_buf()) {
        return true; // a cycle adds nothing new
    }
    if depth > MAX_REEXPORT_DEPTH || seen.len() > MAX_REEXPORT_FILES {
        return false;
    }
    out.files.push(path.to_path_buf());
    let Some(src) = read(path) else { return false };
    let Ok(analysis) = guarded(|| cjs_lexer::analyze(&src)) else {
        return false;
    };
    out.names.extend(analysis.exports);
    for re in analysis.reexports {
        match resolve(resolver, &re, path, false) {
            Outcome::File {
                path: target,
                format: ModuleFormat::CommonJs,
                ..
            } => {
                if !collect_cjs(resolver, &target, read, out, seen, depth + 1) {
                    return false;
                }
            }
            Outcome::File {
                format: ModuleFormat::Json,
                ..
            } => {}
            _ => return false,
        }
    }
    true
}

/// Read a file for analysis: bounded in size, UTF-8 only (binary files are skipped).
pub fn read_source(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_READ_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    if bytes.contains(&0) {
        return None;
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(package_name("@a/b/c"), "@a/b");
        assert_eq!(package_name("a/b/c"), "a");
        assert_eq!(package_name("a"), "a");
        assert!(is_bare("lodash/fp"));
        assert!(!is_bare("#x"));
        assert!(!is_bare("./x"));
        assert_eq!(nearest_builtin("node:fss"), Some("fs"));
        assert_eq!(
            compiled_name(Path::new("/a/b.d.mts")),
            Some(PathBuf::from("/a/b.mjs"))
        );
        assert_eq!(
            compiled_name(Path::new("/a/b.tsx")),
            Some(PathBuf::from("/a/b.js"))
        );
    }
}
