"""Names imported from other files of the user's project: read (never run), followed where the file uses them,
never edited from it, and part of what a cached result depends on.

The shapes of the same constructs are recorded from Keras in ``tests/constructs/import_*.py`` (with the package
``tests/constructs/_project``); these tests cover what Keras cannot tell: resolution, safety and the cache.
"""

from __future__ import annotations

import textwrap

import pytest

import shapedoctor
from shapedoctor.cli import main
from shapedoctor.frontends.imports import ABSENT, module_path

BLOCKS = '''
import keras
from keras import layers

WIDTH = 16


def dense_head(x, units=WIDTH):
    x = layers.Flatten()(x)
    return layers.Dense(units)(x)


if __name__ == "__main__":
    demo = keras.Sequential([keras.Input((8,)), layers.Dense(3)])
'''

SCRIPT = '''
import keras
from keras import layers
from lib.blocks import dense_head, WIDTH

inputs = keras.Input(shape=(WIDTH * 2, 3))
x = dense_head(inputs)
x = layers.Conv1D(8, 3)(x)
model = keras.Model(inputs, x)
'''


def write(root, files: dict) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    write(tmp_path, {"lib/__init__.py": "", "lib/blocks.py": BLOCKS, "scripts/train.py": SCRIPT})
    return tmp_path


def test_an_imported_builder_is_followed_and_its_layers_shown_at_the_call(project):
    report = shapedoctor.check_file(str(project / "scripts" / "train.py")).files[0]
    assert [m.graph.line for m in report.models] == [9]  # the module's own `__main__` demo is not this file's
    layers = [(r.node.type, r.node.span.line, r.output_shape) for r in report.models[0].inference.results]
    assert layers[:3] == [("InputLayer", 6, (None, 32, 3)), ("Flatten", 7, (None, 96)), ("Dense", 7, (None, 16))]
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.kind.name, error.line) == ("rank", 8)
    read = {path for path, digest in report.dependencies.items() if digest != ABSENT}
    assert read == {str(project / "lib" / "blocks.py")}
    # where Python would have found lib.blocks first, had a file been there (the script's own directory)
    assert set(report.dependencies) - read == {str(project / "scripts" / "lib" / "blocks.py"),
                                               str(project / "scripts" / "lib" / "blocks" / "__init__.py")}


def test_a_fix_never_edits_code_of_another_file(project):
    report = shapedoctor.check_file(str(project / "scripts" / "train.py")).files[0]
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    removal = [f for f in error.fixes if "Flatten" in f.title and f.title.startswith("remove")]
    assert removal and all(f.applicability == "display-only" and not f.edits for f in removal)
    assert all(e.line == 8 for f in error.fixes for e in f.edits)  # the Reshape goes into this file only


def test_an_edited_module_makes_the_cached_result_a_miss(project, capsys, monkeypatch):
    monkeypatch.delenv("SHAPEDOCTOR_NO_CACHE", raising=False)
    monkeypatch.chdir(project)
    assert main(["check", "scripts/train.py", "--cache-dir", "c"]) == 1
    assert main(["check", "scripts/train.py", "--cache-dir", "c"]) == 1  # a hit: the same result
    write(project, {"lib/blocks.py": BLOCKS.replace("x = layers.Flatten()(x)\n", "")})
    capsys.readouterr()
    assert main(["check", "scripts/train.py", "--cache-dir", "c"]) == 0  # the head keeps the steps axis now
    assert "SD101" not in capsys.readouterr().out


