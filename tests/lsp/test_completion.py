"""Completions inside specifier strings: each kind."""

from lsprotocol import types

from conftest import open_doc, pos


async def complete(client, rel, text, cursor_after):
    uri, _ = await open_doc(client, rel, text)
    res = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=pos(text, cursor_after, len(cursor_after)),
        )
    )
    items = res.items if hasattr(res, "items") else (res or [])
    return {i.label: i for i in items}


async def test_relative_paths_with_extension_for_esm(client):
    items = await complete(client, "src/c1.js", "import x from './';\n", "'./")
    assert "utils.js" in items and "noext.js" in items and "lib.cjs" in items and "esm.mjs" in items
    assert "dir/" in items and items["dir/"].kind == types.CompletionItemKind.Folder
    assert "c1.js" not in items  # the document itself
    # the edit replaces what follows the last slash
    edit = items["utils.js"].text_edit
    assert edit.new_text == "utils.js"
    assert edit.range.start == edit.range.end


async def test_relative_paths_without_js_extension_for_require(client):
    items = await complete(client, "cjs/c2.js", "const h = require('./');\n", "'./")
    assert "helper" in items and "data" in items
    assert "helper.js" not in items


async def test_relative_paths_in_subdirectory_and_parent(client):
    items = await complete(client, "src/c3.js", "import x from '../cjs/he';\n", "'../cjs/he")
    assert "helper.js" in items
    edit = items["helper.js"].text_edit
    assert edit.range.start.character == len("import x from '../cjs/")


async def test_typescript_offers_the_compiled_name(client):
    items = await complete(client, "src/c4.ts", "import { t } from './';\n", "'./")
    assert "types.js" in items
    assert "types.ts" not in items


async def test_node_builtins(client):
    items = await complete(client, "src/c5.js", "import x from 'node:';\n", "'node:")
    assert "node:fs" in items and "node:fs/promises" in items and "node:test" in items
    assert items["node:fs"].kind == types.CompletionItemKind.Module
    assert not any(l.startswith("node:_") for l in items)


async def test_installed_packages(client):
    items = await complete(client, "src/c6.js", "import x from '';\n", "from '")
    for name in ["dep-a", "plain", "@scope/pkg", "esm-only", "linked"]:
        assert name in items, sorted(items)
    assert "missing-pkg" in items  # declared in package.json, not installed
    assert "not installed" in items["missing-pkg"].detail
    assert ".bin" not in items


async def test_package_exports_subpaths(client):
    items = await complete(client, "src/c7.js", "import x from 'dep-a/';\n", "'dep-a/")
    assert "dep-a/feature" in items
    assert "dep-a/utils/x" in items and "dep-a/utils/y" in items
    assert "dep-a/package.json" in items
    assert "dep-a/lib/internal.js" not in items


async def test_package_without_exports_lists_files(client):
    items = await complete(client, "src/c8.js", "import x from 'plain/';\n", "'plain/")
    assert "main.js" in items and "sub/" in items


async def test_imports_keys(client):
    items = await complete(client, "src/c9.js", "import x from '#';\n", "'#")
    assert "#utils" in items
    assert "#internal/a" in items and "#internal/b" in items


async def test_no_completion_outside_specifiers(client):
    items = await complete(client, "src/c10.js", "const s = 'abc';\n", "'ab")
    assert items == {}


async def test_dynamic_import_and_require_contexts(client):
    items = await complete(client, "src/c11.js", "const m = await import('./');\n", "import('./")
    assert "esm.mjs" in items
    items = await complete(client, "src/c12.js", "const m = require('node:');\n", "require('node:")
    assert "node:path" in items
