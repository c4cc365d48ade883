"""The LSP and the runtime give the same answer for the same specifier.

Each case is asked three ways: of `rnode lsp` (definition target, or the diagnostic's
Node error code), of Node 21.7.3 (the behaviour oracle: `import()` / `require()` from a
probe file in the same directory), and of the rnode runtime (the same probe driver run
by `rnode`, when the runtime can run scripts)."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from lsprotocol import types

from conftest import open_doc

NODE21 = os.environ.get("NODE21", "/opt/node21/bin/node")

# (directory, kind, specifier, named imports)
CASES = [
    ("src", "import", "./utils.js", []),
    ("src", "import", "./noext", []),
    ("src", "import", "./dir", []),
    ("src", "import", "./dir/index.js", []),
    ("src", "import", "dep-a", []),
    ("src", "import", "dep-a/feature", []),
    ("src", "import", "dep-a/utils/x", []),
    ("src", "import", "dep-a/lib/internal.js", []),
    ("src", "import", "dep-a/package.json", []),
    ("src", "import", "../cjs/data.json", []),
    ("src", "import", "plain", []),
    ("src", "import", "plain/sub/file.js", []),
    ("src", "import", "@scope/pkg", []),
    ("src", "import", "linked", []),
    ("src", "import", "missing-pkg", []),
    ("src", "import", "#utils", []),
    ("src", "import", "#internal/a", []),
    ("src", "import", "#nope", []),
    ("src", "import", "node:fs", []),
    ("src", "import", "fs/promises", []),
    ("src", "import", "node:fss", []),
    ("src", "import", "node:test", []),
    ("src", "import", "test", []),
    ("src", "import", "./lib.cjs", ["alpha"]),
    ("src", "import", "./lib.cjs", ["gamma"]),
    ("src", "import", "./reexp.cjs", ["beta"]),
    ("cjs", "require", "./helper", []),
    ("cjs", "require", "./helper.js", []),
    ("cjs", "require", "./data", []),
    ("cjs", "require", "./nothing", []),
    ("cjs", "require", "dep-a", []),
    ("cjs", "require", "plain", []),
    ("cjs", "require", "plain/sub/file", []),
    ("cjs", "require", "linked", []),
    ("cjs", "require", "esm-only", []),
    ("cjs", "require", "../src/esm.mjs", []),
    ("cjs", "require", "missing-pkg", []),
    ("cjs", "require", "dep-a/lib/internal.js", []),
    ("cjs", "require", "node:fs", []),
    ("cjs", "require", "path", []),
]

DRIVER = r"""
import { createRequire } from 'node:module';
import { writeFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
// (no node:url, so that a runtime still growing its library can run this too)
const pathToFileURL = (p) => ({ href: 'file://' + encodeURI(p) });
const fileURLToPath = (u) => decodeURI(u.slice('file://'.length));
const cases = JSON.parse(process.argv[2]);
const out = [];
let n = 0;
for (const c of cases) {
  try {
    if (c.kind === 'import') {
      const probe = path.join(c.dir, `__probe_${n++}.mjs`);
      const names = c.names.length ? `{ ${c.names.join(', ')} }` : '* as ns';
      writeFileSync(probe, `import ${names} from ${JSON.stringify(c.spec)};\nexport const url = import.meta.resolve(${JSON.stringify(c.spec)});\n`);
      const m = await import(pathToFileURL(probe).href);
      out.push(m.url.startsWith('file:') ? { path: realpathSync(fileURLToPath(m.url)) } : { builtin: m.url });
    } else {
      const req = createRequire(path.join(c.dir, '__probe.js'));
      const r = req.resolve(c.spec);
      req(c.spec);
      out.push(path.isAbsolute(r) ? { path: realpathSync(r) } : { builtin: r });
    }
  } catch (e) {
    out.push({ code: e.code || (e instanceof SyntaxError ? 'SyntaxError' : String(e)) });
  }
}
console.log(JSON.stringify(out));
"""


def run_driver(cmd, root):
    cases = [{"dir": str(root / d), "kind": k, "spec": s, "names": n} for (d, k, s, n) in CASES]
    driver = root / "__driver.mjs"
    driver.write_text(DRIVER)
    r = subprocess.run(
        cmd + [str(driver), json.dumps(cases)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    lines = [l for l in r.stdout.splitlines() if l.startswith("[")]
    if r.returncode != 0 or not lines:
        return None, r.stderr[-2000:]
    return json.loads(lines[-1]), None


async def lsp_answers(client, root):
    """One line per case, in an ESM document (src) and a CommonJS document (cjs)."""
    answers = []
    docs = {}
    for d, kind in [("src", "import"), ("cjs", "require")]:
        lines = []
        for (dd, k, s, names) in CASES:
            if dd != d:
                continue
            if k == "import":
                what = "{ " + ", ".join(names) + " }" if names else "* as ns"
                lines.append(f"import {what} from {json.dumps(s)};")
            else:
                lines.append(f"require({json.dumps(s)});")
        text = "\n".join(lines) + "\n"
        rel = f"{d}/__parity.{'mjs' if d == 'src' else 'cjs'}"
        uri, diags = await open_doc(client, rel, text)
        docs[d] = (uri, text, diags)
    counters = {"src": 0, "cjs": 0}
    for (d, k, s, names) in CASES:
        uri, text, diags = docs[d]
        line = counters[d]
        counters[d] += 1
        mine = [x for x in diags if x.range.start.line == line]
        if mine:
            answers.append({"code": mine[0].data["nodeCode"]})
            continue
        col = text.splitlines()[line].index(json.dumps(s)) + 1
        pos = types.Position(line=line, character=col)
        h = await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos)
        )
        if h and "built-in" in h.contents.value:
            answers.append({"builtin": s})
            continue
        res = await client.text_document_definition_async(
            types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos)
        )
        target = res[0].target_uri if res else None
        answers.append({"path": unquote(urlparse(target).path)} if target else {"none": True})
    return answers


def normalize(a):
    # rnode found the builtin but its library does not have it yet: resolution agreed
    if "builtin" in a or a.get("code") == "ERR_NOT_IMPLEMENTED":
        return ("builtin",)
    if "path" in a:
        return ("path", os.path.realpath(a["path"]))
    return ("error", a.get("code"))


async def test_lsp_matches_node21(client):
    if not Path(NODE21).exists():
        pytest.skip("Node 21 oracle not installed")
    root = client.root
    node, err = run_driver([NODE21], root)
    assert node is not None, err
    lsp = await lsp_answers(client, root)
    mismatches = [
        (c, normalize(n), normalize(m)) for c, n, m in zip(CASES, node, lsp) if normalize(n) != normalize(m)
    ]
    assert not mismatches, "\n".join(f"{c}: node={n} lsp={m}" for c, n, m in mismatches)


async def test_lsp_matches_the_rnode_runtime(client):
    binary = os.environ.get("RNODE_BIN")
    if not binary:
        pytest.skip("RNODE_BIN is not set (the rnode binary is needed to run the probe driver)")
    cmd = [binary]
    root = client.root
    rnode, err = run_driver(cmd, root)
    if rnode is None:
        pytest.skip(f"the rnode runtime cannot run the probe driver yet: {err.strip()[:300]}")
    lsp = await lsp_answers(client, root)
    mismatches = [
        (c, normalize(n), normalize(m)) for c, n, m in zip(CASES, rnode, lsp) if normalize(n) != normalize(m)
    ]
    assert not mismatches, "\n".join(f"{c}: rnode={n} lsp={m}" for c, n, m in mismatches)


_ = shutil
