//! Completions inside specifier strings: relative paths (with the extension the module
//! type needs), `node:` builtins, installed packages, a package's `exports` subpaths and
//! the nearest package.json's `#imports` keys. Context detection is textual (the line up
//! to the cursor), so it works while the file does not parse.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rnode_resolve::{Resolver, BUILTIN_MODULES};
use serde_json::Value;

use crate::resolve::{self, guarded};
use crate::syntax::Lang;

/// Entries read from one directory, at most.
const MAX_DIR_ENTRIES: usize = 2000;
/// Items returned, at most.
const MAX_ITEMS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    File,
    Folder,
    Builtin,
    Package,
    Subpath,
    ImportsKey,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub label: String,
    pub insert: String,
    pub kind: ItemKind,
    pub detail: Option<String>,
    /// Byte offset (in the document) where the replaced text starts; it ends at the cursor.
    pub replace_from: usize,
    /// Ask the client to complete again after inserting (a folder or a package scope).
    pub retrigger: bool,
}

/// Where the cursor is: inside the string of a specifier, with what was typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecContext {
    /// The text between the opening quote and the cursor.
    pub typed: String,
    /// Byte offset of the first character after the quote.
    pub start: usize,
    /// `require()`-style (CommonJS) rather than `import`.
    pub require: bool,
}

/// Find the specifier string around `offset`, if any.
pub fn context_at(text: &str, offset: usize) -> Option<SpecContext> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    // Walk the line, tracking string state, to find the string the cursor is in.
    let mut quote: Option<(char, usize)> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some((q, _)) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None => {
                if c == '/' && line[i..].starts_with("//") {
                    return None;
                }
                if c == '\'' || c == '"' || c == '`' {
                    quote = Some((c, i));
                }
            }
        }
    }
    let (q, qpos) = quote?;
    let typed = &line[qpos + 1..];
    if q == '`' && typed.contains("${") {
        return None;
    }
    let before = line[..qpos].trim_end();
    let require = if let Some(b) = before.strip_suffix('(') {
        let b = b.trim_end();
        if ends_with_word(b, "require") || b.ends_with("require.resolve") {
            true
        } else if ends_with_word(b, "import") {
            false
        } else {
            return None;
        }
    } else if ends_with_word(before, "from") || ends_with_word(before, "import") {
        false
    } else if let Some(b) = before.strip_suffix("require") {
        // `import x = require(` is covered above; `require 'x'` is not JS.
        let _ = b;
        return None;
    } else {
        return None;
    };
    Some(SpecContext {
        typed: typed.to_owned(),
        start: line_start + qpos + 1,
        require,
    })
}

fn ends_with_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w).is_some_and(|rest| {
        !rest
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
    })
}

pub struct Request<'a> {
    pub text: &'a str,
    pub offset: usize,
    pub path: &'a Path,
    pub lang: Lang,
    /// The document is loaded as an ES module.
    pub doc_esm: bool,
}

pub fn complete(resolver: &Resolver, req: &Request) -> Vec<Candidate> {
    let Some(ctx) = context_at(req.text, req.offset) else {
        return Vec::new();
    };
    // A TypeScript file compiled to CommonJS turns `import` into `require()`.
    let esm = !ctx.require && (!req.lang.is_typescript() || req.doc_esm);
    let typed = ctx.typed.as_str();
    let dir = req.path.parent().unwrap_or(Path::new("/"));
    let mut out = Vec::new();
    if typed.starts_with("./")
        || typed.starts_with("../")
        || typed.starts_with('/')
        || typed == "."
        || typed == ".."
    {
        let (dir_part, _partial) = split_last_slash(typed);
        let base = if typed.starts_with('/') {
            PathBuf::from(dir_part)
        } else {
            dir.join(dir_part)
        };
        let from = ctx.start + dir_part.len();
        if typed == "." || typed == ".." {
            out.push(folder(format!("{typed}/"), ctx.start, typed));
        } else {
            list_files(&base, from, esm, req.lang, Some(req.path), &mut out);
        }
    } else if typed.starts_with('#') {
        imports_keys(resolver, req.path, ctx.start, &mut out);
    } else {
        let pkg = resolve::package_name(typed);
        let in_subpath = typed.len() > pkg.len() && !typed.starts_with("node:");
        if in_subpath {
            package_subpaths(
                resolver, dir, pkg, typed, ctx.start, esm, req.lang, &mut out,
            );
        } else {
            builtins(ctx.start, &mut out);
            packages(resolver, dir, req.path, ctx.start, &mut out);
        }
    }
    out.truncate(MAX_ITEMS);
    out
}

