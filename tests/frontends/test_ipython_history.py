"""``%load_ext shapedoctor`` uses the session's executed history: imports and sizes from earlier cells are known,
findings point at the user's cell (``Cell In[4]:4:5``), and Jupyter gets a rich (HTML) display.

The fast tests drive ``cell_explanation`` with a cell really compiled and run under IPython's cell file name
and an exception raised from a file under a ``keras/`` directory (what the extension recognises as Keras),
without importing Keras.  The slow test executes a real notebook in a real ipykernel with nbclient."""

from __future__ import annotations

import json
import linecache
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from shapedoctor.ipython import Explanation, cell_explanation

ROOT = Path(__file__).resolve().parent.parent.parent

IMPORTS = "from keras.layers import Dense, Conv1D, Input\nfrom keras.models import Sequential\n"
SIZES = "N = 50\nfiles = get_ipython().getoutput('ls')\n"
CELL = "model = Sequential([\n    Input((N,)),\n    Dense(8),\n    Conv1D(4, 3),\n])\n"
NON_ASCII_CELL = 'model = Sequential([\n    Input((N,)),\n    Dense(8, name="é🙂"), Conv1D(4, 3),\n])\n'


@pytest.fixture
def keras_error(tmp_path, monkeypatch, request):
    """Run ``CELL`` (or the parameter) as IPython would (compiled under its cell name, the text in linecache) with a
    ``Sequential`` whose ValueError is raised from a file under ``keras/``: the exception it raises."""
    fake = tmp_path / "keras"
    fake.mkdir()
    (fake / "fake_layers.py").write_text("def Sequential(layers):\n    raise ValueError('expected min_ndim=3, "
                                         "found ndim=2')\n")
    monkeypatch.syspath_prepend(str(fake))
    import importlib

    module = importlib.import_module("fake_layers")
    name = "<ipython-input-4-0123456789ab>"
    cell = getattr(request, "param", CELL)
    linecache.cache[name] = (len(cell), None, cell.splitlines(keepends=True), name)
    namespace = {"Sequential": module.Sequential, "Input": lambda *a: None, "Dense": lambda *a, **k: None,
                 "Conv1D": lambda *a: None, "N": 50}
    try:
        exec(compile(cell, name, "exec"), namespace)
    except ValueError as exc:
        yield exc
    finally:
        linecache.cache.pop(name, None)
        sys.modules.pop("fake_layers", None)


def shell(history):
    return SimpleNamespace(history_manager=SimpleNamespace(input_hist_parsed=history), user_ns={"In": history},
                           compile=SimpleNamespace(format_code_name=lambda name: ("Cell", "In[4]")))


def test_earlier_cells_give_imports_and_sizes(keras_error):
    explanation = cell_explanation(shell(["", IMPORTS, SIZES, "%ls", CELL]), keras_error)
    assert isinstance(explanation, Explanation)
    assert explanation.header == ("Cell In[4]:4:5: SD101 [rank] Conv1D needs input (batch, steps, channels) but "
                                  "gets (None, 8)")
    assert explanation.explanation[0] == "Dense at In[4], line 3 maps (None, 50) -> (None, 8); its output has no " \
                                         "steps axis."
    assert [row[1] for row in explanation.table] == ["In[4]:2", "In[4]:3", "In[4]:4"]
    text = str(explanation)
    assert "ipython-input" not in text and "<ipython history>" not in text
    assert "fix 1: insert Reshape((8, 1)) before Conv1D" in text


@pytest.mark.parametrize("keras_error", [NON_ASCII_CELL], indirect=True, ids=["non-ascii"])
def test_the_column_counts_characters_after_non_ascii_text(keras_error):
    explanation = cell_explanation(shell(["", IMPORTS, SIZES, "%ls", NON_ASCII_CELL]), keras_error)
    column = NON_ASCII_CELL.splitlines()[2].index("Conv1D") + 1  # as the text output: 1-based characters
    assert explanation.header.startswith(f"Cell In[4]:3:{column}: SD101 [rank]")


def test_without_the_history_nothing_is_known(keras_error):
    """The cell alone: `Sequential`, `Dense`... are names from nowhere and N is unknown: no model to explain."""
    assert cell_explanation(shell(["", CELL]), keras_error) is None


def test_a_stale_broken_cell_and_a_syntax_error_in_history_do_not_matter(keras_error):
    stale = "m = Sequential([Input((N,)), Dense(3), Conv1D(1, 2)])\n"
    broken_syntax = "def f(:\n"
    explanation = cell_explanation(shell(["", IMPORTS, SIZES, stale, broken_syntax, CELL]), keras_error)
    # The cell's own finding, not the stale model of In[3]; the cell is In[5] where the history holds it.
    assert explanation.header.startswith("Cell In[5]:4:5: SD101") and explanation.header.endswith("(None, 8)")


def test_html_display_escapes_and_shows_the_trace(keras_error):
    explanation = cell_explanation(shell(["", IMPORTS, SIZES, "", CELL]), keras_error)
    explanation.explanation.append("<script>alert(1)</script>")
    page = explanation._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<table>" in page and "conv1d (Conv1D)" in page and "In[4]:4" in page
    assert "Cell In[4]:4:5: SD101 [rank]" in page


# ----------------------------------------------------------------------------- a real kernel
def _kernelspec(tmp_path) -> str:
    """A kernelspec running this interpreter's ipykernel (the test environment's, not whatever `python3` is)."""
    kernel = tmp_path / "jupyter" / "kernels" / "shapedoctor-test"
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "shapedoctor test", "language": "python"}))
    return "shapedoctor-test"


@pytest.mark.slow
@pytest.mark.keras
def test_load_ext_in_a_real_kernel_uses_the_executed_history(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("keras")
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    name = _kernelspec(tmp_path)
    notebook = new_notebook(cells=[
        new_code_cell("%load_ext shapedoctor"),
        new_code_cell(IMPORTS + "import keras"),
        new_code_cell("N = 50\n!echo hello"),
        new_markdown_cell("The model:"),
        new_code_cell(CELL),
    ])
    client = nbclient.NotebookClient(notebook, kernel_name=name, timeout=300, allow_errors=True,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = notebook.cells[-1].outputs
    assert notebook.cells[-1].execution_count == 4
    (error,) = [o for o in outputs if o.output_type == "error"]
    assert error.ename == "ValueError" and "found ndim=2" in error.evalue
    (display,) = [o for o in outputs if o.output_type == "display_data"]
    page, text = display.data["text/html"], display.data["text/plain"]
    header = "Cell In[4]:4:5: SD101 [rank] Conv1D needs input (batch, steps, channels) but gets (None, 8)"
    assert header in text and header in page
    assert "Input at In[4], line 2 declares (None, 50)" in text  # N from cell 3
    assert "ipykernel_" not in text and "ipykernel_" not in page
    assert "<table>" in page and "fix 1: insert Reshape((8, 1)) before Conv1D" in text
    assert nbformat.validate(notebook) is None
