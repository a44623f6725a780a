"""Second held-out repair measurement: broken models written from real public bug reports that neither the
first held-out set (tests/repair/heldout/) nor the repair cases use.

Runs tests/repair/heldout2/evaluate.py (the first set's harness, re-pointed at this directory): `shapedoctor
check` and `fix --pick 1` on a copy of every case, then one Keras subprocess that trains the original (it must
fail) and the fixed model (it must build, train one step on the reporter's shapes and give the reporter's target
shape).  The first measurement is FIRST_RUN.md; it is not to be tuned.
"""

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

# Loaded under its own name: the first set's test imports its harness as `evaluate`.
_spec = importlib.util.spec_from_file_location("heldout2_evaluate", HERE / "evaluate.py")
_wrapper = importlib.util.module_from_spec(_spec)
sys.modules["heldout2_evaluate"] = _wrapper
_spec.loader.exec_module(_wrapper)
evaluate2 = _wrapper.harness  # the first harness, reading this set

BUILT_RATE_REACHED = False  # first run 20/35 = 57.1% at d56af53 (FIRST_RUN.md)
FIRST_RUN_RATE = "20/35 = 57.1% at d56af53"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    out = evaluate2.evaluate(timeout=180)
    path = tmp_path_factory.mktemp("heldout2") / "heldout2.json"
    path.write_text(json.dumps(out, indent=1))
    print("\n" + evaluate2.format_table(out["summary"]) + f"\n(full result: {path})")
    return out


def test_manifest_entries_have_a_source_and_a_file():
    cases = evaluate2.load_manifest()
    assert len(cases) >= 30
    ids = [c["id"] for c in cases]
    assert len(set(ids)) == len(ids)
    for c in cases:
        assert re.match(r"https://\S+$", c.get("source", "")), c["id"]
        path = HERE / c["file"]
        assert path.is_file(), c["file"]
        assert path.name.startswith(c["id"] + "_"), c["file"]
        assert c["class"] in evaluate2.CLASSES, c["class"]
        assert c.get("builder", "module") in ("module", "function")
        assert c.get("reported_error"), c["id"]
        assert evaluate2.mistake_lines(path.read_text(encoding="utf-8")), f"{c['file']} marks no mistake line"
        for key in ("target_shape", "data_shape"):
            if key in c:
                assert evaluate2.parse_shape(c[key])[0] is None, (c["id"], key)
    for cls in evaluate2.CLASSES:  # several reports per class, spread
        assert sum(c["class"] == cls for c in cases) >= 2, cls
    assert sum(c.get("builder") == "function" for c in cases) >= 5


def test_sources_are_independent_of_the_first_heldout_set():
    first = evaluate2.load_manifest(HERE.parent / "heldout" / "manifest.toml")
    used = {c["source"] for c in first}
    mine = [c["source"] for c in evaluate2.load_manifest()]
    assert len(set(mine)) == len(mine)
    assert not used & set(mine)


@pytest.mark.keras
def test_every_original_case_fails_in_keras(result):
    passing = [(r["id"], r["keras"]["original"]) for r in result["cases"] if not r["original_fails"]]
    assert not passing, f"not broken in real Keras: {passing}"


@pytest.mark.keras
@pytest.mark.xfail(not BUILT_RATE_REACHED, strict=False,
                   reason=f"engine below the 90% bar on the second held-out set: first run {FIRST_RUN_RATE} built "
                          "(FIRST_RUN.md)")
def test_first_fix_builds_and_trains_for_90_percent(result):
    total = result["summary"]["total"]
    failing = [r["id"] for r in result["cases"] if not r["built"]]
    assert total["built"] / total["total"] >= 0.90, (
        f"built {total['built']}/{total['total']}; not built: {failing}\n" + evaluate2.format_table(result["summary"]))
