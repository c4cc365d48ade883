//! CommonJS resolution (Node's `Module._resolveFilename`): builtins, `#imports`,
//! package self-reference, LOAD_AS_FILE / LOAD_AS_DIRECTORY, `node_modules` walk-up
//! with package `exports`, global folders, and `require.resolve(x, { paths })`.

use crate::builtins::BUILTIN_MODULES;
use crate::errors::{self, Base};
use crate::esm::{builtin_from_node_url, Ctx, CJS_CONDITIONS};
use crate::resolver::{append, resolve_from, Kind, PkgEntry};
use crate::url::{has_encoded_sep, FileUrl, Url, UrlPathError};
use crate::{ResolveError, Resolved, Resolver};
use std::path::{Path, PathBuf};

/// `Object.keys(Module._extensions)`.
const EXTENSIONS: [&str; 3] = [".js", ".json", ".node"];

/// A file found by CommonJS resolution, and the package (root, condition) it came
/// through for bare specifiers.
pub(crate) struct Found {
    pub path: PathBuf,
    pub pkg: Option<(PathBuf, Option<String>)>,
    /// A builtin reached through an `imports` target (e.g. `"#fs": "fs"`).
    pub builtin: Option<Resolved>,
}

impl Found {
    fn file(path: PathBuf, pkg: Option<(PathBuf, Option<String>)>) -> Found {
        Found {
            path,
            pkg,
            builtin: None,
        }
    }
}

/// Node's EXPORTS_PATTERN `^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$`: the package
/// name and the rest (empty or starting with '/').
pub(crate) fn exports_pattern(request: &str) -> Option<(&str, &str)> {
    fn name_and_rest(s: &str) -> Option<(usize, &str)> {
        let first = s.chars().next()?;
        if matches!(first, '.' | '/' | '\\' | '%') {
            return None;
        }
        let end = s.find('/').unwrap_or(s.len());
        if s[..end].contains(['\\', '%']) {
            return None;
        }
        let rest = &s[end..];
        if rest.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
            return None;
        }
        Some((end, rest))
    }
    if let Some(after_at) = request.strip_prefix('@') {
        if let Some(slash) = after_at.find('/') {
            let scope = &after_at[..slash];
            if !scope.is_empty() && !scope.contains(['\\', '%']) {
                let after = &after_at[slash + 1..];
                if let Some((len, rest)) = name_and_rest(after) {
                    let name_len = 1 + slash + 1 + len;
                    return Some((&request[..name_len], rest));
                }
            }
        }
    }
    let (len, rest) = name_and_rest(request)?;
    Some((&request[..len], rest))
}

/// `request` is looked up in `node_modules` (not relative to the parent).
fn is_node_modules_request(request: &str) -> bool {
    let b = request.as_bytes();
    b.first() != Some(&b'.') || (b.len() > 1 && b[1] != b'.' && b[1] != b'/')
}

/// Node's `_findPath` "trailing slash" test: ends with '/', or is `.`/`..`, or ends
/// with `/.` or `/..`.
fn has_trailing_slash(request: &str) -> bool {
    request.ends_with('/')
        || request == "."
        || request == ".."
        || request.ends_with("/.")
        || request.ends_with("/..")
}

/// "./…", "../…", "." or "..".
fn is_relative(request: &str) -> bool {
    crate::esm::is_relative_specifier(request)
}

/// `path.normalize(request).startsWith('..')` for a relative request.
fn escapes_upward(request: &str) -> bool {
    let mut stack: Vec<&str> = Vec::new();
    for seg in request.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if stack.last().is_some_and(|s| *s != "..") {
                    stack.pop();
                } else {
                    stack.push("..");
                }
            }
            s => stack.push(s),
        }
    }
    stack.first().is_some_and(|s| s.starts_with(".."))
}

impl Resolver {
    /// `Module._nodeModulePaths(dir)` with an explicit working directory.
    pub(crate) fn node_module_paths_in(cwd: &Path, dir: &Path) -> Vec<PathBuf> {
        let abs = if dir.is_absolute() {
            dir.to_path_buf()
        } else {
            cwd.join(dir)
        };
        Resolver::node_module_paths(&abs)
    }

