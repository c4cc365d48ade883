//! Module loading on V8: the wrapper compiler used for CommonJS and built-ins, and ES
//! modules (static graph loading, linking, evaluation, dynamic `import()`, `import.meta`).
//!
//! Resolution is `rnode_resolve` (shared with the LSP). CommonJS, JSON and built-in
//! modules imported from ESM become synthetic modules whose exports come from the JS
//! CommonJS loader (names found statically by `rnode_resolve::cjs_lexer`).

use crate::bindings::{set_val, str, Scope};
use crate::event_loop::state;
use rnode_resolve::{ModuleFormat, ResolveError, Resolved, Resolver};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

enum Kind {
    Source,
    Builtin(String),
    CommonJs(PathBuf),
    Json(PathBuf),
}

struct ModuleInfo {
    module: v8::Global<v8::Module>,
    url: String,
    kind: Kind,
}

/// Every ES module of the isolate, by URL and by V8 identity hash.
#[derive(Default)]
pub struct ModuleMap {
    by_url: RefCell<HashMap<String, v8::Global<v8::Module>>>,
    by_hash: RefCell<HashMap<i32, Vec<ModuleInfo>>>,
    /// (referrer URL, specifier) → resolved URL, filled while loading the graph.
    resolved: RefCell<HashMap<(String, String), String>>,
    import_hook: RefCell<Option<v8::Global<v8::Function>>>,
    /// JS `{ requireBuiltin(id), requireCommonJs(path) }` from the CommonJS loader.
    loader: RefCell<Option<v8::Global<v8::Object>>>,
    pub resolver: Resolver,
}

pub fn module_map(scope: &Scope) -> Rc<ModuleMap> {
    scope
        .get_slot::<Rc<ModuleMap>>()
        .expect("module map")
        .clone()
}

pub fn set_import_hook(scope: &mut Scope, f: v8::Global<v8::Function>) {
    *module_map(scope).import_hook.borrow_mut() = Some(f);
}

pub fn set_loader(scope: &mut Scope, obj: v8::Global<v8::Object>) {
    *module_map(scope).loader.borrow_mut() = Some(obj);
}

/// The origin of a script or module named `name` (its file path or URL in stack traces).
pub fn script_origin<'s>(
    scope: &mut Scope<'s, '_>,
    name: v8::Local<'s, v8::Value>,
    is_module: bool,
) -> v8::ScriptOrigin<'s> {
    v8::ScriptOrigin::new(
        scope, name, 0, 0, false, 0, None, false, false, is_module, None,
    )
}

/// Compiles `src` as the body of `function (params...)`, named `name` in stack traces.
pub fn compile_wrapper<'s>(
    scope: &mut Scope<'s, '_>,
    src: &str,
    name: &str,
    params: &[&str],
) -> Option<v8::Local<'s, v8::Function>> {
    let source = str(scope, src);
    compile_wrapper_str(scope, source, name, params)
}

/// [`compile_wrapper`] for source that is already a JS string.
pub fn compile_wrapper_str<'s>(
    scope: &mut Scope<'s, '_>,
    source: v8::Local<v8::String>,
    name: &str,
    params: &[&str],
) -> Option<v8::Local<'s, v8::Function>> {
    let name = str(scope, name);
    let origin = script_origin(scope, name.into(), false);
    let mut source = v8::script_compiler::Source::new(source, Some(&origin));
    let params: Vec<_> = params.iter().map(|p| str(scope, p)).collect();
    v8::script_compiler::compile_function(
        scope,
        &mut source,
        &params,
        &[],
        v8::script_compiler::CompileOptions::NoCompileOptions,
        v8::script_compiler::NoCacheReason::NoReason,
    )
}

pub fn file_url(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'/'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn url_to_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("file://")?;
    Some(PathBuf::from(
        String::from_utf8_lossy(&percent_decode(rest)).into_owned(),
    ))
}

/// A referrer (resource name) as a path: ESM names are file URLs, CommonJS names are paths.
fn referrer_path(name: &str) -> Option<PathBuf> {
    if name.starts_with("file://") {
        url_to_path(name)
    } else if name.starts_with('/') {
        Some(PathBuf::from(name))
    } else {
        None
    }
}

