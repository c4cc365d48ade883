//! One document's analysis: syntax errors, then every specifier resolved as the runtime
//! would, turned into problems (with stable codes, Node doc links and fixes) and links
//! (for hover, go-to-definition and document links). Protocol-free: byte offsets only.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rnode_resolve::{ModuleFormat, ResolveError, Resolver};

use crate::resolve::{self, Outcome};
use crate::syntax::{self, Lang, SpecKind};

pub const DOCS: &str = "https://nodejs.org/docs/latest-v21.x/api/";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A replacement of a byte range that fixes a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub new_text: String,
    pub preferred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    /// Stable diagnostic code (see the table in lsp/README.md).
    pub code: &'static str,
    /// The error Node 21 throws for this, when there is one.
    pub node_code: Option<String>,
    pub message: String,
    pub href: String,
    pub fixes: Vec<Fix>,
}

/// A specifier and what it resolved to.
#[derive(Debug, Clone)]
pub struct Link {
    pub start: usize,
    pub end: usize,
    pub specifier: String,
    pub kind: SpecKind,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The document's own format (None: unknown, e.g. an untitled buffer).
    pub format: Option<ModuleFormat>,
    pub problems: Vec<Problem>,
    pub links: Vec<Link>,
    /// Files whose change can change this analysis.
    pub deps: HashSet<PathBuf>,
}

pub struct Input<'a> {
    pub text: &'a str,
    pub lang: Lang,
    /// The document's file path (None for non-file URIs: syntax only).
    pub path: Option<&'a Path>,
}

/// Analyze a document. Returns None when `cancelled()` turns true midway (a newer
/// version arrived). `read` supplies other files' text (open documents win over disk).
pub fn analyze(
    input: &Input,
    resolver: &Resolver,
    read: &dyn Fn(&Path) -> Option<String>,
    cancelled: &dyn Fn() -> bool,
) -> Option<Analysis> {
    let format = input.path.map(|p| resolve::document_format(resolver, p));
    let esm = match format {
        Some(f) => f == ModuleFormat::Module,
        None => false,
    };
    let parsed = syntax::parse(input.text, input.lang, esm);
    let mut out = Analysis {
        format,
        ..Default::default()
    };
    for e in &parsed.errors {
        out.problems.push(Problem {
            start: e.start,
            end: e.end,
            severity: Severity::Error,
            code: "syntax-error",
            node_code: Some("SyntaxError".to_owned()),
            message: e.message.clone(),
            href: format!("{DOCS}errors.html#class-syntaxerror"),
            fixes: Vec::new(),
        });
    }
    if cancelled() {
        return None;
    }
    let Some(path) = input.path else {
        return Some(out);
    };
    if input.lang == Lang::Dts {
        return Some(out);
    }
    if let Some(pj) = resolve::guarded(|| resolver.nearest_package_json(path))
        .ok()
        .flatten()
    {
        out.deps.insert(pj.path.clone());
    }
    for spec in &parsed.specifiers {
        if spec.type_only {
            continue;
        }
        if cancelled() {
            return None;
        }
        let esm_alg = resolve::uses_import(spec.kind, input.lang, esm);
        let outcome =
            resolve::resolve_from_document(resolver, &spec.specifier, path, esm_alg, input.lang);
        let severity = if spec.in_try {
            Severity::Warning
        } else {
            Severity::Error
        };
        match &outcome {
            Outcome::Failed(e) => {
                out.deps.extend(e.tried.iter().cloned());
                out.deps.extend(e.package_json.iter().cloned());
                let mut p = problem_for_error(resolver, spec, path, esm_alg, e);
                p.severity = severity;
                out.problems.push(p);
            }
            Outcome::File {
                path: target,
                format: tf,
                package,
                ..
            } => {
                out.deps.insert(target.clone());
                if let Some(pkg) = package {
                    out.deps.insert(pkg.root.join("package.json"));
                }
                let loads_with_require = !esm_alg && spec.kind != SpecKind::RequireResolve;
                if loads_with_require && *tf == ModuleFormat::Module {
                    out.problems.push(require_esm(spec, path, target, severity));
                }
                if esm_alg && *tf == ModuleFormat::Json && !spec.json_attr {
                    out.problems
                        .push(json_attribute_missing(spec, target, severity));
                }
                if esm_alg
                    && *tf == ModuleFormat::CommonJs
                    && !spec.names.is_empty()
                    && matches!(spec.kind, SpecKind::Import | SpecKind::ExportFrom)
                {
                    if let Some(exports) = resolve::cjs_exports(resolver, target, read) {
                        out.deps.extend(exports.files.iter().cloned());
                        for n in &spec.names {
                            if n.name == "default" || exports.names.contains(&n.name) {
                                continue;
                            }
                            out.problems.push(named_export_missing(
                                spec,
                                n,
                                &exports.names,
                                severity,
                            ));
                        }
                    }
                }
            }
            Outcome::Builtin(_) | Outcome::Internal(_) => {}
        }
        out.links.push(Link {
            start: spec.start,
            end: spec.end,
            specifier: spec.specifier.clone(),
            kind: spec.kind,
            outcome,
        });
    }
    out.problems.sort_by_key(|p| (p.start, p.end));
    Some(out)
}

