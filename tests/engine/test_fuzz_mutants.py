"""Crash fuzzing over mutated copies of the project's own model files, configs and notebooks (issue 11).

Hypothesis picks a seed file (examples/, tests/corpus/, the fix cases, the config fixtures, the notebook) and a
random stream that drives tests/engine/mutate.py: byte damage, hostile numbers and layer names, folding bombs,
non-text notebook sources, unhashable class names, Infinity indices, deep nesting.  Every mutant goes through
check_one_file (with fixes and edits), every output format and the trace, in strict mode (conftest sets
``infer._STRICT``: a rule or front-end exception fails the test instead of degrading), under a 10 s alarm.
Only "no crash, no hang, no internal error" is asserted.

The default run is bounded (derandomized, ~250 mutants, well under a minute); the `slow` one runs 3,000.
The long campaign with per-input timeouts in separate processes: benchmarks/fuzz_campaign.py.
"""

from __future__ import annotations

import os
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shapedoctor.check import Report, check_one_file
from shapedoctor.report import render
from shapedoctor.report.trace import render_plain

from mutate import mutate, seed_files  # tests/engine is on sys.path (rootdir conftest)

SEEDS = seed_files()
TEXTS = {path: open(path, encoding="utf-8").read() for path in SEEDS}


def _alarm(signum, frame):
    raise TimeoutError("one mutant took more than 10 s (a hang)")


def check_mutant(tmp_dir, seed: str, rng) -> None:
    suffix = os.path.splitext(seed)[1]
    text = mutate(TEXTS[seed], suffix, rng)
    path = os.path.join(tmp_dir, "mutant" + suffix)
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8", "surrogatepass"))
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(10)
    try:
        report = check_one_file(path, explicit=True, with_edits=True)
        whole = Report([report])
        for fmt in ("text", "json", "sarif", "github"):
            render(whole, fmt)
        render_plain(whole)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    internal = [d for d in report.diagnostics if d.kind.name == "internal-error" or "internal error" in d.message]
    assert not internal, internal[0].message


def test_seed_files_are_there():
    suffixes = {os.path.splitext(s)[1] for s in SEEDS}
    assert suffixes == {".py", ".json", ".ipynb"} and len(SEEDS) > 60


FAST = settings(max_examples=250, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
                database=None)
SLOW = settings(max_examples=3000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
                database=None)


@FAST
@given(seed=st.sampled_from(SEEDS), rng=st.randoms(use_true_random=False))
def test_mutants_never_crash(tmp_path_factory, seed, rng):
    check_mutant(str(tmp_path_factory.getbasetemp()), seed, rng)


@pytest.mark.slow
@SLOW
@given(seed=st.sampled_from(SEEDS), rng=st.randoms(use_true_random=False))
def test_many_mutants_never_crash(tmp_path_factory, seed, rng):
    check_mutant(str(tmp_path_factory.getbasetemp()), seed, rng)


@pytest.mark.slow
@SLOW
@given(seed=st.sampled_from([s for s in SEEDS if s.endswith(".py")]), rng=st.randoms(use_true_random=False))
def test_fixing_mutants_never_crashes(seed, rng):
    from shapedoctor.repair.command import fix_text

    text = mutate(TEXTS[seed], ".py", rng)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)
    try:
        outcome = fix_text(text, "mutant.py", unsafe=True)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    if outcome.changed and _compiles(text):
        compile(outcome.fixed, "mutant.py", "exec")  # a fix never leaves text that does not parse


def _compiles(text: str) -> bool:
    """ast.parse accepts some text compile() rejects (`*x` alone): such a mutant was broken before the fix."""
    try:
        compile(text, "mutant.py", "exec")
    except (SyntaxError, ValueError):
        return False
    return True
