"""Issue 11: never hang, never crash, never call unread input clean.

Every hostile input the probe found is a fixture here (tests/engine/fixtures/hostile/ or built in tmp_path).
The contract (DESIGN.md A): exit 0/1/2, one line for usage errors, never a traceback, never a hang.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from shapedoctor.check import check_file, check_one_file, check_source
from shapedoctor.cli import main

HERE = os.path.dirname(__file__)
HOSTILE = os.path.join(HERE, "fixtures", "hostile")
ROOT = os.path.dirname(os.path.dirname(HERE))
BROKEN = os.path.join(ROOT, "examples", "seed_1_broken_conv_after_dense.py")


@contextlib.contextmanager
def within(seconds: int):
    """Fail (instead of hanging the suite) when the block takes longer than ``seconds``."""
    def alarm(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def cli(*args, cwd=None, env=None, timeout=60):
    """The command line in a subprocess."""
    full_env = {**os.environ, "KERAS_BACKEND": "torch", **(env or {})}
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, cwd=cwd,
                          env=full_env, timeout=timeout, errors="backslashreplace")


def no_traceback(proc):
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    assert proc.returncode in (0, 1, 2), (proc.returncode, proc.stderr)


# ----------------------------------------------------------------------------- hangs
@pytest.mark.parametrize("name", sorted(n for n in os.listdir(HOSTILE) if n.startswith("fold_")))
def test_constant_folding_is_bounded(name):
    # a = a*a 24 times, t = t + t 40 times, t = t*63 four times, 10**63**63...: each was minutes and gigabytes.
    with within(10):
        report = check_file(os.path.join(HOSTILE, name))
    assert report.exit_code == 0


def test_folding_bounds_give_unknown_not_a_guess():
    from shapedoctor.frontends.folding import MAX_INT_BITS, MAX_ITEMS, binop, bounded
    from shapedoctor.graph import UNKNOWN
    import ast

    assert binop(ast.Mult(), 2 ** 100, 2 ** 100) is UNKNOWN
    assert binop(ast.Pow(), 10 ** 10, 63) is UNKNOWN
    assert binop(ast.Pow(), 2, 10) == 1024
    assert binop(ast.Add(), (1,) * MAX_ITEMS, (1,)) is UNKNOWN
    assert binop(ast.Mult(), (1, 2), 3) == (1, 2, 1, 2, 1, 2)
    assert bounded(2 ** (MAX_INT_BITS + 1)) is UNKNOWN and bounded(64) == 64


def test_fix_candidates_of_a_prime_width_are_instant():
    # Dense(1000000007) before Conv1D: one candidate per unit of the size took over 30 s.
    with within(10):
        report = check_file(os.path.join(HOSTILE, "fix_prime_width.py"))
    [diagnostic] = [d for d in report.diagnostics if d.kind.name == "rank"]
    assert [f.title for f in diagnostic.fixes][0] == "insert Reshape((1000000007, 1)) before Conv1D"


def test_divisors_by_trial_division_up_to_sqrt():
    from shapedoctor.repair.candidates import divisors

    assert divisors(12) == [1, 2, 3, 4, 6, 12]
    assert divisors(1000000007) == [1, 1000000007]
    assert divisors(49) == [1, 7, 49]
    with within(5):
        assert divisors(2 ** 100)[:3] == [1, 2, 4]  # bounded: 10**5 trial divisions at most


def test_huge_kernels_and_literals_are_instant():
    with within(10):
        report = check_file(os.path.join(HOSTILE, "fix_huge_pool.py"))
        assert {d.kind.name for d in report.diagnostics if d.severity == "error"} == {"negative-length"}
        pool = next(d for d in report.diagnostics if "MaxPooling1D" in d.message)
        assert "set pool_size=50 on MaxPooling1D" in [f.title for f in pool.fixes]
        check_file(os.path.join(HOSTILE, "huge_literal.py"))  # a 4,000-digit literal is no size: unknown


# ----------------------------------------------------------------------------- exit 3 cases
def _notebook(tmp_path, source) -> str:
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"cells": [{"cell_type": "code", "source": source, "metadata": {}, "outputs": []}],
                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return str(path)


@pytest.mark.parametrize("source", [[None], [["x"]], None, 3, {"a": 1}, ["a = 1\n", 7]])
def test_notebook_sources_that_are_not_text(tmp_path, source):
    report = check_file(_notebook(tmp_path, source))
    [diagnostic] = report.diagnostics
    assert diagnostic.kind.name == "parse-error" and "not text" in diagnostic.message


def test_deeply_nested_notebook(tmp_path):
    path = tmp_path / "deep.ipynb"
    path.write_text('{"cells": [' + "[" * 100000 + "]" * 100000 + "]}")
    [diagnostic] = check_file(str(path)).diagnostics
    assert diagnostic.kind.name == "parse-error"


@pytest.mark.parametrize("config", [
    {"class_name": ["Sequential"], "config": {"layers": []}},
    {"class_name": {"x": 1}, "config": {}},
    {"class_name": "Functional", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "name": "in", "config": {"name": "in", "batch_shape": [None, 4]},
         "inbound_nodes": []},
        {"class_name": "Dense", "name": "d", "config": {"name": "d", "units": 2}, "inbound_nodes": [
            {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["in", float("inf"), 0]}}],
             "kwargs": {}}]}],
        "input_layers": [["in", 0, 0]], "output_layers": [["d", 0, 0]]}},
    {"class_name": "Functional", "config": {"name": "m", "layers": [], "input_layers": [["in", float("inf"), 0]],
                                            "output_layers": []}},
])
def test_malformed_configs_are_findings(tmp_path, config):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(config))  # json.dumps writes Infinity, as Python's json reads it
    report = check_file(str(path))
    assert report.exit_code == 1
    assert {d.kind.name for d in report.diagnostics} <= {"parse-error", "input-error"}


def test_non_utf8_gitignore(tmp_path):
    (tmp_path / ".gitignore").write_bytes(b"caf\xe9/\n*.tmp.py\n\xff\xfe\n")
    (tmp_path / "a.tmp.py").write_text("x = (\n")
    (tmp_path / "m.py").write_text(open(BROKEN).read())
    proc = cli("check", str(tmp_path))
    no_traceback(proc)
    assert proc.returncode == 1 and "m.py" in proc.stdout and "a.tmp.py" not in proc.stdout


@pytest.mark.parametrize("shape", ["(None, ²)", "(None, " + "9" * 5000 + ")", "(None, ١)"])
def test_bad_target_shapes_are_usage_errors(shape):
    proc = cli("check", "--target-shape", shape, BROKEN)
    assert proc.returncode == 2 and proc.stderr.startswith("shapedoctor: error: --target-shape")
    assert len(proc.stderr) < 300 and "Traceback" not in proc.stderr


MARKUP = """from keras import Sequential
from keras.layers import Conv1D, Dense
m = Sequential([Dense(64, input_shape=(4,), name="[bold]x"), Conv1D(4, 3, name="[bold red]b")])
"""  # (no "[/]": Keras 3 refuses "/" in a name)


def test_rich_markup_in_layer_names_is_text(tmp_path):
    from io import StringIO

    from rich.console import Console

    from shapedoctor.report.trace import render_rich

    path = tmp_path / "m.py"
    path.write_text(MARKUP)
    out = StringIO()
    render_rich(check_file(str(path)), Console(file=out, force_terminal=True, width=200))
    assert "[bold]x" in out.getvalue() and "[bold red]b" in out.getvalue()


def test_trace_on_a_terminal_with_markup(tmp_path):
    # trace uses rich only on a terminal: run it under a pseudo-terminal.
    import pty

    path = tmp_path / "m.py"
    path.write_text(MARKUP)
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["KERAS_BACKEND"] = "torch"
        os.execv(sys.executable, [sys.executable, "-m", "shapedoctor", "trace", str(path)])
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert os.WEXITSTATUS(status) == 1, text
    assert "Traceback" not in text and "[bold]x" in text


def test_early_ctrl_c_exits_130_without_traceback(tmp_path):
    # SIGINT at many moments of a run, from interpreter start to the end: never a traceback, 130 or done.
    (tmp_path / "m.py").write_text(open(BROKEN).read())
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    import time

    for delay in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5):
        proc = subprocess.Popen([sys.executable, "-m", "shapedoctor", "check", "-j", "2", str(tmp_path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, (delay, err)
        assert proc.returncode in (1, 130, -signal.SIGINT), (delay, proc.returncode, err)
        if proc.returncode == 130:
            assert err.strip().endswith("shapedoctor: interrupted")


def test_python_api_never_raises(tmp_path, monkeypatch):
    from shapedoctor import check, infer

    monkeypatch.setattr(infer, "_STRICT", False)

    def boom(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(check, "analyse_graphs", boom)  # a failure past the front-end's own guard
    report = check_file(BROKEN)
    assert report.diagnostics and report.diagnostics[0].kind.name == "internal-error"
    assert check_source("import keras\nm = keras.Sequential()\n").diagnostics[0].kind.name == "internal-error"
    assert check_file(str(tmp_path / "missing.py")).diagnostics[0].kind.name == "input-error"


# ----------------------------------------------------------------------------- one bad file
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_bad_file_does_not_abort_the_scan(tmp_path, jobs):
    # A sitecustomize makes check_one_file's inner step fail for one file name only, in every process.
    scan = tmp_path / "scan"
    scan.mkdir()
    (scan / "a_good.py").write_text(open(BROKEN).read())
    (scan / "b_bad.py").write_text(open(BROKEN).read())
    (scan / "c_good.py").write_text(open(BROKEN).read())
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import shapedoctor.check as c\n"
        "_inner = c._check_one_file\n"
        "def _check_one_file(path, *a):\n"
        "    if path.endswith('b_bad.py'):\n"
        "        raise RuntimeError('boom')\n"
        "    return _inner(path, *a)\n"
        "c._check_one_file = _check_one_file\n")
    proc = cli("check", "-j", jobs, "--format", "json", str(scan), env={"PYTHONPATH": str(hook)})
    no_traceback(proc)
    data = json.loads(proc.stdout)
    by_name = {os.path.basename(f["path"]): f for f in data["files"]}
    assert set(by_name) == {"a_good.py", "b_bad.py", "c_good.py"}
    assert [d["kind"] for d in by_name["b_bad.py"]["diagnostics"]] == ["internal-error"]
    assert by_name["a_good.py"]["diagnostics"][0]["kind"] == "rank"
    assert proc.returncode == 1


# ----------------------------------------------------------------------------- unreadable input
NOBODY = 65534
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a subprocess as an unprivileged user "
                                                        "(as that user already, chmod 000 is tested the same way)")


def _unreadable_tree(tmp_path):
    top = tmp_path / "tree"
    (top / "locked").mkdir(parents=True)
    (top / "locked" / "m.py").write_text(open(BROKEN).read())
    (top / "secret.py").write_text(open(BROKEN).read())
    os.chmod(top, 0o755)
    os.chmod(top / "locked", 0o000)
    os.chmod(top / "secret.py", 0o000)
    _reachable(tmp_path)
    return top


def _reachable(path):
    while str(path) != "/":  # pytest's tmp directories are 700: let the unprivileged user reach the tree
        os.chmod(path, os.stat(path).st_mode | 0o005)
        path = path.parent


def _as_nobody(tmp_path):
    """A command runner as the unprivileged user: our interpreter may sit under /root (mode 700), so the package
    is copied where that user can read it and the first interpreter it can run is used."""
    import shutil

    package = tmp_path / "pkg"
    shutil.copytree(os.path.join(ROOT, "src", "shapedoctor"), package / "shapedoctor",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for root, dirs, files in os.walk(tmp_path):
        os.chmod(root, 0o755)
    _reachable(tmp_path)
    env = {"PYTHONPATH": str(package), "PYTHONDONTWRITEBYTECODE": "1", "HOME": str(tmp_path)}

    def demote():
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)

    for python in (sys.executable, "/usr/bin/python3", "/usr/local/bin/python3"):
        try:
            probe = subprocess.run([python, "-c", "import shapedoctor.cli"], env={**os.environ, **env},
                                   preexec_fn=demote, capture_output=True, timeout=60)
        except OSError:
            continue
        if probe.returncode == 0:
            def run(*args):
                return subprocess.run([python, "-m", "shapedoctor", *args], env={**os.environ, **env},
                                      preexec_fn=demote, capture_output=True, text=True, timeout=60)
            return run
    pytest.skip("no Python interpreter the unprivileged user may run")


@as_root
def test_unreadable_directory_and_file_are_findings(tmp_path):
    run = _as_nobody(tmp_path)
    top = _unreadable_tree(tmp_path)
    try:
        proc = run("check", str(top))
        no_traceback(proc)
        assert proc.returncode == 1 and "All checks passed" not in proc.stdout
        assert "locked:1:1: SD902 [input-error] cannot read the directory: Permission denied" in proc.stdout
        assert "secret.py:1:1: SD902 [input-error] cannot read: Permission denied" in proc.stdout
        named = run("check", str(top / "locked"))
        assert named.returncode == 1 and "cannot read the directory" in named.stdout
        fix = run("fix", "--unsafe-fixes", str(top))
        no_traceback(fix)
        assert fix.returncode == 1 and "cannot read the directory" in fix.stdout
    finally:
        os.chmod(top / "locked", 0o755)


def test_fifo_and_dangling_link_named_explicitly(tmp_path):
    os.mkfifo(tmp_path / "pipe.py")
    os.symlink(tmp_path / "nowhere.py", tmp_path / "dangling.py")
    proc = cli("check", str(tmp_path / "pipe.py"), str(tmp_path / "dangling.py"), timeout=30)
    no_traceback(proc)
    assert proc.returncode == 1
    assert "pipe.py:1:1: SD902 [input-error] a named pipe (FIFO), not a regular file; not read" in proc.stdout
    assert "dangling.py:1:1: SD902 [input-error] broken symbolic link" in proc.stdout
    assert cli("check", str(tmp_path / "absent.py")).returncode == 2


# ----------------------------------------------------------------------------- terminal injection
INJECTION = """from keras import Sequential
from keras.layers import Conv1D, Dense
m = Sequential([Dense(64, input_shape=(4,), name="x\\nfake.py:1:1: SD101 [rank] \\x1b[2J\\r\\x9b"),
                Conv1D(4, 3, name="c\\x1b]0;title\\x07")])
