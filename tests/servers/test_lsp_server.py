"""`shapedoctor lsp` end to end: a pytest-lsp client (VS Code's capabilities) talks to `python -m shapedoctor lsp`
over stdio.  One server for the module; each test opens its own documents."""

from __future__ import annotations

import sys

import pytest

from shapedoctor.check import check_source

from .helpers import BROKEN, NAMES, SAFE_FIXES, apply_text_edits, edits_for, wait_until

pytest_lsp = pytest.importorskip("pytest_lsp")  # the `test` extra; without it these are skipped, said so
from lsprotocol import types as lsp  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "shapedoctor", "lsp"])
FIX_ALL = "source.fixAll.shapedoctor"


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        initialization_options={"shapedoctor": {"debounce": 20}}))
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, uri: str, text: str, language: str = "python") -> None:
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, language, 1, text)))


async def diagnostics_of(client: LanguageClient, uri: str, empty: bool = False) -> list[lsp.Diagnostic]:
    if empty:
        await wait_until(lambda: uri in client.diagnostics and not client.diagnostics[uri],
                         what=f"diagnostics of {uri} to clear")
    else:
        await wait_until(lambda: client.diagnostics.get(uri), what=f"diagnostics of {uri}")
    return list(client.diagnostics[uri])


def a_uri(tmp_path, name: str) -> str:
    return from_fs_path(str(tmp_path / name))


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if needle in line)


async def test_broken_model_gets_its_diagnostic_with_explanation_and_docs_link(client, tmp_path):
    uri, text = a_uri(tmp_path, "broken.py"), BROKEN.read_text()
    open_document(client, uri, text)
    [diagnostic] = await diagnostics_of(client, uri)
    line = line_of(text, "layers.Conv1D")
    source_line = text.splitlines()[line]
    assert diagnostic.code == "SD101" and diagnostic.source == "shapedoctor"
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert diagnostic.message == "Conv1D needs input (batch, steps, channels) but gets (None, 64)"
    assert diagnostic.range == lsp.Range(lsp.Position(line, source_line.index("layers.Conv1D")),
                                         lsp.Position(line, source_line.rindex(")") + 1))
    assert diagnostic.code_description.href.endswith("docs/kinds.md#sd101-rank-error")
    related = {info.message: info.location for info in diagnostic.related_information}
    dense = next(message for message in related if message.startswith("Dense at line"))
    assert related[dense].uri == uri and related[dense].range.start.line == line_of(text, "layers.Dense(64")


async def test_diagnostics_clear_after_a_change_that_fixes_the_model(client, tmp_path):
    uri, text = a_uri(tmp_path, "fixed_by_typing.py"), BROKEN.read_text()
    open_document(client, uri, text)
    await diagnostics_of(client, uri)
    line = line_of(text, "layers.Conv1D")
    insert = lsp.Position(line, 4)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [lsp.TextDocumentContentChangePartial(lsp.Range(insert, insert), "layers.Reshape((64, 1)),\n    ")]))
    assert await diagnostics_of(client, uri, empty=True) == []


async def test_debounced_changes_publish_the_last_version_only(client, tmp_path):
    uri, text = a_uri(tmp_path, "typing_fast.py"), BROKEN.read_text()
    open_document(client, uri, text)
    await diagnostics_of(client, uri)
    client.diagnostics.pop(uri)
    line = line_of(text, "layers.Conv1D")
    for version, new in enumerate(("layers.Conv1D(32, 3)", "layers.Dense(32)", "layers.Conv1D(32, 5)"), 2):
        start, end = lsp.Position(line, 4), lsp.Position(line, len(text.splitlines()[line]) - 1)
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [lsp.TextDocumentContentChangePartial(lsp.Range(start, end), new)]))
        text = apply_text_edits(text, [lsp.TextEdit(lsp.Range(start, end), new)])
    [diagnostic] = await diagnostics_of(client, uri)
    assert diagnostic.range.end.character == 4 + len("layers.Conv1D(32, 5)")


