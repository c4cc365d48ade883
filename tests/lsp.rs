//! Runs the pytest-lsp suite (tests/lsp/) against the real `rnode lsp` binary over stdio.
//!
//! The suite needs Python with `pytest-lsp` and `pytest-asyncio`: a virtualenv is created
//! under `target/lsp-venv` on first use and the pinned packages of
//! `tests/lsp/requirements.txt` are installed from PyPI (re-installed when that file
//! changes). Set `RNODE_LSP_PYTHON` to use another interpreter for the venv, or
//! `RNODE_LSP_PYTEST_ARGS` to pass extra arguments to pytest (e.g. `-k completion`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The target dir the binary was built in (`<target>/<profile>/rnode`).
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_rnode"))
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| repo().join("target"))
}

fn run(cmd: &mut Command) -> bool {
    match cmd.status() {
        Ok(s) => s.success(),
        Err(e) => {
            eprintln!("failed to run {cmd:?}: {e}");
            false
        }
    }
}

/// Create (or reuse) the venv and make sure the requirements are installed.
fn venv_python() -> PathBuf {
    let venv = target_dir().join("lsp-venv");
    let python = venv.join("bin").join("python");
    let reqs = repo().join("tests/lsp/requirements.txt");
    let stamp = venv.join(".requirements.stamp");
    let wanted = std::fs::read_to_string(&reqs).expect("tests/lsp/requirements.txt");
    if python.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return python;
    }
    if !python.exists() {
        let base = std::env::var("RNODE_LSP_PYTHON").unwrap_or_else(|_| "python3".to_owned());
        assert!(
            run(Command::new(&base).args(["-m", "venv"]).arg(&venv)),
            "could not create a Python venv at {} with {base}",
            venv.display()
        );
    }
    assert!(
        run(Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                "-r"
            ])
            .arg(&reqs)),
        "pip install -r {} failed",
        reqs.display()
    );
    std::fs::write(&stamp, wanted).expect("write the venv stamp");
    python
}

#[test]
fn lsp_suite_with_pytest_lsp() {
    let python = venv_python();
    let bin = Path::new(env!("CARGO_BIN_EXE_rnode"));
    let mut cmd = Command::new(&python);
    cmd.current_dir(repo())
        .args(["-m", "pytest", "tests/lsp", "-q", "-p", "no:cacheprovider"])
        .env("RNODE_BIN", bin)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("RNODE_LSP_CMD");
    if let Ok(extra) = std::env::var("RNODE_LSP_PYTEST_ARGS") {
        cmd.args(extra.split_whitespace());
    }
    assert!(
        run(&mut cmd),
        "the pytest-lsp suite failed (see the output above)"
    );
}
