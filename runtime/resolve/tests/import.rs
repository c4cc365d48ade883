//! ESM resolution (`resolve_import`) against fixture trees; expected messages are
//! Node 21.7.3's, taken from running it on the same trees.
#![allow(clippy::result_large_err)] // ResolveError is the fixed public error type

mod common;
use common::{error, Fixture};
use rnode_resolve::{ImportTarget, ModuleFormat, Resolved, DATA_URL_CODE};

#[test]
fn relative_and_absolute_files() {
    let f = Fixture::new(&[("a/p.mjs", ""), ("a/x.mjs", ""), ("b/y.js", "")]);
    match f.import("./x.mjs", "a/p.mjs") {
        Ok(Resolved::File {
            path,
            format,
            package,
        }) => {
            assert_eq!(path, f.path("a/x.mjs"));
            assert_eq!(format, ModuleFormat::Module);
            assert_eq!(package, None);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(f.file(f.import("../b/y.js", "a/p.mjs")), "b/y.js");
    let abs = f.path("b/y.js").display().to_string();
    assert_eq!(f.file(f.import(&abs, "a/p.mjs")), "b/y.js");
    assert_eq!(
        f.file(f.import(&format!("file://{abs}"), "a/p.mjs")),
        "b/y.js"
    );
    assert_eq!(
        f.file(f.import(&format!("file://localhost{abs}"), "a/p.mjs")),
        "b/y.js"
    );
    assert_eq!(f.file(f.import("./../a/./x.mjs", "a/p.mjs")), "a/x.mjs");
}

#[test]
fn no_extension_probing_and_the_hint() {
    let f = Fixture::new(&[("a/b/p.mjs", ""), ("a/b/x.js", "")]);
    // The fixture resolver's cwd is the root; Node computes the hint of a relative
    // specifier from the cwd, so make the cwd the parent's directory here.
    let r = f.resolver().with_cwd(f.path("a/b"));
    let e = error(r.resolve_import("./x", Some(&f.path("a/b/p.mjs"))));
    assert_eq!(e.code, "ERR_MODULE_NOT_FOUND");
    assert_eq!(
        e.message,
        f.msg("Cannot find module '{R}/a/b/x' imported from {R}/a/b/p.mjs\nDid you mean to import \"./x.js\"?")
    );
    assert_eq!(e.suggestion.as_deref(), Some("./x.js"));
    assert_eq!(e.tried, vec![f.path("a/b/x")]);
    // An absolute specifier's hint is absolute.
    let abs = f.path("a/b/x").display().to_string();
    assert_eq!(
        f.err(f.import(&abs, "a/b/p.mjs")).1,
        "Cannot find module '{R}/a/b/x' imported from {R}/a/b/p.mjs\nDid you mean to import \"{R}/a/b/x.js\"?"
    );
}

#[test]
fn hint_follows_node_in_using_the_cwd() {
    let f = Fixture::new(&[("a/b/p.mjs", ""), ("a/b/x.js", "")]);
    // From the root as cwd, Node finds no "./x" and prints no hint; the suggestion
    // field still has what the user meant.
    let e = error(f.import("./x", "a/b/p.mjs"));
    assert_eq!(
        e.message,
        f.msg("Cannot find module '{R}/a/b/x' imported from {R}/a/b/p.mjs")
    );
    assert_eq!(e.suggestion.as_deref(), Some("./x.js"));
    // And with the root as cwd, "./a/b/x" is hinted as "./x.js" (Node's behaviour).
    assert_eq!(
        f.err(f.import("./a/b/x", "a/b/p.mjs")).1,
        "Cannot find module '{R}/a/b/a/b/x' imported from {R}/a/b/p.mjs\nDid you mean to import \"./x.js\"?"
    );
}

#[test]
fn directory_imports() {
    let f = Fixture::new(&[("a/b/p.mjs", ""), ("dir/index.js", ""), ("a/b/x.js", "")]);
    let r = f.resolver().with_cwd(f.path("a/b"));
    let e = error(r.resolve_import("../../dir", Some(&f.path("a/b/p.mjs"))));
    assert_eq!(e.code, "ERR_UNSUPPORTED_DIR_IMPORT");
    assert_eq!(
        e.message,
        f.msg("Directory import '{R}/dir' is not supported resolving ES modules imported from {R}/a/b/p.mjs\nDid you mean to import \"../../dir/index.js\"?")
    );
    assert_eq!(e.suggestion.as_deref(), Some("../../dir/index.js"));
    // A trailing slash is always a directory import (Node stats "/"), even for files
    // and missing paths.
    assert_eq!(
        f.err(f.import("./x.js/", "a/b/p.mjs")),
        ("ERR_UNSUPPORTED_DIR_IMPORT", "Directory import '{R}/a/b/x.js/' is not supported resolving ES modules imported from {R}/a/b/p.mjs".into())
    );
    assert_eq!(
        f.err(f.import("./nonexist/", "a/b/p.mjs")).0,
        "ERR_UNSUPPORTED_DIR_IMPORT"
    );
    assert_eq!(
        f.err(f.import(".", "a/b/p.mjs")),
        ("ERR_UNSUPPORTED_DIR_IMPORT", "Directory import '{R}/a/b/' is not supported resolving ES modules imported from {R}/a/b/p.mjs".into())
    );
    assert_eq!(
        f.err(f.import("..", "a/b/p.mjs")),
        ("ERR_UNSUPPORTED_DIR_IMPORT", "Directory import '{R}/a/' is not supported resolving ES modules imported from {R}/a/b/p.mjs".into())
    );
}

#[test]
fn url_decoding_query_and_fragment() {
    let f = Fixture::new(&[
        ("pc/p.mjs", ""),
        ("pc/a b.js", ""),
        ("pc/c%20d.js", ""),
        ("pc/e#f.js", ""),
        ("pc/ü.js", ""),
        ("pc/x.js", ""),
        ("pc/a/b.js", ""),
    ]);
    let i = |s: &str| f.import(s, "pc/p.mjs");
    assert_eq!(f.file(i("./a b.js")), "pc/a b.js");
    assert_eq!(f.file(i("./a%20b.js")), "pc/a b.js");
    assert_eq!(f.file(i("./c%2520d.js")), "pc/c%20d.js");
    assert_eq!(f.file(i("./e%23f.js")), "pc/e#f.js");
    assert_eq!(f.file(i("./ü.js")), "pc/ü.js");
    assert_eq!(f.file(i("./%C3%BC.js")), "pc/ü.js");
    assert_eq!(f.file(i("./x.js?query#hash")), "pc/x.js");
    assert_eq!(f.file(i("./.%2e/pc/x.js")), "pc/x.js");
    assert_eq!(f.file(i("./a\\b.js")), "pc/a/b.js");
    assert_eq!(
        f.err(i("./c%20d.js")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find module '{R}/pc/c d.js' imported from {R}/pc/p.mjs".into()
        )
    );
    assert_eq!(
        f.err(i("./e#f.js")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find module '{R}/pc/e' imported from {R}/pc/p.mjs".into()
        )
    );
    assert_eq!(
        f.err(i("./a%2fb")),
        ("ERR_INVALID_MODULE_SPECIFIER", "Invalid module \"{R}/pc/a%2fb\" must not include encoded \"/\" or \"\\\" characters imported from {R}/pc/p.mjs".into())
    );
    assert_eq!(f.err(i("./a%5Cb")).0, "ERR_INVALID_MODULE_SPECIFIER");
    assert_eq!(f.err(i("./%zz")).1, "URI malformed");
    assert_eq!(
        f.err(i("//host/x")),
        (
            "ERR_INVALID_FILE_URL_HOST",
            "File URL host must be \"localhost\" or empty on linux".into()
        )
    );
    assert_eq!(f.err(i("file://host/x")).0, "ERR_INVALID_FILE_URL_HOST");
    assert_eq!(
        f.err(i("file:x")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find module '/x' imported from {R}/pc/p.mjs".into()
        )
    );
}

#[test]
fn schemes_and_builtins() {
    let f = Fixture::new(&[("p.mjs", ""), ("node_modules/fs/index.js", "")]);
    let i = |s: &str| f.import(s, "p.mjs");
    assert_eq!(i("fs"), Ok(Resolved::Builtin("fs".into())));
    assert_eq!(
        i("node:fs/promises"),
        Ok(Resolved::Builtin("fs/promises".into()))
    );
    assert_eq!(i("node:test"), Ok(Resolved::Builtin("node:test".into())));
    assert_eq!(
        f.err(i("node:nope")),
        (
            "ERR_UNKNOWN_BUILTIN_MODULE",
            "No such built-in module: node:nope".into()
        )
    );
    for (spec, proto) in [
        ("http://x/y", "http:"),
        ("foo:bar", "foo:"),
        ("https://a.b/c.js", "https:"),
    ] {
        assert_eq!(
            f.err(i(spec)),
            ("ERR_UNSUPPORTED_ESM_URL_SCHEME", format!("Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '{proto}'"))
        );
    }
    let data = "data:text/javascript,export default 1";
    assert_eq!(error(i(data)).code, DATA_URL_CODE);
    assert_eq!(
        f.resolver()
            .resolve_import_url(data, Some(&f.path("p.mjs"))),
        Ok(ImportTarget::DataUrl(data.to_string()))
    );
}

const PKG_EXPORTS: &str = r#"{"name":"pkg","version":"1.2.3","exports":{
  ".":{"import":"./lib/m.mjs","require":"./lib/c.js"},
  "./feat/*":"./lib/*.js",
  "./n":null,
  "./bad":"lib/x.js"}}"#;