async def test_hover_shows_shapes_parameters_and_the_why(client, tmp_path):
    uri, text = a_uri(tmp_path, "hover.py"), BROKEN.read_text()
    open_document(client, uri, text)
    await diagnostics_of(client, uri)
    dense = line_of(text, "layers.Dense(64")
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(dense, 12)))
    assert hover.contents.kind == lsp.MarkupKind.Markdown
    assert "**Dense** `dense`" in hover.contents.value
    assert "`(None, 50)` → `(None, 64)` · 3,264 parameters" in hover.contents.value
    conv = line_of(text, "layers.Conv1D")
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(conv, 10)))
    value = hover.contents.value
    assert "`(None, 64)` → no output: this layer does not build" in value
    assert "**SD101 rank** (error)" in value and "Dense at line 6 maps (None, 50) -> (None, 64)" in value
    assert "1. insert Reshape((64, 1)) before Conv1D" in value
    blank = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri),
                                                                   lsp.Position(0, 0)))
    assert blank is None


async def test_inlay_hints_show_each_layer_output_and_can_be_turned_off(client, tmp_path):
    uri, text = a_uri(tmp_path, "hints.py"), BROKEN.read_text()
    open_document(client, uri, text)
    await diagnostics_of(client, uri)
    everything = lsp.Range(lsp.Position(0, 0), lsp.Position(len(text.splitlines()), 0))
    hints = await client.text_document_inlay_hint_async(lsp.InlayHintParams(lsp.TextDocumentIdentifier(uri),
                                                                            everything))
    shown = {hint.position.line: hint.label for hint in hints}
    lines = text.splitlines()
    assert shown == {line_of(text, "layers.Input"): "→ (None, 50)",
                     line_of(text, "layers.Dense(64"): "→ (None, 64)"}
    dense = line_of(text, "layers.Dense(64")
    assert next(h for h in hints if h.position.line == dense).position.character == len(lines[dense])
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams({"shapedoctor": {"inlayHints": False}}))
    try:
        await wait_until(lambda: True)
        hints = await client.text_document_inlay_hint_async(lsp.InlayHintParams(lsp.TextDocumentIdentifier(uri),
                                                                                everything))
        assert list(hints) == []
    finally:
        client.workspace_did_change_configuration(
            lsp.DidChangeConfigurationParams({"shapedoctor": {"inlayHints": True}}))


async def test_quick_fix_applied_gives_a_source_that_checks_clean(client, tmp_path):
    uri, text = a_uri(tmp_path, "quickfix.py"), BROKEN.read_text()
    open_document(client, uri, text)
    [diagnostic] = await diagnostics_of(client, uri)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic])))
    quick = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
    assert quick[0].title == "insert Reshape((64, 1)) before Conv1D (SD101)"
    assert len(quick) >= 2 and not any(a.is_preferred for a in quick)  # unsafe fixes: none is preferred
    assert quick[0].diagnostics[0].code == "SD101"
    assert not [a for a in actions if a.kind == FIX_ALL]  # nothing safe to fix here
    fixed = apply_text_edits(text, edits_for(quick[0].edit, uri))
    assert "layers.Reshape((64, 1)),\n    layers.Conv1D" in fixed
    report = check_source(fixed, "quickfix.py")
    assert [d for d in report.diagnostics if d.severity in ("error", "warning")] == []


async def test_fix_all_applies_every_safe_fix_and_only_those(client, tmp_path):
    uri, text = a_uri(tmp_path, "fix_all.py"), SAFE_FIXES.read_text()
    open_document(client, uri, text)
    diagnostics = await diagnostics_of(client, uri)
    assert sorted(d.code for d in diagnostics) == ["SD107", "SD107"]
    pooling = next(d for d in diagnostics if "pool_size" in d.message)
    quick = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), pooling.range, lsp.CodeActionContext([pooling])))
    assert [a.title for a in quick if a.kind == lsp.CodeActionKind.QuickFix] == [
        "write pool_size=2, Keras 2's default (SD107)"]
    assert quick[0].is_preferred is True  # a safe fix
    whole = lsp.Range(lsp.Position(0, 0), lsp.Position(len(text.splitlines()), 0))
    [action] = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), whole, lsp.CodeActionContext([], only=[FIX_ALL])))
    assert action.kind == FIX_ALL and action.title == "shapedoctor: fix all safe fixes in file (2)"
    fixed = apply_text_edits(text, edits_for(action.edit, uri))
    assert "layers.AveragePooling1D(pool_size=2)(x)" in fixed and "keras.Input(shape=(32,))" in fixed
    remaining = [d.code for d in check_source(fixed, "fix_all.py").diagnostics if d.severity == "error"]
    assert remaining == ["SD101"]  # the Conv1D after Dense, reached now: its fixes are unsafe, not applied


