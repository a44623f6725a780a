import os

import pytest

os.environ.setdefault("KERAS_BACKEND", "torch")
# No test may leave a result cache in the working directory (the repository); tests/engine/test_cache.py turns
# the cache on in a temporary directory.
os.environ["SHAPEDOCTOR_NO_CACHE"] = "1"


@pytest.fixture(autouse=True)
def strict_rules(monkeypatch):
    """Inside the test suite a crashing shape rule is a failure, not a silent 'unknown'."""
    from shapedoctor import infer

    monkeypatch.setattr(infer, "_STRICT", True)