fn split_last_slash(typed: &str) -> (&str, &str) {
    match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    }
}

fn folder(label: String, from: usize, detail: &str) -> Candidate {
    Candidate {
        insert: label.clone(),
        label,
        kind: ItemKind::Folder,
        detail: Some(detail.to_owned()),
        replace_from: from,
        retrigger: true,
    }
}

/// The name to write for `file` in a specifier: ESM needs the full name (and for a
/// TypeScript source, the `.js` it compiles to); `require()` may drop `.js`/`.json`/`.node`.
fn specifier_name(file: &str, esm: bool, lang: Lang) -> Option<String> {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".d.ts") || lower.ends_with(".d.mts") || lower.ends_with(".d.cts") {
        return None;
    }
    let (stem, ext) = match file.rfind('.') {
        Some(i) if i > 0 => (&file[..i], &file[i + 1..]),
        _ => return None,
    };
    let ts = lang.is_typescript();
    let ext_out = match ext {
        "js" | "mjs" | "cjs" | "json" | "node" | "wasm" | "jsx" => ext,
        "ts" | "tsx" if ts => "js",
        "mts" if ts => "mjs",
        "cts" if ts => "cjs",
        _ => return None,
    };
    if !esm && matches!(ext_out, "js" | "json" | "node") {
        return Some(stem.to_owned());
    }
    Some(format!("{stem}.{ext_out}"))
}

fn list_files(
    base: &Path,
    from: usize,
    esm: bool,
    lang: Lang,
    exclude: Option<&Path>,
    out: &mut Vec<Candidate>,
) {
    let Ok(rd) = std::fs::read_dir(base) else {
        return;
    };
    let mut seen: BTreeMap<String, Candidate> = BTreeMap::new();
    for entry in rd.flatten().take(MAX_DIR_ENTRIES) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if Some(path.as_path()) == exclude {
            continue;
        }
        // metadata() follows symlinks; a dangling link or a loop is skipped.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            let label = format!("{name}/");
            seen.insert(label.clone(), folder(label, from, "directory"));
        } else if let Some(spec) = specifier_name(&name, esm, lang) {
            seen.entry(spec.clone()).or_insert(Candidate {
                label: spec.clone(),
                insert: spec,
                kind: ItemKind::File,
                detail: Some(name),
                replace_from: from,
                retrigger: false,
            });
        }
    }
    out.extend(seen.into_values());
}

fn builtins(from: usize, out: &mut Vec<Candidate>) {
    for b in BUILTIN_MODULES.iter().filter(|b| !b.starts_with('_')) {
        let label = format!("node:{b}");
        out.push(Candidate {
            insert: label.clone(),
            label,
            kind: ItemKind::Builtin,
            detail: Some("Node.js built-in module".to_owned()),
            replace_from: from,
            retrigger: false,
        });
    }
    for b in rnode_resolve::builtins::PREFIX_ONLY_MODULES {
        out.push(Candidate {
            label: (*b).to_owned(),
            insert: (*b).to_owned(),
            kind: ItemKind::Builtin,
            detail: Some("Node.js built-in module (node: only)".to_owned()),
            replace_from: from,
            retrigger: false,
        });
    }
}