"""


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_control_characters_are_escaped(tmp_path, fmt):
    name = "evil\x1b[31m\rname.py"
    (tmp_path / name).write_text(INJECTION)
    proc = cli("check", "--format", fmt, str(tmp_path))
    no_traceback(proc)
    for bad in ("\x1b", "\r", "\x9b", "\x07"):
        assert bad not in proc.stdout
    assert "fake.py:1:1" not in [line[:10] for line in proc.stdout.splitlines()]
    assert "evil\\x1b[31m\\rname.py" in proc.stdout
    trace = cli("trace", str(tmp_path / name))
    assert "\x1b" not in trace.stdout and "\r" not in trace.stdout
    assert not any(line.startswith("fake.py") for line in trace.stdout.splitlines())


def test_printable():
    from shapedoctor.report import printable

    assert printable("a\nb\r\x1b[1m\x9b\u202e\x00é") == "a\\nb\\r\\x1b[1m\\x9b\\u202e\\x00é"
    assert printable("\udcff") == "\\xff"


# ----------------------------------------------------------------------------- smaller
def test_latin1_coding_cookie_is_honoured(tmp_path):
    text = "# -*- coding: latin-1 -*-\n# café\n" + open(BROKEN).read().split("\n", 1)[1]
    path = tmp_path / "latin.py"
    path.write_bytes(text.encode("latin-1"))
    report = check_file(str(path))
    assert [d.kind.name for d in report.diagnostics] == ["rank"]
    proc = cli("fix", "--unsafe-fixes", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    fixed = path.read_bytes()
    assert b"caf\xe9" in fixed and b"Reshape((64, 1))" in fixed
    bad = tmp_path / "bad.py"
    bad.write_bytes(b"x = '\xe9'\n")
    assert "not UTF-8" in check_file(str(bad)).diagnostics[0].message


def test_cr_only_line_ends_are_fixed_and_kept(tmp_path):
    path = tmp_path / "cr.py"
    path.write_bytes(open(BROKEN, "rb").read().replace(b"\n", b"\r"))
    proc = cli("fix", "--unsafe-fixes", str(path))
    assert proc.returncode == 0, proc.stdout
    data = path.read_bytes()
    assert b"\n" not in data and b"Reshape((64, 1))," in data
    assert check_file(str(path)).exit_code == 0
    mixed = tmp_path / "mixed.py"
    mixed.write_bytes(open(BROKEN, "rb").read().replace(b"\n", b"\r", 3))
    before = mixed.read_bytes()
    proc = cli("fix", "--unsafe-fixes", str(mixed))
    assert proc.returncode == 1 and "mixes CR-only line ends" in proc.stdout and mixed.read_bytes() == before


def test_verify_keras_warns_that_it_executes(tmp_path):
    path = tmp_path / "ok.py"
    path.write_text("x = 1\n")
    proc = cli("fix", "--verify-keras", "--diff", str(path))
    assert "warning: --verify-keras EXECUTES" in proc.stderr.splitlines()[0]


def test_undecodable_file_name_and_ascii_terminal(tmp_path):
    name = os.fsdecode(b"bad\xff.py")
    (tmp_path / name).write_text(open(BROKEN).read())
    for fmt in ("text", "github", "json", "sarif"):
        proc = cli("check", "--no-fixes", "--format", fmt, str(tmp_path), env={"PYTHONIOENCODING": "ascii"})
        no_traceback(proc)
        assert proc.returncode == 1 and "bad" in proc.stdout
    assert "bad\\xff.py:10:5: SD101" in cli("check", str(tmp_path)).stdout


def test_explicit_none_sizes_are_invalid_arguments():
    # Found by benchmarks/fuzz_campaign.py: the rules crashed (strict mode) on pool_size=None / dilation_rate=None.
    report = check_file(os.path.join(HOSTILE, "rule_size_none.py"))
    assert [(d.kind.name, d.message.split(":")[0]) for d in report.diagnostics if d.severity == "error"] == [
        ("invalid-argument", "MaxPooling1D(pool_size=None)"), ("invalid-argument", "Conv1D(dilation_rate=None)")]


def test_a_worker_that_dies_is_a_finding_not_a_crash(tmp_path):
    # -j 2 and a file that kills its worker process (as the OOM killer would): the scan still reports.
    scan = tmp_path / "scan"
    scan.mkdir()
    for name in ("a.py", "b_dies.py", "c.py"):
        (scan / name).write_text(open(BROKEN).read())
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os\n"
        "import shapedoctor.check as c\n"
        "_inner = c._check_one_file\n"
        "def _check_one_file(path, *a):\n"
        "    if path.endswith('b_dies.py'):\n"
        "        os._exit(9)\n"
        "    return _inner(path, *a)\n"
        "c._check_one_file = _check_one_file\n")
    proc = cli("check", "-j", "2", "--no-fixes", str(scan), env={"PYTHONPATH": str(hook)})
    no_traceback(proc)
    assert proc.returncode == 1
    assert "b_dies.py:1:1: SD902 [input-error] not checked: a worker process died" in proc.stdout


def test_frames_of_unknown_count_running_out_are_explained_not_a_crash():
    """A TimeDistributed convolution on frames whose count is None and whose rows ran out (found by
    test_fuzz_mutants): the channels-first explanation compares the first axis with the last, which is unknown
    here -- the error is reported, with no such explanation, not an internal error."""
    import shapedoctor

    report = shapedoctor.check_source(
        "import keras\nfrom keras import layers\n"
        "model = keras.Sequential([keras.Input((None, 0, 2)), layers.TimeDistributed(layers.Conv1D(4, 5))])\n",
        "m.py")
    assert [(d.kind.name, d.severity) for d in report.diagnostics if d.severity == "error"] == \
        [("negative-length", "error")]


def test_a_sweep_that_spends_the_walk_budget_says_so():
    """A hyperparameter sweep (a model built for each of thousands of settings, as time-series benchmark scripts
    do) is walked until the file's statement budget is spent: the models built before are checked, and the one
    the budget stops says that, not that it is nested too deeply."""
    source = textwrap.dedent("""
        import keras
        from keras import layers

        def block(x, filters):
            x = layers.Conv1D(filters, 3, padding="same")(x)
            return layers.BatchNormalization()(x)

        def build(length, filters, depth):
            inputs = keras.Input(shape=(length, 1))
            x = inputs
            for _ in range(depth):
                x = block(x, filters)
            x = layers.GlobalAveragePooling1D()(x)
            return keras.Model(inputs, layers.Dense(2)(x))

        for length in range(16, 1000):
            for filters in (8, 16, 32, 64):
                for depth in range(1, 7):
                    model = build(length, filters, depth)
        """)
    report = check_source(source, "sweep.py")
    reasons = [gap.reason for model in report.models for gap in model.inference.gaps]
    assert report.models and not [d for d in report.diagnostics if d.severity in ("error", "warning")]
    assert reasons and all("budget of 50,000 statements" in reason for reason in reasons)
    assert sum(model.inference.complete for model in report.models) >= 1
