import os

import pytest

os.environ.setdefault("KERAS_BACKEND", "torch")


@pytest.fixture(autouse=True)
def strict_rules(monkeypatch):
    """Inside the test suite a crashing shape rule is a failure, not a silent 'unknown'."""
    from shapedoctor import infer

    monkeypatch.setattr(infer, "_STRICT", True)
