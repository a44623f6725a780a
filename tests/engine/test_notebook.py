"""Jupyter notebooks: code cells checked as one source; findings name their cell.

The keras-marked test runs the same cells (IPython syntax blanked) in real Keras and checks it raises the
rank error in the cell and line we report."""

import json
import os
import subprocess
import sys

import pytest

import shapedoctor
from shapedoctor.frontends.notebook import notebook_source

NOTEBOOK = os.path.join(os.path.dirname(__file__), "fixtures", "ecg_broken.ipynb")


def test_finding_names_its_cell_and_line():
    """Cells are counted as ruff counts them: every cell, the markdown one first here, from 1."""
    report = shapedoctor.check_file(NOTEBOOK)
    (d,) = [d for d in report.diagnostics if d.severity == "error"]
    assert d.kind.name == "rank" and d.message.endswith("but gets (None, 187)")
    assert d.explanation[0] == "in cell 4, line 4"
    assert d.explanation[1].startswith("Flatten at cell 4, line 3 merged (None, 187, 1)")
    assert d.fixes[0].title == "remove the Flatten at cell 4, line 3" and d.fixes[0].edits == []


def test_ipython_syntax_is_blanked_and_lines_keep_their_place():
    with open(NOTEBOOK) as handle:
        source = notebook_source(handle.read())
    lines = source.text.splitlines()
    assert lines[0] == ""  # %matplotlib inline
    assert "X.shape?" not in source.text
    assert source.where(1) == "cell 2, line 1" and source.where(11) == "cell 4, line 4"


@pytest.mark.parametrize("text", ['{"cells": 3', "[]", '{"cells": "x"}'])
def test_not_a_notebook_is_a_parse_error(tmp_path, text):
    path = tmp_path / "bad.ipynb"
    path.write_text(text)
    (d,) = shapedoctor.check_file(str(path)).diagnostics
    assert d.kind.name == "parse-error" and d.severity == "error"


def test_markdown_only_notebook_is_clean(tmp_path):
    path = tmp_path / "notes.ipynb"
    path.write_text(json.dumps({"cells": [{"cell_type": "markdown", "source": ["# hi"]}]}))
    assert shapedoctor.check_file(str(path)).diagnostics == []


@pytest.mark.keras
def test_keras_raises_in_the_same_cell(tmp_path):
    pytest.importorskip("keras")
    with open(NOTEBOOK) as handle:
        source = notebook_source(handle.read())
    script = tmp_path / "cells.py"
    script.write_text(source.text.replace("tensorflow.keras", "keras"))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, KERAS_BACKEND="torch"))
    assert "expected min_ndim=3, found ndim=2" in proc.stderr
    # Keras' traceback points at `models.Sequential([` (cell 4, line 1); we point at the Conv1D (line 4).
    assert f'File "{script}", line 8' in proc.stderr and source.where(8) == "cell 4, line 1"
