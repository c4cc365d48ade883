//! ESM resolution (Node's ESM_RESOLVE, PACKAGE_RESOLVE, legacy main resolution and
//! finalization) and the `exports`/`imports` target machinery
//! (PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_RESOLVE, PACKAGE_TARGET_RESOLVE) that the
//! CommonJS resolver shares, with Node 21.7.3's error codes and messages.

use crate::builtins::{is_builtin, BUILTIN_MODULES, PREFIX_ONLY_MODULES};
use crate::errors::{self, Base};
use crate::json::{is_array_index, quote, Json};
use crate::resolver::{ends_with_slash, Kind, PkgEntry};
use crate::url::{encode_uri_component, parse_absolute, FileUrl, Url, UrlPathError};
use crate::{ImportTarget, ResolveError, Resolved, Resolver};
use std::path::{Path, PathBuf};

/// Conditions of `import` (plus "default", which always matches).
pub(crate) const ESM_CONDITIONS: &[&str] = &["node", "import", "node-addons"];
/// Conditions of `require` (plus "default").
pub(crate) const CJS_CONDITIONS: &[&str] = &["require", "node", "node-addons"];

/// State of one resolution: the active conditions and the probes made.
pub(crate) struct Ctx<'a> {
    pub conditions: &'a [&'a str],
    pub tried: Vec<PathBuf>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(conditions: &'a [&'a str]) -> Self {
        Ctx {
            conditions,
            tried: Vec::new(),
        }
    }
}

/// A URL reached through a package: the package root (dir of its package.json) and the
/// innermost condition key that selected it.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub url: Url,
    pub condition: Option<String>,
    pub pkg: Option<PathBuf>,
}

impl Hit {
    fn plain(url: Url) -> Hit {
        Hit {
            url,
            condition: None,
            pkg: None,
        }
    }
}

/// PACKAGE_TARGET_RESOLVE's three outcomes (JavaScript's undefined / null / URL).
pub(crate) enum Target {
    Undefined,
    Null,
    Found(Hit),
}

/// `specifier` is handled as a URL relative to the parent: "/…", "./…", "../…", ".", "..".
pub(crate) fn is_relative_or_absolute(spec: &str) -> bool {
    spec.starts_with('/') || is_relative_specifier(spec)
}

/// "./…", "../…", "." or "..".
pub(crate) fn is_relative_specifier(spec: &str) -> bool {
    spec == "." || spec == ".." || spec.starts_with("./") || spec.starts_with("../")
}

