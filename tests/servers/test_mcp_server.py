"""`shapedoctor mcp` end to end: the MCP SDK's own stdio client talks to `python -m shapedoctor mcp --root DIR`.

One server for the module.  The SDK's client lives in anyio task groups that must be entered and left by one
task, so the session runs in a thread of its own and each test hands it calls."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import shutil
import sys
import threading
import warnings
from dataclasses import dataclass

import pytest

from .helpers import BROKEN, SAFE_FIXES

mcp = pytest.importorskip("mcp")
import mcp.types  # noqa: E402
from mcp import ClientSession, StdioServerParameters  # noqa: E402
from mcp.client.stdio import stdio_client  # noqa: E402


@dataclass
class Result:
    is_error: bool
    structured_content: dict | None
    text: str


class McpSession:
    def __init__(self, args: list[str], cwd: str, roots: list[str] | None = None):
        """``roots``: the client's roots (file:// URIs), declared with the ``roots`` capability; None: none."""
        self.params = StdioServerParameters(command=sys.executable, args=["-m", "shapedoctor", "mcp", *args],
                                            cwd=cwd, env=dict(os.environ))
        self.roots = roots
        self.roots_asked = 0
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.ready: concurrent.futures.Future = concurrent.futures.Future()
        self.stop: asyncio.Event | None = None
        self.done = asyncio.run_coroutine_threadsafe(self._serve(), self.loop)
        self.ready.result(timeout=60)

    async def _serve(self):
        self.stop = asyncio.Event()
        try:
            callback = self._list_roots if self.roots is not None else None
            async with stdio_client(self.params) as (read, write), \
                    ClientSession(read, write, list_roots_callback=callback) as session:
                await session.initialize()
                self.session = session
                self.ready.set_result(True)
                await self.stop.wait()
        except BaseException as exc:
            if not self.ready.done():
                self.ready.set_exception(exc)
            raise

    async def _list_roots(self, context):
        self.roots_asked += 1
        return mcp.types.ListRootsResult(roots=[mcp.types.Root(uri=uri) for uri in self.roots])

    def set_roots(self, uris: list[str]) -> None:
        """The client's roots change, and it says so (``notifications/roots/list_changed``)."""
        self.roots = uris
        with warnings.catch_warnings():  # mcp 2.3: roots are deprecated by the 2026-07-28 spec draft
            warnings.simplefilter("ignore")
            self.run(self.session.send_roots_list_changed())

    def run(self, coroutine, timeout: float = 60):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=timeout)

    def call(self, tool: str, arguments: dict) -> Result:
        data = self.run(self.session.call_tool(tool, arguments)).model_dump(by_alias=True, mode="json")
        return Result(bool(data.get("isError")), data.get("structuredContent"), data["content"][0]["text"])

    def tools(self) -> dict[str, dict]:
        """name -> the tool as its JSON (the wire's camelCase names: the same in mcp 1 and 2)."""
        listed = self.run(self.session.list_tools()).tools
        return {tool.name: tool.model_dump(by_alias=True, mode="json") for tool in listed}

    def close(self):
        self.loop.call_soon_threadsafe(self.stop.set)
        self.done.result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    shutil.copy(BROKEN, root / "broken.py")
    shutil.copy(SAFE_FIXES, root / "safe.py")
    outside = tmp_path_factory.mktemp("elsewhere")
    shutil.copy(BROKEN, outside / "secret.py")
    (root / "escape.py").symlink_to(outside / "secret.py")
    return root, outside


@pytest.fixture(scope="module")
def server(project):
    root, outside = project
    session = McpSession(["--root", str(root)], cwd=str(outside))
    yield session
    session.close()


def test_lists_four_tools_each_with_input_and_output_schema(server):
    tools = server.tools()
    assert set(tools) == {"check", "trace", "fix", "explain"}
    assert set(tools["check"]["inputSchema"]["properties"]) >= {"source", "path", "target_shape", "select", "ignore"}
    assert tools["explain"]["inputSchema"]["required"] == ["kind"]
    assert set(tools["fix"]["outputSchema"]["properties"]) >= {"diff", "fixed_source", "written", "applied"}
    assert tools["check"]["annotations"]["readOnlyHint"] is True


def test_check_a_path_returns_the_json_report_with_fixes(server):
    result = server.call("check", {"path": "broken.py"})
    assert not result.is_error
    report = result.structured_content
    assert report["summary"]["errors"] == 1 and report["files"][0]["path"] == "broken.py"
    [finding] = report["files"][0]["diagnostics"]
    assert (finding["code"], finding["line"], finding["col"]) == ("SD101", 7, 4)
    assert finding["fixes"][0]["title"] == "insert Reshape((64, 1)) before Conv1D"
    assert finding["fixes"][0]["edits"] == [{"line": 7, "col": 4, "end_line": 7, "end_col": 4,
                                             "text": "layers.Reshape((64, 1)),\n    "}]
    assert json.loads(result.text) == report  # the same report as text, for clients without structure


