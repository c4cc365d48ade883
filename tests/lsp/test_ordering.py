"""Change ordering under rapid edits: incremental edits sent back to back (the server
handles notifications concurrently) must be applied in version order; diagnostics are
published for the final version and never go back to an older one."""

from lsprotocol import types

from conftest import open_doc, pos, wait_diags


def insert(uri, version, line, ch, text):
    return types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[
            types.TextDocumentContentChangePartial(
                range=types.Range(
                    start=types.Position(line=line, character=ch), end=types.Position(line=line, character=ch)
                ),
                text=text,
            )
        ],
    )


async def test_typing_character_by_character(client):
    uri, _ = await open_doc(client, "src/typing.js", "")
    target = "import n from './noext';\nimport { gamma } from './lib.cjs';\nconst s = '😀'; import fs from 'node:fss';\n"
    version = 1
    line = ch = 0
    for c in target:
        version += 1
        client.text_document_did_change(insert(uri, version, line, ch, c))
        if c == "\n":
            line, ch = line + 1, 0
        else:
            ch += len(c.encode("utf-16-le")) // 2
    diags = await wait_diags(client, uri, version, timeout=30)
    got = sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in diags)
    want = sorted(
        [
            ("module-not-found", 0, pos(target, "./noext").character, pos(target, "./noext", 7).character),
            ("named-export-not-found", 1, pos(target, "gamma").character, pos(target, "gamma", 5).character),
            ("unknown-builtin", 2, pos(target, "node:fss").character, pos(target, "node:fss", 8).character),
        ]
    )
    assert got == want
    versions = [v for (u, v, _) in client.publish_log if u == uri]
    assert versions == sorted(versions), versions
    assert versions[-1] == version


async def test_batched_changes_and_deletions(client):
    text = "import a from './utils.js';\nimport b from './esm.mjs';\n"
    uri, diags = await open_doc(client, "src/batch.js", text)
    assert diags == []
    # one notification with several changes, applied in order: delete 'utils.js', then
    # type 'nope.js' at the same place, then break the second line.
    start = pos(text, "utils.js")
    end = pos(text, "utils.js", len("utils.js"))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text=""),
                types.TextDocumentContentChangePartial(range=types.Range(start=start, end=start), text="nope.js"),
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=pos(text, "esm.mjs"), end=pos(text, "esm.mjs", 3)), text="esx"
                ),
            ],
        )
    )
    for v in range(3, 40):
        # toggle a trailing comment rapidly
        client.text_document_did_change(insert(uri, v, 2, 0, "/"))
    diags = await wait_diags(client, uri, 39, timeout=30)
    lines = sorted(d.range.start.line for d in diags if d.code == "module-not-found")
    assert lines == [0, 1], [(d.code, d.range) for d in diags]


async def test_full_document_replacements(client):
    uri, _ = await open_doc(client, "src/full.js", "import a from './utils.js';\n")
    for v in range(2, 30):
        body = "import a from './utils.js';\n" if v % 2 else "import a from './nope.js';\n"
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=v),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=body)],
            )
        )
    diags = await wait_diags(client, uri, 29, timeout=30)
    assert [d.code for d in diags] == []  # v29 is odd: the valid text