fn kind_word(kind: SpecKind) -> &'static str {
    match kind {
        SpecKind::Import | SpecKind::ExportFrom => "import",
        SpecKind::DynamicImport => "import()",
        SpecKind::Require => "require()",
        SpecKind::RequireResolve => "require.resolve()",
    }
}

fn fix_title(spec: &str, fix: &str) -> String {
    if let Some(rest) = fix.strip_prefix(spec) {
        if rest.starts_with("/index.") || rest.starts_with("index.") {
            return format!("Add '{rest}' (directory imports are not supported)");
        }
        if rest.starts_with('.') {
            return format!("Add extension '{rest}'");
        }
    }
    if fix.starts_with("node:") && fix.trim_start_matches("node:") == spec {
        return format!("Switch to '{fix}'");
    }
    format!("Change to '{fix}'")
}

fn problem_for_error(
    resolver: &Resolver,
    spec: &syntax::SpecifierRef,
    parent: &Path,
    esm: bool,
    e: &ResolveError,
) -> Problem {
    let s = spec.specifier.as_str();
    let fix = resolve::probe_fix(resolver, s, parent, esm, e);
    let mut fixes: Vec<Fix> = fix
        .iter()
        .map(|f| Fix {
            title: fix_title(s, f),
            start: spec.start,
            end: spec.end,
            new_text: f.clone(),
            preferred: true,
        })
        .collect();
    let not_found = matches!(e.code, "MODULE_NOT_FOUND" | "ERR_MODULE_NOT_FOUND");
    let (code, href) = match e.code {
        _ if not_found
            && resolve::is_bare(s)
            && resolve::package_installed(s, parent) == Some(false) =>
        {
            (
                "package-not-installed",
                format!("{DOCS}modules.html#loading-from-node_modules-folders"),
            )
        }
        _ if not_found && esm && fix.is_some() && resolve::is_relative_or_absolute(s) => (
            "module-not-found",
            format!("{DOCS}esm.html#mandatory-file-extensions"),
        ),
        "MODULE_NOT_FOUND" => (
            "module-not-found",
            format!("{DOCS}modules.html#all-together"),
        ),
        "ERR_MODULE_NOT_FOUND" => (
            "module-not-found",
            format!("{DOCS}errors.html#err_module_not_found"),
        ),
        "ERR_UNSUPPORTED_DIR_IMPORT" => (
            "dir-import",
            format!("{DOCS}errors.html#err_unsupported_dir_import"),
        ),
        "ERR_PACKAGE_PATH_NOT_EXPORTED" => (
            "subpath-not-exported",
            format!("{DOCS}packages.html#subpath-exports"),
        ),
        "ERR_PACKAGE_IMPORT_NOT_DEFINED" => (
            "import-not-defined",
            format!("{DOCS}packages.html#subpath-imports"),
        ),
        "ERR_UNKNOWN_BUILTIN_MODULE" => (
            "unknown-builtin",
            format!("{DOCS}errors.html#err_unknown_builtin_module"),
        ),
        "ERR_INVALID_MODULE_SPECIFIER" => (
            "invalid-specifier",
            format!("{DOCS}errors.html#err_invalid_module_specifier"),
        ),
        "ERR_UNSUPPORTED_ESM_URL_SCHEME" => (
            "invalid-specifier",
            format!("{DOCS}errors.html#err_unsupported_esm_url_scheme"),
        ),
        "ERR_INVALID_PACKAGE_TARGET" => (
            "invalid-package",
            format!("{DOCS}errors.html#err_invalid_package_target"),
        ),
        "ERR_INVALID_PACKAGE_CONFIG" => (
            "invalid-package",
            format!("{DOCS}errors.html#err_invalid_package_config"),
        ),
        other => (
            "resolve-error",
            format!("{DOCS}errors.html#{}", other.to_ascii_lowercase()),
        ),
    };
    let mut message = format!("{} ({}: {})", headline(code, s), e.code, e.message);
    if code == "package-not-installed" {
        let declared = resolve::guarded(|| resolver.nearest_package_json(parent))
            .ok()
            .flatten()
            .is_some_and(|pj| {
                pj.dependencies
                    .iter()
                    .any(|d| d == resolve::package_name(s))
            });
        if declared {
            message.push_str("\nIt is listed in package.json dependencies: run `npm install`.");
        }
    }
    if code == "subpath-not-exported" && !e.exported.is_empty() {
        let list: Vec<&str> = e.exported.iter().map(String::as_str).take(20).collect();
        message.push_str(&format!("\nExported subpaths: {}", list.join(", ")));
        let pkg = resolve::package_name(s);
        let wanted = s.strip_prefix(pkg).unwrap_or("");
        let mut ranked: Vec<(usize, &String)> = e
            .exported
            .iter()
            .filter(|x| !x.contains('*'))
            .map(|x| (resolve::edit_distance(wanted, x.trim_start_matches('.')), x))
            .collect();
        ranked.sort();
        for (_, sub) in ranked.into_iter().take(5) {
            let replacement = format!("{pkg}{}", sub.trim_start_matches('.'));
            if fixes.iter().any(|f| f.new_text == replacement) {
                continue;
            }
            fixes.push(Fix {
                title: format!("Change to exported subpath '{replacement}'"),
                start: spec.start,
                end: spec.end,
                new_text: replacement,
                preferred: fixes.is_empty(),
            });
        }
    }
    if code == "import-not-defined" && fixes.is_empty() {
        if let Some(best) = nearest_import_key(resolver, parent, s) {
            fixes.push(Fix {
                title: format!("Change to '{best}'"),
                start: spec.start,
                end: spec.end,
                new_text: best,
                preferred: true,
            });
        }
    }
    if !e.tried.is_empty() && matches!(code, "module-not-found" | "dir-import") {
        let list: Vec<String> = e
            .tried
            .iter()
            .take(12)
            .map(|p| p.display().to_string())
            .collect();
        message.push_str(&format!("\nTried: {}", list.join(", ")));
    }
    if let Some(f) = &fix {
        message.push_str(&format!("\nDid you mean '{f}'?"));
    }
    Problem {
        start: spec.start,
        end: spec.end,
        severity: Severity::Error,
        code,
        node_code: Some(e.code.to_owned()),
        message: format!("{} {}", kind_word(spec.kind), message),
        href,
        fixes,
    }
}