/// Length in UTF-16 code units, as JavaScript's `String.prototype.length`.
fn len16(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

/// Node's `patternKeyCompare`: 1 when `b` is the more specific key.
fn pattern_key_compare(a: &str, b: &str) -> i32 {
    let ai = a.find('*');
    let bi = b.find('*');
    let base_a = ai.map_or(len16(a), |i| len16(&a[..i]) + 1);
    let base_b = bi.map_or(len16(b), |i| len16(&b[..i]) + 1);
    if base_a > base_b {
        return -1;
    }
    if base_b > base_a {
        return 1;
    }
    if ai.is_none() {
        return 1;
    }
    if bi.is_none() {
        return -1;
    }
    if len16(a) > len16(b) {
        return -1;
    }
    if len16(b) > len16(a) {
        return 1;
    }
    0
}

/// The best pattern key (with a single `*`) matching `name`, and the text the `*`
/// stands for.
fn best_pattern_match(keys: &[String], name: &str) -> Option<(String, String)> {
    let mut best = String::new();
    let mut best_sub = String::new();
    for key in keys {
        let Some(pi) = key.find('*') else { continue };
        if !name.starts_with(&key[..pi]) {
            continue;
        }
        let trailer = &key[pi + 1..];
        if len16(name) >= len16(key)
            && name.ends_with(trailer)
            && pattern_key_compare(&best, key) == 1
            && key.rfind('*') == Some(pi)
        {
            if let Some(sub) = name.get(pi..name.len() - trailer.len()) {
                best = key.clone();
                best_sub = sub.to_string();
            }
        }
    }
    (!best.is_empty()).then_some((best, best_sub))
}

/// Decodes the `%XX` escapes that are valid, keeping anything else as is.
fn lenient_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hi = (b[i + 1] as char).to_digit(16);
            let lo = (b[i + 2] as char).to_digit(16);
            if let (Some(h), Some(l)) = (hi, lo) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// True when a `/`- or `\`-separated segment of `s` is `.`, `..` or `node_modules`
/// (any case, percent-encoded or not). Empty segments are allowed (deprecated only).
fn has_invalid_segment(s: &str) -> bool {
    s.split(['/', '\\']).any(|seg| {
        if seg.is_empty() {
            return false;
        }
        let d = lenient_decode(seg).to_ascii_lowercase();
        d == b"." || d == b".." || d == b"node_modules"
    })
}

/// Maps a `fileURLToPath` failure to Node's error.
fn url_path_error(e: UrlPathError) -> ResolveError {
    match e {
        UrlPathError::Host => errors::file_url_host(),
        UrlPathError::EncodedSlash => errors::file_url_path(),
        UrlPathError::Malformed => errors::uri_malformed(),
    }
}

/// `node:x` (an href) → the builtin, or ERR_UNKNOWN_BUILTIN_MODULE.
pub(crate) fn builtin_from_node_url(href: &str) -> Result<Resolved, ResolveError> {
    let name = href.strip_prefix("node:").unwrap_or(href);
    let prefixed = format!("node:{name}");
    if PREFIX_ONLY_MODULES.contains(&prefixed.as_str()) {
        return Ok(Resolved::Builtin(prefixed));
    }
    if is_builtin(&prefixed) {
        return Ok(Resolved::Builtin(name.to_string()));
    }
    Err(errors::unknown_builtin(href))
}

/// POSIX `path.relative(from, to)` for normalized absolute paths.
fn posix_relative(from: &str, to: &str) -> String {
    let f: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; f.len() - common];
    parts.extend(&t[common..]);
    parts.join("/")
}

impl Resolver {
    /// `import` resolution (Node's `defaultResolve`), with the CommonJS hint added to
    /// not-found errors.
    pub(crate) fn esm_resolve(
        &self,
        spec: &str,
        parent: Option<&Path>,
    ) -> Result<ImportTarget, ResolveError> {
        let cwd = self.cwd();
        let parent_path = match parent {
            Some(p) => crate::resolver::normalize(&cwd.join(p)),
            None => cwd.join("[eval1]"),
        };
        let base = Base::new(&parent_path);
        let mut ctx = Ctx::new(ESM_CONDITIONS);
        match self.esm_resolve_inner(&mut ctx, spec, &base) {
            Ok(t) => Ok(t),
            Err(mut e) => {
                if e.code == "ERR_MODULE_NOT_FOUND" || e.code == "ERR_UNSUPPORTED_DIR_IMPORT" {
                    let hint = self.esm_hint(spec, &base, &cwd);
                    if let Some(hint) = &hint {
                        e.message
                            .push_str(&format!("\nDid you mean to import {}?", quote(hint)));
                    }
                    let parent_dir = parent_path.parent().unwrap_or(Path::new("/"));
                    e.suggestion = if parent_dir == cwd {
                        hint
                    } else {
                        self.esm_hint(spec, &base, parent_dir)
                    };
                }
                e.tried = ctx.tried;
                Err(e)
            }
        }
    }

    fn esm_resolve_inner(
        &self,
        ctx: &mut Ctx,
        spec: &str,
        base: &Base,
    ) -> Result<ImportTarget, ResolveError> {
        let rel = is_relative_or_absolute(spec);
        let parsed = if rel {
            base.url.join(spec)
        } else {
            parse_absolute(spec)
        };
        if let Some(Url::Other { scheme, href }) = &parsed {
            return match scheme.as_str() {
                "data" => Ok(ImportTarget::DataUrl(href.clone())),
                "node" => builtin_from_node_url(href).map(ImportTarget::Resolved),
                _ => Err(errors::unsupported_scheme(scheme)),
            };
        }
        let hit = match parsed {
            Some(url) => Hit::plain(url),
            None if spec.starts_with('#') => self.package_imports_resolve(ctx, spec, base)?,
            None => self.package_resolve(ctx, spec, base)?,
        };
        let file = match hit.url {
            Url::File(f) => f,
            Url::Other { scheme, href } => {
                return match scheme.as_str() {
                    "node" => builtin_from_node_url(&href).map(ImportTarget::Resolved),
                    _ => Err(errors::unsupported_scheme(&scheme)),
                };
            }
        };
        let path = self
            .finalize_resolution(ctx, &file, base)
            .map_err(|mut e| {
                if e.package_json.is_none() {
                    e.package_json = hit.pkg.as_ref().map(|p| p.join("package.json"));
                }
                e
            })?;
        let format = self.try_module_format(&path)?;
        let package = hit.pkg.map(|root| self.package_match(&root, hit.condition));
        Ok(ImportTarget::Resolved(Resolved::File {
            path,
            format,
            package,
        }))
    }

