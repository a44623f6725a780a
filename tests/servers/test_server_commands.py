"""The `lsp` and `mcp` sub-commands, and the position mapping both servers rest on (no server started here)."""

from __future__ import annotations

import subprocess
import sys

from shapedoctor.cli import main
from shapedoctor.diagnostics import Edit
from shapedoctor.servers.documents import SourceView, analyse, docs_url, parse_selection
from shapedoctor.kinds import KINDS

from .helpers import BROKEN


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_a_missing_sdk_is_one_line_and_exit_2():
    for command, package in (("lsp", "pygls"), ("mcp", "mcp")):
        done = _python(f"import sys; sys.modules[{package!r}] = None\n"
                       f"from shapedoctor.cli import main; sys.exit(main([{command!r}]))")
        assert done.returncode == 2, done.stderr
        assert done.stderr == f'shapedoctor {command} needs {package}: pip install "shapedoctor[{command}]"\n'


def test_check_never_imports_the_server_sdks():
    done = _python("import sys; from shapedoctor.cli import main\n"
                   f"main(['check', '-q', {str(BROKEN)!r}])\n"
                   "print(sorted({m.split('.')[0] for m in sys.modules} & {'pygls', 'lsprotocol', 'mcp'}))")
    assert done.stdout.splitlines()[-1] == "[]"


def test_mcp_root_must_be_a_directory(tmp_path, capsys):
    assert main(["mcp", "--root", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith("shapedoctor: error: --root ")


def test_help_lists_both_servers(capsys):
    try:
        main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert "lsp" in out and "mcp" in out


def test_engine_columns_are_bytes_and_documents_get_string_indices():
    text = 'x = f(name="🙂é"); y = g()\n'
    view = SourceView.python("file:///a.py", text, "a.py")
    byte_col = len('x = f(name="🙂é"); '.encode())
    assert view.position(1, byte_col) == ("file:///a.py", 0, len('x = f(name="🙂é"); '))
    assert view.engine_position("file:///a.py", 0, len('x = f(name="🙂é"); ')) == (1, byte_col)
    edit = Edit(1, byte_col, 1, byte_col + 1, "z")
    assert view.edit_span(edit) == ("file:///a.py", (0, 18), (0, 19))


def test_notebook_cells_map_back_to_their_cell_and_blanked_lines_are_not_edited():
    cells = [("cell:1", "%pip install keras\nimport keras\n"), ("cell:2", "m = keras.Sequential([\n])\n")]
    view = SourceView.notebook_cells(cells, "nb.ipynb")
    lines = view.text.splitlines()
    model_line = lines.index("m = keras.Sequential([") + 1
    assert view.place(model_line).uri == "cell:2" and view.place(model_line).line == 0
    assert view.engine_position("cell:2", 1, 0) == (model_line + 1, 0)
    assert view.edit_span(Edit(1, 0, 1, 1, "")) is None  # the blanked %pip line
    assert view.edit_span(Edit(2, 0, 2, 0, "# ")) == ("cell:1", (1, 0), (1, 0))


def test_a_zero_width_finding_covers_the_rest_of_its_line():
    view = SourceView.python("u", "model = keras.Sequential([\n])\n", "a.py")
    assert view.span(1, 0, 1, 0) == ("u", (0, 0), (0, len("model = keras.Sequential([")))


def test_settings_selectors_and_docs_links():
    assert parse_selection("SD1, rank") == ({k.name for k in KINDS.values() if k.code.startswith("SD1")}, [])
    assert parse_selection(["nonsense"]) == (set(), ["nonsense"])
    assert parse_selection(None) == (None, []) and parse_selection("") == (None, [])
    assert docs_url(KINDS["negative-length"]).endswith("#sd102-negative-length-error")


def test_layers_under_a_position_and_the_line_outputs():
    analysis = analyse(SourceView.python("u", BROKEN.read_text(), str(BROKEN)))
    dense_line = next(i for i, line in enumerate(BROKEN.read_text().splitlines(), 1) if "Dense(64" in line)
    [dense] = analysis.layers_at(dense_line, 10)
    assert (dense.name, dense.inputs, dense.output, dense.params) == ("dense", ["(None, 50)"], "(None, 64)", 3264)
    assert analysis.line_outputs()[dense_line] == ["(None, 64)"]
