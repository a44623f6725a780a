"""How long does `shapedoctor lsp` take to re-check a 2,000-line file after an edit?  Prints the figures.

    python benchmarks/lsp_latency.py [--lines 2000] [--edits 30]

A generated file of ``--lines`` lines (some 110 functional Conv1D models of a dozen lines each, one of them
broken: an SD101) is opened in a real server (`python -m shapedoctor lsp`, debounce 0) by a pygls client. Each
edit changes one Dropout rate on one line (the model stays the same size, so every edit costs a whole
re-check) and is timed from the didChange sent to the publishDiagnostics of that version received: the round
trip an editor sees after its debounce. The engine's own time for the same text (``documents.analyse``, in
this process with the server's garbage-collector thresholds: findings and ranked fixes, no source edits) is
measured too, and a hover and an inlay-hint request on the checked text (served from the cached check), and
the quick fixes of the broken model (the first request verifies every fix by re-checking the rewritten file;
later ones are cached). Medians and 90th percentiles; it asserts nothing (shared machines are noisy).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

_BLOCK = '''

def build_{i}(n_features={features}):
    """Model {i}."""
    inputs = keras.Input(shape=(n_features, 1))
    x = layers.Conv1D(16, 3, activation="relu")(inputs)
    x = layers.MaxPooling1D(2)(x)
    x = layers.Conv1D(32, 3, activation="relu")(x)
    x = layers.GlobalAveragePooling1D()(x)
    x = layers.Dense(64, activation="relu")(x)
    {last}
    outputs = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs)


model_{i} = build_{i}()
model_{i}.compile(optimizer="adam", loss="binary_crossentropy")
'''


def generate(lines: int) -> str:
    text, i = "import keras\nfrom keras import layers\n", 0
    while text.count("\n") < lines - 20:
        last = "x = layers.Conv1D(8, 3)(x)" if i == 3 else "x = layers.Dropout(0.2)(x)"
        text += _BLOCK.format(i=i, features=32 + i % 7, last=last)
        i += 1
    return text


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def engine_times(text: str, runs: int) -> list[float]:
    import gc

    from shapedoctor import cli
    from shapedoctor.servers.documents import SourceView, analyse

    # The server runs under `cli.main`, which sets the collector's thresholds for the checker; so do we here.
    gc.set_threshold(*getattr(cli, "GC_THRESHOLDS", gc.get_threshold()))
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        analyse(SourceView.python("file:///bench.py", text, "bench.py"))
        out.append(time.perf_counter() - start)
    return out


async def round_trips(text: str, path: str, edits: int) -> dict[str, list[float]]:
    client = LanguageClient("lsp-latency", "1")
    published: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams):
        published[params.version] = time.perf_counter()
        arrived.set()

    await client.start_io(sys.executable, "-m", "shapedoctor", "lsp")
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(),
                                                       initialization_options={"debounce": 0}))
    client.initialized(lsp.InitializedParams())
    uri = from_fs_path(path)

    async def wait_for(version: int) -> float:
        while version not in published:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), timeout=60)
        return published[version]

    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "python", 1, text)))
    await wait_for(1)
    lines = text.splitlines()
    rate_lines = [n for n, line in enumerate(lines) if "Dropout(0.2)" in line]
    times: dict[str, list[float]] = {"didChange -> publishDiagnostics": [], "hover": [], "inlayHint": []}
    version = 1

    async def change(line: int, column: int, old: str, new: str) -> float:
        """Replace ``old`` at (line, column) by ``new``; the seconds until that version's diagnostics came."""
        nonlocal version
        version += 1
        sent = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [lsp.TextDocumentContentChangePartial(lsp.Range(lsp.Position(line, column),
                                                            lsp.Position(line, column + len(old))), new)]))
        return await wait_for(version) - sent

    for edit in range(edits):
        line = rate_lines[edit % len(rate_lines)]
        column = lines[line].index("0.2")
        rate = f"0.{edit % 7 + 3}"
        times["didChange -> publishDiagnostics"].append(await change(line, column, "0.2", rate))
        sent = time.perf_counter()
        await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri),
                                                               lsp.Position(line, 10)))
        times["hover"].append(time.perf_counter() - sent)
        sent = time.perf_counter()
        await client.text_document_inlay_hint_async(lsp.InlayHintParams(
            lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(max(line - 50, 0), 0), lsp.Position(line + 50, 0))))
        times["inlayHint"].append(time.perf_counter() - sent)
        await change(line, column, rate, "0.2")  # back, so that every edit is one rate on one line
    broken = next(n for n, line in enumerate(lines) if "Conv1D(8, 3)" in line)
    where = lsp.Range(lsp.Position(broken, 0), lsp.Position(broken, len(lines[broken])))
    for name in ("codeAction (first: verifies each fix)", "codeAction (again: cached)"):
        sent = time.perf_counter()
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), where, lsp.CodeActionContext([])))
        times[name] = [time.perf_counter() - sent]
        assert actions, "no quick fix for the broken model"
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    text = generate(args.lines)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "bench.py")
        with open(path, "w") as handle:
            handle.write(text)
        print(f"{text.count(chr(10))} lines, {text.count('keras.Model(')} models, {args.edits} edits")
        engine = engine_times(text, max(args.edits, 5))
        times = asyncio.run(round_trips(text, path, args.edits))
    rows = [("engine re-check (in process)", engine), *times.items()]
    for name, values in rows:
        ms = [v * 1000 for v in values]
        print(f"  {name:<40} median {statistics.median(ms):6.1f} ms   p90 {percentile(ms, 0.9):6.1f} ms")


if __name__ == "__main__":
    main()