    /// Node's `finalizeResolution`: rejects encoded separators, directories and missing
    /// files, and returns the realpath.
    fn finalize_resolution(
        &self,
        ctx: &mut Ctx,
        url: &FileUrl,
        base: &Base,
    ) -> Result<PathBuf, ResolveError> {
        if url.has_encoded_separator() {
            return Err(errors::invalid_module_specifier(
                &url.path,
                "must not include encoded \"/\" or \"\\\" characters",
                Some(base),
            ));
        }
        let path = url.to_path(!base.is_utf8()).map_err(url_path_error)?;
        ctx.tried.push(path.clone());
        // Node stats "/" for a path with a trailing slash, so such a path is always a
        // directory import.
        let kind = if ends_with_slash(&path) {
            Kind::Dir
        } else {
            self.stat(&path)
        };
        match kind {
            Kind::Dir => Err(errors::dir_import(&path, base)),
            Kind::Missing => Err(errors::esm_not_found(
                "module",
                &path.display().to_string(),
                base,
            )),
            Kind::File => self
                .realpath(&path)
                .ok_or_else(|| errors::esm_not_found("module", &path.display().to_string(), base)),
        }
    }

    /// The "Did you mean to import …?" hint: what CommonJS resolution would find.
    /// Node resolves relative specifiers for this from the working directory; pass
    /// the parent's directory as `rel_dir` to get the hint the user meant.
    fn esm_hint(&self, spec: &str, base: &Base, rel_dir: &Path) -> Option<String> {
        let spec2: String = if spec.starts_with("file://") {
            match parse_absolute(spec) {
                Some(Url::File(f)) => f.to_path(true).ok()?.to_string_lossy().into_owned(),
                _ => return None,
            }
        } else {
            spec.to_string()
        };
        let found = self.cjs_resolve_for_hint(&spec2, &base.path, rel_dir)?;
        let found_s = if is_relative_specifier(&spec2) {
            let found_path = FileUrl::from_path(&found).path;
            let parent_dir = match base.url.path.rfind('/') {
                Some(i) => &base.url.path[..i],
                None => "",
            };
            let rel = posix_relative(parent_dir, &found_path);
            if rel.starts_with("../") {
                rel
            } else {
                format!("./{rel}")
            }
        } else if !spec2.is_empty() && !spec2.starts_with('/') && !spec2.starts_with('.') {
            let pkg = spec2.split('/').next().unwrap_or("");
            let needle = format!("/node_modules/{pkg}/");
            let fs = found.to_string_lossy();
            match fs.rfind(&needle) {
                Some(i) => {
                    let rest: Vec<String> = fs[i + needle.len()..]
                        .split('/')
                        .map(encode_uri_component)
                        .collect();
                    format!("{pkg}/{}", rest.join("/"))
                }
                None => FileUrl::from_path(&found).href(),
            }
        } else {
            found.to_string_lossy().into_owned()
        };
        (found_s != spec2).then_some(found_s)
    }

