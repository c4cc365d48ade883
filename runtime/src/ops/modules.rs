//! `internalBinding('modules')`: built-in sources, the CommonJS compile and resolve ops,
//! and the ESM entry points (the loaders themselves are in crate::modules and js/internal/modules).

use crate::bindings::{op, str, OpFn, Scope};
use crate::modules::{self as m, module_map};
use rnode_resolve::{ModuleFormat, Resolved, Resolver};
use std::path::{Path, PathBuf};

pub fn functions() -> Vec<OpFn> {
    vec![
        op("compileBuiltin", compile_builtin),
        op("builtinIds", builtin_ids),
        op("compileFunction", m::op_compile_function),
        op("importModule", m::op_import_module),
        op("evalModule", m::op_eval_module),
        op("setLoader", set_loader),
        op("resolveRequire", resolve_require),
        op("resolveImport", resolve_import),
        op("moduleFormat", module_format),
        op("nodeModulePaths", node_module_paths),
        op("runScript", run_script),
        op("cjsExports", cjs_exports),
        op("checkModule", check_module),
    ]
}

/// `checkModule(source, url)`: compiles an ES module without linking or running it (`--check`).
fn check_module(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    let src = args.get(0).to_rust_string_lossy(scope);
    let src = str(scope, &src);
    let name = args.get(1).to_rust_string_lossy(scope);
    let name = str(scope, &name).into();
    let origin = m::script_origin(scope, name, true);
    let mut source = v8::script_compiler::Source::new(src, Some(&origin));
    let _ = v8::script_compiler::compile_module(scope, &mut source);
}

fn compile_builtin(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let id = args.get(0).to_rust_string_lossy(scope);
    let Some((_, src)) = crate::JS_FILES.iter().find(|(k, _)| *k == id) else {
        return;
    };
    let name = format!("node:{}", id.strip_prefix("node/").unwrap_or(&id));
    if let Some(f) = m::compile_wrapper(
        scope,
        src,
        &name,
        &["exports", "require", "module", "internalBinding", "process"],
    ) {
        rv.set(f.into());
    }
}

fn builtin_ids(
    scope: &mut Scope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let ids: Vec<_> = crate::JS_FILES
        .iter()
        .map(|(k, _)| str(scope, k).into())
        .collect();
    rv.set(v8::Array::new_with_elements(scope, &ids).into());
}

fn set_loader(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue<v8::Value>,
) {
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) {
        let g = v8::Global::new(scope, obj);
        m::set_loader(scope, g);
    }
}

fn opt_path(scope: &mut Scope, v: v8::Local<v8::Value>) -> Option<PathBuf> {
    if v.is_string() {
        let s = v.to_rust_string_lossy(scope);
        if s.is_empty() {
            None
        } else {
            Some(PathBuf::from(s))
        }
    } else {
        None
    }
}

fn format_name(f: ModuleFormat) -> &'static str {
    match f {
        ModuleFormat::CommonJs => "commonjs",
        ModuleFormat::Module => "module",
        ModuleFormat::Json => "json",
        ModuleFormat::Addon => "addon",
        ModuleFormat::Wasm => "wasm",
    }
}

/// Returns `[kind, value, format]`: ["builtin", id] or ["file", path, format].
fn resolved_value<'s>(scope: &mut Scope<'s, '_>, r: Resolved) -> v8::Local<'s, v8::Value> {
    match r {
        Resolved::Builtin(id) => {
            let a = str(scope, "builtin").into();
            let b = str(scope, &id).into();
            v8::Array::new_with_elements(scope, &[a, b]).into()
        }
        Resolved::File { path, format, .. } => {
            let a = str(scope, "file").into();
            let b = str(scope, &path.to_string_lossy()).into();
            let c = str(scope, format_name(format)).into();
            v8::Array::new_with_elements(scope, &[a, b, c]).into()
        }
    }
}

/// `resolveRequire(request, parentFilename|null, paths[]|undefined)`.
fn resolve_require(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let spec = args.get(0).to_rust_string_lossy(scope);
    let parent = opt_path(scope, args.get(1));
    let paths: Option<Vec<PathBuf>> =
        v8::Local::<v8::Array>::try_from(args.get(2))
            .ok()
            .map(|arr| {
                (0..arr.length())
                    .filter_map(|i| arr.get_index(scope, i))
                    .map(|v| PathBuf::from(v.to_rust_string_lossy(scope)))
                    .collect()
            });
    let resolver = module_map(scope).resolver.clone();
    resolver.clear_stat_cache();
    match resolver.resolve_require(&spec, parent.as_deref(), paths.as_deref()) {
        Ok(r) => rv.set(resolved_value(scope, r)),
        Err(e) => m::throw_resolve_error(scope, &e),
    }
}

fn resolve_import(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let spec = args.get(0).to_rust_string_lossy(scope);
    let parent = opt_path(scope, args.get(1));
    let resolver = module_map(scope).resolver.clone();
    resolver.clear_stat_cache();
    match resolver.resolve_import(&spec, parent.as_deref()) {
        Ok(r) => rv.set(resolved_value(scope, r)),
        Err(e) => m::throw_resolve_error(scope, &e),
    }
}

fn module_format(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let p = args.get(0).to_rust_string_lossy(scope);
    let f = module_map(scope).resolver.module_format(Path::new(&p));
    rv.set(str(scope, format_name(f)).into());
}

fn node_module_paths(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let p = args.get(0).to_rust_string_lossy(scope);
    let list: Vec<_> = Resolver::node_module_paths(Path::new(&p))
        .iter()
        .map(|p| str(scope, &p.to_string_lossy()).into())
        .collect();
    rv.set(v8::Array::new_with_elements(scope, &list).into());
}

/// `runScript(source, filename)`: a classic script in the global scope (`-e`, `vm`-less eval).
fn run_script(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let src = args.get(0).to_rust_string_lossy(scope);
    let name = args.get(1).to_rust_string_lossy(scope);
    let source = str(scope, &src);
    let name = str(scope, &name);
    let origin = m::script_origin(scope, name.into(), false);
    let Some(script) = v8::Script::compile(scope, source, Some(&origin)) else {
        return;
    };
    if let Some(v) = script.run(scope) {
        rv.set(v);
    }
}

fn cjs_exports(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let src = args.get(0).to_rust_string_lossy(scope);
    let a = rnode_resolve::cjs_lexer::analyze(&src);
    let ex: Vec<_> = a.exports.iter().map(|s| str(scope, s).into()).collect();
    let re: Vec<_> = a.reexports.iter().map(|s| str(scope, s).into()).collect();
    let ex = v8::Array::new_with_elements(scope, &ex).into();
    let re = v8::Array::new_with_elements(scope, &re).into();
    rv.set(v8::Array::new_with_elements(scope, &[ex, re]).into());
}
