//! Test fixtures: a temporary directory tree built from a list of files, removed on
//! drop, and a resolver isolated from the environment (no global folders, the
//! fixture root as working directory).
#![allow(dead_code)]

use rnode_resolve::{ResolveError, Resolved, Resolver};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A temporary directory tree.
pub struct Fixture {
    pub root: PathBuf,
}

impl Fixture {
    /// Creates the files (path relative to the root, content); parent directories are
    /// created as needed. A path ending in '/' creates an empty directory.
    pub fn new(files: &[(&str, &str)]) -> Fixture {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "rnode-resolve-{}-{}-{}",
            std::process::id(),
            n,
            nanos
        ));
        std::fs::create_dir_all(&dir).expect("create fixture root");
        let root = std::fs::canonicalize(&dir).expect("canonical root");
        let f = Fixture { root };
        for (path, content) in files {
            f.write(path, content);
        }
        f
    }

    pub fn write(&self, rel: &str, content: &str) {
        let p = self.root.join(rel);
        if rel.ends_with('/') {
            std::fs::create_dir_all(&p).expect("mkdir");
            return;
        }
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir parent");
        }
        std::fs::write(&p, content).expect("write file");
    }

    /// Creates a symlink at `link` pointing to `target` (taken literally).
    pub fn symlink(&self, target: &str, link: &str) {
        let l = self.root.join(link);
        if let Some(parent) = l.parent() {
            std::fs::create_dir_all(parent).expect("mkdir parent");
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(target, &l).expect("symlink");
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The root as text, for building expected messages.
    pub fn r(&self) -> String {
        self.root.display().to_string()
    }

    /// Replaces `{R}` in an expected message with the root.
    pub fn msg(&self, template: &str) -> String {
        template.replace("{R}", &self.r())
    }

    /// A resolver with no global folders and this fixture's root as cwd.
    pub fn resolver(&self) -> Resolver {
        Resolver::new()
            .with_global_paths(Vec::new())
            .with_cwd(self.root.clone())
    }

    /// `require(spec)` from the file `parent` (relative to the root).
    pub fn require(&self, spec: &str, parent: &str) -> Result<Resolved, ResolveError> {
        self.resolver()
            .resolve_require(spec, Some(&self.path(parent)), None)
    }

    /// `import(spec)` from the file `parent` (relative to the root).
    pub fn import(&self, spec: &str, parent: &str) -> Result<Resolved, ResolveError> {
        self.resolver()
            .resolve_import(spec, Some(&self.path(parent)))
    }

    /// The resolved file, relative to the root; panics on anything else.
    pub fn file(&self, r: Result<Resolved, ResolveError>) -> String {
        match r {
            Ok(Resolved::File { path, .. }) => path
                .strip_prefix(&self.root)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| path.display().to_string()),
            other => panic!("expected a file, got {other:?}"),
        }
    }

    /// The error (code, message with the root replaced by `{R}`); panics on success.
    pub fn err(&self, r: Result<Resolved, ResolveError>) -> (&'static str, String) {
        match r {
            Err(e) => (e.code, e.message.replace(&self.r(), "{R}")),
            Ok(v) => panic!("expected an error, got {v:?}"),
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// The full error, panicking on success.
pub fn error(r: Result<Resolved, ResolveError>) -> ResolveError {
    match r {
        Err(e) => e,
        Ok(v) => panic!("expected an error, got {v:?}"),
    }
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}
