"""Fourth held-out repair measurement: broken models written from real public bug reports that neither the first three
held-out sets (tests/repair/heldout/, heldout2/, heldout3/) nor a development set (tests/repair/dev*/) use.

Runs tests/repair/heldout4/evaluate.py (the first set's harness, re-pointed at this directory): `shapedoctor
check` and `fix --pick 1` on a copy of every case, then one Keras subprocess that trains the original (it must
fail) and the fixed model (it must build, train one step on the reporter's shapes and give the reporter's target
shape).  The cases were written without running shapedoctor on them; the first measurement is to be recorded
as it comes, not tuned.
"""

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

# Loaded under its own name: the other sets' tests import their harnesses as `evaluate`, `heldout2_evaluate`,
# `heldout3_evaluate`.
_spec = importlib.util.spec_from_file_location("heldout4_evaluate", HERE / "evaluate.py")
_wrapper = importlib.util.module_from_spec(_spec)
sys.modules["heldout4_evaluate"] = _wrapper
_spec.loader.exec_module(_wrapper)
evaluate4 = _wrapper.harness  # the first harness, reading this set

BUILT_RATE_REACHED = False  # the first run (FIRST_RUN.md): below the bar
FIRST_RUN_RATE = "20/34 = 58.8% at 7fd0ff3 (21/34 = 61.8% with --data-shape)"

# Classes for which no public report could be found whose source is not already used by another set (README.md).
UNCOVERED = {"rank-in-loop"}


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    out = evaluate4.evaluate(timeout=180)
    path = tmp_path_factory.mktemp("heldout4") / "heldout4.json"
    path.write_text(json.dumps(out, indent=1))
    print("\n" + evaluate4.format_table(out["summary"]) + f"\n(full result: {path})")
    return out


def test_manifest_entries_have_a_source_and_a_file():
    cases = evaluate4.load_manifest()
    assert len(cases) >= 30
    ids = [c["id"] for c in cases]
    assert len(set(ids)) == len(ids)
    for c in cases:
        assert re.match(r"https://\S+$", c.get("source", "")), c["id"]
        path = HERE / c["file"]
        assert path.is_file(), c["file"]
        assert path.name.startswith(c["id"] + "_"), c["file"]
        assert c["class"] in evaluate4.CLASSES, c["class"]
        assert c.get("builder", "module") in ("module", "function")
        assert c.get("reported_error"), c["id"]
        assert c.get("notes"), c["id"]
        assert evaluate4.mistake_lines(path.read_text(encoding="utf-8")), f"{c['file']} marks no mistake line"
        for key in ("target_shape", "data_shape"):
            if key in c:
                assert evaluate4.parse_shape(c[key])[0] is None, (c["id"], key)
        if c.get("labels") == "sparse":
            assert c.get("target_shape"), c["id"]
    listed = {(HERE / c["file"]).name for c in cases}
    on_disk = {p.name for p in (HERE / "cases").glob("*.py")}
    assert on_disk == listed, on_disk ^ listed


def test_every_class_is_covered_and_builders_are_represented():
    cases = evaluate4.load_manifest()
    for cls in evaluate4.CLASSES:
        if cls in UNCOVERED:
            continue
        assert sum(c["class"] == cls for c in cases) >= 1, cls
    assert sum(c.get("builder") == "function" for c in cases) >= 12


def test_sources_are_independent_of_the_other_sets():
    """No source of the first three held-out sets, nor of a development set (tests/repair/dev*/), is reused."""
    used = set()
    others = [HERE.parent / name / "manifest.toml" for name in ("heldout", "heldout2", "heldout3")]
    others += sorted(HERE.parent.glob("dev*/manifest.toml"))
    for manifest in others:
        used |= {c["source"] for c in evaluate4.load_manifest(manifest)}
    norm = lambda u: u.rstrip("/").lower()  # noqa: E731
    used = {norm(u) for u in used}
    mine = [norm(c["source"]) for c in evaluate4.load_manifest()]
    assert len(set(mine)) == len(mine)
    assert not used & set(mine), used & set(mine)


@pytest.mark.keras
def test_every_original_case_fails_in_keras(result):
    passing = [(r["id"], r["keras"]["original"]) for r in result["cases"] if not r["original_fails"]]
    assert not passing, f"not broken in real Keras: {passing}"


@pytest.mark.keras
@pytest.mark.xfail(not BUILT_RATE_REACHED, strict=False,
                   reason=f"engine not yet measured on the fourth held-out set: first run {FIRST_RUN_RATE}")
def test_first_fix_builds_and_trains_for_90_percent(result):
    total = result["summary"]["total"]
    failing = [r["id"] for r in result["cases"] if not r["built"]]
    assert total["built"] / total["total"] >= 0.90, (
        f"built {total['built']}/{total['total']}; not built: {failing}\n" + evaluate4.format_table(result["summary"]))