    /// `Module._resolveLookupPaths(request, parent)`.
    fn cjs_lookup_paths(
        &self,
        request: &str,
        nm_paths: Vec<PathBuf>,
        parent_file: Option<&Path>,
    ) -> Vec<PathBuf> {
        if is_node_modules_request(request) {
            let mut paths = nm_paths;
            paths.extend(self.global_paths().iter().cloned());
            return paths;
        }
        match parent_file {
            Some(f) => vec![f.parent().unwrap_or(Path::new("/")).to_path_buf()],
            None => vec![PathBuf::from(".")],
        }
    }

    pub(crate) fn cjs_resolve(
        &self,
        spec: &str,
        parent: Option<&Path>,
        extra_paths: Option<&[PathBuf]>,
    ) -> Result<Resolved, ResolveError> {
        if spec.starts_with("node:") {
            return builtin_from_node_url(spec);
        }
        if BUILTIN_MODULES.contains(&spec) {
            return Ok(Resolved::Builtin(spec.to_string()));
        }
        let cwd = self.cwd();
        let parent_file = match parent {
            Some(p) => crate::resolver::normalize(&cwd.join(p)),
            None => cwd.join("[eval]"),
        };
        let parent_dir = parent_file.parent().unwrap_or(Path::new("/"));
        let paths = match extra_paths {
            Some(list) if spec.starts_with("./") || spec.starts_with("../") => list.to_vec(),
            Some(list) => {
                let mut out: Vec<PathBuf> = Vec::new();
                for p in list {
                    let nm = Self::node_module_paths_in(&cwd, p);
                    for x in self.cjs_lookup_paths(spec, nm, None) {
                        if !out.contains(&x) {
                            out.push(x);
                        }
                    }
                }
                out
            }
            None => {
                let nm = Self::node_module_paths_in(&cwd, parent_dir);
                self.cjs_lookup_paths(spec, nm, Some(&parent_file))
            }
        };
        let mut tried = Vec::new();
        let result = self.cjs_resolve_with(spec, &parent_file, &paths, &mut tried);
        match result {
            Ok(Some(found)) => {
                if let Some(b) = found.builtin {
                    return Ok(b);
                }
                let format = self.module_format(&found.path);
                let package = found
                    .pkg
                    .map(|(root, cond)| self.package_match(&root, cond));
                Ok(Resolved::File {
                    path: found.path,
                    format,
                    package,
                })
            }
            Ok(None) => {
                let mut e = errors::cjs_not_found(spec);
                e.tried = tried;
                Err(e)
            }
            Err(mut e) => {
                e.tried = tried;
                Err(e)
            }
        }
    }

    fn cjs_resolve_with(
        &self,
        spec: &str,
        parent_file: &Path,
        paths: &[PathBuf],
        tried: &mut Vec<PathBuf>,
    ) -> Result<Option<Found>, ResolveError> {
        let parent_dir = parent_file.parent().unwrap_or(Path::new("/"));
        if spec.starts_with('#') {
            match self.package_scope(parent_dir) {
                Some((pj, PkgEntry::Invalid)) => {
                    return Err(errors::invalid_package_config_plain(&pj))
                }
                Some((pj, PkgEntry::Found(info))) if info.imports.is_some() => {
                    if let Some(Err(())) = info.imports {
                        return Err(errors::invalid_package_config_plain(&pj));
                    }
                    let base = Base::new(parent_file);
                    let mut ctx = Ctx::new(CJS_CONDITIONS);
                    let r = self.package_imports_resolve(&mut ctx, spec, &base);
                    tried.append(&mut ctx.tried);
                    let pkg_dir = pj.parent().unwrap_or(Path::new("/")).to_path_buf();
                    return match r {
                        Ok(hit) => {
                            if let Url::Other { scheme, href } = &hit.url {
                                if scheme == "node" {
                                    let b = builtin_from_node_url(href)?;
                                    return Ok(Some(Found {
                                        path: PathBuf::new(),
                                        pkg: None,
                                        builtin: Some(b),
                                    }));
                                }
                            }
                            let path = self.finalize_esm_resolution(
                                &hit.url,
                                Some(parent_file),
                                &pkg_dir,
                                tried,
                            )?;
                            Ok(Some(Found::file(
                                path,
                                Some((hit.pkg.unwrap_or(pkg_dir), hit.condition)),
                            )))
                        }
                        Err(e) if e.code == "ERR_MODULE_NOT_FOUND" => {
                            Err(errors::cjs_not_found_in_package(spec, &pj))
                        }
                        Err(e) => Err(e),
                    };
                }
                _ => {}
            }
        }
        if let Some(found) = self.try_self(parent_file, spec, tried)? {
            return Ok(Some(found));
        }
        self.find_path(spec, paths, tried)
    }

