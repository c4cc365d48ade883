#!/usr/bin/env python3
"""Generate the LSP benchmark workspace: N modules (default 10,000) in an ESM package,
importing each other, CommonJS modules and packages from a node_modules tree (with
`exports`, conditions, scoped packages and nested dependencies), plus one 5,000-line
module (src/big.js) for the latency measurement.

usage: gen_workspace.py OUT_DIR [--modules 10000] [--packages 200] [--big-lines 5000]
"""

import argparse
import json
import os
import random
import shutil


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--modules", type=int, default=10_000)
    ap.add_argument("--packages", type=int, default=200)
    ap.add_argument("--big-lines", type=int, default=5_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)

    def write(rel, text):
        p = os.path.join(a.out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(text)

    pkgs = [f"pkg{i}" if i % 10 else f"@scope{i % 7}/pkg{i}" for i in range(a.packages)]
    write(
        "package.json",
        json.dumps(
            {
                "name": "bench-app",
                "type": "module",
                "dependencies": {p: "1.0.0" for p in pkgs},
                "imports": {"#shared/*": "./src/shared/*.js"},
            },
            indent=2,
        ),
    )
    # node_modules: each package has exports with conditions, a few files, and some a
    # nested dependency of its own
    for i, p in enumerate(pkgs):
        root = f"node_modules/{p}"
        write(
            f"{root}/package.json",
            json.dumps(
                {
                    "name": p,
                    "version": f"1.{i}.0",
                    "exports": {
                        ".": {"import": "./esm/index.js", "require": "./cjs/index.cjs"},
                        "./util": "./esm/util.js",
                        "./features/*": "./esm/features/*.js",
                    },
                }
            ),
        )
        write(f"{root}/esm/package.json", json.dumps({"type": "module"}))
        write(f"{root}/esm/index.js", "export const x = 1;\nexport default x;\n")
        write(f"{root}/esm/util.js", "export const util = 1;\n")
        for k in range(5):
            write(f"{root}/esm/features/f{k}.js", f"export const f{k} = {k};\n")
        write(f"{root}/cjs/index.cjs", "exports.x = 1;\nexports.y = 2;\n")
        if i % 5 == 0:
            write(f"{root}/node_modules/inner{i}/package.json", json.dumps({"name": f"inner{i}", "version": "0.0.1", "main": "i.js"}))
            write(f"{root}/node_modules/inner{i}/i.js", "module.exports = 1;\n")

    # shared modules reachable through #imports
    for k in range(20):
        write(f"src/shared/s{k}.js", f"export const s{k} = {k};\n")

    n = a.modules
    per_dir = 100
    names = [f"src/m{i // per_dir:03d}/mod{i}" for i in range(n)]
    for i, name in enumerate(names):
        cjs = i % 10 == 9
        ext = ".cjs" if cjs else ".js"
        lines = []
        # CommonJS modules require only CommonJS ones (require() of ESM fails in Node 21)
        deps = [rnd.randrange(n // 10) * 10 + 9 for _ in range(4)] if cjs else rnd.sample(range(n), 4)
        here = os.path.dirname(name)
        for d in deps:
            target = names[d] + (".cjs" if d % 10 == 9 else ".js")
            rel = os.path.relpath(target, here)
            if not rel.startswith("."):
                rel = "./" + rel
            if cjs:
                lines.append(f"const d{d} = require('{rel}');")
            elif d % 10 == 9:
                lines.append(f"import {{ value{d} }} from '{rel}';")
            else:
                lines.append(f"import {{ value{d} as v{d} }} from '{rel}';")
        p = rnd.choice(pkgs)
        if cjs:
            lines.append(f"const pk = require('{p}');")
            lines.append("const fs = require('node:fs');")
            lines.append(f"exports.value{i} = {i};")
        else:
            lines.append(f"import pk from '{p}';")
            lines.append(f"import {{ f{i % 5} }} from '{p}/features/f{i % 5}';")
            lines.append(f"import {{ s{i % 20} }} from '#shared/s{i % 20}';")
            lines.append("import path from 'node:path';")
            lines.append(f"export const value{i} = {i};")
        lines.append(f"function work{i}(a, b) {{\n  return a + b * {i};\n}}")
        write(name + ext, "\n".join(lines) + "\n")

    # the 5,000-line file
    big = []
    for k in range(50):
        d = rnd.randrange(n)
        if d % 10 == 9:
            big.append(f"import {{ value{d} }} from './{names[d][4:]}.cjs';")
        else:
            big.append(f"import {{ value{d} as b{k} }} from './{names[d][4:]}.js';")
    big.append(f"import pk from '{pkgs[1]}';")
    k = 0
    while len(big) + 5 < a.big_lines:
        big.append(f"export function fn{k}(x, y) {{")
        big.append(f"  const s = `value ${{x}} and ${{y}}`; // comment {k}")
        big.append(f"  if (x > {k}) {{ return [x, y, s].map((v) => v + 1); }}")
        big.append(f"  return {{ k: {k}, x, y, s }};")
        big.append("}")
        k += 1
    while len(big) < a.big_lines - 1:
        big.append(f"export const c{len(big)} = {len(big)};")
    big.append("export default 1;")
    write("src/big.js", "\n".join(big) + "\n")
    print(f"wrote {n} modules, {len(pkgs)} packages, src/big.js ({a.big_lines} lines) to {a.out}")


if __name__ == "__main__":
    main()