    /// PACKAGE_RESOLVE: builtins, self-reference, then `node_modules` from the base
    /// directory up (every ancestor, including `node_modules` ones).
    pub(crate) fn package_resolve(
        &self,
        ctx: &mut Ctx,
        spec: &str,
        base: &Base,
    ) -> Result<Hit, ResolveError> {
        if BUILTIN_MODULES.contains(&spec) {
            return Ok(Hit::plain(Url::Other {
                scheme: "node".into(),
                href: format!("node:{spec}"),
            }));
        }
        let (name, subpath, scoped) = parse_package_name(spec, base)?;

        // Self-reference through the enclosing package's "exports".
        let scope_start = base.path.parent().unwrap_or(Path::new("/"));
        match self.package_scope(scope_start) {
            Some((pj, PkgEntry::Invalid)) => return Err(errors::invalid_package_config_plain(&pj)),
            Some((pj, PkgEntry::Found(info)))
                if info.json.name.as_deref() == Some(name.as_str()) =>
            {
                if let Some(exports) = &info.exports {
                    let exports = exports
                        .as_ref()
                        .map_err(|_| errors::invalid_package_config_plain(&pj))?;
                    let pj_url = FileUrl::from_path(&pj);
                    return self.package_exports_resolve(
                        ctx,
                        &pj,
                        &pj_url,
                        &subpath,
                        exports,
                        Some(base),
                    );
                }
            }
            _ => {}
        }

        let first = format!("./node_modules/{name}/package.json");
        let up = format!(
            "{}node_modules/{name}/package.json",
            if scoped { "../../../../" } else { "../../../" }
        );
        let mut pj_url = match base.url.join(&first) {
            Some(Url::File(f)) => f,
            _ => return Err(errors::esm_not_found("package", &name, base)),
        };
        let mut pj_path = pj_url.to_path(true).map_err(url_path_error)?;
        loop {
            let dir = strip_package_json(&pj_path);
            ctx.tried.push(dir.clone());
            if self.stat(&dir) != Kind::Dir {
                let last_len = pj_path.as_os_str().len();
                pj_url = match pj_url.join(&up) {
                    Some(Url::File(f)) => f,
                    _ => break,
                };
                pj_path = pj_url.to_path(true).map_err(url_path_error)?;
                if pj_path.as_os_str().len() == last_len {
                    break;
                }
                continue;
            }
            let (exports, main) = match self.read_pkg(&pj_path) {
                PkgEntry::Invalid => {
                    return Err(errors::invalid_package_config_importing(
                        &pj_path, spec, base,
                    ))
                }
                PkgEntry::Missing => (None, None),
                PkgEntry::Found(info) => (info.exports.clone(), info.json.main.clone()),
            };
            let root = pj_path.parent().map(Path::to_path_buf);
            if let Some(exports) = exports {
                let exports =
                    exports.map_err(|_| errors::invalid_package_config_plain(&pj_path))?;
                return self.package_exports_resolve(
                    ctx,
                    &pj_path,
                    &pj_url,
                    &subpath,
                    &exports,
                    Some(base),
                );
            }
            if subpath == "." {
                let url =
                    self.legacy_main_resolve(ctx, &pj_path, &pj_url, main.as_deref(), base)?;
                return Ok(Hit {
                    url: Url::File(url),
                    condition: None,
                    pkg: root,
                });
            }
            let url = pj_url
                .join(&subpath)
                .ok_or_else(|| errors::esm_not_found("package", &name, base))?;
            return Ok(Hit {
                url,
                condition: None,
                pkg: root,
            });
        }
        Err(errors::esm_not_found("package", &name, base))
    }

    /// Legacy `main` resolution for a package without `exports`.
    fn legacy_main_resolve(
        &self,
        ctx: &mut Ctx,
        pj_path: &Path,
        pj_url: &FileUrl,
        main: Option<&str>,
        base: &Base,
    ) -> Result<FileUrl, ResolveError> {
        let mut candidates: Vec<String> = Vec::new();
        if let Some(m) = main {
            for suffix in [
                "",
                ".js",
                ".json",
                ".node",
                "/index.js",
                "/index.json",
                "/index.node",
            ] {
                candidates.push(format!("./{m}{suffix}"));
            }
        }
        for f in ["./index.js", "./index.json", "./index.node"] {
            candidates.push(f.to_string());
        }
        for c in candidates {
            if let Some(Url::File(u)) = pj_url.join(&c) {
                if let Ok(p) = u.to_path(true) {
                    ctx.tried.push(p.clone());
                    if !ends_with_slash(&p) && self.stat(&p) == Kind::File {
                        return Ok(u);
                    }
                }
            }
        }
        let mut e = errors::esm_not_found("package", &pj_path.display().to_string(), base);
        e.package_json = Some(pj_path.to_path_buf());
        Err(e)
    }

