//! Constructors for the errors Node's resolvers throw, with Node 21.7.3's exact
//! message texts.

use crate::json::quote;
use crate::url::FileUrl;
use crate::ResolveError;
use std::path::{Path, PathBuf};

/// The module a resolution is "imported from": its path (for messages) and file URL.
#[derive(Debug, Clone)]
pub(crate) struct Base {
    pub path: PathBuf,
    pub url: FileUrl,
}

impl Base {
    pub(crate) fn new(path: &Path) -> Base {
        Base {
            path: path.to_path_buf(),
            url: FileUrl::from_path(path),
        }
    }

    /// Whether the base path is valid UTF-8 (when not, decoded paths may not be either).
    pub(crate) fn is_utf8(&self) -> bool {
        self.path.to_str().is_some()
    }
}

pub(crate) fn new(code: &'static str, message: String) -> ResolveError {
    ResolveError {
        code,
        message,
        tried: Vec::new(),
        suggestion: None,
        exported: Vec::new(),
        package_json: None,
    }
}

fn with_pkg(mut e: ResolveError, pkg: &Path) -> ResolveError {
    e.package_json = Some(pkg.to_path_buf());
    e
}

fn imported_from(base: Option<&Base>) -> String {
    match base {
        Some(b) => format!(" imported from {}", b.path.display()),
        None => String::new(),
    }
}

/// CommonJS: `Cannot find module '<request>'` (the loader appends the require stack).
pub(crate) fn cjs_not_found(request: &str) -> ResolveError {
    new(
        "MODULE_NOT_FOUND",
        format!("Cannot find module '{request}'"),
    )
}

/// CommonJS: a file an `exports`/`imports` target points to does not exist.
pub(crate) fn cjs_not_found_in_package(request: &str, pkg_json: &Path) -> ResolveError {
    with_pkg(cjs_not_found(request), pkg_json)
}

/// CommonJS: neither `main` nor `index` exists in a package directory.
pub(crate) fn cjs_bad_main(filename: &Path, pkg_json: &Path) -> ResolveError {
    with_pkg(
        new(
            "MODULE_NOT_FOUND",
            format!(
                "Cannot find module '{}'. Please verify that the package.json has a valid \"main\" entry",
                filename.display()
            ),
        ),
        pkg_json,
    )
}

/// package.json that is not valid JSON (Node's C++ reader), without a specifier.
pub(crate) fn invalid_package_config_plain(pkg_json: &Path) -> ResolveError {
    with_pkg(
        new(
            "ERR_INVALID_PACKAGE_CONFIG",
            format!("Invalid package config {}.", pkg_json.display()),
        ),
        pkg_json,
    )
}

/// package.json that is not valid JSON, read while resolving `specifier` from `base`.
pub(crate) fn invalid_package_config_importing(
    pkg_json: &Path,
    specifier: &str,
    base: &Base,
) -> ResolveError {
    with_pkg(
        new(
            "ERR_INVALID_PACKAGE_CONFIG",
            format!(
                "Invalid package config {} while importing \"{}\" from {}.",
                pkg_json.display(),
                specifier,
                base.path.display()
            ),
        ),
        pkg_json,
    )
}

/// A structural problem in `exports` (mixed keys, numeric keys).
pub(crate) fn invalid_package_config_detail(
    pkg_json: &Path,
    base: Option<&Base>,
    detail: &str,
) -> ResolveError {
    let mut msg = format!("Invalid package config {}", pkg_json.display());
    if let Some(b) = base {
        msg.push_str(&format!(" while importing {}", b.url.href()));
    }
    msg.push_str(". ");
    msg.push_str(detail);
    with_pkg(new("ERR_INVALID_PACKAGE_CONFIG", msg), pkg_json)
}

pub(crate) const MIXED_EXPORTS: &str = "\"exports\" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.";
pub(crate) const NUMERIC_EXPORTS: &str = "\"exports\" cannot contain numeric property keys.";

/// ERR_INVALID_PACKAGE_TARGET. `target` is the target as JavaScript's `String(target)`.
pub(crate) fn invalid_package_target(
    pkg_json: &Path,
    key: &str,
    target: &str,
    is_import: bool,
    base: Option<&Base>,
) -> ResolveError {
    let related = !is_import && !target.is_empty() && !target.starts_with("./");
    let tail = format!(
        "{}{}",
        imported_from(base),
        if related {
            "; targets must start with \"./\""
        } else {
            ""
        }
    );
    let msg = if key == "." {
        format!(
            "Invalid \"exports\" main target {} defined in the package config {}{}",
            quote(target),
            pkg_json.display(),
            tail
        )
    } else {
        format!(
            "Invalid \"{}\" target {} defined for '{}' in the package config {}{}",
            if is_import { "imports" } else { "exports" },
            quote(target),
            key,
            pkg_json.display(),
            tail
        )
    };
    with_pkg(new("ERR_INVALID_PACKAGE_TARGET", msg), pkg_json)
}