/// Throws the JS error Node would for a failed resolution.
pub fn throw_resolve_error(scope: &mut Scope, e: &ResolveError) {
    let msg = str(scope, &e.message);
    let exc = match e.code {
        "ERR_PACKAGE_IMPORT_NOT_DEFINED"
        | "ERR_INVALID_MODULE_SPECIFIER"
        | "ERR_UNKNOWN_FILE_EXTENSION" => v8::Exception::type_error(scope, msg),
        _ => v8::Exception::error(scope, msg),
    };
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(exc) {
        let code = str(scope, e.code).into();
        set_val(scope, obj, "code", code);
        if e.code == "MODULE_NOT_FOUND" && !e.require_stack_applies() {
            // The CommonJS loader appends "Require stack" only where Node does.
            let key = str(scope, "rnodeNoRequireStack");
            let t = v8::Boolean::new(scope, true).into();
            obj.define_own_property(scope, key.into(), t, v8::PropertyAttribute::DONT_ENUM);
        }
        if e.code == "ERR_MODULE_NOT_FOUND" || e.code == "ERR_UNSUPPORTED_DIR_IMPORT" {
            if let Some(p) = e.tried.first() {
                let url = str(scope, &file_url(p)).into();
                set_val(scope, obj, "url", url);
            }
        }
        // Node prints `Name [CODE]: message` as the stack header of its errors.
        let fix = str(
            scope,
            "(function(e){var n=e.name;Object.defineProperty(e,'name',{value:n+' ['+e.code+']',configurable:true,writable:true});Error.captureStackTrace(e);e.stack;delete e.name;})",
        );
        if let Some(script) = v8::Script::compile(scope, fix, None) {
            if let Some(f) = script.run(scope) {
                if let Ok(f) = v8::Local::<v8::Function>::try_from(f) {
                    let undef = v8::undefined(scope).into();
                    f.call(scope, undef, &[exc]);
                }
            }
        }
    }
    scope.throw_exception(exc);
}

fn loader_call<'s>(
    scope: &mut Scope<'s, '_>,
    method: &str,
    arg: &str,
) -> Option<v8::Local<'s, v8::Value>> {
    let map = module_map(scope);
    let loader = map.loader.borrow().clone()?;
    let loader = v8::Local::new(scope, &loader);
    let key = str(scope, method);
    let f: v8::Local<v8::Function> = loader.get(scope, key.into())?.try_into().ok()?;
    let a = str(scope, arg).into();
    f.call(scope, loader.into(), &[a])
}

fn register(scope: &mut Scope, module: v8::Local<v8::Module>, url: &str, kind: Kind) {
    let map = module_map(scope);
    let g = v8::Global::new(scope, module);
    map.by_url.borrow_mut().insert(url.to_string(), g.clone());
    let hash = module.get_identity_hash().get();
    map.by_hash
        .borrow_mut()
        .entry(hash)
        .or_default()
        .push(ModuleInfo {
            module: g,
            url: url.to_string(),
            kind,
        });
}

fn info_url(scope: &mut Scope, module: v8::Local<v8::Module>) -> Option<String> {
    let map = module_map(scope);
    let hash = module.get_identity_hash().get();
    let by_hash = map.by_hash.borrow();
    let list = by_hash.get(&hash)?;
    list.iter()
        .find(|i| v8::Local::new(scope, &i.module) == module)
        .map(|i| i.url.clone())
}

fn builtin_module<'s>(scope: &mut Scope<'s, '_>, id: &str) -> Option<v8::Local<'s, v8::Module>> {
    let url = format!("node:{id}");
    if let Some(m) = module_map(scope).by_url.borrow().get(&url) {
        return Some(v8::Local::new(scope, m));
    }
    let exports = loader_call(scope, "requireBuiltin", id)?;
    let mut names = vec![str(scope, "default")];
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(exports) {
        if let Some(keys) = obj.get_own_property_names(scope, Default::default()) {
            for i in 0..keys.length() {
                if let Some(k) = keys.get_index(scope, i) {
                    if k.is_string() {
                        let s = k.to_rust_string_lossy(scope);
                        if s != "default" {
                            names.push(str(scope, &s));
                        }
                    }
                }
            }
        }
    }
    let name = str(scope, &url);
    let m = v8::Module::create_synthetic_module(scope, name, &names, synthetic_steps);
    register(scope, m, &url, Kind::Builtin(id.to_string()));
    Some(m)
}

