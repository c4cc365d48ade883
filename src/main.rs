//! The `rnode` command line: parses Node's flags (and NODE_OPTIONS) and dispatches to the
//! runtime or to a tool (`rnode lsp`).

use rnode_runtime::RuntimeOptions;

const HELP: &str = "Usage: rnode [options] [ script.js ] [arguments]
       rnode lsp                    start the language server on stdio

Options:
  -                            script read from stdin (default if no file name is provided)
  --                           indicate the end of node options
  -c, --check                  syntax check script without executing
  -e, --eval=...               evaluate script
  -h, --help                   print node command line options
  -i, --interactive            always enter the REPL even if stdin does not appear to be a terminal
  --import=module              ES module to preload
  --input-type=...             set module type for string input (commonjs or module)
  -p, --print [...]            evaluate script and print result
  -r, --require=...            CommonJS module to preload
  --no-deprecation             silence deprecation warnings
  --no-warnings                silence all process warnings
  --pending-deprecation        emit pending deprecation warnings
  --throw-deprecation          throw an exception on deprecations
  --trace-deprecation          show stack traces on deprecations
  --trace-uncaught             show stack traces for the `throw` behind uncaught exceptions
  --trace-warnings             show stack traces on process warnings
  --unhandled-rejections=...   define unhandled rejections behavior: throw (default),
                               strict, warn, warn-with-error-code, none
  --abort-on-uncaught-exception
                               abort the process on an uncaught exception
  --expose-gc                  expose gc()
  --stack-size=..., --max-old-space-size=...
                               passed to V8
  -v, --version                print Node.js version

Environment variables:
  NODE_OPTIONS                 set CLI options in the environment
  NODE_PATH                    ':'-separated list of directories prefixed to the module search path
";

/// Flags that take a value (as the next argument or after `=`).
const VALUE_FLAGS: &[&str] = &[
    "-e",
    "--eval",
    "-p",
    "--print",
    "-r",
    "--require",
    "--import",
    "--input-type",
    "--unhandled-rejections",
    "--experimental-default-type",
    "--title",
    "--conditions",
    "-C",
    "--loader",
    "--experimental-loader",
    "--env-file",
    "--disable-warning",
    "--test-name-pattern",
    "--test-reporter",
    "--test-reporter-destination",
    "--test-concurrency",
    "--test-timeout",
];

/// V8 options passed straight through (prefix match).
const V8_FLAG_PREFIXES: &[&str] = &[
    "--expose-gc",
    "--expose_gc",
    "--stack-size",
    "--stack_size",
    "--max-old-space-size",
    "--max_old_space_size",
    "--max-semi-space-size",
    "--harmony",
    "--allow-natives-syntax",
    "--allow_natives_syntax",
    "--jitless",
    "--stack-trace-limit",
    "--random-seed",
    "--random_seed",
    "--no-opt",
    "--single-threaded",
    "--max-lazy",
    "--lazy",
    "--no-lazy",
    "--predictable",
    "--disallow-code-generation-from-strings",
    "--interpreted-frames-native-stack",
    "--perf-basic-prof",
    "--abort-on-uncaught-exception",
    "--huge-max-old-generation-size",
    "--expose-externalize-string",
    "--no-expose-wasm",
    "--experimental-wasm",
];

/// Node flags rnode accepts and treats as having no effect here (documented in README).
const ACCEPTED_NOOP_FLAGS: &[&str] = &[
    "--experimental-vm-modules",
    "--experimental-import-meta-resolve",
    "--experimental-json-modules",
    "--experimental-top-level-await",
    "--experimental-specifier-resolution",
    "--experimental-global-webcrypto",
    "--experimental-fetch",
    "--experimental-global-customevent",
    "--experimental-abortcontroller",
    "--experimental-modules",
    "--experimental-detect-module",
    "--experimental-require-module",
    "--experimental-websocket",
    "--no-experimental-fetch",
    "--no-experimental-global-webcrypto",
    "--no-experimental-global-customevent",
    "--preserve-symlinks",
    "--preserve-symlinks-main",
    "--enable-source-maps",
    "--no-addons",
    "--no-global-search-paths",
    "--frozen-intrinsics",
    "--zero-fill-buffers",
    "--security-revert",
    "--use-largepages",
    "--no-force-async-hooks-checks",
    "--force-context-aware",
    "--insecure-http-parser",
    "--no-extra-info-on-fatal-exception",
    "--expose-internals",
    "--openssl-legacy-provider",
    "--use-openssl-ca",
    "--use-bundled-ca",
];