    /// Node's `trySelf`: a package requiring itself by name through its `exports`.
    fn try_self(
        &self,
        parent_file: &Path,
        request: &str,
        tried: &mut Vec<PathBuf>,
    ) -> Result<Option<Found>, ResolveError> {
        let parent_dir = parent_file.parent().unwrap_or(Path::new("/"));
        let (pj, info) = match self.package_scope(parent_dir) {
            None => return Ok(None),
            Some((pj, PkgEntry::Invalid)) => return Err(errors::invalid_package_config_plain(&pj)),
            Some((_, PkgEntry::Missing)) => return Ok(None),
            Some((pj, PkgEntry::Found(info))) => (pj, info),
        };
        let (Some(exports), Some(name)) = (&info.exports, &info.json.name) else {
            return Ok(None);
        };
        let expansion = if request == name {
            ".".to_string()
        } else if let Some(rest) = request
            .strip_prefix(name.as_str())
            .filter(|r| r.starts_with('/'))
        {
            format!(".{rest}")
        } else {
            return Ok(None);
        };
        let exports = exports
            .as_ref()
            .map_err(|_| errors::invalid_package_config_plain(&pj))?;
        let base = Base::new(parent_file);
        let mut ctx = Ctx::new(CJS_CONDITIONS);
        let r = self.package_exports_resolve(
            &mut ctx,
            &pj,
            &FileUrl::from_path(&pj),
            &expansion,
            exports,
            Some(&base),
        );
        tried.append(&mut ctx.tried);
        let pkg_dir = pj.parent().unwrap_or(Path::new("/")).to_path_buf();
        match r {
            Ok(hit) => {
                let path =
                    self.finalize_esm_resolution(&hit.url, Some(parent_file), &pkg_dir, tried)?;
                Ok(Some(Found::file(path, Some((pkg_dir, hit.condition)))))
            }
            Err(e) if e.code == "ERR_MODULE_NOT_FOUND" => {
                Err(errors::cjs_not_found_in_package(request, &pj))
            }
            Err(e) => Err(e),
        }
    }

    /// Node's `finalizeEsmResolution`: an `exports`/`imports` result must be an
    /// existing file.
    fn finalize_esm_resolution(
        &self,
        url: &Url,
        parent: Option<&Path>,
        pkg_dir: &Path,
        tried: &mut Vec<PathBuf>,
    ) -> Result<PathBuf, ResolveError> {
        let href = match url {
            Url::File(f) => f.href(),
            Url::Other { href, .. } => href.clone(),
        };
        if has_encoded_sep(&href) {
            let base = parent.map(Base::new);
            let mut e = errors::invalid_module_specifier(
                &href,
                "must not include encoded \"/\" or \"\\\" characters",
                base.as_ref(),
            );
            e.code = "MODULE_NOT_FOUND";
            return Err(e);
        }
        let Url::File(f) = url else {
            return Err(errors::cjs_not_found_in_package(
                &href,
                &pkg_dir.join("package.json"),
            ));
        };
        let filename = f.to_path(true).map_err(|e| match e {
            UrlPathError::Host => errors::file_url_host(),
            UrlPathError::EncodedSlash => errors::file_url_path(),
            UrlPathError::Malformed => errors::uri_malformed(),
        })?;
        tried.push(filename.clone());
        if let Some(real) = self.try_file(&filename) {
            return Ok(real);
        }
        Err(errors::cjs_not_found_in_package(
            &filename.display().to_string(),
            &pkg_dir.join("package.json"),
        ))
    }

