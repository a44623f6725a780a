"""The result cache (issue 9): a warm run reports exactly what a cold run reports, in every format; anything
that changes a result changes the key; a damaged or foreign cache is a miss, never a crash or code execution."""

from __future__ import annotations

import json
import os

import pytest

from shapedoctor import cache as cache_module
from shapedoctor.cli import main

HEAD = "import keras\nfrom keras import layers\n"
FILES = {
    # an error with ranked fixes (and edits in json/sarif)
    "broken.py": HEAD + "model = keras.Sequential([\n    keras.Input((64,)),\n    layers.Dense(16),\n"
                        "    layers.Conv1D(8, 3),\n])\n",
    # a finding silenced by noqa, and an unused one
    "silenced.py": HEAD + "model = keras.Sequential([keras.Input((64,)), layers.Dense(16),\n"
                          "                          layers.Conv1D(8, 3)])  # noqa: SD101\n"
                          "x = 1  # noqa: SD102\n",
    # a model only partly checked (a call shapedoctor cannot follow), with a non-ASCII line before it
    "partly.py": HEAD + "# données: é\ninputs = keras.Input((8,))\nx = mystery(inputs)\n"
                        "model = keras.Model(inputs, layers.Dense(2)(x))\n",
    # a clean model
    "clean.py": HEAD + "model = keras.Sequential([keras.Input((64, 1)), layers.Conv1D(8, 3)])\n",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("SHAPEDOCTOR_NO_CACHE", raising=False)
    monkeypatch.delenv("SHAPEDOCTOR_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    for name, text in FILES.items():
        (tmp_path / "src").mkdir(exist_ok=True)
        (tmp_path / "src" / name).write_text(text, encoding="utf-8")
    return tmp_path


def _run(capsys, *args) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def _entries(directory) -> list:
    return sorted(p for p in directory.rglob("*.json"))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_a_warm_run_reports_exactly_what_a_cold_run_reports(project, capsys, fmt):
    options = ["--format", fmt, "--report-unused-noqa", "--no-show-source"]
    cold = _run(capsys, "src", "--no-cache", *options)
    filled = _run(capsys, "src", "--cache-dir", "c", *options)
    assert len(_entries(project / "c")) == len(FILES)
    hits = []
    real_load = cache_module.FileCache.load

    def counting_load(self, key, path, text):
        report = real_load(self, key, path, text)
        hits.append(report is not None)
        return report

    cache_module.FileCache.load = counting_load
    try:
        warm = _run(capsys, "src", "--cache-dir", "c", *options)
    finally:
        cache_module.FileCache.load = real_load
    assert hits == [True] * len(FILES)
    assert cold == filled == warm
    assert cold[0] == 1


def test_the_cache_directory_is_tagged_and_ignored_by_git(project, capsys):
    _run(capsys, "src")
    directory = project / ".shapedoctor_cache"
    assert (directory / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (directory / ".gitignore").read_text().splitlines()[-1] == "*"
    assert all(path.read_text(encoding="utf-8").startswith("{") for path in _entries(directory))  # JSON, no pickle


def test_no_cache_and_the_environment_variable_write_nothing(project, capsys, monkeypatch):
    _run(capsys, "src", "--no-cache")
    monkeypatch.setenv("SHAPEDOCTOR_NO_CACHE", "1")
    _run(capsys, "src")
    assert not (project / ".shapedoctor_cache").exists()
    monkeypatch.delenv("SHAPEDOCTOR_NO_CACHE")
    monkeypatch.setenv("SHAPEDOCTOR_CACHE_DIR", str(project / "elsewhere"))
    _run(capsys, "src")
    assert len(_entries(project / "elsewhere")) == len(FILES) and not (project / ".shapedoctor_cache").exists()


def test_what_changes_a_result_changes_the_key(project, capsys):
    _run(capsys, "src/broken.py", "--cache-dir", "c")
    _run(capsys, "src/broken.py", "--cache-dir", "c", "--target-shape", "(None, 1)")
    _run(capsys, "src/broken.py", "--cache-dir", "c", "--no-fixes")
    _run(capsys, "src/broken.py", "--cache-dir", "c", "--format", "json")  # with source edits
    assert len(_entries(project / "c")) == 4
    path = project / "src" / "broken.py"
    path.write_text(FILES["broken.py"].replace("Conv1D(8, 3)", "Conv1D(8, 5)"), encoding="utf-8")
    code, out = _run(capsys, "src/broken.py", "--cache-dir", "c")
    assert code == 1 and "Conv1D" in out and len(_entries(project / "c")) == 5
    path.write_text(FILES["clean.py"], encoding="utf-8")
    assert _run(capsys, "src/broken.py", "--cache-dir", "c")[0] == 0


def test_an_edited_checker_never_reads_an_old_result(project, capsys, monkeypatch):
    _run(capsys, "src/broken.py", "--cache-dir", "c")
    monkeypatch.setattr(cache_module, "_fingerprint", "another shapedoctor")
    _run(capsys, "src/broken.py", "--cache-dir", "c")
    assert len(_entries(project / "c")) == 2


@pytest.mark.parametrize("damage", ["", "{", "[1, 2]", '{"key": "x"}', "\x00\x01binary", None])
def test_a_damaged_entry_is_a_miss(project, capsys, damage):
    cold = _run(capsys, "src", "--no-cache", "--format", "json")
    _run(capsys, "src", "--cache-dir", "c")
    for entry in _entries(project / "c"):
        if damage is None:  # a well-formed entry whose content was tampered with: a kind that does not exist
            data = json.loads(entry.read_text(encoding="utf-8"))
            for diagnostic in data["diagnostics"]:
                diagnostic["kind"] = "no-such-kind"
            entry.write_text(json.dumps(data), encoding="utf-8")
        else:
            entry.write_text(damage, encoding="utf-8")
    assert _run(capsys, "src", "--cache-dir", "c", "--format", "json") == cold


def test_an_unwritable_cache_directory_is_not_an_error(project, capsys):
    (project / "c").write_text("a file where the cache directory would be", encoding="utf-8")
    cold = _run(capsys, "src", "--no-cache")
    assert _run(capsys, "src", "--cache-dir", "c") == cold


def test_parallel_workers_share_the_cache(project, capsys):
    cold = _run(capsys, "src", "--no-cache", "--format", "json")
    assert _run(capsys, "src", "-j", "2", "--cache-dir", "c", "--format", "json") == cold
    assert len(_entries(project / "c")) == len(FILES)
    assert _run(capsys, "src", "-j", "2", "--cache-dir", "c", "--format", "json") == cold


def test_notebooks_and_unreadable_files_are_not_cached(project, capsys):
    (project / "src" / "latin.py").write_bytes(b"x = '\xe9'\n")
    os.remove(project / "src" / "clean.py")
    code, out = _run(capsys, "src", "--cache-dir", "c")
    assert "not UTF-8" in out
    assert len(_entries(project / "c")) == len(FILES) - 1