fn commonjs_module<'s>(
    scope: &mut Scope<'s, '_>,
    path: &Path,
    json: bool,
) -> Option<v8::Local<'s, v8::Module>> {
    let url = file_url(path);
    if let Some(m) = module_map(scope).by_url.borrow().get(&url) {
        return Some(v8::Local::new(scope, m));
    }
    let mut names = vec![str(scope, "default")];
    if !json {
        let src = std::fs::read_to_string(path).unwrap_or_default();
        let mut seen = std::collections::HashSet::new();
        collect_cjs_names(scope, &src, path, &mut seen, 0);
        for n in seen {
            if n != "default" {
                names.push(str(scope, &n));
            }
        }
        names.push(str(scope, "module.exports"));
    }
    let name = str(scope, &url);
    let m = v8::Module::create_synthetic_module(scope, name, &names, synthetic_steps);
    let kind = if json {
        Kind::Json(path.to_path_buf())
    } else {
        Kind::CommonJs(path.to_path_buf())
    };
    register(scope, m, &url, kind);
    Some(m)
}

fn collect_cjs_names(
    scope: &mut Scope,
    src: &str,
    path: &Path,
    seen: &mut std::collections::HashSet<String>,
    depth: u32,
) {
    let analysis = rnode_resolve::cjs_lexer::analyze(src);
    for e in analysis.exports {
        seen.insert(e);
    }
    if depth > 8 {
        return;
    }
    let resolver = module_map(scope).resolver.clone();
    for r in analysis.reexports {
        if let Ok(Resolved::File {
            path: p,
            format: ModuleFormat::CommonJs,
            ..
        }) = resolver.resolve_require(&r, Some(path), None)
        {
            if let Ok(s) = std::fs::read_to_string(&p) {
                collect_cjs_names(scope, &s, &p, seen, depth + 1);
            }
        }
    }
}

fn synthetic_steps<'s>(
    context: v8::Local<'s, v8::Context>,
    module: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Value>> {
    v8::callback_scope!(unsafe scope, context);
    let map = module_map(scope);
    let hash = module.get_identity_hash().get();
    let target = {
        let by_hash = map.by_hash.borrow();
        let info = by_hash
            .get(&hash)?
            .iter()
            .find(|i| v8::Local::new(scope, &i.module) == module)?;
        let target = match &info.kind {
            Kind::Builtin(id) => ("requireBuiltin", id.clone()),
            Kind::CommonJs(p) => ("requireCommonJs", p.to_string_lossy().into_owned()),
            Kind::Json(p) => ("requireJson", p.to_string_lossy().into_owned()),
            Kind::Source => return None,
        };
        target
    };
    let exports = loader_call(scope, target.0, &target.1)?;
    let default = str(scope, "default");
    module.set_synthetic_module_export(scope, default, exports)?;
    if target.0 != "requireJson" {
        if let Ok(obj) = v8::Local::<v8::Object>::try_from(exports) {
            // Every declared name gets its value now (undefined if absent at run time).
            let names = declared_names(scope, module);
            for n in names {
                if n == "default" {
                    continue;
                }
                let key = str(scope, &n);
                let value = if n == "module.exports" {
                    exports
                } else {
                    obj.get(scope, key.into())
                        .unwrap_or_else(|| v8::undefined(scope).into())
                };
                module.set_synthetic_module_export(scope, key, value)?;
            }
        }
    }
    let undef = v8::undefined(scope);
    let resolver = v8::PromiseResolver::new(scope)?;
    resolver.resolve(scope, undef.into());
    Some(resolver.get_promise(scope).into())
}

