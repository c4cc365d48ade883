//! CI gate for Node conformance: every test listed in tests/node-tests/passing.txt (Node's own
//! tests from ../shared/node-tests) must still pass with the `rnode` binary.

use std::path::Path;
use std::process::Command;

#[test]
fn listed_node_tests_still_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/node-tests/run.py");
    if !shared.exists() {
        eprintln!("skipping: {} not present", shared.display());
        return;
    }
    let out = Command::new("python3")
        .arg(root.join("tests/node-tests/check.py"))
        .arg("--runtime")
        .arg(env!("CARGO_BIN_EXE_rnode"))
        .current_dir(root)
        .output()
        .expect("run check.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "Node conformance regressed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
