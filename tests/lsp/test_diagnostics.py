"""Each diagnostic kind, published after open/change/save, with exact ranges, stable
codes and Node doc links."""

from lsprotocol import types

from conftest import codes, open_doc, pos, wait_diags


def only(diags, code):
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in diags]
    return found[0]


async def test_syntax_errors_all_reported_with_utf16_ranges(client):
    text = "const s = '😀😀'; let = 1;\nconst ok = 1;\nfunction f( {\n"
    uri, diags = await open_doc(client, "src/syntax.js", text)
    errs = [d for d in diags if d.code == "syntax-error"]
    assert len(errs) >= 2, [(d.range, d.message) for d in diags]
    first = errs[0]
    # `let = 1` : the error is after the two astral characters (2 UTF-16 units each)
    assert first.range.start.line == 0
    assert first.range.start.character >= pos(text, "let").character
    assert first.range.start.character <= pos(text, "= 1").character + 1
    assert any(e.range.start.line >= 2 for e in errs)
    assert all(d.source == "rnode" for d in errs)
    assert errs[0].code_description.href.startswith("https://nodejs.org/docs/latest-v21.x/api/")


async def test_commonjs_file_rejects_import_syntax(client):
    _, diags = await open_doc(client, "cjs/uses-import.js", "import x from './helper.js';\n")
    assert "syntax-error" in codes(diags)
    assert any("CommonJS" in d.message for d in diags)


async def test_missing_extension_under_esm(client):
    text = "import n from './noext';\n"
    _, diags = await open_doc(client, "src/a.js", text)
    d = only(diags, "module-not-found")
    assert d.range.start == pos(text, "./noext")
    assert d.range.end == pos(text, "./noext", len("./noext"))
    assert "./noext.js" in d.message
    assert "Tried" in d.message or "tried" in d.message.lower() or "Did you mean" in d.message
    assert d.data["nodeCode"] == "ERR_MODULE_NOT_FOUND"
    assert "esm.html#mandatory-file-extensions" in d.code_description.href


async def test_plain_not_found_lists_what_was_tried(client):
    _, diags = await open_doc(client, "cjs/b.js", "require('./nothing-here');\n")
    d = only(diags, "module-not-found")
    assert d.data["nodeCode"] == "MODULE_NOT_FOUND"
    assert d.severity == types.DiagnosticSeverity.Error


async def test_directory_import(client):
    text = "import d from './dir';\n"
    _, diags = await open_doc(client, "src/b.js", text)
    d = only(diags, "dir-import")
    assert d.data["nodeCode"] == "ERR_UNSUPPORTED_DIR_IMPORT"
    assert "./dir/index.js" in d.message


async def test_package_not_installed(client):
    _, diags = await open_doc(client, "src/c.js", "import m from 'missing-pkg';\n")
    d = only(diags, "package-not-installed")
    assert "missing-pkg" in d.message
    assert "npm install" in d.message  # it is declared in package.json


async def test_subpath_not_exported_lists_exports(client):
    _, diags = await open_doc(client, "src/d.js", "import i from 'dep-a/lib/internal.js';\n")
    d = only(diags, "subpath-not-exported")
    assert d.data["nodeCode"] == "ERR_PACKAGE_PATH_NOT_EXPORTED"
    assert "./feature" in d.message
    assert "packages.html#subpath-exports" in d.code_description.href


async def test_imports_not_defined(client):
    _, diags = await open_doc(client, "src/e.js", "import x from '#utilz';\nimport y from '#utils';\n")
    d = only(diags, "import-not-defined")
    assert d.data["nodeCode"] == "ERR_PACKAGE_IMPORT_NOT_DEFINED"
    assert d.range.start.line == 0


async def test_unknown_builtin(client):
    _, diags = await open_doc(client, "src/f.js", "import fs from 'node:fss';\nimport ok from 'node:fs';\n")
    d = only(diags, "unknown-builtin")
    assert d.data["nodeCode"] == "ERR_UNKNOWN_BUILTIN_MODULE"


async def test_require_of_es_module(client):
    text = "const a = require('esm-only');\nconst b = require('./helper.js');\n"
    _, diags = await open_doc(client, "cjs/g.js", text)
    d = only(diags, "require-esm")
    assert d.data["nodeCode"] == "ERR_REQUIRE_ESM"
    assert d.range.start == pos(text, "esm-only")


async def test_named_import_missing_from_commonjs(client):
    text = (
        "import { alpha, gamma } from './lib.cjs';\n"
        "import { beta, delta } from './reexp.cjs';\n"
        "import def from './lib.cjs';\n"
    )
    _, diags = await open_doc(client, "src/h.js", text)
    missing = [d for d in diags if d.code == "named-export-not-found"]
    got = sorted((d.range.start.line, d.range.start.character) for d in missing)
    want = sorted((p.line, p.character) for p in [pos(text, "gamma"), pos(text, "delta")])
    assert got == want, [(d.range, d.message) for d in diags]
    assert all("alpha" in d.message for d in missing)