struct Cli {
    opts: RuntimeOptions,
    show_version: bool,
    show_help: bool,
    interactive: bool,
}

fn bad_option(arg: &str) -> ! {
    eprintln!("rnode: bad option: {arg}");
    std::process::exit(9);
}

/// Splits NODE_OPTIONS like Node: whitespace-separated, double quotes group, `\` escapes in quotes.
fn split_node_options(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_quotes = false;
    let mut has = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_quotes => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '"' => {
                in_quotes = !in_quotes;
                has = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if has || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            c => {
                cur.push(c);
                has = true;
            }
        }
    }
    if has || !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn apply_flag(cli: &mut Cli, name: &str, value: Option<String>, arg: &str) {
    let o = &mut cli.opts;
    match name {
        "-e" | "--eval" => o.eval = value,
        "-p" | "--print" => {
            o.print = true;
            o.eval = value;
        }
        "-r" | "--require" => o.requires.extend(value),
        "--import" => o.imports.extend(value),
        "--input-type" => o.input_type = value,
        "--unhandled-rejections" => {
            let v = value.unwrap_or_default();
            if !["throw", "strict", "warn", "none", "warn-with-error-code"].contains(&v.as_str()) {
                eprintln!("rnode: invalid value for --unhandled-rejections");
                std::process::exit(9);
            }
            o.unhandled_rejections = v;
        }
        "--experimental-default-type" => o.default_type = value,
        "--disable-warning" => o.disable_warnings.extend(value),
        // node:test reads these from process.execArgv.
        "--test-name-pattern"
        | "--test-reporter"
        | "--test-reporter-destination"
        | "--test-concurrency"
        | "--test-timeout"
        | "--test-only" => {}
        "--title" | "--conditions" | "-C" | "--loader" | "--experimental-loader" | "--env-file" => {
        }
        "-c" | "--check" => o.check = true,
        "-v" | "--version" => cli.show_version = true,
        "-h" | "--help" => cli.show_help = true,
        "-i" | "--interactive" => cli.interactive = true,
        "--no-warnings" => o.no_warnings = true,
        "--pending-deprecation" => o.pending_deprecation = true,
        "--no-deprecation" => o.no_deprecation = true,
        "--throw-deprecation" => o.throw_deprecation = true,
        "--trace-warnings" => o.trace_warnings = true,
        "--trace-uncaught" => o.trace_uncaught = true,
        "--trace-deprecation" => {}
        "--abort-on-uncaught-exception" => {
            o.abort_on_uncaught_exception = true;
        }
        "--expose-gc" | "--expose_gc" => {
            o.expose_gc = true;
            o.v8_flags.push(arg.to_string());
        }
        _ => {
            if V8_FLAG_PREFIXES.iter().any(|p| name.starts_with(p)) {
                o.v8_flags.push(arg.to_string());
            } else if ACCEPTED_NOOP_FLAGS.contains(&name)
                || name.starts_with("--inspect")
                || name.starts_with("--debug-port")
                || name.starts_with("--max-http-header-size")
                || name.starts_with("--tls-")
                || name.starts_with("--diagnostic-dir")
                || name.starts_with("--report-")
            {
            } else {
                bad_option(arg);
            }
        }
    }
}

