"""Quick fixes for the resolution diagnostics: applying each one makes the diagnostic go
away (checked by sending the edit back and waiting for the next diagnostics)."""

from lsprotocol import types

from conftest import apply_edit, open_doc, wait_diags


async def actions_for(client, uri, diag):
    res = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag]),
        )
    )
    return [a for a in res or [] if isinstance(a, types.CodeAction)]


async def fix_and_check(client, rel, text, code, expect_title, expect_text):
    uri, diags = await open_doc(client, rel, text)
    diag = next(d for d in diags if d.code == code)
    acts = await actions_for(client, uri, diag)
    titles = [a.title for a in acts]
    act = next((a for a in acts if expect_title in a.title), None)
    assert act is not None, titles
    assert act.kind == types.CodeActionKind.QuickFix
    edits = act.edit.changes[uri]
    assert len(edits) == 1
    new = apply_edit(text, edits[0])
    assert expect_text in new, new
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=new)],
        )
    )
    after = await wait_diags(client, uri, 2)
    assert [d.code for d in after if d.code == code] == [], [(d.code, d.message) for d in after]
    return acts


async def test_add_extension(client):
    acts = await fix_and_check(client, "src/q1.js", "import n from './noext';\n", "module-not-found", "Add extension '.js'", "'./noext.js'")
    assert acts[0].is_preferred


async def test_add_index_js(client):
    await fix_and_check(client, "src/q2.js", "import d from './dir';\n", "dir-import", "/index.js", "'./dir/index.js'")


async def test_switch_to_node_prefix(client):
    await fix_and_check(client, "src/q3.js", "import test from 'test';\n", "package-not-installed", "Switch to 'node:test'", "'node:test'")


async def test_fix_misspelt_builtin(client):
    await fix_and_check(client, "src/q4.js", "import fs from 'node:fss';\n", "unknown-builtin", "node:fs", "'node:fs'")


async def test_replace_with_exported_subpath(client):
    acts = await fix_and_check(
        client, "src/q5.js", "import f from 'dep-a/lib/feature.js';\n", "subpath-not-exported", "dep-a/feature", "'dep-a/feature'"
    )
    assert all("exported subpath" in a.title or "Change" in a.title for a in acts)


async def test_fix_imports_key(client):
    await fix_and_check(client, "src/q6.js", "import u from '#utilz';\n", "import-not-defined", "#utils", "'#utils'")


async def test_fix_named_import(client):
    await fix_and_check(client, "src/q7.js", "import { alpah } from './lib.cjs';\n", "named-export-not-found", "alpha", "{ alpha }")


async def test_add_json_import_attribute(client):
    await fix_and_check(
        client, "src/q10.js", "import d from '../cjs/data.json';\n", "json-import-attribute", "type: 'json'",
        "'../cjs/data.json' with { type: 'json' };",
    )


async def test_refactor_bare_builtin_to_node_prefix(client):
    text = "import fs from 'fs';\n"
    uri, diags = await open_doc(client, "src/q8.js", text)
    assert diags == []
    res = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=17), end=types.Position(line=0, character=17)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    act = next(a for a in res if a.title == "Switch to 'node:fs'")
    assert apply_edit(text, act.edit.changes[uri][0]) == "import fs from 'node:fs';\n"


async def test_code_action_with_invalid_range_is_an_error(client):
    text = "import fs from 'fs';\n"
    uri, _ = await open_doc(client, "src/q9.js", text)
    import pytest
    from pygls.exceptions import JsonRpcException

    with pytest.raises(JsonRpcException):
        await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=types.Position(line=50, character=0), end=types.Position(line=60, character=0)),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