fn packages(resolver: &Resolver, dir: &Path, doc: &Path, from: usize, out: &mut Vec<Candidate>) {
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    let paths = guarded(|| Resolver::node_module_paths(dir)).unwrap_or_default();
    for nm in paths {
        let Ok(rd) = std::fs::read_dir(&nm) else {
            continue;
        };
        for entry in rd.flatten().take(MAX_DIR_ENTRIES) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if name.starts_with('@') {
                if let Ok(inner) = std::fs::read_dir(entry.path()) {
                    for e in inner.flatten().take(MAX_DIR_ENTRIES) {
                        let n = e.file_name().to_string_lossy().into_owned();
                        if !n.starts_with('.') {
                            found
                                .entry(format!("{name}/{n}"))
                                .or_insert_with(|| nm.display().to_string());
                        }
                    }
                }
            } else if std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()) {
                found
                    .entry(name)
                    .or_insert_with(|| nm.display().to_string());
            }
        }
    }
    if let Some(pj) = guarded(|| resolver.nearest_package_json(doc))
        .ok()
        .flatten()
    {
        for d in &pj.dependencies {
            found
                .entry(d.clone())
                .or_insert_with(|| format!("{} (not installed)", pj.path.display()));
        }
        // A package may import itself by name when it has "exports".
        if let (Some(name), Some(_)) = (&pj.name, &pj.exports) {
            found
                .entry(name.clone())
                .or_insert_with(|| "this package (self-reference)".to_owned());
        }
    }
    for (name, detail) in found {
        out.push(Candidate {
            insert: name.clone(),
            label: name,
            kind: ItemKind::Package,
            detail: Some(detail),
            replace_from: from,
            retrigger: false,
        });
    }
}

fn package_root(dir: &Path, pkg: &str) -> Option<PathBuf> {
    let paths = guarded(|| Resolver::node_module_paths(dir)).ok()?;
    paths
        .into_iter()
        .map(|nm| nm.join(pkg))
        .find(|p| p.join("package.json").is_file() || p.is_dir())
}

#[allow(clippy::too_many_arguments)]
fn package_subpaths(
    resolver: &Resolver,
    dir: &Path,
    pkg: &str,
    typed: &str,
    from: usize,
    esm: bool,
    lang: Lang,
    out: &mut Vec<Candidate>,
) {
    let Some(root) = package_root(dir, pkg) else {
        return;
    };
    let pj = guarded(|| resolver.nearest_package_json(&root.join("package.json")))
        .ok()
        .flatten()
        .filter(|pj| pj.path.parent() == Some(root.as_path()));
    let exports = pj.as_ref().and_then(|pj| pj.exports.clone());
    match exports {
        Some(exports) => {
            for sub in export_subpaths(&exports, &root) {
                let label = format!("{pkg}{}", sub.trim_start_matches('.'));
                out.push(Candidate {
                    insert: label.clone(),
                    label,
                    kind: ItemKind::Subpath,
                    detail: Some(format!("\"exports\": \"{sub}\"")),
                    replace_from: from,
                    retrigger: false,
                });
            }
        }
        None => {
            // No "exports": every file is reachable by its path.
            let rest = &typed[pkg.len()..];
            let (dir_part, _) = split_last_slash(rest);
            let base = root.join(dir_part.trim_start_matches('/'));
            list_files(
                &base,
                from + pkg.len() + dir_part.len(),
                esm,
                lang,
                None,
                out,
            );
        }
    }
}

/// The subpaths a package's `exports` makes importable; `*` patterns are expanded by
/// listing the files their target matches (bounded).
pub fn export_subpaths(exports: &Value, root: &Path) -> Vec<String> {
    let Some(map) = exports.as_object() else {
        return vec![".".to_owned()];
    };
    if !map.keys().any(|k| k.starts_with('.')) {
        return vec![".".to_owned()];
    }
    let mut out = Vec::new();
    for (key, target) in map {
        if target.is_null() {
            continue;
        }
        match key.split_once('*') {
            None => out.push(key.clone()),
            Some((kp, ks)) => {
                if let Some(t) = first_target(target) {
                    expand_pattern(root, kp, ks, &t, &mut out);
                }
            }
        }
    }
    out
}

