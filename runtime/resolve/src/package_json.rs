//! package.json: the fields resolution reads (`name`, `version`, `main`, `type`,
//! `exports`, `imports`), parsed once and cached by the resolver.
//!
//! Validation follows Node 21's package.json reader: the document must be a JSON
//! object; `name` and `type`, when present, must be strings (otherwise the package
//! config is invalid); `main` and `version` are used only when they are strings;
//! `exports`/`imports` only when they are an object, an array or a string. Values of
//! fields that are not read are only checked for bracket structure, as Node's
//! streaming reader does.

use crate::json::{Json, Parser};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub struct PackageJson {
    /// Absolute path of the package.json file.
    pub path: PathBuf,
    pub name: Option<String>,
    pub version: Option<String>,
    pub main: Option<String>,
    /// "module" or "commonjs" (None when absent).
    pub kind: Option<String>,
    pub exports: Option<serde_json::Value>,
    pub imports: Option<serde_json::Value>,
    /// `dependencies` + `devDependencies` + `peerDependencies` + `optionalDependencies` names.
    pub dependencies: Vec<String>,
}

impl PackageJson {
    /// Parses package.json text the way Node 21 reads it. `path` is recorded as
    /// [`PackageJson::path`]. Returns `None` when Node would report
    /// `ERR_INVALID_PACKAGE_CONFIG` for this file (not a JSON object, a non-string
    /// `name`/`type`, broken structure). A UTF-8 byte order mark is accepted.
    ///
    /// Note: `exports`/`imports` are returned as `serde_json::Value`s whose object key
    /// order is serde_json's (sorted), not the file's; the resolver itself keeps the
    /// file's order for condition matching.
    pub fn parse(path: impl Into<PathBuf>, text: &str) -> Option<PackageJson> {
        parse_info(path.into(), text).map(|info| (*info.json).clone())
    }

    /// True when `"type": "module"`.
    pub fn is_module(&self) -> bool {
        self.kind.as_deref() == Some("module")
    }

    /// The directory holding this package.json.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("/"))
    }
}

/// A parsed package.json plus the order-preserving `exports`/`imports` trees.
#[derive(Debug)]
pub(crate) struct PackageInfo {
    pub(crate) json: Arc<PackageJson>,
    /// None: absent, null, or of a type Node ignores. `Err`: present but not valid JSON
    /// inside (Node fails when it first uses it).
    pub(crate) exports: Option<Result<Json, ()>>,
    pub(crate) imports: Option<Result<Json, ()>>,
}

/// Reads one value that Node looks at with a typed getter: strict JSON when possible,
/// otherwise skipped leniently (returned as `None`).
fn typed_value(p: &mut Parser) -> Option<Option<Json>> {
    let save = p.i;
    if let Some(v) = p.value() {
        return Some(Some(v));
    }
    p.i = save;
    p.skip_lenient()?;
    Some(None)
}

pub(crate) fn parse_info(path: PathBuf, text: &str) -> Option<PackageInfo> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser::new(text);
    p.ws();
    if !p.eat(b'{') {
        return None;
    }
    let mut name = None;
    let mut version = None;
    let mut main = None;
    let mut kind = None;
    let mut exports: Option<Result<Json, ()>> = None;
    let mut imports: Option<Result<Json, ()>> = None;
    let mut deps: Vec<String> = Vec::new();
    p.ws();
    if !p.eat(b'}') {
        loop {
            p.ws();
            let key = p.string()?;
            p.ws();
            if !p.eat(b':') {
                return None;
            }
            p.ws();
            match key.as_str() {
                "name" => match typed_value(&mut p)? {
                    Some(Json::Str(s)) => name = Some(s),
                    _ => return None,
                },
                "type" => match typed_value(&mut p)? {
                    Some(Json::Str(s)) => {
                        kind = match s.as_str() {
                            "module" | "commonjs" => Some(s),
                            _ => None,
                        }
                    }
                    _ => return None,
                },
                "main" => {
                    main = match typed_value(&mut p)? {
                        Some(Json::Str(s)) => Some(s),
                        _ => None,
                    }
                }
                "version" => {
                    version = match typed_value(&mut p)? {
                        Some(Json::Str(s)) => Some(s),
                        _ => None,
                    }
                }
                "exports" | "imports" => {
                    let slot = match p.peek() {
                        Some(b'{' | b'[' | b'"') => Some(match typed_value(&mut p)? {
                            Some(v) => Ok(v),
                            None => Err(()),
                        }),
                        _ => {
                            typed_value(&mut p)?;
                            None
                        }
                    };
                    if key == "exports" {
                        exports = slot;
                    } else {
                        imports = slot;
                    }
                }
                "dependencies"
                | "devDependencies"
                | "peerDependencies"
                | "optionalDependencies" => {
                    if let Some(Json::Obj(entries)) = typed_value(&mut p)? {
                        for (k, _) in entries {
                            if !deps.contains(&k) {
                                deps.push(k);
                            }
                        }
                    }
                }
                _ => p.skip_lenient()?,
            }
            p.ws();
            if p.eat(b',') {
                continue;
            }
            if p.eat(b'}') {
                break;
            }
            return None;
        }
    }
    p.ws();
    if !p.at_end() {
        return None;
    }
    let json = PackageJson {
        path,
        name,
        version,
        main,
        kind,
        exports: match &exports {
            Some(Ok(v)) => Some(v.to_serde()),
            _ => None,
        },
        imports: match &imports {
            Some(Ok(v)) => Some(v.to_serde()),
            _ => None,
        },
        dependencies: deps,
    };
    Some(PackageInfo {
        json: Arc::new(json),
        exports,
        imports,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn reads_fields() {
        let p = PackageJson::parse(
            "/x/package.json",
            r#"{"name":"a","version":"1.0.0","main":5,"type":"module","dependencies":{"b":"1"},"devDependencies":{"c":"1","b":"2"},"exports":{"./x":"./y.js"}}"#,
        )
        .expect("valid");
        assert_eq!(p.name.as_deref(), Some("a"));
        assert_eq!(p.version.as_deref(), Some("1.0.0"));
        assert_eq!(p.main, None);
        assert!(p.is_module());
        assert_eq!(p.dependencies, vec!["b".to_string(), "c".to_string()]);
        assert!(p.exports.is_some());
    }

    #[test]
    fn invalid_documents() {
        for text in [
            "",
            "[1]",
            "\"s\"",
            "{\"main\":\"a\",}",
            "{\"name\":5}",
            "{\"type\":true}",
            "{} x",
            "{'a':1}",
        ] {
            assert!(PackageJson::parse("/p", text).is_none(), "{text}");
        }
        for text in [
            "\u{feff}{}",
            "{\"foo\": [1,,2]}",
            "{\"foo\": tru}",
            "{\"main\": [\"a\"]}",
        ] {
            assert!(PackageJson::parse("/p", text).is_some(), "{text}");
        }
    }

    #[test]
    fn exports_keep_file_order() {
        let info = parse_info(
            "/p".into(),
            r#"{"exports":{"z":"./z","a":"./a","1":"./1"},"exports":{"import":"./i","require":"./r"}}"#,
        )
        .expect("valid");
        let Some(Ok(Json::Obj(e))) = &info.exports else {
            panic!("object expected")
        };
        let keys: Vec<&str> = e.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["import", "require"]);
        let v = json::parse(r#"{"z":1,"a":2,"1":3,"0":4}"#).expect("valid");
        assert_eq!(v.keys(), ["0", "1", "z", "a"]);
    }
}