    /// Node's `_findPath`.
    pub(crate) fn find_path(
        &self,
        request: &str,
        paths: &[PathBuf],
        tried: &mut Vec<PathBuf>,
    ) -> Result<Option<Found>, ResolveError> {
        let absolute = request.starts_with('/');
        let single_root = [PathBuf::new()];
        let paths: &[PathBuf] = if absolute { &single_root } else { paths };
        if paths.is_empty() {
            return Ok(None);
        }
        let trailing_slash = has_trailing_slash(request);
        let inside_path = !(is_relative(request) && escapes_upward(request));
        let cwd = self.cwd();
        let bare_name = if absolute {
            None
        } else {
            exports_pattern(request).map(|(n, _)| n)
        };
        for cur in paths {
            let cur_abs = if cur.as_os_str().is_empty() || cur.is_absolute() {
                cur.clone()
            } else {
                cwd.join(cur)
            };
            if inside_path && !cur.as_os_str().is_empty() && self.stat(&cur_abs) != Kind::Dir {
                continue;
            }
            if !absolute {
                if let Some(found) = self.resolve_exports(&cur_abs, request, tried)? {
                    return Ok(Some(found));
                }
            }
            let base_path = resolve_from(&cwd, &cur_abs, request);
            tried.push(base_path.clone());
            let rc = self.stat(&base_path);
            let mut filename = None;
            if !trailing_slash {
                if rc == Kind::File {
                    filename = self.realpath(&base_path);
                }
                if filename.is_none() {
                    filename = self.try_extensions(&base_path, tried);
                }
            }
            if filename.is_none() && rc == Kind::Dir {
                filename = self.try_package(&base_path, tried)?;
            }
            if let Some(path) = filename {
                let pkg = bare_name.map(|n| (resolve_from(&cwd, &cur_abs, n), None));
                return Ok(Some(Found::file(path, pkg)));
            }
        }
        Ok(None)
    }

    /// Node's `resolveExports`: `node_modules/<name>` with an `exports` field.
    fn resolve_exports(
        &self,
        nm_path: &Path,
        request: &str,
        tried: &mut Vec<PathBuf>,
    ) -> Result<Option<Found>, ResolveError> {
        let Some((name, expansion)) = exports_pattern(request) else {
            return Ok(None);
        };
        let pkg_path = resolve_from(&self.cwd(), nm_path, name);
        let pj = pkg_path.join("package.json");
        let info = match self.read_pkg(&pj) {
            PkgEntry::Invalid => return Err(errors::invalid_package_config_plain(&pj)),
            PkgEntry::Missing => return Ok(None),
            PkgEntry::Found(info) => info,
        };
        let exports = match &info.exports {
            None => return Ok(None),
            Some(Err(())) => return Err(errors::invalid_package_config_plain(&pj)),
            Some(Ok(e)) => e,
        };
        let mut ctx = Ctx::new(CJS_CONDITIONS);
        let r = self.package_exports_resolve(
            &mut ctx,
            &pj,
            &FileUrl::from_path(&pj),
            &format!(".{expansion}"),
            exports,
            None,
        );
        tried.append(&mut ctx.tried);
        match r {
            Ok(hit) => {
                let path = self.finalize_esm_resolution(&hit.url, None, &pkg_path, tried)?;
                Ok(Some(Found::file(path, Some((pkg_path, hit.condition)))))
            }
            Err(e) if e.code == "ERR_MODULE_NOT_FOUND" => {
                Err(errors::cjs_not_found_in_package(request, &pj))
            }
            Err(e) => Err(e),
        }
    }