#[test]
fn bare_specifier_with_exports_import_condition() {
    let f = Fixture::new(&[
        ("a/b/p.mjs", ""),
        ("node_modules/pkg/package.json", PKG_EXPORTS),
        ("node_modules/pkg/lib/m.mjs", ""),
        ("node_modules/pkg/lib/c.js", ""),
        ("node_modules/pkg/lib/a.js", ""),
    ]);
    match f.import("pkg", "a/b/p.mjs") {
        Ok(Resolved::File {
            path,
            format,
            package: Some(pm),
        }) => {
            assert_eq!(path, f.path("node_modules/pkg/lib/m.mjs"));
            assert_eq!(format, ModuleFormat::Module);
            assert_eq!(pm.root, f.path("node_modules/pkg"));
            assert_eq!(pm.name.as_deref(), Some("pkg"));
            assert_eq!(pm.version.as_deref(), Some("1.2.3"));
            assert_eq!(pm.condition.as_deref(), Some("import"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        f.file(f.import("pkg/feat/a", "a/b/p.mjs")),
        "node_modules/pkg/lib/a.js"
    );
    let e = error(f.import("pkg/zz", "a/b/p.mjs"));
    assert_eq!(
        (e.code, e.message.as_str()),
        ("ERR_PACKAGE_PATH_NOT_EXPORTED", f.msg("Package subpath './zz' is not defined by \"exports\" in {R}/node_modules/pkg/package.json imported from {R}/a/b/p.mjs").as_str())
    );
    assert_eq!(e.exported, vec![".", "./feat/*", "./bad"]);
    assert_eq!(
        f.err(f.import("pkg/n", "a/b/p.mjs")),
        ("ERR_PACKAGE_PATH_NOT_EXPORTED", "Package subpath './n' is not defined by \"exports\" in {R}/node_modules/pkg/package.json imported from {R}/a/b/p.mjs".into())
    );
    assert_eq!(
        f.err(f.import("pkg/bad", "a/b/p.mjs")),
        ("ERR_INVALID_PACKAGE_TARGET", "Invalid \"exports\" target \"lib/x.js\" defined for './bad' in the package config {R}/node_modules/pkg/package.json imported from {R}/a/b/p.mjs; targets must start with \"./\"".into())
    );
    // Exported pattern pointing at a missing file.
    let e = error(f.import("pkg/feat/zz", "a/b/p.mjs"));
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            "ERR_MODULE_NOT_FOUND",
            f.msg(
                "Cannot find module '{R}/node_modules/pkg/lib/zz.js' imported from {R}/a/b/p.mjs"
            )
            .as_str()
        )
    );
    assert_eq!(
        e.package_json,
        Some(f.path("node_modules/pkg/package.json"))
    );
}

fn ex_fixture() -> Fixture {
    Fixture::new(&[
        ("a/p.mjs", ""),
        (
            "node_modules/ex/package.json",
            r#"{"name":"ex","exports":{
 ".":[{"worker":"./nope.js"},"./lib/main.js"],
 "./a/*":"./lib/*.js",
 "./a/deep/*":"./lib/deep/*.js",
 "./a/*.js":"./lib/*.js",
 "./b/*":{"node":{"import":"./lib/*.mjs","require":"./lib/*.js"}},
 "./dir/":"./lib/",
 "./seg/*":"./lib/*",
 "./inv1":"./lib/../../x.js",
 "./inv2":"./node_modules/x.js",
 "./inv3":"/abs.js",
 "./inv4":5,
 "./inv5":{"import":true},
 "./obj":{"import":{"x":"./y"}},
 "./arrnull":[null],
 "./arrinv":["bad", "lib/x"],
 "./arrempty":[],
 "./nocond":{"browser":"./lib/main.js"},
 "./pct":"./lib/%2e%2e/x.js",
 "./*.private.js":null,
 "./full/*":"./lib/*"
}}"#,
        ),
        ("node_modules/ex/lib/main.js", ""),
        ("node_modules/ex/lib/x.js", ""),
        ("node_modules/ex/lib/x.mjs", ""),
        ("node_modules/ex/lib/deep/d.js", ""),
        ("node_modules/ex/lib/y.private.js", ""),
    ])
}

