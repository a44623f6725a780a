"""Inline suppression (`# noqa`, `# shapedoctor: ignore[...]`) and the ruff-style check options
(`--select`/`--ignore` prefixes and ALL, `--exit-zero`, `--statistics`) - issue 13."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import shapedoctor
from shapedoctor.kinds import KINDS
from shapedoctor.repair.command import fix_text
from shapedoctor.suppress import line_rules, selector_matches

ROOT = Path(__file__).resolve().parents[2]
BROKEN = 'keras.Sequential([keras.Input((64,)), layers.Dense(16), layers.Conv1D(8, 3)])'


def source(comment: str) -> str:
    return f"import keras\nfrom keras import layers\nmodel = {BROKEN}{comment}\n"


def errors(text: str):
    return [(d.code, d.line) for d in shapedoctor.check_source(text, "m.py").diagnostics if d.severity == "error"]


@pytest.mark.parametrize("comment,suppressed", [
    ("", False),
    ("  # noqa", True),
    ("  # NOQA", True),
    ("  # noqa: SD101", True),
    ("  # noqa: SD105, SD101", True),
    ("  # noqa:SD1", True),  # a code prefix covers the family
    ("  # noqa: SD105", False),  # another code
    ("  # shapedoctor: ignore", True),
    ("  # shapedoctor: ignore[rank]", True),
    ("  # shapedoctor: ignore[SD101]", True),
    ("  # shapedoctor: ignore[negative-length]", False),
])
def test_a_comment_on_the_offending_line_suppresses_what_it_names(comment, suppressed):
    assert (errors(source(comment)) == []) == suppressed


def test_a_comment_on_another_line_suppresses_nothing():
    text = "import keras\nfrom keras import layers  # noqa\nmodel = " + BROKEN + "\n"
    assert errors(text) == [("SD101", 3)]


def test_fix_never_touches_a_suppressed_finding():
    text = source("  # noqa: SD101")
    outcome = fix_text(text, "m.py", unsafe=True)
    assert not outcome.applied and outcome.fixed == text


def test_selectors():
    rank = KINDS["rank"]
    assert selector_matches("ALL", rank) and selector_matches("SD1", rank) and selector_matches("rank", rank)
    assert not selector_matches("SD2", rank) and not selector_matches("ran", rank)
    assert line_rules("x = 1  # noqa: SD101,SD105") == [["SD101", "SD105"]]
    assert line_rules("x = 1") == []


def run(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def test_exit_zero_statistics_and_prefix_selection(tmp_path):
    (tmp_path / "m.py").write_text(source("") + textwrap.dedent(f"""
        other = {BROKEN}  # noqa
        """))
    plain = run("check", "m.py", cwd=tmp_path)
    assert plain.returncode == 1
    assert run("check", "--exit-zero", "m.py", cwd=tmp_path).returncode == 0
    stats = run("check", "--statistics", "m.py", cwd=tmp_path)
    assert "    1  SD101  rank" in stats.stdout and "    1  suppressed" in stats.stdout
    assert run("check", "--select", "SD1", "--ignore", "SD101", "m.py", cwd=tmp_path).returncode == 0
    assert run("check", "--select", "ALL", "m.py", cwd=tmp_path).returncode == 1
    bad = run("check", "--select", "SDX", "m.py", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown finding kind or code 'SDX'" in bad.stderr


def test_quiet_prints_only_the_finding_lines_and_output_file_writes_the_report(tmp_path):
    (tmp_path / "m.py").write_text(source(""))
    quiet = run("check", "-q", "m.py", cwd=tmp_path)
    assert quiet.returncode == 1
    assert quiet.stdout.splitlines() == ["m.py:3:65: SD101 [rank] Conv1D needs input (batch, steps, channels) but "
                                         "gets (None, 16)"]
    written = run("check", "--format", "json", "--output-file", "report.json", "m.py", cwd=tmp_path)
    assert written.returncode == 1 and written.stdout == ""
    import json
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["errors"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".shapedoctor-report-")] == []
    missing = run("check", "--output-file", "no/such/dir/r.txt", "m.py", cwd=tmp_path)
    assert missing.returncode == 2 and "cannot write --output-file" in missing.stderr