/// ERR_INVALID_MODULE_SPECIFIER.
pub(crate) fn invalid_module_specifier(
    request: &str,
    reason: &str,
    base: Option<&Base>,
) -> ResolveError {
    new(
        "ERR_INVALID_MODULE_SPECIFIER",
        format!(
            "Invalid module \"{request}\" {reason}{}",
            imported_from(base)
        ),
    )
}

/// ERR_INVALID_MODULE_SPECIFIER for a pattern match with `.`/`..`/`node_modules`.
pub(crate) fn invalid_subpath(
    request: &str,
    pattern_key: &str,
    pkg_json: &Path,
    internal: bool,
    base: Option<&Base>,
) -> ResolveError {
    let reason = format!(
        "request is not a valid match in pattern \"{}\" for the \"{}\" resolution of {}",
        pattern_key,
        if internal { "imports" } else { "exports" },
        pkg_json.display()
    );
    with_pkg(invalid_module_specifier(request, &reason, base), pkg_json)
}

/// ERR_PACKAGE_PATH_NOT_EXPORTED.
pub(crate) fn path_not_exported(
    pkg_json: &Path,
    subpath: &str,
    base: Option<&Base>,
    exported: Vec<String>,
) -> ResolveError {
    let msg = if subpath == "." {
        format!(
            "No \"exports\" main defined in {}{}",
            pkg_json.display(),
            imported_from(base)
        )
    } else {
        format!(
            "Package subpath '{}' is not defined by \"exports\" in {}{}",
            subpath,
            pkg_json.display(),
            imported_from(base)
        )
    };
    let mut e = with_pkg(new("ERR_PACKAGE_PATH_NOT_EXPORTED", msg), pkg_json);
    e.exported = exported;
    e
}

/// ERR_PACKAGE_IMPORT_NOT_DEFINED.
pub(crate) fn import_not_defined(
    specifier: &str,
    pkg_json: Option<&Path>,
    base: &Base,
) -> ResolveError {
    let in_pkg = match pkg_json {
        Some(p) => format!(" in package {}", p.display()),
        None => String::new(),
    };
    let mut e = new(
        "ERR_PACKAGE_IMPORT_NOT_DEFINED",
        format!(
            "Package import specifier \"{specifier}\" is not defined{in_pkg} imported from {}",
            base.path.display()
        ),
    );
    e.package_json = pkg_json.map(Path::to_path_buf);
    e
}

/// ERR_MODULE_NOT_FOUND for a file (`module`) or a package (`package`).
pub(crate) fn esm_not_found(what: &str, path: &str, base: &Base) -> ResolveError {
    new(
        "ERR_MODULE_NOT_FOUND",
        format!(
            "Cannot find {what} '{path}' imported from {}",
            base.path.display()
        ),
    )
}

/// ERR_UNSUPPORTED_DIR_IMPORT.
pub(crate) fn dir_import(path: &Path, base: &Base) -> ResolveError {
    new(
        "ERR_UNSUPPORTED_DIR_IMPORT",
        format!(
            "Directory import '{}' is not supported resolving ES modules imported from {}",
            path.display(),
            base.path.display()
        ),
    )
}

/// ERR_UNKNOWN_BUILTIN_MODULE.
pub(crate) fn unknown_builtin(specifier: &str) -> ResolveError {
    new(
        "ERR_UNKNOWN_BUILTIN_MODULE",
        format!("No such built-in module: {specifier}"),
    )
}

/// ERR_UNSUPPORTED_ESM_URL_SCHEME.
pub(crate) fn unsupported_scheme(scheme: &str) -> ResolveError {
    new(
        "ERR_UNSUPPORTED_ESM_URL_SCHEME",
        format!(
            "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '{scheme}:'"
        ),
    )
}

/// ERR_INVALID_FILE_URL_HOST.
pub(crate) fn file_url_host() -> ResolveError {
    new(
        "ERR_INVALID_FILE_URL_HOST",
        "File URL host must be \"localhost\" or empty on linux".into(),
    )
}

/// ERR_INVALID_FILE_URL_PATH.
pub(crate) fn file_url_path() -> ResolveError {
    new(
        "ERR_INVALID_FILE_URL_PATH",
        "File URL path must not include encoded / characters".into(),
    )
}

/// Node throws a plain `URIError: URI malformed` (no code) from `decodeURIComponent`.
pub(crate) fn uri_malformed() -> ResolveError {
    new(crate::URI_MALFORMED_CODE, "URI malformed".into())
}

/// A `data:` URL given to [`crate::Resolver::resolve_import`].
pub(crate) fn data_url(specifier: &str) -> ResolveError {
    let shown: String = specifier.chars().take(64).collect();
    new(
        crate::DATA_URL_CODE,
        format!("data: URLs are not files and are not resolved here: {shown}"),
    )
}