/// The first string target of a conditional export, preferring Node's conditions.
fn first_target(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(first_target),
        Value::Object(m) => ["node", "import", "require", "default"]
            .iter()
            .find_map(|c| m.get(*c).and_then(first_target))
            .or_else(|| m.values().find_map(first_target)),
        _ => None,
    }
}

fn expand_pattern(root: &Path, kp: &str, ks: &str, target: &str, out: &mut Vec<String>) {
    let Some((tp, ts)) = target.split_once('*') else {
        return;
    };
    let (tdir, tprefix) = split_last_slash(tp);
    let base = root.join(tdir.trim_start_matches("./"));
    let Ok(rd) = std::fs::read_dir(&base) else {
        return;
    };
    for e in rd.flatten().take(MAX_DIR_ENTRIES) {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(mid) = name
            .strip_prefix(tprefix)
            .and_then(|r| r.strip_suffix(ts.trim_start_matches('/')))
        else {
            continue;
        };
        if mid.is_empty() || ts.contains('/') {
            continue;
        }
        out.push(format!("{kp}{mid}{ks}"));
    }
}

fn imports_keys(resolver: &Resolver, doc: &Path, from: usize, out: &mut Vec<Candidate>) {
    let Some(pj) = guarded(|| resolver.nearest_package_json(doc))
        .ok()
        .flatten()
    else {
        return;
    };
    let Some(map) = pj.imports.as_ref().and_then(Value::as_object) else {
        return;
    };
    for (key, target) in map {
        let detail = first_target(target).unwrap_or_default();
        if !key.contains('*') {
            out.push(Candidate {
                label: key.clone(),
                insert: key.clone(),
                kind: ItemKind::ImportsKey,
                detail: Some(format!("\"imports\" → {detail}")),
                replace_from: from,
                retrigger: false,
            });
        } else if let Some((kp, ks)) = key.split_once('*') {
            let root = pj.path.parent().unwrap_or(Path::new("/"));
            let mut subs = Vec::new();
            expand_pattern(root, kp, ks, &detail, &mut subs);
            for s in subs {
                out.push(Candidate {
                    label: s.clone(),
                    insert: s,
                    kind: ItemKind::ImportsKey,
                    detail: Some(format!("\"imports\": \"{key}\"")),
                    replace_from: from,
                    retrigger: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_contexts() {
        let t = "import x from './a";
        let c = context_at(t, t.len()).expect("ctx");
        assert_eq!((c.typed.as_str(), c.start, c.require), ("./a", 15, false));
        let t = "const a = require(\"no";
        assert!(context_at(t, t.len()).expect("ctx").require);
        let t = "await import(`#x";
        assert_eq!(context_at(t, t.len()).expect("ctx").typed, "#x");
        let t = "import 'fs";
        assert_eq!(context_at(t, t.len()).expect("ctx").typed, "fs");
        assert_eq!(context_at("const s = 'abc", 14), None);
        assert_eq!(context_at("// import x from 'y", 19), None);
        assert_eq!(context_at("import x from 'y'; z", 20), None);
    }

    #[test]
    fn names_follow_module_type() {
        assert_eq!(
            specifier_name("a.js", true, Lang::Js).as_deref(),
            Some("a.js")
        );
        assert_eq!(
            specifier_name("a.js", false, Lang::Js).as_deref(),
            Some("a")
        );
        assert_eq!(
            specifier_name("a.mjs", false, Lang::Js).as_deref(),
            Some("a.mjs")
        );
        assert_eq!(
            specifier_name("a.ts", true, Lang::Ts).as_deref(),
            Some("a.js")
        );
        assert_eq!(specifier_name("a.ts", true, Lang::Js), None);
        assert_eq!(specifier_name("a.d.ts", true, Lang::Ts), None);
        assert_eq!(specifier_name("README.md", true, Lang::Js), None);
    }
}
