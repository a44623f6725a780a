"""Eleventh held-out repair measurement: broken models written from real public bug reports that neither the first
ten held-out sets (tests/repair/heldout/, heldout2/ ... heldout10/) nor a development set (tests/repair/dev*/) use.

Runs tests/repair/heldout11/evaluate.py (the first set's harness, re-pointed at this directory): `shapedoctor
check` and `fix --pick 1` on a copy of every case, then one Keras subprocess that trains the original (it must
fail) and the fixed model (it must build, train one step on the reporter's shapes and give the reporter's target
shape).  The cases were written without running shapedoctor on them; the first measurement is recorded as it
came (FIRST_RUN.md), not tuned.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

# Loaded under its own name: the other sets' tests import their harnesses as `evaluate`, `heldout2_evaluate`, ...
_spec = importlib.util.spec_from_file_location("heldout11_evaluate", HERE / "evaluate.py")
_wrapper = importlib.util.module_from_spec(_spec)
sys.modules["heldout11_evaluate"] = _wrapper
_spec.loader.exec_module(_wrapper)
evaluate11 = _wrapper.harness  # the first harness, reading this set
case_sets = _wrapper.case_sets  # the checks every set's test makes

BUILT_RATE_REACHED = False  # the first run (FIRST_RUN.md)
FIRST_RUN_RATE = "2/3 at e2abe97 (3/3 with --data-shape)"

# Classes for which no public report could be found whose source is not already used by another set and whose
# mistake still fails in Keras 3 (README.md).
UNCOVERED = {"channels-first", "rank-in-loop", "image-rank", "sequence-rank", "recurrent-2d", "head-on-sequence",
             "kernel-too-long"}


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return case_sets.run(evaluate11, tmp_path_factory, "heldout11")


def test_manifest_entries_have_a_source_and_a_file():
    case_sets.check_manifest(evaluate11, min_cases=3)


def test_every_class_is_covered_and_builders_are_represented():
    case_sets.check_coverage(evaluate11, per_class=1, builders=3, uncovered=UNCOVERED)


def test_sources_are_independent_of_the_other_sets():
    """No source of the first ten held-out sets, nor of a development set (tests/repair/dev*/), is reused."""
    case_sets.check_sources_independent(evaluate11, ("heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                                                     "heldout6", "heldout7", "heldout8", "heldout9", "heldout10"))


@pytest.mark.keras
def test_originals_every_case_fails_in_keras(result):
    case_sets.check_originals_fail(result)


@pytest.mark.keras
@pytest.mark.xfail(not BUILT_RATE_REACHED, strict=False,
                   reason=f"engine below the 90% bar on the eleventh held-out set: first run {FIRST_RUN_RATE}")
def test_first_fix_builds_and_trains_for_90_percent(result):
    case_sets.check_built_rate(evaluate11, result)
