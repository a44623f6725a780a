"""Cost grows linearly with the size of a model: counted in operations, never in seconds.

``benchmarks/scale.py`` measures the times; these tests count what used to grow quadratically: layer
inferences (repair candidates re-inferring the whole model), and the text LibCST parses to write a fix (the
whole file, once per fix).
"""

from __future__ import annotations

import libcst
import pytest

from shapedoctor import infer as infer_module
from shapedoctor.check import check_source
from shapedoctor.repair import rewrite


def _model(n: int, form: str = "list") -> str:
    """n layers: an Input, Dense/Dropout pairs, and a Conv1D after the last Dense (a rank error with Reshape
    fixes)."""
    body = ["layers.Dense(64, activation='relu')" if i % 2 == 0 else "layers.Dropout(0.1)" for i in range(n - 3)]
    body += ["layers.Dense(64)", "layers.Conv1D(32, 3)"]
    head = "import keras\nfrom keras import layers\n\n"
    if form == "list":
        return head + "model = keras.Sequential([\n    keras.Input(shape=(64,)),\n" + \
            "".join(f"    {layer},\n" for layer in body) + "])\n"
    return head + "model = keras.Sequential()\nmodel.add(keras.Input(shape=(64,)))\n" + \
        "".join(f"model.add({layer})\n" for layer in body)


@pytest.fixture
def count_inferences(monkeypatch):
    counter = {"nodes": 0}
    real = infer_module.infer_node

    def counting(inference, node):
        counter["nodes"] += 1
        return real(inference, node)

    monkeypatch.setattr(infer_module, "infer_node", counting)
    return counter


def test_candidates_reinfer_only_after_the_patch(count_inferences):
    """20,000 layers, one error at the end with 5 verified Reshape fixes: the model is inferred once, and each
    candidate re-infers only the layers from the patched one on (before: every candidate re-inferred all)."""
    n = 20_000
    report = check_source(_model(n), with_edits=False)
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.kind.name == "rank" and len(error.fixes) == 5
    assert report.models[0].inference.results[-1].status == "error"
    # one front-end walk (which may ask for shapes as it goes) + one inference + a few layers per candidate
    assert count_inferences["nodes"] <= 2 * n + 100, count_inferences["nodes"]


def test_inferences_grow_linearly(count_inferences):
    counts = []
    for n in (2_000, 20_000):
        count_inferences["nodes"] = 0
        check_source(_model(n, "add"), with_edits=False)
        counts.append(count_inferences["nodes"])
    assert counts[1] <= 11 * counts[0], counts


def test_fix_edits_parse_only_what_they_touch(monkeypatch):
    """Writing the edits of a fix parses the statement or list element around the layer, not the whole file
    (before: LibCST parsed all of it once per fix)."""
    parsed = []
    real = libcst.parse_module

    def counting(source, *args, **kwargs):
        parsed.append(len(source))
        return real(source, *args, **kwargs)

    monkeypatch.setattr(rewrite.cst, "parse_module", counting)
    for form in ("list", "add"):
        parsed.clear()
        rewrite._FACTS.clear()
        text = _model(3_000, form)
        report = check_source(text)
        [error] = [d for d in report.diagnostics if d.severity == "error"]
        assert error.fixes and all(fix.edits for fix in error.fixes)
        assert parsed and sum(parsed) < 2_000, (form, len(text), parsed)


@pytest.mark.parametrize("chunk_lines", [2])
def test_piecewise_parse_is_ast_parse(monkeypatch, chunk_lines):
    """The front-end parses long files piece by piece (frontends/chunks.py): the same statements, positions and
    syntax errors as ast.parse, whatever the cuts (clauses such as else:/except: are never cut off)."""
    import ast
    import pathlib

    from shapedoctor.frontends import chunks

    monkeypatch.setattr(chunks, "CHUNK_LINES", chunk_lines)
    root = pathlib.Path(__file__).resolve().parents[2]
    texts = [p.read_text() for p in sorted((root / "src" / "shapedoctor").rglob("*.py"))[::3]]
    texts += [_model(50, "add"), "if x:\n    a = 1\nelse:\n    b = 2\ntry:\n    c\nexcept E:\n    d\nfinally:\n    e\n",
              's = """\nmodel = 3\n"""\nx = (\n1)\n@dec\ndef f():\n    pass\n']
    for text in texts:
        for variant in (text, text.replace("\n", "\r\n"), text[:len(text) // 2] + "\n(\n" + text[len(text) // 2:]):
            try:
                whole = ast.parse(variant)
            except SyntaxError as exc:
                with pytest.raises(SyntaxError) as raised:
                    list(chunks.statements(variant))
                assert (raised.value.msg, raised.value.lineno) == (exc.msg, exc.lineno)
                continue
            pieces = ast.Module(body=list(chunks.statements(variant)), type_ignores=[])
            assert ast.dump(pieces, include_attributes=True) == ast.dump(whole, include_attributes=True)