fn headline(code: &str, s: &str) -> String {
    match code {
        "package-not-installed" => format!(
            "cannot load '{s}': package '{}' is not installed",
            resolve::package_name(s)
        ),
        "module-not-found" => format!("cannot load '{s}': not found"),
        "dir-import" => format!("cannot load '{s}': directory imports are not supported"),
        "subpath-not-exported" => format!("cannot load '{s}': subpath not exported by the package"),
        "import-not-defined" => {
            format!("cannot load '{s}': not defined in package.json \"imports\"")
        }
        "unknown-builtin" => format!("cannot load '{s}': no such built-in module"),
        _ => format!("cannot load '{s}'"),
    }
}

fn nearest_import_key(resolver: &Resolver, parent: &Path, s: &str) -> Option<String> {
    let pj = resolve::guarded(|| resolver.nearest_package_json(parent))
        .ok()
        .flatten()?;
    let imports = pj.imports.as_ref()?.as_object()?;
    imports
        .keys()
        .filter(|k| !k.contains('*'))
        .map(|k| (resolve::edit_distance(s, k), k))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, k)| k.clone())
}

fn require_esm(
    spec: &syntax::SpecifierRef,
    parent: &Path,
    target: &Path,
    severity: Severity,
) -> Problem {
    let base = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Problem {
        start: spec.start,
        end: spec.end,
        severity,
        code: "require-esm",
        node_code: Some("ERR_REQUIRE_ESM".to_owned()),
        message: format!(
            "require() of ES Module {} from {} not supported (ERR_REQUIRE_ESM).\nInstead change the require of {} in {} to a dynamic import() which is available in all CommonJS modules.",
            target.display(),
            parent.display(),
            base,
            parent.display()
        ),
        href: format!("{DOCS}errors.html#err_require_esm"),
        fixes: Vec::new(),
    }
}