async def test_select_and_ignore_settings_filter_the_diagnostics(client, tmp_path):
    uri = a_uri(tmp_path, "settings.py")
    open_document(client, uri, BROKEN.read_text())
    await diagnostics_of(client, uri)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams({"shapedoctor": {"ignore": ["SD1"]}}))
    try:
        assert await diagnostics_of(client, uri, empty=True) == []
    finally:
        client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams({"shapedoctor": {"ignore": []}}))
    [diagnostic] = await diagnostics_of(client, uri)
    assert diagnostic.code == "SD101"


async def test_notebook_cells_get_their_own_diagnostics_and_hover(client, tmp_path):
    notebook = a_uri(tmp_path, "model.ipynb")
    imports, model = f"{notebook}#cell1", f"{notebook}#cell2"
    body = BROKEN.read_text().split("\n", 2)[2]  # the model without the docstring and the import
    cells = [lsp.TextDocumentItem(imports, "python", 1, "%matplotlib inline\nfrom keras import layers, models\n"),
             lsp.TextDocumentItem(model, "python", 1, body)]
    client.notebook_document_did_open(lsp.DidOpenNotebookDocumentParams(
        lsp.NotebookDocument(notebook, "jupyter-notebook", 1,
                             [lsp.NotebookCell(lsp.NotebookCellKind.Code, cell.uri) for cell in cells]), cells))
    [diagnostic] = await diagnostics_of(client, model)
    assert diagnostic.code == "SD101" and diagnostic.range.start.line == line_of(body, "layers.Conv1D")
    assert list(client.diagnostics[imports]) == []
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(model), lsp.Position(line_of(body, "layers.Dense(64"), 10)))
    assert "`(None, 50)` → `(None, 64)`" in hover.contents.value
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(model), diagnostic.range, lsp.CodeActionContext([diagnostic])))
    assert "layers.Reshape((64, 1)),\n    layers.Conv1D" in apply_text_edits(body, edits_for(actions[0].edit, model))
    assert edits_for(actions[0].edit, imports) == []


async def test_ipynb_opened_as_text_is_checked_by_the_notebook_checker(client, tmp_path):
    import json

    uri = a_uri(tmp_path, "raw.ipynb")
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": BROKEN.read_text().splitlines(keepends=True)}]
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    open_document(client, uri, text, language="json")
    [diagnostic] = await diagnostics_of(client, uri)
    assert diagnostic.code == "SD101"
    assert any("cell 1, line 7" in info.message for info in diagnostic.related_information)
    stored = line_of(text, "layers.Conv1D")  # the JSON line holding that source line: the finding is there
    assert diagnostic.range.start == lsp.Position(stored, text.splitlines()[stored].index("layers.Conv1D"))


async def test_ranges_count_utf16_units_after_non_ascii_text(client, tmp_path):
    uri = a_uri(tmp_path, "emoji.py")
    text = BROKEN.read_text().replace("    layers.Conv1D(", '    layers.Dropout(0.1, name="drop🙂"), layers.Conv1D(')
    open_document(client, uri, text)
    [diagnostic] = await diagnostics_of(client, uri)
    source_line = text.splitlines()[diagnostic.range.start.line]
    prefix = source_line[:source_line.index("layers.Conv1D")]
    assert diagnostic.range.start.character == len(prefix.encode("utf-16-le")) // 2 == len(prefix) + 1


async def test_the_projects_configuration_applies_per_file(client, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.shapedoctor]\nper-file-ignores = {"legacy_*.py" = ["SD101"]}\n')
    quiet, loud = a_uri(tmp_path, "legacy_model.py"), a_uri(tmp_path, "new_model.py")
    open_document(client, quiet, BROKEN.read_text())
    open_document(client, loud, BROKEN.read_text())
    [diagnostic] = await diagnostics_of(client, loud)
    assert diagnostic.code == "SD101"
    assert await diagnostics_of(client, quiet, empty=True) == []


