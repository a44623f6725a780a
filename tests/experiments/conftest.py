import argparse
import os
from pathlib import Path

import pytest

os.environ["KERAS_BACKEND"] = "torch"  # a ~/.keras/keras.json may select another backend
os.environ.setdefault("AEON_DATA", str(Path.home() / ".cache" / "shapedoctor" / "aeon_data"))


def pytest_configure(config):
    config.addinivalue_line("markers", "keras: needs keras (torch backend)")
    config.addinivalue_line("markers", "slow: trains models")


@pytest.fixture
def compare(tmp_path, capsys):
    """Run `shapedoctor compare ARGS` in-process; returns (exit code, stderr, out dir)."""
    from shapedoctor.experiments import command

    def run(*argv, out=None, cache=None):
        parser = argparse.ArgumentParser(prog="shapedoctor compare")
        command.add_arguments(parser)
        out = out or tmp_path / "out"
        cache = cache or tmp_path / "cache"
        args = parser.parse_args([*map(str, argv), "--out", str(out), "--cache-dir", str(cache), "--quiet"])
        code = command.run(args)
        return code, capsys.readouterr().err, out

    return run
