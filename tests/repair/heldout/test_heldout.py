"""Held-out repair measurement (issue 12): broken models written from real public bug reports.

Runs tests/repair/heldout/evaluate.py: `shapedoctor check` and `fix --pick 1` on a copy of every case, then one
Keras subprocess that trains the original (it must fail) and the fixed model (it must build, train one step on
the reporter's shapes and give the reporter's target shape).  The first measurement is FIRST_RUN.md; it is not
to be tuned.
"""

import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import evaluate  # noqa: E402

# The engine measured 26/37 = 70.3% built on the first run (FIRST_RUN.md: the held-out result), then 36/37 =
# 97.3% after the repairs that run prompted (10634be; the set is no longer held out). The bar guards regressions.
BUILT_RATE_REACHED = True
FIRST_RUN_RATE = "26/37 = 70.3%, then 36/37 = 97.3% at 10634be"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    out = evaluate.evaluate(timeout=180)
    path = tmp_path_factory.mktemp("heldout") / "heldout.json"
    path.write_text(__import__("json").dumps(out, indent=1))
    print("\n" + evaluate.format_table(out["summary"]) + f"\n(full result: {path})")
    return out


def test_manifest_entries_have_a_source_and_a_file():
    cases = evaluate.load_manifest()
    assert len(cases) >= 30
    ids = [c["id"] for c in cases]
    assert len(set(ids)) == len(ids)
    for c in cases:
        assert re.match(r"https://\S+$", c.get("source", "")), c["id"]
        path = HERE / c["file"]
        assert path.is_file(), c["file"]
        assert path.name.startswith(c["id"] + "_"), c["file"]
        assert c["class"] in evaluate.CLASSES, c["class"]
        assert c.get("builder", "module") in ("module", "function")
        assert c.get("reported_error"), c["id"]
        assert evaluate.mistake_lines(path.read_text(encoding="utf-8")), f"{c['file']} marks no mistake line"
        for key in ("target_shape", "data_shape"):
            if key in c:
                assert evaluate.parse_shape(c[key])[0] is None, (c["id"], key)
    for cls in evaluate.CLASSES:  # several reports per class, spread
        assert sum(c["class"] == cls for c in cases) >= 2, cls
    assert sum(c.get("builder") == "function" for c in cases) >= 5


@pytest.mark.keras
def test_every_original_case_fails_in_keras(result):
    passing = [(r["id"], r["keras"]["original"]) for r in result["cases"] if not r["original_fails"]]
    assert not passing, f"not broken in real Keras: {passing}"


@pytest.mark.keras
@pytest.mark.xfail(not BUILT_RATE_REACHED, strict=False,
                   reason=f"engine below the 90% bar: first run {FIRST_RUN_RATE} built (FIRST_RUN.md)")
def test_first_fix_builds_and_trains_for_90_percent(result):
    total = result["summary"]["total"]
    failing = [r["id"] for r in result["cases"] if not r["built"]]
    assert total["built"] / total["total"] >= 0.90, (
        f"built {total['built']}/{total['total']}; not built: {failing}\n" + evaluate.format_table(result["summary"]))
