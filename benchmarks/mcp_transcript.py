"""A transcript of both servers on seed example 1's broken twin: what an agent and an editor get.

    python benchmarks/mcp_transcript.py [FILE] [--no-lsp]

MCP: the SDK's stdio client starts `python -m shapedoctor mcp --root <the file's directory>` and calls
``check`` then ``fix`` (a diff; nothing written) then ``explain`` on the finding's code, printing each request
and an abridged response.  LSP: a pygls client starts `python -m shapedoctor lsp`, opens the same file and
prints the diagnostic published, the hover on the broken layer, the quick fixes offered, and the first one
applied, re-checked.  The file is never written and never executed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "examples", "seed_1_broken_conv_after_dense.py")
sys.path.insert(0, os.path.join(ROOT, "src"))


def show(direction: str, payload) -> None:
    text = payload if isinstance(payload, str) else json.dumps(payload, indent=2)
    print(f"{direction} " + text.replace("\n", "\n   "))


async def mcp_session(path: str) -> None:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    directory, name = os.path.split(os.path.abspath(path))
    params = StdioServerParameters(command=sys.executable, args=["-m", "shapedoctor", "mcp", "--root", directory],
                                   cwd=directory, env=dict(os.environ))
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = (await session.list_tools()).tools
        show("<-", {"tools": [tool.name for tool in tools]})

        async def call(tool: str, arguments: dict) -> dict:
            show("->", {"tool": tool, "arguments": arguments})
            result = (await session.call_tool(tool, arguments)).model_dump(by_alias=True, mode="json")
            if result.get("isError"):
                show("<- error:", result["content"][0]["text"])
                return {}
            return result["structuredContent"]

        report = await call("check", {"path": name})
        findings = report["files"][0]["diagnostics"]
        show("<-", {"summary": report["summary"], "diagnostics": [
            {"code": d["code"], "line": d["line"], "col": d["col"], "message": d["message"],
             "explanation": d["explanation"][:2],
             "fixes": [f"{f['rank']}. {f['title']} ({f['applicability']}, {len(f['edits'])} edits)"
                       for f in d["fixes"][:3]]} for d in findings]})
        fixed = await call("fix", {"path": name, "unsafe_fixes": True})
        show("<-", {key: fixed[key] for key in ("changed", "written", "applied", "remaining", "error")})
        show("<- diff:", fixed["diff"])
        if findings:
            explained = await call("explain", {"kind": findings[0]["code"]})
            show("<-", {**explained, "doc": explained["doc"].split("\n\n")[0] + " ..."})


async def lsp_session(path: str) -> None:
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    from shapedoctor.check import check_source

    client = LanguageClient("transcript", "1")
    published = asyncio.Queue()
    client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(lambda params: published.put_nowait(params))
    await client.start_io(sys.executable, "-m", "shapedoctor", "lsp")
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
    client.initialized(lsp.InitializedParams())
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    uri = from_fs_path(os.path.abspath(path))
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "python", 1, text)))
    params = await asyncio.wait_for(published.get(), 30)
    for d in params.diagnostics:
        where = f"{d.range.start.line}:{d.range.start.character}-{d.range.end.line}:{d.range.end.character}"
        show("<- publishDiagnostics:", f"{d.code} ({d.severity.name}) at {where} (0-based): {d.message}\n"
                                       f"docs: {d.code_description.href}")
    diagnostic = params.diagnostics[0]
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri),
                                                                   diagnostic.range.start))
    show("<- hover:", hover.contents.value)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic])))
    show("<- codeAction:", "\n".join(f"{a.kind}: {a.title}" for a in actions))
    edits = list(actions[0].edit.changes[uri])
    lines = text.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = edit.range.start, edit.range.end  # ASCII file: characters are columns
        lines[start.line:end.line + 1] = [lines[start.line][:start.character] + edit.new_text
                                          + lines[end.line][end.character:]]
    fixed = "".join(lines)
    remaining = [d for d in check_source(fixed, path).diagnostics if d.severity in ("error", "warning")]
    show("   applied:", f"{actions[0].title} -> {len(remaining)} error(s) left when re-checked")
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=SEED)
    parser.add_argument("--no-lsp", action="store_true")
    args = parser.parse_args()
    print(f"== MCP: shapedoctor mcp on {os.path.relpath(args.file)}")
    asyncio.run(mcp_session(args.file))
    if not args.no_lsp:
        print(f"\n== LSP: shapedoctor lsp on {os.path.relpath(args.file)}")
        asyncio.run(lsp_session(args.file))


if __name__ == "__main__":
    main()