def test_check_source_text_with_select(server):
    source = SAFE_FIXES.read_text()
    everything = server.call("check", {"source": source}).structured_content
    assert [d["code"] for d in everything["files"][0]["diagnostics"]] == ["SD107", "SD107"]
    nothing = server.call("check", {"source": source, "select": "SD101"}).structured_content
    assert nothing["files"][0]["diagnostics"] == []
    bad = server.call("check", {"source": source, "select": "SD999"})
    assert bad.is_error and "'SD999' names no finding kind" in bad.text


def test_check_and_fix_take_the_data_shape(server):
    source = ("import keras\nfrom keras import layers\ninputs = keras.Input((16, 5, 1))\n"
              "x = layers.Flatten()(layers.Conv2D(4, 3, padding='same')(inputs))\n"
              "model = keras.Model(inputs, layers.Dense(1)(x))\n")
    report = server.call("check", {"source": source, "data_shape": "(None, 80)"}).structured_content
    [finding] = report["files"][0]["diagnostics"]
    assert (finding["code"], finding["line"]) == ("SD109", 3)
    fixed = server.call("fix", {"source": source, "data_shape": "(None, 80)", "unsafe_fixes": True,
                                "output": "source"}).structured_content
    assert "keras.Input((80,))" in fixed["fixed_source"] and "layers.Reshape((16, 5, 1))" in fixed["fixed_source"]
    bad = server.call("check", {"source": source, "data_shape": "(None, x)"})
    assert bad.is_error and "data_shape: cannot read" in bad.text


def test_trace_gives_every_layer_shape_and_parameters(server):
    result = server.call("trace", {"path": "broken.py"})
    [model] = result.structured_content["models"]
    layers = {layer["name"]: layer for layer in model["layers"]}
    assert layers["dense"]["output_shape"] == [None, 64] and layers["dense"]["params"] == 3264
    assert layers["conv1d"]["status"] == "error" and layers["conv1d"]["input_shapes"] == [[None, 64]]
    assert model["findings"][0]["code"] == "SD101" and not model["complete"]
    missing = server.call("trace", {"path": "broken.py", "model": "nope"})
    assert missing.is_error and "no model named 'nope' (models: model)" in missing.text


def test_fix_returns_a_diff_or_the_source_and_leaves_the_file_alone(server, project):
    root, _ = project
    before = (root / "broken.py").read_bytes()
    withheld = server.call("fix", {"path": "broken.py"}).structured_content  # as the command line: safe only
    assert not withheld["changed"] and withheld["diff"] == ""
    assert withheld["remaining"][0]["unsafe_fix_withheld"] == "insert Reshape((64, 1)) before Conv1D"
    diff = server.call("fix", {"path": "broken.py", "unsafe_fixes": True}).structured_content
    assert diff["changed"] and not diff["written"] and diff["fixed_source"] is None
    assert "+    layers.Reshape((64, 1)),\n" in diff["diff"] and diff["diff"].startswith("--- a/broken.py\n")
    assert diff["applied"][0]["title"] == "insert Reshape((64, 1)) before Conv1D" and diff["remaining"] == []
    both = server.call("fix", {"path": "broken.py", "output": "both", "pick": 2}).structured_content
    assert "layers.Reshape((32, 2)),\n    layers.Conv1D" in both["fixed_source"] and both["diff"]
    assert (root / "broken.py").read_bytes() == before
    text = server.call("fix", {"source": BROKEN.read_text(), "output": "source", "pick": 1}).structured_content
    assert "layers.Reshape((64, 1))" in text["fixed_source"] and text["diff"] is None


def test_fix_writes_only_when_asked(server, project):
    root, _ = project
    result = server.call("fix", {"path": "safe.py", "write": True, "unsafe_fixes": True}).structured_content
    assert result["written"] and [a["code"] for a in result["applied"]] == ["SD107", "SD107", "SD101"]
    assert "AveragePooling1D(pool_size=2)" in (root / "safe.py").read_text()
    refused = server.call("fix", {"source": "x = 1\n", "write": True})
    assert refused.is_error and "write=true needs a `path`" in refused.text


def test_explain_a_kind_and_an_unknown_one(server):
    result = server.call("explain", {"kind": "SD101"}).structured_content
    assert (result["code"], result["name"], result["severity"]) == ("SD101", "rank", "error")
    assert result["doc"].startswith("## What it does")
    unknown = server.call("explain", {"kind": "nonsense"})
    assert unknown.is_error and "unknown finding kind 'nonsense'" in unknown.text


