"""The typed public API: ``py.typed`` shipped, ``mypy --strict`` clean on the modules behind ``shapedoctor``'s
exports, the exports visible to a type checker (not ``Any`` through the lazy ``__getattr__``), and
``target_shape`` taking a tuple or a string as ``--target-shape`` does."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import shapedoctor

ROOT = Path(__file__).resolve().parent.parent.parent
SRC = ROOT / "src"
API_MODULES = ["shapedoctor/__init__.py", "shapedoctor/check.py", "shapedoctor/frontends/live.py",
               "shapedoctor/ipython.py", "shapedoctor/diagnostics.py"]

HEAD_WITHOUT_FLATTEN = """
import keras
from keras import layers
model = keras.Sequential([keras.Input(shape=(20, 1)), layers.Conv1D(8, 3, activation="relu"),
                          layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""


def test_py_typed_is_shipped():
    assert (SRC / "shapedoctor" / "py.typed").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"py.typed"' in pyproject  # package-data


def mypy(*args: str, cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    pytest.importorskip("mypy")
    env = dict(os.environ, MYPYPATH=str(SRC))
    # --follow-imports=silent: the modules named are checked strictly; the ones they import are read for their
    # types only (otherwise a non-editable install, found through MYPYPATH, is checked whole)
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary",
                           "--cache-dir",
                           str(tmp_path / "mypy-cache"), *args], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=300)


def test_mypy_strict_on_the_public_api_modules(tmp_path):
    proc = mypy(*API_MODULES, cwd=SRC, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_exports_are_typed_for_users(tmp_path):
    good = tmp_path / "good.py"
    good.write_text(textwrap.dedent("""
        import shapedoctor

        report: shapedoctor.Report = shapedoctor.check_source("x = 1\\n", target_shape="(None, 1)")
        codes: list[str] = [d.code for d in report.diagnostics]
        exit_code: int = report.exit_code
        other = shapedoctor.check_file("model.py", target_shape=(None, 1))
        live = shapedoctor.check_model({"class_name": "Sequential", "config": {"layers": []}})
        with shapedoctor.explain():
            pass

        @shapedoctor.explain
        def build(n: int) -> int:
            return n

        size: int = build(3)
        """))
    proc = mypy(str(good), cwd=tmp_path, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    bad = tmp_path / "bad.py"
    bad.write_text("import shapedoctor\n\nreport: int = shapedoctor.check_source('x = 1')\n")
    proc = mypy(str(bad), cwd=tmp_path, tmp_path=tmp_path)
    assert proc.returncode == 1 and 'expression has type "Report", variable has type "int"' in proc.stdout, \
        proc.stdout


def _target_findings(target_shape):
    report = shapedoctor.check_source(HEAD_WITHOUT_FLATTEN, "m.py", target_shape=target_shape)
    return [(d.kind.name, d.severity) for d in report.diagnostics if d.severity != "info"]


@pytest.mark.parametrize("target", [(None, 1), [None, 1], (1,), "(None, 1)", "None, 1", "1", "[None,1]"])
def test_target_shape_as_tuple_or_string(target):
    assert _target_findings(target) == [("output-target-mismatch", "error")]


@pytest.mark.parametrize("target", [(None, 18, 1), "(None, 18, 1)", "18, 1"])
def test_a_matching_target_shape_in_either_spelling(target):
    assert _target_findings(target) == []


@pytest.mark.parametrize("target", ["(None, x)", "", "1.5", ("a",), (), (None, -1), (True,), 3])
def test_a_bad_target_shape_is_a_value_error(target):
    with pytest.raises(ValueError, match="target_shape"):
        shapedoctor.check_source(HEAD_WITHOUT_FLATTEN, "m.py", target_shape=target)


def test_target_shape_of_a_file_and_a_live_config(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(HEAD_WITHOUT_FLATTEN)
    (d,) = [d for d in shapedoctor.check_file(str(path), target_shape="(None, 1)").diagnostics
            if d.severity != "info"]
    assert d.kind.name == "output-target-mismatch"
    with pytest.raises(ValueError):
        shapedoctor.check_model({"class_name": "Sequential", "config": {"layers": []}}, target_shape="nope")