    /// `tryFile`: an existing file, realpath'd.
    fn try_file(&self, path: &Path) -> Option<PathBuf> {
        if self.stat(path) == Kind::File {
            self.realpath(path)
        } else {
            None
        }
    }

    /// `tryExtensions`: `base.js`, `base.json`, `base.node`.
    fn try_extensions(&self, base: &Path, tried: &mut Vec<PathBuf>) -> Option<PathBuf> {
        for ext in EXTENSIONS {
            let p = append(base, ext);
            tried.push(p.clone());
            if let Some(real) = self.try_file(&p) {
                return Some(real);
            }
        }
        None
    }

    /// `tryPackage`: a directory's package.json `main` (with probing), then `index`.
    fn try_package(
        &self,
        request_path: &Path,
        tried: &mut Vec<PathBuf>,
    ) -> Result<Option<PathBuf>, ResolveError> {
        let pj = request_path.join("package.json");
        let main = match self.read_pkg(&pj) {
            PkgEntry::Invalid => return Err(errors::invalid_package_config_plain(&pj)),
            PkgEntry::Missing => None,
            PkgEntry::Found(info) => info.json.main.clone(),
        };
        let Some(main) = main.filter(|m| !m.is_empty()) else {
            return Ok(self.try_extensions(&request_path.join("index"), tried));
        };
        let filename = resolve_from(&self.cwd(), request_path, &main);
        tried.push(filename.clone());
        let actual = self
            .try_file(&filename)
            .or_else(|| self.try_extensions(&filename, tried))
            .or_else(|| self.try_extensions(&filename.join("index"), tried));
        if let Some(a) = actual {
            return Ok(Some(a));
        }
        // Deprecated (DEP0128): an invalid "main" falls back to the directory's index.
        if let Some(a) = self.try_extensions(&request_path.join("index"), tried) {
            return Ok(Some(a));
        }
        Err(errors::cjs_bad_main(&filename, &pj))
    }

    /// What CommonJS resolution finds for the ESM "Did you mean" hint: Node resolves
    /// with a parent that has no filename (no self-reference, no `#imports`, relative
    /// requests from `rel_dir`) and the parent file's `node_modules` paths.
    pub(crate) fn cjs_resolve_for_hint(
        &self,
        spec: &str,
        parent_file: &Path,
        rel_dir: &Path,
    ) -> Option<PathBuf> {
        if spec.starts_with("node:") || BUILTIN_MODULES.contains(&spec) {
            return None;
        }
        let paths = if is_node_modules_request(spec) {
            let mut p = Self::node_module_paths_in(&self.cwd(), parent_file);
            p.extend(self.global_paths().iter().cloned());
            p
        } else {
            vec![rel_dir.to_path_buf()]
        };
        let mut tried = Vec::new();
        match self.find_path(spec, &paths, &mut tried) {
            Ok(Some(found)) => Some(found.path),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_pattern_cases() {
        assert_eq!(exports_pattern("pkg"), Some(("pkg", "")));
        assert_eq!(exports_pattern("pkg/a/b"), Some(("pkg", "/a/b")));
        assert_eq!(exports_pattern("@s/p/x"), Some(("@s/p", "/x")));
        assert_eq!(exports_pattern("@s"), Some(("@s", "")));
        assert_eq!(exports_pattern("@s/.x"), Some(("@s", "/.x")));
        assert_eq!(exports_pattern("./x"), None);
        assert_eq!(exports_pattern("a%b"), None);
        assert_eq!(exports_pattern("a/b\nc"), None);
    }

    #[test]
    fn trailing_and_upward() {
        assert!(has_trailing_slash("./"));
        assert!(has_trailing_slash(".."));
        assert!(has_trailing_slash("a/.."));
        assert!(!has_trailing_slash("a.."));
        assert!(escapes_upward("../x"));
        assert!(escapes_upward("./a/../../x"));
        assert!(!escapes_upward("./a/../x"));
    }
}