# ------------------------------------------------------------------------------------ hover on a variable
async def hover_on(client: LanguageClient, uri: str, text: str, line_needle: str, name: str, nth: int = 0):
    """The hover on the ``nth`` occurrence of the word ``name`` in the first line containing ``line_needle``
    (one character inside the name, as a mouse would be)."""
    import re

    line = line_of(text, line_needle)
    col = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text.splitlines()[line])][nth]
    return await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(line, col + 1)))


async def open_names(client: LanguageClient, tmp_path, name: str) -> tuple[str, str]:
    uri, text = a_uri(tmp_path, name), NAMES.read_text()
    open_document(client, uri, text)
    await diagnostics_of(client, uri)  # checked (its runtime `if` and unknown call are info findings)
    return uri, text


async def test_hover_on_an_assignment_target_shows_its_tensor_and_the_layer_that_made_it(client, tmp_path):
    uri, text = await open_names(client, tmp_path, "names_target.py")
    hover = await hover_on(client, uri, text, "x = layers.Conv1D(16, 3)(inputs)", "x")
    line = line_of(text, "x = layers.Conv1D(16, 3)(inputs)")
    assert hover.contents.value == f"**`x`** · `(None, 62, 16)`\n\noutput of **Conv1D** `conv1d`, line {line + 1}"
    assert hover.range == lsp.Range(lsp.Position(line, 0), lsp.Position(line, 1))  # the name, not the layer
    unpacked = await hover_on(client, uri, text, "layers.LSTM(4, return_state=True)", "state_c")
    assert unpacked.contents.value.startswith("**`state_c`** · `(None, 4)`\n\noutput 3 of 3 of **LSTM** `lstm`")


async def test_hover_on_a_later_use_follows_the_assignment_that_reaches_it(client, tmp_path):
    uri, text = await open_names(client, tmp_path, "names_use.py")
    conv, pooling = line_of(text, "layers.Conv1D(16, 3)") + 1, line_of(text, "layers.AveragePooling1D(2)") + 1
    as_input = await hover_on(client, uri, text, "layers.AveragePooling1D(2)(x)", "x", nth=1)
    assert as_input.contents.value == f"**`x`** · `(None, 62, 16)`\n\noutput of **Conv1D** `conv1d`, line {conv}"
    copied = await hover_on(client, uri, text, "features = x", "x")  # a plain copy: no layer call records it
    assert copied.contents.value == (f"**`x`** · `(None, 31, 16)`\n\n"
                                     f"output of **AveragePooling1D** `average_pooling1d`, line {pooling}")
    argument = await hover_on(client, uri, text, "x = block(x, UNITS)", "x", nth=1)
    assert argument.contents.value.startswith("**`x`** · `(None, 31, 16)`")
    model_output = await hover_on(client, uri, text, "keras.Model(inputs, outputs)", "outputs")
    assert model_output.contents.value == (f"**`outputs`** · `(None, 1)`\n\noutput of **Dense** `dense_6`, "
                                           f"line {line_of(text, 'outputs = layers.Dense(1)') + 1}")
    parameter = await hover_on(client, uri, text, "def block(t, units):", "t")
    assert parameter.contents.value.startswith("**`t`** (parameter of `block()`) · one of, depending on the call:")
    assert f"- `(None, 31, 16)` · output of **AveragePooling1D** `average_pooling1d`, line {pooling}" \
        in parameter.contents.value


