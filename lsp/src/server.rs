//! The protocol layer: tower-lsp-server handlers over the document store, the analysis
//! scheduler (debounced, cancelled when a newer version arrives), file watching and the
//! workspace index.
//!
//! Ordering: tower-lsp runs handlers concurrently, so a `didChange` may be handled before
//! the one sent just ahead of it. Every mutation goes through one lock and is applied in
//! version order: a change whose predecessor has not been applied yet waits in `pending`
//! (flushed in order after a short grace period, for clients that skip versions).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use rnode_resolve::{ModuleFormat, Resolver};
use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Error as RpcError, Result as RpcResult};
use tower_lsp_server::lsp_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::analysis::{self, Analysis, Input, Severity};
use crate::completion::{self, ItemKind};
use crate::resolve::{self, Outcome};
use crate::syntax::Lang;
use crate::text::Text;
use crate::uri;
use crate::workspace::{self, Index};

/// Documents larger than this are kept but not analyzed.
pub const MAX_ANALYZE_BYTES: usize = 8 * 1024 * 1024;
/// How long an out-of-order change waits for its predecessor.
const GAP_GRACE: Duration = Duration::from_millis(200);

#[derive(Debug, Clone)]
struct Config {
    debounce: Duration,
    workspace_diagnostics: bool,
    index_workspace: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            debounce: Duration::from_millis(15),
            workspace_diagnostics: false,
            index_workspace: true,
        }
    }
}

struct DocEntry {
    /// None until `didOpen` arrives (a change can overtake it).
    text: Option<Arc<Text>>,
    version: i32,
    /// The newest applied version, shared with running analyses (cancellation).
    live: Arc<AtomicI32>,
    lang: Option<Lang>,
    path: Option<PathBuf>,
    pending: BTreeMap<i32, Vec<TextDocumentContentChangeEvent>>,
    analysis: Option<(i32, Arc<Analysis>)>,
    /// Serializes publishing so an older analysis can never be published after a newer.
    publish: Arc<tokio::sync::Mutex<()>>,
    skipped: Option<&'static str>,
    /// When the previous change arrived (leading-edge debounce).
    last_change: Option<Instant>,
}

impl DocEntry {
    fn placeholder() -> Self {
        Self {
            text: None,
            version: i32::MIN,
            live: Arc::new(AtomicI32::new(i32::MIN)),
            lang: None,
            path: None,
            pending: BTreeMap::new(),
            analysis: None,
            publish: Arc::new(tokio::sync::Mutex::new(())),
            skipped: None,
            last_change: None,
        }
    }

    fn set_version(&mut self, v: i32) {
        self.version = v;
        self.live.store(v, Ordering::SeqCst);
    }

    /// Apply one version's changes.
    fn apply(&mut self, version: i32, changes: &[TextDocumentContentChangeEvent]) -> bool {
        let Some(text) = self.text.as_mut() else {
            return true;
        };
        let t = Arc::make_mut(text);
        let mut valid = true;
        for c in changes {
            valid &= t.apply(c.range, &c.text);
        }
        self.set_version(version);
        self.refresh_skip();
        valid
    }

    /// Apply queued changes that follow the current version without a gap (or all of
    /// them, in order, when `force`).
    fn drain(&mut self, force: bool) -> bool {
        let mut valid = true;
        while let Some((&v, _)) = self.pending.first_key_value() {
            if v <= self.version {
                self.pending.remove(&v);
                continue;
            }
            if !force && v != self.version.wrapping_add(1) {
                break;
            }
            let changes = self.pending.remove(&v).unwrap_or_default();
            valid &= self.apply(v, &changes);
        }
        valid
    }

    fn refresh_skip(&mut self) {
        self.skipped = match &self.text {
            Some(t) if t.text.len() > MAX_ANALYZE_BYTES => Some("larger than 8 MiB"),
            Some(t) if t.text.contains('\0') => Some("binary content"),
            _ => None,
        };
    }
}