    /// PACKAGE_EXPORTS_RESOLVE.
    pub(crate) fn package_exports_resolve(
        &self,
        ctx: &mut Ctx,
        pj_path: &Path,
        pj_url: &FileUrl,
        subpath: &str,
        exports: &Json,
        base: Option<&Base>,
    ) -> Result<Hit, ResolveError> {
        let sugar = match exports {
            Json::Str(_) | Json::Arr(_) => true,
            Json::Obj(entries) => {
                let mut sugar = false;
                for (i, (k, _)) in entries.iter().enumerate() {
                    let cur = k.is_empty() || !k.starts_with('.');
                    if i == 0 {
                        sugar = cur;
                    } else if sugar != cur {
                        return Err(errors::invalid_package_config_detail(
                            pj_path,
                            base,
                            errors::MIXED_EXPORTS,
                        ));
                    }
                }
                sugar
            }
            _ => false,
        };
        let wrapped;
        let exports = if sugar {
            wrapped = Json::Obj(vec![(".".to_string(), exports.clone())]);
            &wrapped
        } else {
            exports
        };
        let not_exported = || {
            let exported = match exports {
                Json::Obj(entries) => entries
                    .iter()
                    .filter(|(_, v)| *v != Json::Null)
                    .map(|(k, _)| k.clone())
                    .collect(),
                _ => Vec::new(),
            };
            errors::path_not_exported(pj_path, subpath, base, exported)
        };
        if !subpath.contains('*') && !subpath.ends_with('/') {
            if let Some(target) = exports.get(subpath) {
                return match self.resolve_package_target(
                    ctx, pj_path, pj_url, target, "", subpath, base, false, false,
                )? {
                    Target::Found(hit) => Ok(hit),
                    _ => Err(not_exported()),
                };
            }
        }
        if let Some((key, sub)) = best_pattern_match(&exports.keys(), subpath) {
            if let Some(target) = exports.get(&key) {
                return match self.resolve_package_target(
                    ctx, pj_path, pj_url, target, &sub, &key, base, true, false,
                )? {
                    Target::Found(hit) => Ok(hit),
                    _ => Err(not_exported()),
                };
            }
        }
        Err(not_exported())
    }

    /// PACKAGE_IMPORTS_RESOLVE for a `#name` specifier from `base`.
    pub(crate) fn package_imports_resolve(
        &self,
        ctx: &mut Ctx,
        name: &str,
        base: &Base,
    ) -> Result<Hit, ResolveError> {
        if name == "#" || name.starts_with("#/") || name.ends_with('/') {
            return Err(errors::invalid_module_specifier(
                name,
                "is not a valid internal imports specifier name",
                Some(base),
            ));
        }
        let mut pj_found: Option<PathBuf> = None;
        let start = base.path.parent().unwrap_or(Path::new("/"));
        match self.package_scope(start) {
            Some((pj, PkgEntry::Invalid)) => return Err(errors::invalid_package_config_plain(&pj)),
            Some((pj, PkgEntry::Found(info))) => {
                let pj_url = FileUrl::from_path(&pj);
                match &info.imports {
                    Some(Err(())) => return Err(errors::invalid_package_config_plain(&pj)),
                    Some(Ok(imports)) if !matches!(imports, Json::Str(s) if s.is_empty()) => {
                        let exact = imports.get(name).filter(|_| !name.contains('*'));
                        if let Some(target) = exact {
                            if let Target::Found(hit) = self.resolve_package_target(
                                ctx,
                                &pj,
                                &pj_url,
                                target,
                                "",
                                name,
                                Some(base),
                                false,
                                true,
                            )? {
                                return Ok(hit);
                            }
                        } else if let Some((key, sub)) = best_pattern_match(&imports.keys(), name) {
                            if let Some(target) = imports.get(&key) {
                                if let Target::Found(hit) = self.resolve_package_target(
                                    ctx,
                                    &pj,
                                    &pj_url,
                                    target,
                                    &sub,
                                    &key,
                                    Some(base),
                                    true,
                                    true,
                                )? {
                                    return Ok(hit);
                                }
                            }
                        }
                    }
                    _ => {}
                }
                pj_found = Some(pj);
            }
            _ => {}
        }
        Err(errors::import_not_defined(name, pj_found.as_deref(), base))
    }