fn declared_names(scope: &mut Scope, module: v8::Local<v8::Module>) -> Vec<String> {
    // The namespace object's keys are exactly the declared export names.
    let ns = module.get_module_namespace();
    let Ok(ns) = v8::Local::<v8::Object>::try_from(ns) else {
        return Vec::new();
    };
    let Some(keys) = ns.get_own_property_names(scope, Default::default()) else {
        return Vec::new();
    };
    (0..keys.length())
        .filter_map(|i| keys.get_index(scope, i))
        .map(|k| k.to_rust_string_lossy(scope))
        .collect()
}

/// Loads (compiles, recursively) the module graph rooted at `path`.
fn load_file<'s>(
    scope: &mut Scope<'s, '_>,
    path: &Path,
    format: ModuleFormat,
) -> Option<v8::Local<'s, v8::Module>> {
    match format {
        ModuleFormat::CommonJs => return commonjs_module(scope, path, false),
        ModuleFormat::Json => return commonjs_module(scope, path, true),
        ModuleFormat::Module => {}
        ModuleFormat::Addon | ModuleFormat::Wasm => {
            let ext = path
                .extension()
                .map(|e| format!(".{}", e.to_string_lossy()))
                .unwrap_or_default();
            let e = ResolveError {
                code: "ERR_UNKNOWN_FILE_EXTENSION",
                message: format!("Unknown file extension \"{}\" for {}", ext, path.display()),
                tried: vec![],
                suggestion: None,
                exported: vec![],
                package_json: None,
            };
            throw_resolve_error(scope, &e);
            return None;
        }
    }
    let url = file_url(path);
    if let Some(m) = module_map(scope).by_url.borrow().get(&url) {
        return Some(v8::Local::new(scope, m));
    }
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            crate::bindings::throw_io(scope, &e, "open", Some(&path.to_string_lossy()), None);
            return None;
        }
    };
    let src = strip_shebang(&src);
    let module = compile_module(scope, &src, &url)?;
    register(scope, module, &url, Kind::Source);
    link_requests(scope, module, &url, Some(path))?;
    Some(module)
}

fn strip_shebang(src: &str) -> String {
    if src.starts_with("#!") {
        // Keep line numbers: blank out the shebang line only.
        let end = src.find('\n').unwrap_or(src.len());
        src[end..].to_string()
    } else {
        src.to_string()
    }
}

fn compile_module<'s>(
    scope: &mut Scope<'s, '_>,
    src: &str,
    url: &str,
) -> Option<v8::Local<'s, v8::Module>> {
    let source = str(scope, src);
    let name = str(scope, url);
    let origin = script_origin(scope, name.into(), true);
    let mut source = v8::script_compiler::Source::new(source, Some(&origin));
    v8::script_compiler::compile_module(scope, &mut source)
}

/// Resolves and loads every static import of `module`.
fn link_requests(
    scope: &mut Scope,
    module: v8::Local<v8::Module>,
    url: &str,
    path: Option<&Path>,
) -> Option<()> {
    let requests = module.get_module_requests();
    let map = module_map(scope);
    for i in 0..requests.length() {
        let req = requests.get(scope, i)?;
        let req: v8::Local<v8::ModuleRequest> = req.try_into().ok()?;
        let spec = req.get_specifier().to_rust_string_lossy(scope);
        let attrs = req.get_import_attributes();
        let mut type_attr = None;
        // [key, value, location, key, value, location, ...]
        let mut j = 0;
        while j + 1 < attrs.length() {
            let k = attrs
                .get(scope, j)
                .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
            let v = attrs
                .get(scope, j + 1)
                .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
            if let (Some(k), Some(v)) = (k, v) {
                if k.to_rust_string_lossy(scope) == "type" {
                    type_attr = Some(v.to_rust_string_lossy(scope));
                }
            }
            j += 3;
        }
        let target = resolve_and_load(scope, &spec, path, type_attr.as_deref())?;
        let target_url = info_url(scope, target)?;
        map.resolved
            .borrow_mut()
            .insert((url.to_string(), spec), target_url);
    }
    Some(())
}