pub struct Shared {
    client: Client,
    docs: Mutex<HashMap<String, DocEntry>>,
    resolver: Resolver,
    config: RwLock<Config>,
    roots: RwLock<Vec<PathBuf>>,
    index: RwLock<Index>,
    watch_dynamic: AtomicBool,
    link_tooltips: AtomicBool,
    stop: Arc<AtomicBool>,
    shutdown_requested: AtomicBool,
    index_started: Mutex<Option<Instant>>,
    index_elapsed_ms: AtomicI32,
}

#[derive(Clone)]
pub struct Backend(Arc<Shared>);

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend(Arc::new(Shared {
            client,
            docs: Mutex::new(HashMap::new()),
            resolver: Resolver::new(),
            config: RwLock::new(Config::default()),
            roots: RwLock::new(Vec::new()),
            index: RwLock::new(Index::default()),
            watch_dynamic: AtomicBool::new(false),
            link_tooltips: AtomicBool::new(false),
            stop: Arc::new(AtomicBool::new(false)),
            shutdown_requested: AtomicBool::new(false),
            index_started: Mutex::new(None),
            index_elapsed_ms: AtomicI32::new(-1),
        }))
    }

    pub fn shutdown_requested(&self) -> bool {
        self.0.shutdown_requested.load(Ordering::SeqCst)
    }

    /// `rnode/invalidMessage`: the transport guard's stand-in for a message that could
    /// not be decoded; answers with the JSON-RPC error it describes.
    pub async fn invalid_message(&self, params: Value) -> RpcResult<Value> {
        let code = params.get("code").and_then(Value::as_i64).unwrap_or(-32600);
        let message = params
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("invalid message")
            .to_owned();
        Err(RpcError {
            code: code.into(),
            message: message.into(),
            data: None,
        })
    }

    /// `rnode/status`: counters for tests and benchmarks.
    pub async fn status(&self, _params: Option<Value>) -> RpcResult<Value> {
        let docs = self.0.docs.lock().map(|d| d.len()).unwrap_or(0);
        let ix = self
            .0
            .index
            .read()
            .map_err(|_| RpcError::internal_error())?;
        Ok(json!({
            "documents": docs,
            "indexDone": ix.done,
            "indexedFiles": ix.files(),
            "indexedSpecifiers": ix.specifiers,
            "filesWithProblems": ix.problem_files(),
            "skippedFiles": ix.skipped,
            "indexMs": self.0.index_elapsed_ms.load(Ordering::SeqCst),
        }))
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn key(u: &Uri) -> String {
    u.as_str().to_owned()
}

fn parse_uri(s: &str) -> Option<Uri> {
    Uri::from_str(s).ok()
}

impl Shared {
    fn config(&self) -> Config {
        self.config.read().map(|c| c.clone()).unwrap_or_default()
    }

    fn read_other(&self, path: &Path) -> Option<String> {
        let k = uri::string_of_path(path);
        if let Some(t) = lock(&self.docs).get(&k).and_then(|d| d.text.clone()) {
            return Some(t.text.clone());
        }
        resolve::read_source(path)
    }

    /// Debounce, analyze (cancellable) and publish one document's diagnostics.
    fn schedule(self: &Arc<Self>, k: String, delay: Duration) {
        let this = self.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            this.analyze_and_publish(k).await;
        });
    }

    async fn analyze_and_publish(self: &Arc<Self>, k: String) {
        let snapshot = {
            let docs = lock(&self.docs);
            let Some(d) = docs.get(&k) else { return };
            let Some(text) = d.text.clone() else { return };
            if matches!(&d.analysis, Some((v, _)) if *v == d.version) {
                // Already analyzed this version (e.g. by a request): just publish.
                Some((
                    text,
                    d.version,
                    d.live.clone(),
                    d.lang,
                    d.path.clone(),
                    d.publish.clone(),
                    d.skipped,
                    d.analysis.clone(),
                ))
            } else {
                Some((
                    text,
                    d.version,
                    d.live.clone(),
                    d.lang,
                    d.path.clone(),
                    d.publish.clone(),
                    d.skipped,
                    None,
                ))
            }
        };
        let Some((text, version, live, lang, path, publish, skipped, cached)) = snapshot else {
            return;
        };
        let uri = match parse_uri(&k) {
            Some(u) => u,
            None => return,
        };
        let analysis = match (cached, skipped, lang) {
            (Some((_, a)), _, _) => Some(a),
            (None, Some(why), _) => {
                self.client
                    .log_message(
                        MessageType::WARNING,
                        format!("rnode lsp: not analyzing {k}: {why}"),
                    )
                    .await;
                Some(Arc::new(Analysis::default()))
            }
            (None, None, None) => Some(Arc::new(Analysis::default())),
            (None, None, Some(lang)) => {
                let this = self.clone();
                let live2 = live.clone();
                let text2 = text.clone();
                let path2 = path.clone();
                let res = tokio::task::spawn_blocking(move || {
                    let input = Input {
                        text: &text2.text,
                        lang,
                        path: path2.as_deref(),
                    };
                    analysis::analyze(&input, &this.resolver, &|p| this.read_other(p), &|| {
                        live2.load(Ordering::SeqCst) != version
                    })
                })
                .await;
                match res {
                    Ok(Some(a)) => Some(Arc::new(a)),
                    Ok(None) => None, // cancelled: a newer version is on its way
                    Err(e) => {
                        self.client
                            .log_message(
                                MessageType::ERROR,
                                format!("rnode lsp: analysis of {k} failed: {e}"),
                            )
                            .await;
                        None
                    }
                }
            }
        };
        let Some(analysis) = analysis else { return };
        let _guard = publish.lock().await;
        {
            let mut docs = lock(&self.docs);
            let Some(d) = docs.get_mut(&k) else { return };
            if d.version != version {
                return;
            }
            d.analysis = Some((version, analysis.clone()));
        }
        let diags = to_diagnostics(&text, &analysis);
        self.client
            .publish_diagnostics(uri, diags, Some(version))
            .await;
    }

    /// The analysis of the current version of `k`, computed now if needed.
    async fn analysis_for(
        self: &Arc<Self>,
        k: &str,
    ) -> Option<(Arc<Text>, Arc<Analysis>, DocInfo)> {
        let (text, version, lang, path, skipped) = {
            let docs = lock(&self.docs);
            let d = docs.get(k)?;
            let text = d.text.clone()?;
            let info = DocInfo {
                lang: d.lang,
                path: d.path.clone(),
            };
            if let Some((v, a)) = &d.analysis {
                if *v == d.version {
                    return Some((text, a.clone(), info));
                }
            }
            (text, d.version, d.lang, d.path.clone(), d.skipped)
        };
        let info = DocInfo {
            lang,
            path: path.clone(),
        };
        let (Some(lang), None) = (lang, skipped) else {
            return Some((text, Arc::new(Analysis::default()), info));
        };
        let this = self.clone();
        let text2 = text.clone();
        let a = tokio::task::spawn_blocking(move || {
            let input = Input {
                text: &text2.text,
                lang,
                path: path.as_deref(),
            };
            analysis::analyze(&input, &this.resolver, &|p| this.read_other(p), &|| false)
        })
        .await
        .ok()
        .flatten()?;
        let a = Arc::new(a);
        let mut docs = lock(&self.docs);
        if let Some(d) = docs.get_mut(k) {
            if d.version == version {
                d.analysis = Some((version, a.clone()));
            }
        }
        Some((text, a, info))
    }

    /// Re-validate open documents after files changed on disk.
    fn revalidate(self: &Arc<Self>, changed: &[(PathBuf, FileChangeType)]) {
        self.resolver.clear_cache();
        let structural = changed.iter().any(|(p, t)| {
            *t != FileChangeType::CHANGED
                || p.file_name().is_some_and(|n| n == "package.json")
                || p.components().any(|c| c.as_os_str() == "node_modules")
        });
        let paths: HashSet<&Path> = changed.iter().map(|(p, _)| p.as_path()).collect();
        let keys: Vec<String> = {
            let mut docs = lock(&self.docs);
            docs.iter_mut()
                .filter(|(_, d)| {
                    structural
                        || d.path.as_deref().is_some_and(|p| paths.contains(p))
                        || d.analysis.as_ref().is_some_and(|(_, a)| {
                            a.deps.iter().any(|x| paths.contains(x.as_path()))
                        })
                })
                .map(|(k, d)| {
                    d.analysis = None;
                    k.clone()
                })
                .collect()
        };
        let delay = self.config().debounce;
        for k in keys {
            self.schedule(k, delay);
        }
        if self.config().index_workspace {
            let this = self.clone();
            let changed: Vec<(PathBuf, FileChangeType)> = changed.to_vec();
            tokio::spawn(async move {
                let this2 = this.clone();
                let published = tokio::task::spawn_blocking(move || this2.reindex(&changed))
                    .await
                    .unwrap_or_default();
                this.publish_workspace(published).await;
            });
        }
    }

    /// Update the index for changed files; returns (path, analysis) to publish when
    /// workspace diagnostics are on.
    fn reindex(
        self: &Arc<Self>,
        changed: &[(PathBuf, FileChangeType)],
    ) -> Vec<(PathBuf, Analysis)> {
        let roots = self.roots.read().map(|r| r.clone()).unwrap_or_default();
        let mut out = Vec::new();
        for (p, t) in changed {
            if !roots.iter().any(|r| p.starts_with(r))
                || p.components().any(|c| c.as_os_str() == "node_modules")
            {
                continue;
            }
            let is_module = p
                .file_name()
                .and_then(|n| workspace::indexable(&n.to_string_lossy()))
                .is_some();
            if !is_module {
                continue;
            }
            if *t == FileChangeType::DELETED {
                if let Ok(mut ix) = self.index.write() {
                    ix.remove(p);
                }
                continue;
            }
            if let Some(a) = workspace::analyze_file(&self.resolver, p, &self.stop) {
                if let Ok(mut ix) = self.index.write() {
                    ix.record(p, &a);
                }
                out.push((p.clone(), a));
            }
        }
        out
    }

    async fn publish_workspace(self: &Arc<Self>, items: Vec<(PathBuf, Analysis)>) {
        if !self.config().workspace_diagnostics {
            return;
        }
        for (p, a) in items {
            let k = uri::string_of_path(&p);
            if lock(&self.docs).contains_key(&k) {
                continue; // open documents publish their own
            }
            let Some(u) = parse_uri(&k) else { continue };
            let Some(text) = resolve::read_source(&p) else {
                continue;
            };
            let t = Text::new(text);
            self.client
                .publish_diagnostics(u, to_diagnostics(&t, &a), None)
                .await;
        }
    }

    fn start_index(self: &Arc<Self>) {
        let cfg = self.config();
        if !cfg.index_workspace {
            if let Ok(mut ix) = self.index.write() {
                ix.done = true;
            }
            return;
        }
        let this = self.clone();
        *lock(&self.index_started) = Some(Instant::now());
        tokio::spawn(async move {
            let this2 = this.clone();
            let wd = cfg.workspace_diagnostics;
            let res = tokio::task::spawn_blocking(move || {
                let roots = this2.roots.read().map(|r| r.clone()).unwrap_or_default();
                let mut with_problems = Vec::new();
                for root in roots {
                    for file in workspace::walk(&root, &this2.stop) {
                        if this2.stop.load(Ordering::Relaxed) {
                            break;
                        }
                        match workspace::analyze_file(&this2.resolver, &file, &this2.stop) {
                            Some(a) => {
                                if let Ok(mut ix) = this2.index.write() {
                                    ix.record(&file, &a);
                                }
                                if wd && !a.problems.is_empty() {
                                    with_problems.push((file, a));
                                }
                            }
                            None => {
                                if let Ok(mut ix) = this2.index.write() {
                                    ix.skipped += 1;
                                }
                            }
                        }
                    }
                }
                with_problems
            })
            .await
            .unwrap_or_default();
            let started = *lock(&this.index_started);
            if let Some(s) = started {
                this.index_elapsed_ms.store(
                    s.elapsed().as_millis().min(i32::MAX as u128) as i32,
                    Ordering::SeqCst,
                );
            }
            if let Ok(mut ix) = this.index.write() {
                ix.done = true;
            }
            this.publish_workspace(res).await;
        });
    }
}

