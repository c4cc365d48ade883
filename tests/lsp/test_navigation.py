"""Go-to-definition, document links and hover on specifiers (into node_modules too,
following symlinks)."""

import os

from lsprotocol import types

from conftest import open_doc, pos

TEXT = (
    "import a from 'dep-a';\n"
    "import f from 'dep-a/feature';\n"
    "import l from 'linked';\n"
    "import fs from 'node:fs';\n"
    "import u from './utils.js';\n"
    "import bad from './nope.js';\n"
)


def target_path(result):
    assert result, "no definition"
    first = result[0] if isinstance(result, list) else result
    uri = getattr(first, "target_uri", None) or first.uri
    from urllib.parse import unquote, urlparse

    return unquote(urlparse(uri).path)


async def definition(client, uri, text, needle):
    return await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=pos(text, needle, 1)
        )
    )


async def test_definition_into_node_modules_and_symlinks(client):
    uri, _ = await open_doc(client, "src/nav.js", TEXT)
    root = os.path.realpath(client.root)
    assert target_path(await definition(client, uri, TEXT, "dep-a'")) == f"{root}/node_modules/dep-a/esm/index.mjs"
    assert target_path(await definition(client, uri, TEXT, "dep-a/feature")) == f"{root}/node_modules/dep-a/lib/feature.js"
    # node_modules/linked is a symlink to vendor/linked: Node (and rnode) use the real path
    assert target_path(await definition(client, uri, TEXT, "linked")) == f"{root}/vendor/linked/index.js"
    assert target_path(await definition(client, uri, TEXT, "./utils.js")) == f"{root}/src/utils.js"
    assert not await definition(client, uri, TEXT, "node:fs")
    assert not await definition(client, uri, TEXT, "./nope.js")
    # outside any specifier
    none = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=1)
        )
    )
    assert not none


async def test_definition_of_require_uses_the_require_condition(client):
    text = "const a = require('dep-a');\n"
    uri, diags = await open_doc(client, "cjs/nav.js", text)
    assert diags == []
    root = os.path.realpath(client.root)
    assert target_path(await definition(client, uri, text, "dep-a")) == f"{root}/node_modules/dep-a/cjs/index.cjs"


async def test_document_links(client):
    uri, _ = await open_doc(client, "src/links.js", TEXT)
    links = await client.text_document_document_link_async(
        types.DocumentLinkParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    by_line = {l.range.start.line: l for l in links}
    assert set(by_line) == {0, 1, 2, 3, 4}  # the unresolvable one has no link
    assert by_line[0].target.endswith("/node_modules/dep-a/esm/index.mjs")
    assert by_line[2].target.endswith("/vendor/linked/index.js")
    assert by_line[3].target == "https://nodejs.org/docs/latest-v21.x/api/fs.html"
    assert by_line[0].tooltip.endswith("/node_modules/dep-a/esm/index.mjs")
    assert by_line[0].range.start == pos(TEXT, "dep-a")
    assert by_line[0].range.end == pos(TEXT, "dep-a", 5)


async def hover(client, uri, text, needle):
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(text, needle, 1))
    )
    return h.contents.value if h else None


async def test_hover_shows_path_package_version_and_condition(client):
    uri, _ = await open_doc(client, "src/hover.js", TEXT)
    h = await hover(client, uri, TEXT, "dep-a'")
    assert "node_modules/dep-a/esm/index.mjs" in h
    assert "dep-a@1.2.3" in h
    assert "`import`" in h
    assert "ES module" in h
    h = await hover(client, uri, TEXT, "linked")
    assert "linked@3.0.0" in h and "vendor/linked/index.js" in h
    h = await hover(client, uri, TEXT, "node:fs")
    assert "built-in" in h
    h = await hover(client, uri, TEXT, "./nope.js")
    assert "ERR_MODULE_NOT_FOUND" in h
    h = await hover(client, uri, TEXT, "./utils.js")
    assert "src/utils.js" in h


async def test_hover_out_of_range_position_is_empty(client):
    uri, _ = await open_doc(client, "src/hover2.js", TEXT)
    h = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=999, character=3)
        )
    )
    assert h is None
