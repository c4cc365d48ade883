//! The workspace index: every JS/TS module under the workspace roots (outside
//! `node_modules` and dot-directories), parsed and resolved once in the background, kept
//! as a compact module graph (paths interned to ids, edges as ids). It answers "who
//! imports this file?" for re-validation and counts unresolved imports; with
//! `workspaceDiagnostics` on, the server publishes diagnostics for unopened files from it.
//!
//! The walk never follows symlinked directories (no loops), skips unreadable directories,
//! and reads no file over 1 MiB or containing NUL bytes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rnode_resolve::Resolver;

use crate::analysis::{self, Analysis, Input};
use crate::resolve::{self, Outcome};
use crate::syntax::Lang;

/// Files indexed, at most.
pub const MAX_FILES: usize = 200_000;
/// Largest file indexed.
pub const MAX_INDEX_BYTES: u64 = 1024 * 1024;

#[derive(Default)]
pub struct Index {
    ids: HashMap<PathBuf, u32>,
    paths: Vec<PathBuf>,
    /// For each indexed module id: the ids of the files it resolves to.
    edges: HashMap<u32, Box<[u32]>>,
    /// For each indexed module id: how many problems its analysis found.
    problems: HashMap<u32, u32>,
    pub specifiers: usize,
    pub done: bool,
    pub skipped: usize,
}

impl Index {
    fn intern(&mut self, p: &Path) -> u32 {
        if let Some(&id) = self.ids.get(p) {
            return id;
        }
        let id = self.paths.len() as u32;
        self.paths.push(p.to_path_buf());
        self.ids.insert(p.to_path_buf(), id);
        id
    }

    pub fn files(&self) -> usize {
        self.edges.len()
    }

    pub fn problem_files(&self) -> usize {
        self.problems.values().filter(|&&n| n > 0).count()
    }

    /// Record (or replace) one module's analysis.
    pub fn record(&mut self, path: &Path, a: &Analysis) {
        let id = self.intern(path);
        let targets: Vec<u32> = a
            .links
            .iter()
            .filter_map(|l| match &l.outcome {
                Outcome::File { path, .. } => Some(path.as_path()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|p| self.intern(p))
            .collect();
        if let Some(old) = self.edges.get(&id) {
            self.specifiers -= old.len();
        }
        self.specifiers += targets.len();
        self.edges.insert(id, targets.into_boxed_slice());
        self.problems.insert(id, a.problems.len() as u32);
    }

    pub fn remove(&mut self, path: &Path) {
        if let Some(&id) = self.ids.get(path) {
            if let Some(old) = self.edges.remove(&id) {
                self.specifiers -= old.len();
            }
            self.problems.remove(&id);
        }
    }

    /// Indexed modules that import `path` directly.
    pub fn importers(&self, path: &Path) -> Vec<PathBuf> {
        let Some(&target) = self.ids.get(path) else {
            return Vec::new();
        };
        self.edges
            .iter()
            .filter(|(_, t)| t.contains(&target))
            .map(|(&id, _)| self.paths[id as usize].clone())
            .collect()
    }

    pub fn contains(&self, path: &Path) -> bool {
        self.ids
            .get(path)
            .is_some_and(|id| self.edges.contains_key(id))
    }
}

/// Whether the walk should index this file name.
pub fn indexable(name: &str) -> Option<Lang> {
    Lang::from_name(name).filter(|l| *l != Lang::Dts)
}

/// List the workspace's modules: depth-first, no symlinked directories, no
/// `node_modules`, no dot-directories.
pub fn walk(root: &Path, stop: &AtomicBool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if stop.load(Ordering::Relaxed) || out.len() >= MAX_FILES {
            break;
        }
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue; // unreadable: skipped
        };
        for entry in rd.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                if name.starts_with('.') || name == "node_modules" {
                    continue;
                }
                stack.push(entry.path());
            } else if (ft.is_file() || ft.is_symlink()) && indexable(&name).is_some() {
                out.push(entry.path());
            }
        }
    }
    out
}

/// Analyze one file from disk for the index (None: skipped as too large, binary or
/// unreadable).
pub fn analyze_file(resolver: &Resolver, path: &Path, stop: &AtomicBool) -> Option<Analysis> {
    let lang = indexable(&path.file_name()?.to_string_lossy())?;
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return None;
    }
    let text = resolve::read_source(path)?;
    let input = Input {
        text: &text,
        lang,
        path: Some(path),
    };
    analysis::analyze(&input, resolver, &resolve::read_source, &|| {
        stop.load(Ordering::Relaxed)
    })
}
