//! Makes the startup snapshot: runs rnode_runtime's bootstrap in a snapshot-creating V8
//! isolate and writes the blob that src/lib.rs embeds.
fn main() {
    let out =
        std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("snapshot.bin");
    match rnode_runtime::snapshot::create() {
        Ok(blob) => std::fs::write(&out, blob).expect("write snapshot"),
        Err(e) => panic!("could not make the startup snapshot: {e}"),
    }
}