def test_paths_outside_the_roots_are_refused(server, project):
    _, outside = project
    for path in (str(outside / "secret.py"), "../" + outside.name + "/secret.py", "escape.py", "/etc/passwd"):
        result = server.call("check", {"path": path})
        assert result.is_error and "outside the allowed roots" in result.text, path
    fix = server.call("fix", {"path": str(outside / "secret.py"), "write": True})
    assert fix.is_error and "outside the allowed roots" in fix.text
    assert (outside / "secret.py").read_text() == BROKEN.read_text()
    both = server.call("check", {"path": "broken.py", "source": "x = 1"})
    assert both.is_error and "give exactly one of `source`" in both.text


# ------------------------------------------------------------------------------------------------ client roots
def test_the_clients_roots_decide_and_a_change_is_honoured(tmp_path):
    """A client that declares `roots`: only paths inside its file:// roots are checked (the server's --root still
    narrows them), and after notifications/roots/list_changed the new list applies."""
    from pathlib import Path

    project, other = tmp_path / "project", tmp_path / "other"
    for directory in (project / "a", project / "b", other):
        directory.mkdir(parents=True)
        shutil.copy(BROKEN, directory / "model.py")
    a, b = (project / "a").as_uri(), (project / "b").as_uri()
    session = McpSession(["--root", str(project)], cwd=str(tmp_path), roots=[a])
    try:
        inside = session.call("check", {"path": str(project / "a" / "model.py")})
        assert not inside.is_error and inside.structured_content["summary"]["errors"] == 1
        relative = session.call("check", {"path": "model.py"})  # from the first client root
        assert not relative.is_error
        as_uri = session.call("trace", {"path": (project / "a" / "model.py").as_uri()})
        assert not as_uri.is_error and as_uri.structured_content["models"][0]["name"] == "model"
        outside = session.call("check", {"path": str(project / "b" / "model.py")})  # inside --root, not a root
        assert outside.is_error and "outside the allowed roots (the client's roots: " in outside.text
        assert str(Path(project / "a").resolve()) in outside.text
        asked = session.roots_asked
        session.call("check", {"path": "model.py"})
        assert session.roots_asked == asked  # listed once: the client promises to say when they change

        session.set_roots([b, other.as_uri()])
        moved = session.call("check", {"path": str(project / "b" / "model.py")})
        assert not moved.is_error and session.roots_asked == asked + 1
        left = session.call("fix", {"path": str(project / "a" / "model.py"), "write": True})
        assert left.is_error and "outside the allowed roots" in left.text
        assert (project / "a" / "model.py").read_text() == BROKEN.read_text()
        beyond = session.call("check", {"path": str(other / "model.py")})  # a client root, but not under --root
        assert beyond.is_error and "start the server with --root DIR" in beyond.text

        session.set_roots([])
        none = session.call("check", {"path": str(project / "b" / "model.py")})
        assert none.is_error and "the client shares no file:// roots with this server" in none.text
        text = session.call("check", {"source": BROKEN.read_text()})  # source text needs no root
        assert not text.is_error
    finally:
        session.close()


class _Session:
    """What `Roots` reads of a server session: the client's capabilities and roots/list."""

    def __init__(self, roots, list_changed: bool | None = True, fails: bool = False):
        capability = mcp.types.RootsCapability(listChanged=list_changed) if list_changed is not None else None
        self.client_capabilities = mcp.types.ClientCapabilities(roots=capability)
        self.roots, self.fails, self.asked = roots, fails, 0

    async def list_roots(self):
        self.asked += 1
        if self.fails:
            raise RuntimeError("no answer")
        return mcp.types.ListRootsResult(roots=[mcp.types.Root(uri=uri) for uri in self.roots])


class _Context:
    def __init__(self, session):
        self.session = session


def _resolve(roots, path: str, session=None) -> str:
    import asyncio

    return asyncio.run(roots.resolve(path, _Context(session) if session is not None else None))


def test_without_client_roots_the_servers_own_apply_and_client_roots_replace_the_default(tmp_path):
    from shapedoctor.servers.mcp_server import Roots, ToolError

    here, spaced = tmp_path / "cwd", tmp_path / "my project"
    for directory in (here, spaced):
        directory.mkdir()
        (directory / "m.py").write_text("x = 1\n")
    default = Roots([str(here)], explicit=False)  # no --root: the working directory
    assert _resolve(default, "m.py") == str((here / "m.py").resolve())
    assert _resolve(default, "m.py", _Session(None, list_changed=None)) == str((here / "m.py").resolve())
    client = _Session([spaced.as_uri()], list_changed=False)  # percent-encoded: my%20project
    assert _resolve(default, "m.py", client) == str((spaced / "m.py").resolve())  # the client's root, not cwd
    with pytest.raises(ToolError, match="outside the allowed roots \\(the client's roots: "):
        _resolve(default, str(here / "m.py"), client)
    assert client.asked == 2  # no list_changed promised: asked every time
    with pytest.raises(ToolError, match="the client declares roots but did not list them \\(RuntimeError"):
        _resolve(Roots([str(here)]), "m.py", _Session([], fails=True))