fn resolve_and_load<'s>(
    scope: &mut Scope<'s, '_>,
    spec: &str,
    parent: Option<&Path>,
    type_attr: Option<&str>,
) -> Option<v8::Local<'s, v8::Module>> {
    let resolver = module_map(scope).resolver.clone();
    let resolved = match resolver.resolve_import_url(spec, parent) {
        Ok(rnode_resolve::ImportTarget::Resolved(r)) => r,
        Ok(rnode_resolve::ImportTarget::DataUrl(url)) => {
            return data_url_module(scope, &url, type_attr)
        }
        Err(e) => {
            throw_resolve_error(scope, &e);
            return None;
        }
    };
    match resolved {
        Resolved::Builtin(id) => builtin_module(scope, &id),
        Resolved::File { path, format, .. } => {
            let url = file_url(&path);
            if format == ModuleFormat::Json && type_attr != Some("json") {
                let msg = format!("Module \"{url}\" needs an import attribute of \"type: json\"");
                throw_coded(scope, "ERR_IMPORT_ATTRIBUTE_MISSING", &msg);
                return None;
            }
            if let Some(t) = type_attr {
                if t != "json" {
                    let msg =
                        format!("Import attribute \"type\" with value \"{t}\" is not supported");
                    throw_coded(scope, "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED", &msg);
                    return None;
                }
                if format != ModuleFormat::Json {
                    let msg = format!("Module \"{url}\" is not of type \"json\"");
                    throw_coded(scope, "ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE", &msg);
                    return None;
                }
            }
            load_file(scope, &path, format)
        }
    }
}

/// `import 'data:text/javascript,…'` (and `application/json` with the json attribute).
fn data_url_module<'s>(
    scope: &mut Scope<'s, '_>,
    url: &str,
    type_attr: Option<&str>,
) -> Option<v8::Local<'s, v8::Module>> {
    if let Some(m) = module_map(scope).by_url.borrow().get(url) {
        return Some(v8::Local::new(scope, m));
    }
    let rest = url.strip_prefix("data:").unwrap_or(url);
    let (meta, body) = rest.split_once(',').unwrap_or((rest, ""));
    let mime = meta.split(';').next().unwrap_or("").to_ascii_lowercase();
    let bytes = if meta.ends_with(";base64") {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD
            .decode(body.trim())
            .unwrap_or_default()
    } else {
        percent_decode(body)
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    match mime.as_str() {
        "text/javascript" | "application/javascript" => {
            let module = compile_module(scope, &text, url)?;
            register(scope, module, url, Kind::Source);
            link_requests(scope, module, url, None)?;
            Some(module)
        }
        "application/json" => {
            if type_attr != Some("json") {
                let msg = format!("Module \"{url}\" needs an import attribute of \"type: json\"");
                throw_coded(scope, "ERR_IMPORT_ATTRIBUTE_MISSING", &msg);
                return None;
            }
            let src = format!("export default {text};");
            let module = compile_module(scope, &src, url)?;
            register(scope, module, url, Kind::Source);
            Some(module)
        }
        _ => {
            let msg = format!("Unknown module format: {mime} for URL {url}");
            throw_coded(scope, "ERR_UNKNOWN_MODULE_FORMAT", &msg);
            None
        }
    }
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn throw_coded(scope: &mut Scope, code: &'static str, msg: &str) {
    let e = ResolveError {
        code,
        message: msg.to_string(),
        tried: vec![],
        suggestion: None,
        exported: vec![],
        package_json: None,
    };
    throw_resolve_error(scope, &e);
}

fn resolve_callback<'s>(
    context: v8::Local<'s, v8::Context>,
    specifier: v8::Local<'s, v8::String>,
    _attrs: v8::Local<'s, v8::FixedArray>,
    referrer: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Module>> {
    v8::callback_scope!(unsafe scope, context);
    let map = module_map(scope);
    let spec = specifier.to_rust_string_lossy(scope);
    let referrer_url = info_url(scope, referrer)?;
    let target = map
        .resolved
        .borrow()
        .get(&(referrer_url, spec.clone()))
        .cloned();
    let Some(target) = target else {
        crate::bindings::throw_error(scope, &format!("Cannot resolve '{spec}'"));
        return None;
    };
    let m = map.by_url.borrow().get(&target).cloned()?;
    Some(v8::Local::new(scope, m))
}

/// Loads, links and evaluates the module `specifier` imported from `referrer`;
/// returns `[namespace, evaluationPromise]`.
fn import_module<'s>(
    scope: &mut Scope<'s, '_>,
    specifier: &str,
    referrer: Option<&Path>,
    type_attr: Option<&str>,
) -> Option<v8::Local<'s, v8::Array>> {
    // Files may have appeared since the last graph was loaded.
    module_map(scope).resolver.clear_stat_cache();
    let module = resolve_and_load(scope, specifier, referrer, type_attr)?;
    if module.get_status() == v8::ModuleStatus::Uninstantiated {
        module.instantiate_module(scope, resolve_callback)?;
    }
    let promise = if module.get_status() == v8::ModuleStatus::Instantiated {
        module.evaluate(scope)?
    } else if module.get_status() == v8::ModuleStatus::Errored {
        let exc = module.get_exception();
        scope.throw_exception(exc);
        return None;
    } else {
        // Evaluating or evaluated: a resolved promise (cycles see the partial namespace).
        let r = v8::PromiseResolver::new(scope)?;
        let u = v8::undefined(scope).into();
        r.resolve(scope, u);
        r.get_promise(scope).into()
    };
    let ns = module.get_module_namespace();
    Some(v8::Array::new_with_elements(scope, &[ns, promise]))
}