fn json_attribute_missing(
    spec: &syntax::SpecifierRef,
    target: &Path,
    severity: Severity,
) -> Problem {
    let url = crate::uri::string_of_path(target);
    let fixes = if spec.kind == SpecKind::DynamicImport {
        Vec::new()
    } else {
        // insert after the closing quote
        vec![Fix {
            title: "Add `with { type: 'json' }`".to_owned(),
            start: spec.end + 1,
            end: spec.end + 1,
            new_text: " with { type: 'json' }".to_owned(),
            preferred: true,
        }]
    };
    Problem {
        start: spec.start,
        end: spec.end,
        severity,
        code: "json-import-attribute",
        node_code: Some("ERR_IMPORT_ATTRIBUTE_MISSING".to_owned()),
        message: format!(
            "Module \"{url}\" needs an import attribute of \"type: json\" (ERR_IMPORT_ATTRIBUTE_MISSING)"
        ),
        href: format!("{DOCS}esm.html#json-modules"),
        fixes,
    }
}

fn named_export_missing(
    spec: &syntax::SpecifierRef,
    n: &syntax::ImportedName,
    names: &std::collections::BTreeSet<String>,
    severity: Severity,
) -> Problem {
    let mut fixes = Vec::new();
    if let Some((_, best)) = names
        .iter()
        .filter(|x| *x != "__esModule")
        .map(|x| (resolve::edit_distance(&n.name, x), x))
        .filter(|(d, _)| *d <= 2)
        .min()
    {
        fixes.push(Fix {
            title: format!("Change to '{best}'"),
            start: n.start,
            end: n.end,
            new_text: best.clone(),
            preferred: true,
        });
    }
    let known: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|x| *x != "__esModule")
        .take(20)
        .collect();
    Problem {
        start: n.start,
        end: n.end,
        severity,
        code: "named-export-not-found",
        node_code: Some("SyntaxError".to_owned()),
        message: format!(
            "Named export '{}' not found. The requested module '{}' is a CommonJS module, which may not support all module.exports as named exports.\nStatically detected exports: {}",
            n.name,
            spec.specifier,
            if known.is_empty() { "(none)".to_owned() } else { known.join(", ") }
        ),
        href: format!("{DOCS}esm.html#commonjs-namespaces"),
        fixes,
    }
}