struct DocInfo {
    lang: Option<Lang>,
    path: Option<PathBuf>,
}

fn to_diagnostics(text: &Text, a: &Analysis) -> Vec<Diagnostic> {
    a.problems
        .iter()
        .map(|p| Diagnostic {
            range: text.range(p.start, p.end),
            severity: Some(match p.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
            }),
            code: Some(NumberOrString::String(p.code.to_owned())),
            code_description: parse_uri(&p.href).map(|href| CodeDescription { href }),
            source: Some("rnode".to_owned()),
            message: p.message.clone(),
            related_information: None,
            tags: None,
            data: Some(json!({
                "nodeCode": p.node_code,
                "fixes": p.fixes.iter().map(|f| json!({
                    "title": f.title,
                    "newText": f.new_text,
                    "range": text.range(f.start, f.end),
                })).collect::<Vec<_>>(),
            })),
        })
        .collect()
}

fn lang_for(u: &Uri, path: Option<&Path>, language_id: &str) -> Option<Lang> {
    let by_name = match path {
        Some(p) => Lang::from_name(&p.to_string_lossy()),
        None => Lang::from_name(u.as_str()),
    };
    by_name.or_else(|| Lang::from_language_id(language_id))
}

fn contains(start: usize, end: usize, off: usize) -> bool {
    start <= off && off <= end
}

