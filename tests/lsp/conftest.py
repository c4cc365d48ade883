"""pytest-lsp harness for `rnode lsp`: builds a throwaway workspace per test (with a
node_modules tree, a symlinked package and package.json `exports`/`imports`), starts the
server over stdio, and offers helpers to open documents and wait for diagnostics of an
exact version."""

import asyncio
import json
import os
import shlex
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features
from pygls.protocol import default_converter

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def server_command():
    cmd = os.environ.get("RNODE_LSP_CMD")
    if cmd:
        return shlex.split(cmd)
    binary = os.environ.get("RNODE_BIN")
    if not binary:
        for cand in [
            REPO / "target" / "debug" / "rnode",
            Path("/work/target-lsp/debug/rnode"),
        ]:
            if cand.exists():
                binary = str(cand)
                break
    if not binary:
        pytest.exit("set RNODE_BIN to the rnode binary (cargo test sets it)", 2)
    return [binary, "lsp"]


# --- the fixture workspace -------------------------------------------------------------

FILES = {
    "package.json": {
        "name": "app",
        "version": "0.0.1",
        "type": "module",
        "dependencies": {"dep-a": "^1", "plain": "*", "missing-pkg": "^1"},
        "imports": {"#utils": "./src/utils.js", "#internal/*": "./src/internal/*.js"},
    },
    "src/utils.js": "export const u = 1;\n",
    "src/noext.js": "export default 1;\n",
    "src/lib.cjs": "exports.alpha = 1;\nexports.beta = 2;\n",
    "src/reexp.cjs": "module.exports = require('./lib.cjs');\n",
    "src/esm.mjs": "export default 1;\n",
    "src/dir/index.js": "export default 1;\n",
    "src/internal/a.js": "export default 1;\n",
    "src/internal/b.js": "export default 1;\n",
    "src/types.ts": "export const t: number = 1;\n",
    "cjs/package.json": {"type": "commonjs"},
    "cjs/helper.js": "module.exports = 1;\n",
    "cjs/data.json": "{}\n",
    "node_modules/dep-a/package.json": {
        "name": "dep-a",
        "version": "1.2.3",
        "exports": {
            ".": {"import": "./esm/index.mjs", "require": "./cjs/index.cjs"},
            "./feature": "./lib/feature.js",
            "./utils/*": "./lib/utils/*.js",
            "./package.json": "./package.json",
        },
    },
    "node_modules/dep-a/esm/index.mjs": "export default 1;\n",
    "node_modules/dep-a/cjs/index.cjs": "module.exports = 1;\n",
    "node_modules/dep-a/lib/feature.js": "module.exports = 1;\n",
    "node_modules/dep-a/lib/internal.js": "module.exports = 1;\n",
    "node_modules/dep-a/lib/utils/x.js": "module.exports = 1;\n",
    "node_modules/dep-a/lib/utils/y.js": "module.exports = 1;\n",
    "node_modules/plain/package.json": {"name": "plain", "version": "0.1.0", "main": "main.js"},
    "node_modules/plain/main.js": "exports.one = 1;\nexports.two = 2;\n",
    "node_modules/plain/sub/file.js": "module.exports = 1;\n",
    "node_modules/@scope/pkg/package.json": {"name": "@scope/pkg", "version": "2.0.0", "main": "index.js"},
    "node_modules/@scope/pkg/index.js": "module.exports = 1;\n",
    "node_modules/esm-only/package.json": {
        "name": "esm-only",
        "version": "1.0.0",
        "type": "module",
        "exports": "./index.js",
    },
    "node_modules/esm-only/index.js": "export default 1;\n",
    "vendor/linked/package.json": {"name": "linked", "version": "3.0.0", "main": "index.js"},
    "vendor/linked/index.js": "module.exports = 1;\n",
}


def build_workspace(root: Path) -> Path:
    for rel, content in FILES.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):
            p.write_text(json.dumps(content, indent=2) + "\n")
        else:
            p.write_text(content)
    (root / "node_modules" / "linked").symlink_to(root / "vendor" / "linked")
    # a symlink loop, which nothing may follow forever
    (root / "src" / "loop").symlink_to(root / "src" / "loop")
    return root


@pytest.fixture
def workspace(tmp_path):
    return build_workspace(tmp_path.resolve() / "ws")


# --- the client --------------------------------------------------------------------------


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.diag_versions[params.uri] = params.version
        client.publish_log.append((params.uri, params.version, list(params.diagnostics)))

    def register(client: LanguageClient, params: types.RegistrationParams):
        client.registrations.extend(params.registrations)
        return None

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    client.diag_versions = {}
    client.publish_log = []
    client.registrations = []
    return client


CONFIG = ClientServerConfig(server_command=server_command(), client_factory=make_client)


def capabilities() -> types.ClientCapabilities:
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            ),
            workspace_folders=True,
        ),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                version_support=True, code_description_support=True, data_support=True
            ),
            definition=types.DefinitionClientCapabilities(link_support=True),
            completion=types.CompletionClientCapabilities(
                completion_item=types.ClientCompletionItemOptions(snippet_support=False)
            ),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(
                        value_set=[types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite]
                    )
                ),
                is_preferred_support=True,
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            document_link=types.DocumentLinkClientCapabilities(tooltip_support=True),
        ),
    )


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, workspace):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(),
            root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="ws")],
            initialization_options={"debounceMs": 5},
        )
    )
    lsp_client.root = workspace
    yield
    await lsp_client.shutdown_session()


# --- helpers -----------------------------------------------------------------------------


def lang_id(path: Path) -> str:
    return {
        ".ts": "typescript",
        ".mts": "typescript",
        ".cts": "typescript",
        ".tsx": "typescriptreact",
        ".jsx": "javascriptreact",
    }.get(path.suffix, "javascript")


async def wait_until(pred, timeout=10.0, what="condition"):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        v = pred()
        if v:
            return v
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


async def wait_diags(client, uri, version, timeout=10.0):
    await wait_until(
        lambda: client.diag_versions.get(uri, None) == version and uri in client.diagnostics,
        timeout,
        f"diagnostics for {uri} v{version}",
    )
    return list(client.diagnostics[uri])


async def open_doc(client, rel, text, version=1, write=True):
    """Write `text` to the workspace file `rel`, open it, and return (uri, diagnostics)."""
    path = client.root / rel
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=lang_id(path), version=version, text=text
            )
        )
    )
    return uri, await wait_diags(client, uri, version)


def codes(diags):
    return [d.code for d in diags]


def pos(text, needle, delta=0):
    """LSP position (UTF-16) of the first occurrence of `needle` in `text`, plus delta."""
    i = text.index(needle) + delta
    before = text[:i]
    line = before.count("\n")
    col_text = before[before.rfind("\n") + 1 :]
    return types.Position(line=line, character=len(col_text.encode("utf-16-le")) // 2)


def apply_edit(text, edit):
    lines = text.split("\n")

    def off(p):
        prefix = "\n".join(lines[: p.line])
        o = len(prefix) + (1 if p.line > 0 else 0)
        line = lines[p.line]
        units = 0
        for i, ch in enumerate(line):
            if units >= p.character:
                return o + i
            units += len(ch.encode("utf-16-le")) // 2
        return o + len(line)

    a, b = off(edit.range.start), off(edit.range.end)
    return text[:a] + edit.new_text + text[b:]
