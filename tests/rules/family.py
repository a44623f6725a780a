"""The two tests every rule family has, made once: the recorded Keras table, and a live re-check."""

from __future__ import annotations

import contextlib
import os
import sys

import pytest
from record_keras import check_case, check_live, load_cases


@contextlib.contextmanager
def without_tensorflow_shim():
    """Hide a stand-in ``tensorflow`` module (keras_compat.install_tensorflow_shim, installed by other tests in
    the same process) while Keras runs: Keras' image layers ask ``tensorflow.executing_eagerly()`` whenever a
    module of that name is imported, and the stand-in has none."""
    shim = sys.modules.get("tensorflow")
    if shim is None or getattr(shim, "__file__", None):  # no TensorFlow, or the real one
        yield
        return
    saved = {k: v for k, v in sys.modules.items() if k == "tensorflow" or k.startswith("tensorflow.")}
    for name in saved:
        del sys.modules[name]
    try:
        yield
    finally:
        sys.modules.update(saved)


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
        with without_tensorflow_shim():
            check_live(by_id[case_id])

    return test_rule_matches_keras, test_recording_is_current
