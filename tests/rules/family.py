"""The two tests every rule family has, made once: the recorded Keras table, and a live re-check."""

from __future__ import annotations

import os

import pytest
from record_keras import check_case, check_live, load_cases


def family_tests(family: str, live_ids: list[str]):
    """``test_rule_matches_keras`` over ``expected_<family>.json`` and ``test_recording_is_current``
    re-running ``live_ids`` in real Keras (marked ``keras``)."""
    cases = load_cases(family)
    by_id = {case["id"]: case for case in cases}

    @pytest.mark.parametrize("case", cases, ids=[case["id"] for case in cases])
    def test_rule_matches_keras(case):
        check_case(case)

    @pytest.mark.keras
    @pytest.mark.parametrize("case_id", live_ids)
    def test_recording_is_current(case_id):
        os.environ.setdefault("KERAS_BACKEND", "torch")
        pytest.importorskip("keras")
        check_live(by_id[case_id])

    return test_rule_matches_keras, test_recording_is_current