def test_a_module_made_where_an_import_found_none_makes_the_cached_result_a_miss(tmp_path, capsys, monkeypatch):
    """``from blocks import dense_head`` checked before ``blocks.py`` was written (or installed somewhere the
    checker does not read): the cached result must not outlive the module's appearing (it did, until the cache
    was cleared)."""
    monkeypatch.delenv("SHAPEDOCTOR_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"train.py": SCRIPT.replace("from lib.blocks import", "from blocks import")})
    assert main(["check", "train.py", "--cache-dir", "c"]) == 0  # dense_head unknown: nothing found after it
    assert main(["check", "train.py", "--cache-dir", "c"]) == 0  # a hit
    write(tmp_path, {"blocks.py": BLOCKS})
    capsys.readouterr()
    assert main(["check", "train.py", "--cache-dir", "c"]) == 1  # the Flatten before the Conv1D, found now
    assert "SD101" in capsys.readouterr().out


@pytest.mark.parametrize("statement", ["from lib import blocks", "import lib.blocks as blocks"])
def test_a_module_imported_whole(project, statement):
    write(project, {"scripts/train.py": SCRIPT.replace("from lib.blocks import dense_head, WIDTH", statement)
                    .replace("WIDTH * 2", "blocks.WIDTH * 2").replace("dense_head(inputs)", "blocks.dense_head(inputs)")})
    report = shapedoctor.check_file(str(project / "scripts" / "train.py")).files[0]
    assert [(d.kind.name, d.line) for d in report.diagnostics if d.severity == "error"] == [("rank", 8)]


def test_relative_imports_and_import_cycles(tmp_path):
    write(tmp_path, {
        "pkg/__init__.py": "from .a import head\n",
        "pkg/a.py": "from keras import layers\nfrom . import b\n\ndef head(x):\n    return layers.Dense(b.UNITS)(x)\n",
        "pkg/b.py": "from .a import head  # a cycle: a is being read\nUNITS = 5\n",
        "main.py": "import keras\nfrom pkg import head\ninputs = keras.Input((3,))\nmodel = keras.Model(inputs, head(inputs))\n",
    })
    report = shapedoctor.check_file(str(tmp_path / "main.py")).files[0]
    assert report.models[0].inference.results[-1].output_shape == (None, 5)
    assert report.models[0].complete


def test_names_the_checker_knows_are_never_looked_for_on_disk(tmp_path):
    write(tmp_path, {"keras.py": "Dense = None\n", "numpy.py": "", "helpers.py": ""})
    importer = str(tmp_path / "main.py")
    assert module_path("keras", 0, importer) is None and module_path("numpy", 0, importer) is None
    assert module_path("helpers", 0, importer) == str(tmp_path / "helpers.py")
    assert module_path("helpers", 0, "<string>") is None  # a buffer with no file: nothing is near it
    assert module_path("main", 0, importer) is None  # a file never imports itself


def test_an_unreadable_module_leaves_its_names_unknown(tmp_path):
    write(tmp_path, {"lib.py": "def head(x:\n", "main.py": SCRIPT.replace("lib.blocks", "lib")})
    report = shapedoctor.check_file(str(tmp_path / "main.py")).files[0]
    assert report.error is None and not report.models[0].complete  # said, not guessed


def test_a_model_built_by_an_imported_builder_is_reported_at_the_call(tmp_path):
    write(tmp_path, {
        "models_lib.py": """
            import keras
            from keras import layers

            def classifier(steps, classes=3):
                inputs = keras.Input(shape=(steps, 2))
                x = layers.Conv1D(4, 3)(inputs)
                x = layers.GlobalAveragePooling1D()(x)
                return keras.Model(inputs, layers.Dense(classes)(x))
            """,
        "main.py": "from models_lib import classifier\n\nmodel = classifier(64)\nsmall = classifier(2)\n",
    })
    report = shapedoctor.check_file(str(tmp_path / "main.py")).files[0]
    assert [(m.graph.line, m.inference.results[-1].output_shape) for m in report.models] == [(3, (None, 3)),
                                                                                               (4, None)]
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.kind.name, error.line) == ("negative-length", 4)  # Conv1D(kernel 3) on 2 steps, at the call


PADDING_BLOCKS = '''
import keras
from keras import layers


def classifier(input_shape, classes):
    inputs = keras.Input(input_shape)
    x = layers.Conv1D(8, 3, padding=PADDINGS[len(input_shape)])(inputs)
    x = layers.GlobalAveragePooling1D()(x)
    return keras.Model(inputs, layers.Dense(classes)(x))


def branches(count):
    inputs = [keras.Input((20, 1)) for _ in range(count)]
    return keras.Model(inputs, [layers.Flatten()(i) for i in inputs][0] if count else None)
'''

PADDING_SCRIPT = '''
from lib.blocks import classifier, branches

model = classifier((20, 3), 4)
lost = branches(0)
'''


def test_what_imported_code_loses_says_where_that_code_is_written(tmp_path):
    """A gap, a finding's explanation and a skipped model made by another file's code name that file and line,
    though they are shown at the line of this file that reaches it."""
    write(tmp_path, {"lib/__init__.py": "", "lib/blocks.py": PADDING_BLOCKS, "scripts/train.py": PADDING_SCRIPT})
    report = shapedoctor.check_file(str(tmp_path / "scripts" / "train.py")).files[0]
    where = "../lib/blocks.py"
    [model] = report.models
    assert [(g.line, g.reason) for g in model.inference.gaps][0] == (
        4, f"`Conv1D`: the value of padding could not be determined statically (in {where}:8)")
    [unknown] = [d for d in report.diagnostics if d.kind.name == "unknown-layer"]
    assert unknown.line == 4 and unknown.explanation[0] == (
        f"Conv1D is written in {where}:8; this line of the file reaches it.")
    [skipped] = report.skipped_models
    assert (skipped.line, skipped.reason) == (
        5, f"model not built: its outputs are not tensors shapedoctor could follow (in {where}:15)")


def test_a_submodule_imported_from_its_package_is_read_without_the_package_init(tmp_path):
    """``from pkg import blocks``: blocks.py is read, not ``pkg/__init__.py`` first; keras-contrib's __init__
    imports the whole package, which spent the budget of modules before its layers were read ("a layer
    shapedoctor cannot read")."""
    heavy = "".join(f"from . import m{i}\n" for i in range(40))
    files = {"pkg/__init__.py": heavy + "from .blocks import dense_head\n", "pkg/blocks.py": BLOCKS,
             "train.py": SCRIPT.replace("from lib.blocks import dense_head, WIDTH",
                                        "from pkg import blocks\ndense_head, WIDTH = blocks.dense_head, blocks.WIDTH")}
    files.update({f"pkg/m{i}.py": f"X{i} = {i}\n" for i in range(40)})
    write(tmp_path, files)
    report = shapedoctor.check_file(str(tmp_path / "train.py")).files[0]
    assert [(d.kind.name, d.line) for d in report.diagnostics if d.severity == "error"] == [("rank", 9)]
    assert str(tmp_path / "pkg" / "__init__.py") not in report.dependencies