/// Parses options from `args` (NODE_OPTIONS first, then argv). Returns the index of the
/// first non-option argument in `args`.
fn parse_options(cli: &mut Cli, args: &[String], from_env: bool) -> usize {
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        if arg == "--" {
            return i + 1;
        }
        if arg == "-" || !arg.starts_with('-') {
            return i;
        }
        // Combined short forms Node accepts: -pe, -ep.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let name = if name == "-pe" || name == "-ep" {
            "-p".to_string()
        } else {
            name
        };
        let normalized = name.replace('_', "-");
        let name = if normalized.starts_with("--") {
            normalized
        } else {
            name
        };
        if VALUE_FLAGS.contains(&name.as_str()) {
            let value = if inline.is_some() {
                inline
            } else if (name == "-p" || name == "--print")
                && (i + 1 >= args.len() || args[i + 1].starts_with('-'))
            {
                // `-p` may take its script from the next non-option argument only.
                None
            } else if i + 1 < args.len() {
                i += 1;
                Some(args[i].clone())
            } else {
                eprintln!("rnode: {name} requires an argument");
                std::process::exit(9);
            };
            apply_flag(cli, &name, value, arg);
        } else {
            if from_env && (name == "-e" || name == "-p") {
                eprintln!("rnode: {name} is not allowed in NODE_OPTIONS");
                std::process::exit(9);
            }
            apply_flag(cli, &name, inline, arg);
        }
        i += 1;
    }
    args.len()
}

fn main() {
    // Like Node: writing past the file size limit fails with EFBIG instead of killing us.
    // SAFETY: setting a signal's disposition to "ignore" has no memory effects.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("lsp") {
        std::process::exit(rnode_lsp::run_stdio());
    }
    let exec_path = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| argv[0].clone());
    let mut cli = Cli {
        opts: RuntimeOptions {
            argv0: argv.first().cloned().unwrap_or_else(|| "rnode".into()),
            exec_path: exec_path.clone(),
            unhandled_rejections: "throw".into(),
            ..Default::default()
        },
        show_version: false,
        show_help: false,
        interactive: false,
    };
    if let Ok(env) = std::env::var("NODE_OPTIONS") {
        let env_args = split_node_options(&env);
        let used = parse_options(&mut cli, &env_args, true);
        if used < env_args.len() {
            bad_option(&env_args[used]);
        }
    }
    let rest = &argv[1..];
    let first = parse_options(&mut cli, rest, false);
    cli.opts.exec_argv = rest[..first]
        .iter()
        .filter(|a| *a != "--")
        .cloned()
        .collect();
    if cli.show_version {
        println!("v{}", rnode_runtime::NODE_VERSION);
        return;
    }
    if cli.show_help {
        print!("{HELP}");
        return;
    }
    let mut positional: Vec<String> = rest[first..].to_vec();
    if cli.opts.print && cli.opts.eval.is_none() {
        if positional.is_empty() {
            eprintln!("rnode: -p requires an argument");
            std::process::exit(9);
        }
        cli.opts.eval = Some(positional.remove(0));
    }
    let mut process_argv = vec![exec_path];
    if cli.opts.eval.is_none() && !positional.is_empty() && positional[0] != "-" {
        let script = positional.remove(0);
        let abs = std::path::Path::new(&script);
        let abs = if abs.is_absolute() {
            abs.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(abs))
                .unwrap_or_else(|_| abs.to_path_buf())
        };
        process_argv.push(normalize(&abs));
        cli.opts.entry = Some(script);
    } else if !positional.is_empty() && positional[0] == "-" && cli.opts.eval.is_none() {
        positional.remove(0);
        process_argv.push("-".into());
    }
    process_argv.extend(positional);
    cli.opts.argv = process_argv;
    let _ = cli.interactive;
    let snapshot = if std::env::var_os("RNODE_NO_SNAPSHOT").is_some() {
        None
    } else {
        Some(rnode_snapshot::SNAPSHOT)
    };
    std::process::exit(rnode_runtime::run(cli.opts, snapshot));
}

/// Lexically normalizes `p` (resolves `.` and `..`) like Node's path.resolve.
fn normalize(p: &std::path::Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    format!("/{}", parts.join("/"))
}