fn format_name(f: ModuleFormat) -> &'static str {
    match f {
        ModuleFormat::CommonJs => "CommonJS",
        ModuleFormat::Module => "ES module",
        ModuleFormat::Json => "JSON",
        ModuleFormat::Addon => "native addon",
        ModuleFormat::Wasm => "WebAssembly",
    }
}

fn builtin_doc(name: &str) -> String {
    let bare = name.trim_start_matches("node:");
    let page = bare.split('/').next().unwrap_or(bare);
    format!("{}{page}.html", analysis::DOCS)
}

fn hover_markdown(link: &analysis::Link) -> String {
    match &link.outcome {
        Outcome::Builtin(name) => format!(
            "**node:{}** — Node.js built-in module\n\n[Documentation]({})",
            name.trim_start_matches("node:"),
            builtin_doc(name)
        ),
        Outcome::File {
            path,
            format,
            package,
            ts_source,
        } => {
            let mut s = format!("`{}`\n\nLoaded as {}", path.display(), format_name(*format));
            if *ts_source {
                s.push_str(" (TypeScript source of the compiled file)");
            }
            if let Some(pkg) = package {
                let name = pkg.name.as_deref().unwrap_or("(unnamed)");
                match &pkg.version {
                    Some(v) => s.push_str(&format!("\n\nPackage **{name}@{v}**")),
                    None => s.push_str(&format!("\n\nPackage **{name}**")),
                }
                s.push_str(&format!(" at `{}`", pkg.root.display()));
                if let Some(c) = &pkg.condition {
                    s.push_str(&format!("\n\nMatched `exports` condition: `{c}`"));
                }
            }
            s
        }
        Outcome::Failed(e) => format!("Does not resolve: `{}`: {}", e.code, e.message),
        Outcome::Internal(m) => format!("Resolver error: {m}"),
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let s = &self.0;
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .as_deref()
            .unwrap_or_default()
            .iter()
            .filter_map(|f| uri::to_path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty() {
            if let Some(p) = params.root_uri.as_ref().and_then(uri::to_path) {
                roots.push(p);
            } else if let Some(p) = params.root_path.as_ref() {
                roots.push(PathBuf::from(p));
            }
        }
        let roots: Vec<PathBuf> = roots
            .into_iter()
            .map(|r| r.canonicalize().unwrap_or(r))
            .collect();
        if let Ok(mut r) = s.roots.write() {
            *r = roots;
        }
        if let Some(opts) = params.initialization_options.as_ref() {
            if let Ok(mut c) = s.config.write() {
                if let Some(ms) = opts.get("debounceMs").and_then(Value::as_u64) {
                    c.debounce = Duration::from_millis(ms.min(5000));
                }
                if let Some(b) = opts.get("workspaceDiagnostics").and_then(Value::as_bool) {
                    c.workspace_diagnostics = b;
                }
                if let Some(b) = opts.get("indexWorkspace").and_then(Value::as_bool) {
                    c.index_workspace = b;
                }
            }
        }
        let dynamic = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        s.watch_dynamic.store(dynamic, Ordering::SeqCst);
        let tooltips = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.document_link.as_ref())
            .and_then(|d| d.tooltip_support)
            .unwrap_or(false);
        s.link_tooltips.store(tooltips, Ordering::SeqCst);
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "rnode-lsp".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                document_link_provider: Some(DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: Default::default(),
                }),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(
                        ["'", "\"", "`", "/", "@", "#", ":"]
                            .iter()
                            .map(|s| (*s).to_owned())
                            .collect(),
                    ),
                    ..Default::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::REFACTOR_REWRITE,
                        ]),
                        ..Default::default()
                    },
                )),
                ..Default::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let s = self.0.clone();
        if s.watch_dynamic.load(Ordering::SeqCst) {
            let watchers: Vec<Value> = [
                "**/package.json",
                "**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,json,node,wasm}",
                "**/node_modules/**",
            ]
            .iter()
            .map(|g| json!({ "globPattern": g }))
            .collect();
            let reg = Registration {
                id: "rnode-lsp-watch".to_owned(),
                method: "workspace/didChangeWatchedFiles".to_owned(),
                register_options: Some(json!({ "watchers": watchers })),
            };
            let s2 = s.clone();
            tokio::spawn(async move {
                if let Err(e) = s2.client.register_capability(vec![reg]).await {
                    s2.client
                        .log_message(
                            MessageType::WARNING,
                            format!("rnode lsp: watcher registration failed: {e}"),
                        )
                        .await;
                }
            });
        }
        s.start_index();
    }

    async fn shutdown(&self) -> RpcResult<()> {
        self.0.shutdown_requested.store(true, Ordering::SeqCst);
        self.0.stop.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let s = &self.0;
        let doc = params.text_document;
        let k = key(&doc.uri);
        let path = uri::to_path(&doc.uri);
        let lang = lang_for(&doc.uri, path.as_deref(), &doc.language_id);
        {
            let mut docs = lock(&s.docs);
            let e = docs.entry(k.clone()).or_insert_with(DocEntry::placeholder);
            e.text = Some(Arc::new(Text::new(doc.text)));
            e.lang = lang;
            e.path = path;
            e.analysis = None;
            e.set_version(doc.version);
            e.refresh_skip();
            e.drain(false);
        }
        s.schedule(k, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let s = &self.0;
        let k = key(&params.text_document.uri);
        let version = params.text_document.version;
        let changes = params.content_changes;
        let debounce = s.config().debounce;
        let (gap, valid, delay) = {
            let mut docs = lock(&s.docs);
            let e = docs.entry(k.clone()).or_insert_with(DocEntry::placeholder);
            // Leading edge: a change after a quiet period is analyzed at once; changes in
            // a burst wait for the debounce (stale analyses are cancelled either way).
            let now = Instant::now();
            let delay = match e.last_change.replace(now) {
                Some(prev) if now.duration_since(prev) < debounce => debounce,
                _ => Duration::ZERO,
            };
            let (gap, valid) = {
                if e.text.is_some() && version <= e.version {
                    // A replay of an applied version: ignored.
                    (false, true)
                } else {
                    let full = changes.first().is_some_and(|c| c.range.is_none());
                    e.pending.insert(version, changes);
                    if e.text.is_some() && full {
                        // A full replace does not depend on anything before it.
                        let ok = e.drain(true);
                        (false, ok)
                    } else if e.text.is_some() {
                        let ok = e.drain(false);
                        (!e.pending.is_empty(), ok)
                    } else {
                        (true, true)
                    }
                }
            };
            (gap, valid, delay)
        };
        if !valid {
            s.client
                .log_message(
                    MessageType::WARNING,
                    format!("rnode lsp: didChange for {k} (version {version}) had a range outside the document; it was clamped"),
                )
                .await;
        }
        if gap {
            let s2 = s.clone();
            let k2 = k.clone();
            tokio::spawn(async move {
                tokio::time::sleep(GAP_GRACE).await;
                let flushed = {
                    let mut docs = lock(&s2.docs);
                    match docs.get_mut(&k2) {
                        Some(e) if e.text.is_some() && !e.pending.is_empty() => {
                            e.drain(true);
                            true
                        }
                        Some(e) if e.text.is_none() => {
                            // Changes for a document that was never opened: dropped.
                            docs.remove(&k2);
                            false
                        }
                        _ => false,
                    }
                };
                if flushed {
                    s2.schedule(k2, Duration::ZERO);
                }
            });
        }
        s.schedule(k, delay);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let s = &self.0;
        let Some(path) = uri::to_path(&params.text_document.uri) else {
            s.schedule(key(&params.text_document.uri), Duration::ZERO);
            return;
        };
        s.revalidate(&[(path, FileChangeType::CHANGED)]);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let s = &self.0;
        let removed = lock(&s.docs).remove(&key(&params.text_document.uri));
        if let Some(d) = removed {
            d.live.store(i32::MIN, Ordering::SeqCst);
            let _g = d.publish.lock().await;
            s.client
                .publish_diagnostics(params.text_document.uri, Vec::new(), None)
                .await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let changed: Vec<(PathBuf, FileChangeType)> = params
            .changes
            .iter()
            .filter_map(|c| uri::to_path(&c.uri).map(|p| (p, c.typ)))
            .collect();
        if !changed.is_empty() {
            self.0.revalidate(&changed);
        }
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let p = params.text_document_position_params;
        let Some((text, a, _)) = self.0.analysis_for(&key(&p.text_document.uri)).await else {
            return Ok(None);
        };
        let Some(off) = text.offset_checked(p.position) else {
            return Ok(None);
        };
        let Some(link) = a.links.iter().find(|l| contains(l.start, l.end, off)) else {
            return Ok(None);
        };
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: hover_markdown(link),
            }),
            range: Some(text.range(link.start, link.end)),
        }))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> RpcResult<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let Some((text, a, _)) = self.0.analysis_for(&key(&p.text_document.uri)).await else {
            return Ok(None);
        };
        let Some(off) = text.offset_checked(p.position) else {
            return Ok(None);
        };
        let Some(link) = a.links.iter().find(|l| contains(l.start, l.end, off)) else {
            return Ok(None);
        };
        let Outcome::File { path, .. } = &link.outcome else {
            return Ok(None);
        };
        let Some(target) = uri::from_path(path) else {
            return Ok(None);
        };
        Ok(Some(GotoDefinitionResponse::Link(vec![LocationLink {
            origin_selection_range: Some(text.range(link.start, link.end)),
            target_uri: target,
            target_range: Range::default(),
            target_selection_range: Range::default(),
        }])))
    }

    async fn document_link(
        &self,
        params: DocumentLinkParams,
    ) -> RpcResult<Option<Vec<DocumentLink>>> {
        let Some((text, a, _)) = self.0.analysis_for(&key(&params.text_document.uri)).await else {
            return Ok(None);
        };
        let tooltips = self.0.link_tooltips.load(Ordering::SeqCst);
        let links = a
            .links
            .iter()
            .filter_map(|l| {
                let (target, tooltip) = match &l.outcome {
                    Outcome::File { path, .. } => {
                        (uri::from_path(path)?, path.display().to_string())
                    }
                    Outcome::Builtin(name) => (
                        parse_uri(&builtin_doc(name))?,
                        format!("node:{} documentation", name.trim_start_matches("node:")),
                    ),
                    _ => return None,
                };
                Some(DocumentLink {
                    range: text.range(l.start, l.end),
                    target: Some(target),
                    tooltip: tooltips.then_some(tooltip),
                    data: None,
                })
            })
            .collect();
        Ok(Some(links))
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let k = key(&p.text_document.uri);
        let (text, info) = {
            let docs = lock(&self.0.docs);
            let Some(d) = docs.get(&k) else {
                return Ok(None);
            };
            let Some(t) = d.text.clone() else {
                return Ok(None);
            };
            (
                t,
                DocInfo {
                    lang: d.lang,
                    path: d.path.clone(),
                },
            )
        };
        let (Some(lang), Some(path)) = (info.lang, info.path) else {
            return Ok(None);
        };
        let Some(offset) = text.offset_checked(p.position) else {
            return Ok(None);
        };
        let s = self.0.clone();
        let text2 = text.clone();
        let cands = tokio::task::spawn_blocking(move || {
            let doc_esm = resolve::document_format(&s.resolver, &path) == ModuleFormat::Module;
            let req = completion::Request {
                text: &text2.text,
                offset,
                path: &path,
                lang,
                doc_esm,
            };
            completion::complete(&s.resolver, &req)
        })
        .await
        .unwrap_or_default();
        if cands.is_empty() {
            return Ok(None);
        }
        let end = text.position(offset);
        let items = cands
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let range = Range::new(text.position(c.replace_from), end);
                CompletionItem {
                    label: c.label.clone(),
                    kind: Some(match c.kind {
                        ItemKind::File => CompletionItemKind::FILE,
                        ItemKind::Folder => CompletionItemKind::FOLDER,
                        ItemKind::Builtin | ItemKind::Package => CompletionItemKind::MODULE,
                        ItemKind::Subpath => CompletionItemKind::MODULE,
                        ItemKind::ImportsKey => CompletionItemKind::REFERENCE,
                    }),
                    detail: c.detail,
                    sort_text: Some(format!("{i:05}")),
                    filter_text: Some(c.insert.clone()),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                        range,
                        new_text: c.insert,
                    })),
                    command: c.retrigger.then(|| Command {
                        title: "Suggest".to_owned(),
                        command: "editor.action.triggerSuggest".to_owned(),
                        arguments: None,
                    }),
                    ..Default::default()
                }
            })
            .collect();
        Ok(Some(CompletionResponse::List(CompletionList {
            is_incomplete: false,
            items,
        })))
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let u = params.text_document.uri.clone();
        let Some((text, a, _)) = self.0.analysis_for(&key(&u)).await else {
            return Ok(None);
        };
        let (Some(rs), Some(re)) = (
            text.offset_checked(params.range.start),
            text.offset_checked(params.range.end),
        ) else {
            return Err(RpcError::invalid_params("range is outside the document"));
        };
        let overlaps = |s: usize, e: usize| s <= re && rs <= e;
        let diags = to_diagnostics(&text, &a);
        let mut out: Vec<CodeActionOrCommand> = Vec::new();
        for (p, d) in a.problems.iter().zip(diags) {
            if !overlaps(p.start, p.end) {
                continue;
            }
            // Echo the client's own diagnostic object when it sent one for this problem.
            let diag = params
                .context
                .diagnostics
                .iter()
                .find(|cd| cd.range == d.range && cd.code == d.code)
                .cloned()
                .unwrap_or(d);
            for f in &p.fixes {
                let edit = TextEdit {
                    range: text.range(f.start, f.end),
                    new_text: f.new_text.clone(),
                };
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: f.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(u.clone(), vec![edit])])),
                        ..Default::default()
                    }),
                    is_preferred: Some(f.preferred),
                    ..Default::default()
                }));
            }
        }
        for l in &a.links {
            if !overlaps(l.start, l.end) || l.specifier.starts_with("node:") {
                continue;
            }
            if let Outcome::Builtin(name) = &l.outcome {
                let new_text = format!("node:{}", name.trim_start_matches("node:"));
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Switch to '{new_text}'"),
                    kind: Some(CodeActionKind::REFACTOR_REWRITE),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(
                            u.clone(),
                            vec![TextEdit {
                                range: text.range(l.start, l.end),
                                new_text,
                            }],
                        )])),
                        ..Default::default()
                    }),
                    ..Default::default()
                }));
            }
        }
        if let Some(only) = &params.context.only {
            out.retain(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.kind.as_ref().is_some_and(|k| {
                    only.iter().any(|o| {
                        k.as_str() == o.as_str()
                            || k.as_str().starts_with(&format!("{}.", o.as_str()))
                    })
                }),
                CodeActionOrCommand::Command(_) => false,
            });
        }
        Ok(Some(out))
    }
}
