//! The tooling hooks of the event loop: another thread reaches a running program through a
//! `RemoteHandle` — `interrupt` stops busy JS to run a task, `post` wakes an idle loop.

use rnode_runtime::event_loop::RemoteTask;
use rnode_runtime::{run_with, RuntimeOptions};
use std::time::Duration;

fn eval_task(src: &'static str) -> RemoteTask {
    Box::new(move |scope| {
        let code = v8::String::new(scope, src).expect("source");
        let script = v8::Script::compile(scope, code, None).expect("compile");
        script.run(scope).expect("run");
    })
}

#[test]
fn interrupt_reaches_busy_js_and_post_wakes_an_idle_loop() {
    // Exit code 4: the busy loop was never interrupted; 3: the posted task never ran.
    let program = "
        const t0 = Date.now();
        while (!globalThis.stop) {
          if (Date.now() - t0 > 10000) { process.exitCode = 4; break; }
        }
        const guard = setTimeout(() => { globalThis.done = true; process.exitCode = 3; }, 10000);
        const poll = setInterval(() => {
          if (globalThis.done) { clearInterval(poll); clearTimeout(guard); }
        }, 5);
    ";
    let options = RuntimeOptions {
        argv: vec!["rnode".into()],
        exec_path: "rnode".into(),
        argv0: "rnode".into(),
        eval: Some(program.into()),
        unhandled_rejections: "throw".into(),
        ..Default::default()
    };
    let code = run_with(options, None, |handle| {
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            assert!(handle.interrupt(eval_task("globalThis.stop = true")));
            std::thread::sleep(Duration::from_millis(200));
            assert!(handle.post(eval_task("globalThis.done = true")));
        });
    });
    assert_eq!(code, 0);
}