async def test_hover_on_a_reassigned_name_gives_the_latest_assignment(client, tmp_path):
    uri, text = await open_names(client, tmp_path, "names_reassigned.py")
    relu = line_of(text, "return layers.ReLU()(t)") + 1
    first_call = await hover_on(client, uri, text, "x = block(x, 4)", "x", nth=1)  # the first call's result
    assert first_call.contents.value == f"**`x`** · `(None, 31, 8)`\n\noutput of **ReLU** `re_lu`, line {relu}"
    second_call = await hover_on(client, uri, text, "x = block(x, 4)", "x")
    assert second_call.contents.value == f"**`x`** · `(None, 31, 4)`\n\noutput of **ReLU** `re_lu_1`, line {relu}"
    loop = line_of(text, "features = layers.Dense(UNITS)(features)") + 1
    in_loop = await hover_on(client, uri, text, "features = layers.Dense(UNITS)(features)", "features", nth=1)
    assert in_loop.contents.value.startswith("**`features`** · one of, depending on the branch taken, the loop "
                                             "iteration or the call:")
    assert f"- `(None, 31, 8)` · output of **Dense** `dense_4`, line {loop}" in in_loop.contents.value
    after_loop = await hover_on(client, uri, text, "last = features", "features")  # the loop ran: not the one before
    assert after_loop.contents.value == f"**`features`** · `(None, 31, 8)`\n\noutput of **Dense**, line {loop}"


async def test_hover_on_an_input_variable(client, tmp_path):
    uri, text = await open_names(client, tmp_path, "names_input.py")
    line = line_of(text, "inputs = keras.Input(shape=(64, 8))") + 1
    expected = f"**`inputs`** · `(None, 64, 8)`\n\nmodel input (**Input** `input_layer`), line {line}"
    assert (await hover_on(client, uri, text, "inputs = keras.Input", "inputs")).contents.value == expected
    assert (await hover_on(client, uri, text, "keras.Model(inputs, outputs)", "inputs")).contents.value == expected


async def test_hover_on_a_name_with_no_known_shape(client, tmp_path):
    uri, text = await open_names(client, tmp_path, "names_unknown.py")
    assert await hover_on(client, uri, text, "UNITS = 8", "UNITS") is None  # not a tensor: no hover
    assert await hover_on(client, uri, text, "model = keras.Model", "model") is None
    assert await hover_on(client, uri, text, "for _ in range(2):", "_") is None
    # what the checker could not decide: which branch of the run-time `if` made it (each one's tensor shown)
    branch = await hover_on(client, uri, text, "either = x", "either")
    first, second = line_of(text, "x = layers.Dense(4)(x)") + 1, line_of(text, "x = layers.Dense(2)(x)") + 1
    assert branch.contents.value == ("**`either`** · one of, depending on the branch taken, the loop iteration or "
                                     f"the call:\n\n- `(None, 31, 4)` · output of **Dense** `dense_2`, line {first}\n"
                                     f"- `(None, 31, 2)` · output of **Dense** `dense_3`, line {second}")
    unknown = await hover_on(client, uri, text, "x = mystery(x)", "x")
    assert unknown.contents.value.startswith("**`x`** · shape unknown\n\nnot followed: `mystery(...)` is a call")
    layer = await hover_on(client, uri, text, "t = layers.Dense(units)(t)", "units")  # inside a constructor
    assert layer.contents.value.startswith("**Dense**")  # the layer hover, as before


async def test_hover_on_a_name_from_another_notebook_cell(client, tmp_path):
    notebook = a_uri(tmp_path, "names.ipynb")
    first, second = f"{notebook}#cell1", f"{notebook}#cell2"
    cells = [lsp.TextDocumentItem(first, "python", 1, "import keras\nfrom keras import layers\n\n"
                                                      "inputs = keras.Input(shape=(10,))\n"),
             lsp.TextDocumentItem(second, "python", 1, "x = layers.Dense(4)(inputs)\n")]
    client.notebook_document_did_open(lsp.DidOpenNotebookDocumentParams(
        lsp.NotebookDocument(notebook, "jupyter-notebook", 1,
                             [lsp.NotebookCell(lsp.NotebookCellKind.Code, cell.uri) for cell in cells]), cells))
    await wait_until(lambda: second in client.diagnostics, what="the notebook's check")
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(second),
                                                                   lsp.Position(0, 22)))
    assert hover.contents.value == ("**`inputs`** · `(None, 10)`\n\n"
                                    "model input (**Input** `input_layer`), line 4 of another cell")
    target = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(second),
                                                                    lsp.Position(0, 0)))
    assert target.contents.value == "**`x`** · `(None, 4)`\n\noutput of **Dense** `dense`, line 1"