#[test]
fn exports_arrays_patterns_and_specificity() {
    let f = ex_fixture();
    let i = |s: &str| f.file(f.import(s, "a/p.mjs"));
    assert_eq!(i("ex"), "node_modules/ex/lib/main.js");
    assert_eq!(i("ex/a/x"), "node_modules/ex/lib/x.js");
    assert_eq!(i("ex/a/deep/d"), "node_modules/ex/lib/deep/d.js");
    assert_eq!(i("ex/a/x.js"), "node_modules/ex/lib/x.js");
    assert_eq!(i("ex/b/x"), "node_modules/ex/lib/x.mjs");
    assert_eq!(i("ex/seg/x.js"), "node_modules/ex/lib/x.js");
    assert_eq!(i("ex/full/x.js"), "node_modules/ex/lib/x.js");
    match f.import("ex/b/x", "a/p.mjs") {
        Ok(Resolved::File {
            package: Some(pm), ..
        }) => assert_eq!(pm.condition.as_deref(), Some("import")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn exports_not_exported_cases() {
    let f = ex_fixture();
    for sub in [
        "dir/x.js",
        "obj",
        "arrnull",
        "arrempty",
        "nocond",
        "y.private.js",
        "",
        "a/",
    ] {
        assert_eq!(
            f.err(f.import(&format!("ex/{sub}"), "a/p.mjs")),
            ("ERR_PACKAGE_PATH_NOT_EXPORTED", format!("Package subpath './{sub}' is not defined by \"exports\" in {{R}}/node_modules/ex/package.json imported from {{R}}/a/p.mjs"))
        );
    }
}

#[test]
fn exports_invalid_targets_and_segments() {
    let f = ex_fixture();
    let target = |sub: &str, t: &str, related: bool| {
        (
            "ERR_INVALID_PACKAGE_TARGET",
            format!(
                "Invalid \"exports\" target {t} defined for './{sub}' in the package config {{R}}/node_modules/ex/package.json imported from {{R}}/a/p.mjs{}",
                if related { "; targets must start with \"./\"" } else { "" }
            ),
        )
    };
    let e = |s: &str| f.err(f.import(s, "a/p.mjs"));
    assert_eq!(e("ex/inv1"), target("inv1", "\"./lib/../../x.js\"", false));
    assert_eq!(
        e("ex/inv2"),
        target("inv2", "\"./node_modules/x.js\"", false)
    );
    assert_eq!(e("ex/inv3"), target("inv3", "\"/abs.js\"", true));
    assert_eq!(e("ex/inv4"), target("inv4", "\"5\"", true));
    assert_eq!(e("ex/inv5"), target("inv5", "\"true\"", true));
    assert_eq!(e("ex/arrinv"), target("arrinv", "\"lib/x\"", true));
    assert_eq!(e("ex/pct"), target("pct", "\"./lib/%2e%2e/x.js\"", false));
    assert_eq!(
        e("ex/seg/../x.js"),
        ("ERR_INVALID_MODULE_SPECIFIER", "Invalid module \"./seg/../x.js\" request is not a valid match in pattern \"./seg/*\" for the \"exports\" resolution of {R}/node_modules/ex/package.json imported from {R}/a/p.mjs".into())
    );
    assert_eq!(
        e("ex/seg/node_modules/x"),
        ("ERR_INVALID_MODULE_SPECIFIER", "Invalid module \"./seg/node_modules/x\" request is not a valid match in pattern \"./seg/*\" for the \"exports\" resolution of {R}/node_modules/ex/package.json imported from {R}/a/p.mjs".into())
    );
    assert_eq!(
        e("ex/full/deep"),
        ("ERR_UNSUPPORTED_DIR_IMPORT", "Directory import '{R}/node_modules/ex/lib/deep' is not supported resolving ES modules imported from {R}/a/p.mjs".into())
    );
}

#[test]
fn exports_sugar_and_config_errors() {
    let f = Fixture::new(&[
        ("a/p.mjs", ""),
        (
            "node_modules/sugar/package.json",
            r#"{"exports":{"import":"./s.mjs","default":"./s.js"}}"#,
        ),
        ("node_modules/sugar/s.js", ""),
        ("node_modules/sugar/s.mjs", ""),
        (
            "node_modules/str/package.json",
            r#"{"exports":"./main.js"}"#,
        ),
        ("node_modules/str/main.js", ""),
        (
            "node_modules/arr/package.json",
            r#"{"exports":["nope:x","./a.js"]}"#,
        ),
        ("node_modules/arr/a.js", ""),
        (
            "node_modules/mix/package.json",
            r#"{"exports":{".":"./a.js","x":"./b.js"}}"#,
        ),
        (
            "node_modules/num/package.json",
            r#"{"exports":{"0":"./a.js"}}"#,
        ),
        (
            "node_modules/nomainex/package.json",
            r#"{"exports":{"./x":"./x.js"}}"#,
        ),
        (
            "node_modules/badmain/package.json",
            r#"{"exports":"lib/main.js"}"#,
        ),
    ]);
    let i = |s: &str| f.import(s, "a/p.mjs");
    assert_eq!(f.file(i("sugar")), "node_modules/sugar/s.mjs");
    assert_eq!(f.file(i("str")), "node_modules/str/main.js");
    assert_eq!(f.file(i("arr")), "node_modules/arr/a.js");
    assert_eq!(f.err(i("str/main.js")).0, "ERR_PACKAGE_PATH_NOT_EXPORTED");
    assert_eq!(
        f.err(i("mix")),
        ("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config {R}/node_modules/mix/package.json while importing file://{R}/a/p.mjs. \"exports\" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.".into())
    );
    assert_eq!(
        f.err(i("num")),
        ("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config {R}/node_modules/num/package.json while importing file://{R}/a/p.mjs. \"exports\" cannot contain numeric property keys.".into())
    );
    assert_eq!(
        f.err(i("nomainex")),
        ("ERR_PACKAGE_PATH_NOT_EXPORTED", "No \"exports\" main defined in {R}/node_modules/nomainex/package.json imported from {R}/a/p.mjs".into())
    );
    assert_eq!(
        f.err(i("badmain")),
        ("ERR_INVALID_PACKAGE_TARGET", "Invalid \"exports\" main target \"lib/main.js\" defined in the package config {R}/node_modules/badmain/package.json imported from {R}/a/p.mjs; targets must start with \"./\"".into())
    );
}

#[test]
fn legacy_main_resolution() {
    let f = Fixture::new(&[
        ("a/p.mjs", ""),
        ("node_modules/lm/package.json", r#"{"main":"lib"}"#),
        ("node_modules/lm/lib/index.js", ""),
        ("node_modules/lm/other.js", ""),
        ("node_modules/lm3/package.json", r#"{"main":"entry"}"#),
        ("node_modules/lm3/entry.js", ""),
        ("node_modules/noidx/package.json", r#"{"name":"noidx"}"#),
        ("node_modules/noidx/index.js", ""),
        ("node_modules/nox/package.json", r#"{"main":"nope.js"}"#),
        ("node_modules/nomain/x.js", ""),
    ]);
    let r = f.resolver().with_cwd(f.path("a"));
    let i = |s: &str| r.resolve_import(s, Some(&f.path("a/p.mjs")));
    assert_eq!(f.file(i("lm")), "node_modules/lm/lib/index.js");
    assert_eq!(f.file(i("lm3")), "node_modules/lm3/entry.js");
    assert_eq!(f.file(i("noidx")), "node_modules/noidx/index.js");
    assert_eq!(f.file(i("nomain/x.js")), "node_modules/nomain/x.js");
    assert_eq!(
        f.err(i("nox")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find package '{R}/node_modules/nox/package.json' imported from {R}/a/p.mjs"
                .into()
        )
    );
    assert_eq!(
        f.err(i("nomain")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find package '{R}/node_modules/nomain/package.json' imported from {R}/a/p.mjs"
                .into()
        )
    );
    // Subpaths get no probing; the hint names what require() would load.
    let e = error(i("lm/other"));
    assert_eq!(
        e.message,
        f.msg("Cannot find module '{R}/node_modules/lm/other' imported from {R}/a/p.mjs\nDid you mean to import \"lm/other.js\"?")
    );
    assert_eq!(e.suggestion.as_deref(), Some("lm/other.js"));
    assert_eq!(
        f.err(i("lm/lib")),
        ("ERR_UNSUPPORTED_DIR_IMPORT", "Directory import '{R}/node_modules/lm/lib' is not supported resolving ES modules imported from {R}/a/p.mjs\nDid you mean to import \"lm/lib/index.js\"?".into())
    );
    assert_eq!(
        f.err(i("nomain/x")).1,
        "Cannot find module '{R}/node_modules/nomain/x' imported from {R}/a/p.mjs\nDid you mean to import \"nomain/x.js\"?"
    );
}

#[test]
fn hint_from_require_condition() {
    let f = Fixture::new(&[
        ("src/p.mjs", ""),
        (
            "node_modules/cond/package.json",
            r#"{"exports":{"require":"./c.js","import":"./missing.mjs"}}"#,
        ),
        ("node_modules/cond/c.js", ""),
    ]);
    assert_eq!(
        f.err(f.import("cond", "src/p.mjs")).1,
        "Cannot find module '{R}/node_modules/cond/missing.mjs' imported from {R}/src/p.mjs\nDid you mean to import \"cond/c.js\"?"
    );
}

#[test]
fn package_not_found_and_invalid_names() {
    let f = Fixture::new(&[("a/p.mjs", "")]);
    let e = error(f.import("nope", "a/p.mjs"));
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            "ERR_MODULE_NOT_FOUND",
            f.msg("Cannot find package 'nope' imported from {R}/a/p.mjs")
                .as_str()
        )
    );
    assert!(e.tried.contains(&f.path("a/node_modules/nope")));
    assert!(e.tried.contains(&f.path("node_modules/nope")));
    for spec in ["@bad", ".pkg", "a%2fb", "a\\b", "..x"] {
        assert_eq!(
            f.err(f.import(spec, "a/p.mjs")),
            (
                "ERR_INVALID_MODULE_SPECIFIER",
                format!(
                    "Invalid module \"{}\" is not a valid package name imported from {{R}}/a/p.mjs",
                    spec
                )
            )
        );
    }
}

#[test]
fn esm_walk_up_does_not_skip_node_modules_dirs() {
    let f = Fixture::new(&[
        ("node_modules/a/x.mjs", ""),
        ("node_modules/node_modules/zz/index.js", ""),
        ("node_modules/a/node_modules/b/index.js", ""),
    ]);
    assert_eq!(
        f.file(f.import("zz", "node_modules/a/x.mjs")),
        "node_modules/node_modules/zz/index.js"
    );
    assert_eq!(
        f.file(f.import("b", "node_modules/a/x.mjs")),
        "node_modules/a/node_modules/b/index.js"
    );
}

#[test]
fn self_reference_in_import() {
    let f = Fixture::new(&[
        (
            "self/package.json",
            r#"{"name":"self","exports":{".":"./main.js","./sub/*":"./sub/*.js","./x":{"import":"./missing.mjs","require":"./main.js"}}}"#,
        ),
        ("self/main.js", ""),
        ("self/sub/s.js", ""),
        ("self/sub/p.mjs", ""),
    ]);
    let i = |s: &str| f.import(s, "self/sub/p.mjs");
    assert_eq!(f.file(i("self")), "self/main.js");
    assert_eq!(f.file(i("self/sub/s")), "self/sub/s.js");
    assert_eq!(
        f.err(i("self/x")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find module '{R}/self/missing.mjs' imported from {R}/self/sub/p.mjs".into()
        )
    );
    assert_eq!(
        f.err(i("self/nope")),
        ("ERR_PACKAGE_PATH_NOT_EXPORTED", "Package subpath './nope' is not defined by \"exports\" in {R}/self/package.json imported from {R}/self/sub/p.mjs".into())
    );
}

#[test]
fn imports_in_import() {
    let f = Fixture::new(&[
        (
            "self/package.json",
            r##"{"name":"self","imports":{"#a":"./main.js","#dep":"dep","#p/*":"./sub/*.js","#n":null,"#bad":"../out.js","#arr":["nope:x","./main.js"],"#nodep":"nodep","#pat/*.js":"./src/*.js","#pat/x/*.js":"./src/x/*.js","#obj":{"require":"./r.js","import":"./i.mjs"},"#fs":"fs"}}"##,
        ),
        ("self/main.js", ""),
        ("self/i.mjs", ""),
        ("self/r.js", ""),
        ("self/src/a.js", ""),
        ("self/src/x/b.js", ""),
        ("self/sub/s.js", ""),
        ("self/sub/p.mjs", ""),
        (
            "self/node_modules/dep/package.json",
            r#"{"name":"dep","main":"d.js"}"#,
        ),
        ("self/node_modules/dep/d.js", ""),
        ("out/p.mjs", ""),
    ]);
    let i = |s: &str| f.import(s, "self/sub/p.mjs");
    assert_eq!(f.file(i("#a")), "self/main.js");
    assert_eq!(f.file(i("#p/s")), "self/sub/s.js");
    assert_eq!(f.file(i("#arr")), "self/main.js");
    assert_eq!(f.file(i("#pat/a.js")), "self/src/a.js");
    assert_eq!(f.file(i("#pat/x/b.js")), "self/src/x/b.js");
    assert_eq!(f.file(i("#obj")), "self/i.mjs");
    assert_eq!(i("#fs"), Ok(Resolved::Builtin("fs".into())));
    match i("#dep") {
        Ok(Resolved::File {
            path,
            package: Some(pm),
            ..
        }) => {
            assert_eq!(path, f.path("self/node_modules/dep/d.js"));
            assert_eq!(pm.name.as_deref(), Some("dep"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        f.err(i("#n")),
        ("ERR_PACKAGE_IMPORT_NOT_DEFINED", "Package import specifier \"#n\" is not defined in package {R}/self/package.json imported from {R}/self/sub/p.mjs".into())
    );
    assert_eq!(
        f.err(i("#bad")),
        ("ERR_INVALID_PACKAGE_TARGET", "Invalid \"imports\" target \"../out.js\" defined for '#bad' in the package config {R}/self/package.json imported from {R}/self/sub/p.mjs".into())
    );
    assert_eq!(
        f.err(i("#nodep")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find package 'nodep' imported from {R}/self/package.json".into()
        )
    );
    assert_eq!(
        f.err(i("#")),
        ("ERR_INVALID_MODULE_SPECIFIER", "Invalid module \"#\" is not a valid internal imports specifier name imported from {R}/self/sub/p.mjs".into())
    );
    assert_eq!(
        f.err(f.import("#a", "out/p.mjs")),
        (
            "ERR_PACKAGE_IMPORT_NOT_DEFINED",
            "Package import specifier \"#a\" is not defined imported from {R}/out/p.mjs".into()
        )
    );
}

#[test]
fn package_type_decides_js_format() {
    let f = Fixture::new(&[
        ("m/package.json", r#"{"type":"module"}"#),
        ("m/a.js", ""),
        ("m/b.cjs", ""),
        ("m/c", ""),
        ("m/sub/d.js", ""),
        ("c/package.json", r#"{"type":"commonjs"}"#),
        ("c/a.js", ""),
        ("c/b.mjs", ""),
        ("p.mjs", ""),
    ]);
    let fmt = |s: &str| match f.import(s, "p.mjs") {
        Ok(Resolved::File { format, .. }) => format,
        other => panic!("{other:?}"),
    };
    assert_eq!(fmt("./m/a.js"), ModuleFormat::Module);
    assert_eq!(fmt("./m/b.cjs"), ModuleFormat::CommonJs);
    assert_eq!(fmt("./m/c"), ModuleFormat::Module);
    assert_eq!(fmt("./m/sub/d.js"), ModuleFormat::Module);
    assert_eq!(fmt("./c/a.js"), ModuleFormat::CommonJs);
    assert_eq!(fmt("./c/b.mjs"), ModuleFormat::Module);
}

#[test]
fn invalid_package_json_in_import() {
    let f = Fixture::new(&[
        ("a/p.mjs", ""),
        (
            "node_modules/badpkg/package.json",
            "{\"name\": \"badpkg\", ",
        ),
        ("bad2/package.json", "{\"name\": \"bad2\", \"imports\": {"),
        ("bad2/x.js", ""),
        ("bad2/x.mjs", ""),
        ("bad2/p.mjs", ""),
    ]);
    assert_eq!(
        f.err(f.import("badpkg", "a/p.mjs")),
        ("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config {R}/node_modules/badpkg/package.json while importing \"badpkg\" from {R}/a/p.mjs.".into())
    );
    assert_eq!(
        f.err(f.import("badpkg/x", "a/p.mjs")),
        ("ERR_INVALID_PACKAGE_CONFIG", "Invalid package config {R}/node_modules/badpkg/package.json while importing \"badpkg/x\" from {R}/a/p.mjs.".into())
    );
    // .mjs needs no package.json; .js needs its "type".
    assert_eq!(f.file(f.import("../bad2/x.mjs", "a/p.mjs")), "bad2/x.mjs");
    assert_eq!(
        f.err(f.import("../bad2/x.js", "a/p.mjs")),
        (
            "ERR_INVALID_PACKAGE_CONFIG",
            "Invalid package config {R}/bad2/package.json.".into()
        )
    );
    assert_eq!(
        f.err(f.import("#x", "bad2/p.mjs")),
        (
            "ERR_INVALID_PACKAGE_CONFIG",
            "Invalid package config {R}/bad2/package.json.".into()
        )
    );
}

#[test]
fn lenient_and_strict_package_json_parts() {
    let f = Fixture::new(&[
        ("p.mjs", ""),
        (
            "node_modules/dup/package.json",
            r#"{"main":"a.js","exports":"./a.js","exports":"./b.js"}"#,
        ),
        ("node_modules/dup/a.js", ""),
        ("node_modules/dup/b.js", ""),
        (
            "node_modules/bom/package.json",
            "\u{feff}{\"main\":\"a.js\"}",
        ),
        ("node_modules/bom/a.js", ""),
        (
            "node_modules/skip/package.json",
            r#"{"main":"a.js", "foo": [1,,2], "bar": tru}"#,
        ),
        ("node_modules/skip/a.js", ""),
        (
            "node_modules/name5/package.json",
            r#"{"name":5,"main":"a.js"}"#,
        ),
        ("node_modules/name5/a.js", ""),
    ]);
    assert_eq!(f.file(f.import("dup", "p.mjs")), "node_modules/dup/b.js");
    assert_eq!(f.file(f.import("bom", "p.mjs")), "node_modules/bom/a.js");
    assert_eq!(f.file(f.import("skip", "p.mjs")), "node_modules/skip/a.js");
    assert_eq!(
        f.err(f.import("name5", "p.mjs")).0,
        "ERR_INVALID_PACKAGE_CONFIG"
    );
}

#[test]
fn symlinked_packages_resolve_to_realpaths() {
    let f = Fixture::new(&[
        (
            "real/pkgl/package.json",
            r#"{"name":"pkgl","main":"lib/i.js"}"#,
        ),
        ("real/pkgl/lib/i.js", ""),
        ("real/pkgl/lib/j.js", ""),
        ("w/src/p.mjs", ""),
    ]);
    f.symlink("../../real/pkgl", "w/node_modules/pkgl");
    assert_eq!(
        f.file(f.import("pkgl", "w/src/p.mjs")),
        "real/pkgl/lib/i.js"
    );
    assert_eq!(
        f.file(f.import("pkgl/lib/j.js", "w/src/p.mjs")),
        "real/pkgl/lib/j.js"
    );
    // The not-found path is the unresolved one; the hint points at the real file.
    assert_eq!(
        f.err(f.import("pkgl/lib/j", "w/src/p.mjs")).1,
        "Cannot find module '{R}/w/node_modules/pkgl/lib/j' imported from {R}/w/src/p.mjs\nDid you mean to import \"file://{R}/real/pkgl/lib/j.js\"?"
    );
}

#[test]
fn missing_parent_imports_from_cwd_eval() {
    let f = Fixture::new(&[("x.mjs", "")]);
    let r = f.resolver();
    assert_eq!(f.file(r.resolve_import("./x.mjs", None)), "x.mjs");
    assert_eq!(
        f.err(r.resolve_import("./nope", None)),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find module '{R}/nope' imported from {R}/[eval1]".into()
        )
    );
}

#[test]
fn scoped_package_exports_in_import() {
    let f = Fixture::new(&[
        ("a/p.mjs", ""),
        (
            "node_modules/@sc/p/package.json",
            r#"{"name":"@sc/p","version":"0.1.0","exports":{".":"./i.js","./x/*":"./x/*.js"}}"#,
        ),
        ("node_modules/@sc/p/i.js", ""),
        ("node_modules/@sc/p/x/y.js", ""),
        ("node_modules/@sc/empty/", ""),
    ]);
    assert_eq!(
        f.file(f.import("@sc/p", "a/p.mjs")),
        "node_modules/@sc/p/i.js"
    );
    assert_eq!(
        f.file(f.import("@sc/p/x/y", "a/p.mjs")),
        "node_modules/@sc/p/x/y.js"
    );
    assert_eq!(
        f.err(f.import("@sc/empty", "a/p.mjs")),
        ("ERR_MODULE_NOT_FOUND", "Cannot find package '{R}/node_modules/@sc/empty/package.json' imported from {R}/a/p.mjs".into())
    );
    assert_eq!(
        f.err(f.import("@sc/none", "a/p.mjs")),
        (
            "ERR_MODULE_NOT_FOUND",
            "Cannot find package '@sc/none' imported from {R}/a/p.mjs".into()
        )
    );
}

#[test]
fn node_addons_condition_is_active_for_both() {
    let f = Fixture::new(&[
        ("p.mjs", ""),
        ("p.js", ""),
        (
            "node_modules/na/package.json",
            r#"{"exports":{"browser":"./b.js","node-addons":"./native.js","default":"./js.js"}}"#,
        ),
        ("node_modules/na/native.js", ""),
        ("node_modules/na/js.js", ""),
        ("node_modules/na/b.js", ""),
    ]);
    assert_eq!(f.file(f.import("na", "p.mjs")), "node_modules/na/native.js");
    assert_eq!(f.file(f.require("na", "p.js")), "node_modules/na/native.js");
}