async def test_json_import_needs_the_type_attribute(client):
    text = (
        "import a from '../cjs/data.json';\n"
        "import b from '../cjs/data.json' with { type: 'json' };\n"
        "const c = await import('../cjs/data.json', { with: { type: 'json' } });\n"
    )
    _, diags = await open_doc(client, "src/json.js", text)
    d = only(diags, "json-import-attribute")
    assert d.data["nodeCode"] == "ERR_IMPORT_ATTRIBUTE_MISSING"
    assert d.range.start.line == 0


async def test_optional_require_in_try_is_a_warning(client):
    _, diags = await open_doc(client, "cjs/i.js", "try { require('nope-optional'); } catch {}\n")
    d = only(diags, "package-not-installed")
    assert d.severity == types.DiagnosticSeverity.Warning


async def test_valid_file_has_no_diagnostics(client):
    text = (
        "import fs from 'node:fs';\nimport path from 'path';\nimport a from 'dep-a';\n"
        "import f from 'dep-a/feature';\nimport x from 'dep-a/utils/x';\nimport u from '#utils';\n"
        "import ia from '#internal/a';\nimport { alpha } from './lib.cjs';\nimport { beta } from './reexp.cjs';\n"
        "import p from 'plain';\nimport s from '@scope/pkg';\nimport l from 'linked';\n"
        "const m = await import('./esm.mjs');\nimport t from 'node:test';\n"
    )
    _, diags = await open_doc(client, "src/ok.js", text)
    assert diags == [], [(d.code, d.message) for d in diags]


async def test_typescript_sources_resolve_like_their_output(client):
    text = "import { t } from './types.js';\nimport type { X } from './not-there.js';\nconst n: number = 1;\n"
    _, diags = await open_doc(client, "src/k.ts", text)
    assert diags == [], [(d.code, d.message) for d in diags]


async def test_diagnostics_follow_changes(client):
    text = "import n from './noext.js';\n"
    uri, diags = await open_doc(client, "src/l.js", text)
    assert diags == []
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=pos(text, ".js'"), end=pos(text, ".js'", 3)),
                    text="",
                )
            ],
        )
    )
    diags = await wait_diags(client, uri, 2)
    assert codes(diags) == ["module-not-found"]


async def test_revalidates_when_a_target_appears_on_disk(client):
    text = "import later from './later.js';\n"
    uri, diags = await open_doc(client, "src/m.js", text)
    assert codes(diags) == ["module-not-found"]
    await client_registered_watchers(client)
    later = client.root / "src" / "later.js"
    later.write_text("export default 1;\n")
    n = len(client.publish_log)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=later.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    from conftest import wait_until

    await wait_until(
        lambda: any(u == uri and not ds for (u, _, ds) in client.publish_log[n:]),
        what="diagnostics cleared after the file appeared",
    )


async def test_revalidates_when_package_json_changes(client):
    text = "import x from '#newkey';\n"
    uri, diags = await open_doc(client, "src/n.js", text)
    assert codes(diags) == ["import-not-defined"]
    pj = client.root / "package.json"
    import json

    data = json.loads(pj.read_text())
    data["imports"]["#newkey"] = "./src/utils.js"
    pj.write_text(json.dumps(data))
    n = len(client.publish_log)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=pj.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    from conftest import wait_until

    await wait_until(
        lambda: any(u == uri and not ds for (u, _, ds) in client.publish_log[n:]),
        what="diagnostics cleared after package.json changed",
    )


async def test_named_export_revalidates_when_target_changes(client):
    text = "import { zeta } from './lib.cjs';\n"
    uri, diags = await open_doc(client, "src/o.js", text)
    assert codes(diags) == ["named-export-not-found"]
    lib = client.root / "src" / "lib.cjs"
    lib.write_text(lib.read_text() + "exports.zeta = 3;\n")
    n = len(client.publish_log)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=lib.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    from conftest import wait_until

    await wait_until(
        lambda: any(u == uri and not ds for (u, _, ds) in client.publish_log[n:]),
        what="diagnostics cleared after the CommonJS target changed",
    )


async def client_registered_watchers(client):
    from conftest import wait_until

    regs = await wait_until(
        lambda: [r for r in client.registrations if r.method == "workspace/didChangeWatchedFiles"],
        what="watcher registration",
    )
    globs = [w["globPattern"] for w in regs[0].register_options["watchers"]]
    assert "**/package.json" in globs
    assert any("node_modules" in g for g in globs)