/// `modules.importModule(specifier, referrerPathOrUrl, typeAttr)` → [namespace, promise].
pub fn op_import_module(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let spec = args.get(0).to_rust_string_lossy(scope);
    let referrer = if args.get(1).is_string() {
        referrer_path(&args.get(1).to_rust_string_lossy(scope))
    } else {
        None
    };
    let type_attr = if args.get(2).is_string() {
        Some(args.get(2).to_rust_string_lossy(scope))
    } else {
        None
    };
    let referrer = referrer.or_else(|| std::env::current_dir().ok().map(|d| d.join("[eval]")));
    if let Some(arr) = import_module(scope, &spec, referrer.as_deref(), type_attr.as_deref()) {
        rv.set(arr.into());
    }
}

/// `modules.evalModule(source, url)` → [namespace, promise]: `--input-type=module` / `-e` ESM.
pub fn op_eval_module(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let src = args.get(0).to_rust_string_lossy(scope);
    let url = args.get(1).to_rust_string_lossy(scope);
    let Some(module) = compile_module(scope, &src, &url) else {
        return;
    };
    register(scope, module, &url, Kind::Source);
    let base = std::env::current_dir().ok().map(|d| d.join("[eval1]"));
    if link_requests(scope, module, &url, base.as_deref()).is_none() {
        return;
    }
    if module.instantiate_module(scope, resolve_callback).is_none() {
        return;
    }
    let Some(promise) = module.evaluate(scope) else {
        return;
    };
    let ns = module.get_module_namespace();
    rv.set(v8::Array::new_with_elements(scope, &[ns, promise]).into());
}

pub fn dynamic_import_callback<'s>(
    scope: &mut Scope<'s, '_>,
    _host_defined_options: v8::Local<'s, v8::Data>,
    resource_name: v8::Local<'s, v8::Value>,
    specifier: v8::Local<'s, v8::String>,
    import_attributes: v8::Local<'s, v8::FixedArray>,
) -> Option<v8::Local<'s, v8::Promise>> {
    let hook = module_map(scope).import_hook.borrow().clone()?;
    let f = v8::Local::new(scope, &hook);
    let mut type_attr: v8::Local<v8::Value> = v8::undefined(scope).into();
    let mut j = 0;
    while j + 1 < import_attributes.length() {
        let k = import_attributes
            .get(scope, j)
            .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
        let v = import_attributes
            .get(scope, j + 1)
            .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
        if let (Some(k), Some(v)) = (k, v) {
            if k.to_rust_string_lossy(scope) == "type" {
                type_attr = v;
            }
        }
        j += 2;
    }
    let undef = v8::undefined(scope).into();
    let r = f.call(scope, undef, &[specifier.into(), resource_name, type_attr])?;
    r.try_into().ok()
}