    /// PACKAGE_TARGET_RESOLVE.
    #[allow(clippy::too_many_arguments)]
    fn resolve_package_target(
        &self,
        ctx: &mut Ctx,
        pj_path: &Path,
        pj_url: &FileUrl,
        target: &Json,
        subpath: &str,
        package_subpath: &str,
        base: Option<&Base>,
        pattern: bool,
        internal: bool,
    ) -> Result<Target, ResolveError> {
        match target {
            Json::Str(s) => self
                .resolve_package_target_string(
                    ctx,
                    pj_path,
                    pj_url,
                    s,
                    subpath,
                    package_subpath,
                    base,
                    pattern,
                    internal,
                )
                .map(Target::Found),
            Json::Arr(items) => {
                if items.is_empty() {
                    return Ok(Target::Null);
                }
                // None: undefined; Some(None): null; Some(Some(e)): last invalid target.
                let mut last: Option<Option<ResolveError>> = None;
                for item in items {
                    match self.resolve_package_target(
                        ctx,
                        pj_path,
                        pj_url,
                        item,
                        subpath,
                        package_subpath,
                        base,
                        pattern,
                        internal,
                    ) {
                        Err(e) if e.code == "ERR_INVALID_PACKAGE_TARGET" => last = Some(Some(e)),
                        Err(e) => return Err(e),
                        Ok(Target::Undefined) => {}
                        Ok(Target::Null) => last = Some(None),
                        Ok(found) => return Ok(found),
                    }
                }
                match last {
                    None => Ok(Target::Undefined),
                    Some(None) => Ok(Target::Null),
                    Some(Some(e)) => Err(e),
                }
            }
            Json::Obj(entries) => {
                if entries.iter().any(|(k, _)| is_array_index(k)) {
                    return Err(errors::invalid_package_config_detail(
                        pj_path,
                        base,
                        errors::NUMERIC_EXPORTS,
                    ));
                }
                for (k, v) in entries {
                    if k == "default" || ctx.conditions.contains(&k.as_str()) {
                        match self.resolve_package_target(
                            ctx,
                            pj_path,
                            pj_url,
                            v,
                            subpath,
                            package_subpath,
                            base,
                            pattern,
                            internal,
                        )? {
                            Target::Undefined => continue,
                            Target::Found(mut hit) => {
                                if hit.condition.is_none() {
                                    hit.condition = Some(k.clone());
                                }
                                return Ok(Target::Found(hit));
                            }
                            Target::Null => return Ok(Target::Null),
                        }
                    }
                }
                Ok(Target::Undefined)
            }
            Json::Null => Ok(Target::Null),
            other => Err(errors::invalid_package_target(
                pj_path,
                package_subpath,
                &other.js_string(),
                internal,
                base,
            )),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve_package_target_string(
        &self,
        ctx: &mut Ctx,
        pj_path: &Path,
        pj_url: &FileUrl,
        target: &str,
        subpath: &str,
        match_key: &str,
        base: Option<&Base>,
        pattern: bool,
        internal: bool,
    ) -> Result<Hit, ResolveError> {
        let invalid = || errors::invalid_package_target(pj_path, match_key, target, internal, base);
        if !subpath.is_empty() && !pattern && !target.ends_with('/') {
            return Err(invalid());
        }
        if !target.starts_with("./") {
            if internal
                && !target.starts_with("../")
                && !target.starts_with('/')
                && parse_absolute(target).is_none()
            {
                let export_target = if pattern {
                    target.replace('*', subpath)
                } else {
                    format!("{target}{subpath}")
                };
                let pj_base = Base {
                    path: pj_path.to_path_buf(),
                    url: pj_url.clone(),
                };
                return self.package_resolve(ctx, &export_target, &pj_base);
            }
            return Err(invalid());
        }
        if has_invalid_segment(&target[2..]) {
            return Err(invalid());
        }
        let resolved = match pj_url.join(target) {
            Some(Url::File(f)) => f,
            _ => return Err(invalid()),
        };
        if !resolved.path.starts_with(pj_url.dir_path()) {
            return Err(invalid());
        }
        let pkg = pj_path.parent().map(Path::to_path_buf);
        if subpath.is_empty() {
            return Ok(Hit {
                url: Url::File(resolved),
                condition: None,
                pkg,
            });
        }
        if has_invalid_segment(subpath) {
            let request = if pattern {
                match_key.replacen('*', subpath, 1)
            } else {
                format!("{match_key}{subpath}")
            };
            return Err(errors::invalid_subpath(
                &request, match_key, pj_path, internal, base,
            ));
        }
        let url = if pattern {
            parse_absolute(&resolved.href().replace('*', subpath))
        } else {
            resolved.join(subpath)
        };
        match url {
            Some(url) => Ok(Hit {
                url,
                condition: None,
                pkg,
            }),
            None => Err(invalid()),
        }
    }
}

/// The package.json path minus "/package.json" (13 characters), as Node slices it.
fn strip_package_json(pj_path: &Path) -> PathBuf {
    let s = pj_path.as_os_str();
    let bytes = crate::url::path_bytes(pj_path);
    if bytes.len() >= 13 && bytes.ends_with(b"/package.json") {
        return crate::url::path_from_bytes(bytes[..bytes.len() - 13].to_vec());
    }
    PathBuf::from(s)
}

/// Splits a bare specifier into package name and "./subpath", validating the name.
pub(crate) fn parse_package_name(
    spec: &str,
    base: &Base,
) -> Result<(String, String, bool), ResolveError> {
    let mut sep = spec.find('/');
    let mut valid = true;
    let mut scoped = false;
    if spec.starts_with('@') {
        scoped = true;
        match sep {
            None => valid = false,
            Some(i) => sep = spec[i + 1..].find('/').map(|j| i + 1 + j),
        }
    }
    let name = match sep {
        Some(i) => &spec[..i],
        None => spec,
    };
    if name.starts_with('.') || name.contains('%') || name.contains('\\') {
        valid = false;
    }
    if !valid {
        return Err(errors::invalid_module_specifier(
            spec,
            "is not a valid package name",
            Some(base),
        ));
    }
    let subpath = match sep {
        Some(i) => format!(".{}", &spec[i..]),
        None => ".".to_string(),
    };
    Ok((name.to_string(), subpath, scoped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_compare() {
        assert_eq!(pattern_key_compare("", "./a/*"), 1);
        assert_eq!(pattern_key_compare("./a/*", "./a/b/*"), 1);
        assert_eq!(pattern_key_compare("./a/b/*", "./a/*"), -1);
        assert_eq!(pattern_key_compare("./a/*", "./a/*.js"), 1);
        let keys = vec![
            "./a/*".to_string(),
            "./a/*.js".to_string(),
            "./a/deep/*".to_string(),
        ];
        assert_eq!(
            best_pattern_match(&keys, "./a/x.js"),
            Some(("./a/*.js".into(), "x".into()))
        );
        assert_eq!(
            best_pattern_match(&keys, "./a/deep/d"),
            Some(("./a/deep/*".into(), "d".into()))
        );
    }

    #[test]
    fn segments() {
        assert!(has_invalid_segment("a/../b"));
        assert!(has_invalid_segment("a/%2E%2e/b"));
        assert!(has_invalid_segment("x/Node_Modules/y"));
        assert!(has_invalid_segment("x\\.\\y"));
        assert!(!has_invalid_segment("a//b"));
        assert!(!has_invalid_segment("a/.b/c.."));
    }

    #[test]
    fn relative_paths() {
        assert_eq!(posix_relative("/a/b", "/a/b/x.js"), "x.js");
        assert_eq!(posix_relative("/a/b", "/a/c/x.js"), "../c/x.js");
        assert_eq!(posix_relative("", "/x.js"), "x.js");
    }
}
