"""Minimized disagreements between shapedoctor and Keras, kept as permanent fixtures.

Each ``regressions/NAME.py`` is a case rendered as a user would write it; ``NAME.json``
holds the case and the verdict of real Keras 3 (torch backend) recorded by
``tests/conformance/record.py``: the failing node (None when the model builds), the
exception mapped to a finding kind, and every node's output shape.  The first test runs
``shapedoctor.check_source`` on the ``.py`` file and needs no Keras; the second re-builds
the case in Keras and checks that the recorded verdict is still what Keras says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .case import case_from_json
from .compare import compare, shapedoctor_verdict
from .record import verdict_from_json

FIXTURES = sorted((Path(__file__).parent / "regressions").glob("*.json"))


def _load(path: Path):
    data = json.loads(path.read_text())
    return data, case_from_json(data["case"]), verdict_from_json(data["keras"])


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_shapedoctor_agrees_with_recorded_keras(path):
    data, case, keras_v = _load(path)
    source = path.with_suffix(".py").read_text()
    ours, _ = shapedoctor_verdict(case, source)
    outcome = compare(case, keras_v, ours)
    assert outcome.agree, f"{data['note']}\n" + "\n".join(outcome.problems)
    # every shape Keras gives is compared, except after a node where shapedoctor only warns
    expected = len(keras_v.shapes) if ours.warn_index is None else min(len(keras_v.shapes), ours.warn_index)
    assert len(ours.shapes) == expected
    if data["note"].startswith("DOCUMENTED"):
        assert keras_v.error_index is None  # Keras accepts it: we must not report an error


@pytest.mark.keras
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_recorded_verdict_is_still_keras(path):
    pytest.importorskip("keras")
    from .oracle import exec_verdict, keras_verdict
    from .record import verdict_to_json

    data, case, _ = _load(path)
    live = verdict_to_json(keras_verdict(case))
    assert (live["error_index"], live["kind"], live["shapes"]) == (
        data["keras"]["error_index"], data["keras"]["kind"], data["keras"]["shapes"])
    raised, _ = exec_verdict(path.with_suffix(".py").read_text())
    assert raised == (live["error_index"] is not None)


def test_fixtures_exist():
    assert FIXTURES, "no regression fixtures found"
    for path in FIXTURES:
        assert path.with_suffix(".py").exists(), path