pub extern "C" fn import_meta_callback(
    context: v8::Local<v8::Context>,
    module: v8::Local<v8::Module>,
    meta: v8::Local<v8::Object>,
) {
    v8::callback_scope!(unsafe scope, context);
    v8::scope!(let scope, scope);
    let Some(url) = info_url(scope, module) else {
        return;
    };
    let u = str(scope, &url).into();
    set_val(scope, meta, "url", u);
    if let Some(p) = url_to_path(&url) {
        let f = str(scope, &p.to_string_lossy()).into();
        set_val(scope, meta, "filename", f);
        if let Some(d) = p.parent() {
            let d = str(scope, &d.to_string_lossy()).into();
            set_val(scope, meta, "dirname", d);
        }
    }
    // import.meta.resolve(specifier) → URL string, resolved from this module.
    let data = str(scope, &url);
    if let Some(f) = v8::Function::builder(import_meta_resolve)
        .data(data.into())
        .length(1)
        .build(scope)
    {
        let name = str(scope, "resolve");
        f.set_name(name);
        set_val(scope, meta, "resolve", f.into());
    }
}

fn import_meta_resolve(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let url = args.data().to_rust_string_lossy(scope);
    let spec = args.get(0).to_rust_string_lossy(scope);
    let parent = url_to_path(&url);
    let resolver = module_map(scope).resolver.clone();
    match resolver.resolve_import(&spec, parent.as_deref()) {
        Ok(Resolved::Builtin(id)) => {
            let s = if id.starts_with("node:") {
                id
            } else {
                format!("node:{id}")
            };
            rv.set(str(scope, &s).into());
        }
        Ok(Resolved::File { path, .. }) => rv.set(str(scope, &file_url(&path)).into()),
        Err(e) => throw_resolve_error(scope, &e),
    }
}

pub extern "C" fn promise_reject_callback(msg: v8::PromiseRejectMessage) {
    v8::callback_scope!(unsafe scope, &msg);
    v8::scope!(let scope, scope);
    let st = state(scope);
    let hooks = st.hooks.borrow().clone();
    let Some(hooks) = hooks else { return };
    let event = match msg.get_event() {
        v8::PromiseRejectEvent::PromiseRejectWithNoHandler => 0,
        v8::PromiseRejectEvent::PromiseHandlerAddedAfterReject => 1,
        v8::PromiseRejectEvent::PromiseRejectAfterResolved => 2,
        v8::PromiseRejectEvent::PromiseResolveAfterResolved => 3,
    };
    let promise = msg.get_promise();
    let value = msg
        .get_value()
        .unwrap_or_else(|| v8::undefined(scope).into());
    let f = v8::Local::new(scope, &hooks.promise_reject);
    let ev = v8::Number::new(scope, event as f64).into();
    let undef = v8::undefined(scope).into();
    f.call(scope, undef, &[ev, promise.into(), value]);
}

/// The CommonJS compile op: `compileFunction(source, filename)` → function(exports, require,
/// module, __filename, __dirname).
pub fn op_compile_function(
    scope: &mut Scope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    const PARAMS: [&str; 5] = ["exports", "require", "module", "__filename", "__dirname"];
    let filename = args.get(1).to_rust_string_lossy(scope);
    let Ok(source) = v8::Local::<v8::String>::try_from(args.get(0)) else {
        return;
    };
    // The common case compiles the JS string as it is, without copying it through Rust.
    let starts_with_shebang = {
        let mut head = [0u16; 2];
        source.write_v2(scope, 0, &mut head, v8::WriteFlags::empty());
        source.length() >= 2 && head == [b'#' as u16, b'!' as u16]
    };
    let f = if starts_with_shebang {
        let src = strip_shebang(&source.to_rust_string_lossy(scope));
        compile_wrapper(scope, &src, &filename, &PARAMS)
    } else {
        compile_wrapper_str(scope, source, &filename, &PARAMS)
    };
    if let Some(f) = f {
        rv.set(f.into());
    }
}
