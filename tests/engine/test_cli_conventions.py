"""ruff's command-line conventions (issue 13): paths relative to the working directory, stdin, unused
suppressions, code frames and colour, --watch, trace without a model, fix positions in the file on disk, and
the column convention of each output format."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
BROKEN_EXAMPLE = EXAMPLES / "seed_1_broken_conv_after_dense.py"
CLEAN_EXAMPLE = EXAMPLES / "seed_3_purely_convolutional.py"
HEAD = "import keras\nfrom keras import layers\n"
BROKEN = "keras.Sequential([keras.Input((64,)), layers.Dense(16), layers.Conv1D(8, 3)])"
CLEAN = "keras.Sequential([keras.Input((64, 1)), layers.Conv1D(8, 3)])"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def env(**extra) -> dict:
    out = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for name in ("NO_COLOR", "FORCE_COLOR"):
        out.pop(name, None)
    out.update(extra)
    return out


def run(*args, cwd, stdin=None, **extra_env):
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, cwd=cwd,
                          env=env(**extra_env), timeout=300, input=stdin)


# ----------------------------------------------------------------------------- paths
def test_paths_under_the_working_directory_are_printed_relative(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(HEAD + f"model = {BROKEN}\n")
    absolute = run("check", "-q", str(tmp_path / "pkg" / "m.py"), cwd=tmp_path)
    assert absolute.stdout.startswith("pkg/m.py:3:65: SD101")
    dotted = run("check", "-q", "./pkg/../pkg/m.py", cwd=tmp_path)
    assert dotted.stdout.startswith("pkg/m.py:3:65: SD101")
    walked = run("check", "--format", "json", ".", cwd=tmp_path)
    assert [f["path"] for f in json.loads(walked.stdout)["files"]] == ["pkg/m.py"]
    outside = run("check", "-q", str(tmp_path / "pkg" / "m.py"), cwd=tmp_path / "pkg" / "..")
    assert outside.stdout.startswith("pkg/m.py")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run("check", "-q", str(tmp_path / "pkg" / "m.py"), cwd=elsewhere)  # not under the cwd: as given
    assert proc.stdout.startswith(f"{tmp_path / 'pkg' / 'm.py'}:3:65: SD101")


# ----------------------------------------------------------------------------- stdin
def test_check_reads_stdin(tmp_path):
    source = HEAD + f"model = {BROKEN}\n"
    proc = run("check", "-", "-q", cwd=tmp_path, stdin=source)
    assert proc.returncode == 1 and proc.stdout == ("-:3:65: SD101 [rank] Conv1D needs input (batch, steps, "
                                                     "channels) but gets (None, 16)\n")
    named = run("check", "-", "--stdin-filename", "models/net.py", "-q", cwd=tmp_path, stdin=source)
    assert named.stdout.startswith("models/net.py:3:65: SD101")
    implied = run("check", "--stdin-filename", "net.py", "--format", "json", cwd=tmp_path, stdin=source)
    assert json.loads(implied.stdout)["files"][0]["path"] == "net.py"
    clean = run("check", "-", cwd=tmp_path, stdin=HEAD + f"model = {CLEAN}\n")
    assert clean.returncode == 0 and "All checks passed: 1 file" in clean.stdout
    bad = run("check", "-", "other.py", cwd=tmp_path, stdin="")
    assert bad.returncode == 2 and "stdin" in bad.stderr


def test_fix_stdin_writes_the_fixed_source_to_stdout(tmp_path):
    source = HEAD + f"model = {BROKEN}\n"
    proc = run("fix", "--unsafe-fixes", "-", cwd=tmp_path, stdin=source)
    assert proc.returncode == 0
    assert "layers.Reshape((16, 1))" in proc.stdout and proc.stdout.startswith(HEAD)
    assert "-:3:65: SD101 [rank] fixed: insert Reshape((16, 1)) before Conv1D" in proc.stderr
    assert "Fixed 1 finding; 0 remaining." in proc.stderr
    diff = run("fix", "--unsafe-fixes", "-", "--diff", "--stdin-filename", "net.py", cwd=tmp_path, stdin=source)
    assert diff.returncode == 1 and diff.stdout.startswith("--- a/net.py\n+++ b/net.py\n")
    untouched = run("fix", "-", cwd=tmp_path, stdin=HEAD + f"model = {CLEAN}\n")
    assert untouched.returncode == 0 and untouched.stdout == HEAD + f"model = {CLEAN}\n"


# ----------------------------------------------------------------------------- unused suppressions
UNUSED = HEAD + f"""\
s = "# noqa: SD101"
model = {BROKEN}  # noqa: SD101, SD105
ok = {CLEAN}  # noqa: SD101
ok2 = {CLEAN}  # shapedoctor: ignore[rank, bogus]
x = 1  # shapedoctor: ignore
y = 2  # noqa
z = 3  # noqa: E501, F401
used = {BROKEN}  # shapedoctor: ignore[SD1]
"""


def test_report_unused_noqa(tmp_path):
    (tmp_path / "m.py").write_text(UNUSED)
    assert run("check", "-q", "m.py", cwd=tmp_path).stdout == ""  # off by default
    proc = run("check", "-q", "--report-unused-noqa", "m.py", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "m.py:4:88: SD301 [unused-noqa] Unused `noqa` directive (unused: `SD105`)",
        "m.py:5:69: SD301 [unused-noqa] Unused `noqa` directive (unused: `SD101`)",
        "m.py:6:70: SD301 [unused-noqa] Unused `shapedoctor: ignore` directive (unused: `rank`, `bogus`)",
        "m.py:7:8: SD301 [unused-noqa] Unused `shapedoctor: ignore` directive",
    ]  # never: the one in a string, a bare `# noqa`, other linters' codes, a comment that did silence
    assert run("check", "-q", "--report-unused-noqa", "--ignore", "SD301", "m.py", cwd=tmp_path).returncode == 0
    data = json.loads(run("check", "--format", "json", "--report-unused-noqa", "m.py", cwd=tmp_path).stdout)
    first = data["files"][0]["diagnostics"][0]
    assert (first["code"], first["kind"], first["severity"], first["line"], first["col"]) == \
        ("SD301", "unused-noqa", "warning", 4, 87)
    statistics = run("check", "--report-unused-noqa", "--statistics", "m.py", cwd=tmp_path).stdout
    assert "    4  SD301  unused-noqa" in statistics


def test_unused_noqa_is_listed_and_explained():
    listed = run("explain", "--list", cwd=ROOT).stdout
    assert "SD301  unused-noqa" in listed
    assert "## Why is this bad?" in run("explain", "unused-noqa", cwd=ROOT).stdout


# ----------------------------------------------------------------------------- code frames and colour
def frame_source(tmp_path) -> Path:
    path = tmp_path / "m.py"
    path.write_text(HEAD + f"é = 'ü'; model = {BROKEN}\n")
    return path


def test_show_source_draws_the_span_under_the_line(tmp_path):
    frame_source(tmp_path)
    proc = run("check", "--show-source", "-q", "m.py", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    source = f"é = 'ü'; model = {BROKEN}"
    assert lines[0].startswith("m.py:3:74: SD101")  # a column in characters (the byte offset is 77)
    assert lines[1:4] == ["    |", f"  3 | {source}", "    | " + " " * 73 + "^" + "~" * 18]
    assert source[73:92] == "layers.Conv1D(8, 3)"
    assert "\x1b" not in proc.stdout
    piped = run("check", "-q", "m.py", cwd=tmp_path)  # not a terminal: no frame by default
    assert len(piped.stdout.splitlines()) == 1
    off = run("check", "-q", "--show-source", "--no-show-source", "m.py", cwd=tmp_path)
    assert off.returncode == 2 and "not allowed with argument" in off.stderr
    configured = tmp_path / "shapedoctor.toml"
    configured.write_text("show-source = true\n")
    assert len(run("check", "-q", "m.py", cwd=tmp_path).stdout.splitlines()) == 4
    assert len(run("check", "-q", "--no-show-source", "m.py", cwd=tmp_path).stdout.splitlines()) == 1


def run_on_a_terminal(args, cwd, **extra_env) -> str:
    """Run with stdout on a pseudo-terminal; what it printed."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "shapedoctor", *args], stdout=follower, stderr=subprocess.PIPE,
                            cwd=cwd, env=env(TERM="xterm", **extra_env))
    os.close(follower)
    chunks = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the other side closed
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_on_a_terminal_frames_and_colour_by_default_and_no_color_wins(tmp_path):
    frame_source(tmp_path)
    shown = run_on_a_terminal(["check", "m.py"], tmp_path)
    assert "\x1b[" in shown
    plain = ANSI.sub("", shown)
    assert "  3 | é = 'ü'; model = " in plain and "^~~~" in plain
    no_color = run_on_a_terminal(["check", "m.py"], tmp_path, NO_COLOR="1")
    assert "\x1b" not in no_color and "^~~~" in no_color
    assert "\x1b" not in run_on_a_terminal(["check", "m.py"], tmp_path, NO_COLOR="1", FORCE_COLOR="1")
    assert "\x1b[" in run_on_a_terminal(["check", "m.py"], tmp_path, NO_COLOR="")  # empty: not set
    quiet = run_on_a_terminal(["check", "-q", "m.py"], tmp_path)
    assert "^~~~" not in quiet  # -q: the finding lines only


def test_force_color_without_a_terminal_but_never_in_other_formats_or_files(tmp_path):
    frame_source(tmp_path)
    forced = run("check", "-q", "m.py", cwd=tmp_path, FORCE_COLOR="1")
    assert forced.stdout.startswith("\x1b[1mm.py\x1b[0m:3:74: \x1b[1;31mSD101\x1b[0m [rank]")
    for fmt in ("json", "sarif", "github"):
        assert "\x1b" not in run("check", "--format", fmt, "m.py", cwd=tmp_path, FORCE_COLOR="1").stdout
    run("check", "--show-source", "--output-file", "out.txt", "m.py", cwd=tmp_path, FORCE_COLOR="1")
    written = (tmp_path / "out.txt").read_text()
    assert "\x1b" not in written and "^~~~" in written


# ----------------------------------------------------------------------------- columns, per format
def test_column_conventions(tmp_path):
    frame_source(tmp_path)  # the finding starts after two 2-byte characters: character 73, byte 75 (0-based)
    text = run("check", "-q", "m.py", cwd=tmp_path).stdout
    assert text.startswith("m.py:3:74:")  # text: 1-based characters, as ruff
    finding = json.loads(run("check", "--format", "json", "m.py", cwd=tmp_path).stdout)["files"][0]["diagnostics"][0]
    assert (finding["line"], finding["col"]) == (3, 75)  # json: 0-based UTF-8 bytes, as Python's ast (contract)
    region = json.loads(run("check", "--format", "sarif", "m.py", cwd=tmp_path).stdout)[
        "runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 74)  # sarif: 1-based UTF-16 code units
    github = run("check", "--format", "github", "m.py", cwd=tmp_path).stdout
    assert ",line=3," in github


# ----------------------------------------------------------------------------- trace and fix positions
def test_trace_without_a_model_says_so(tmp_path):
    (tmp_path / "plain.py").write_text("import os\nprint(os.getcwd())\n")
    proc = run("trace", "plain.py", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "plain.py: no Keras model found\n"
    (tmp_path / "skipped.py").write_text(HEAD + "model = keras.Model(get_inputs(), get_outputs())\n")
    proc = run("trace", "skipped.py", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("skipped.py: no model could be traced: line 3: ")


def two_models(tmp_path) -> Path:
    """Two broken models: fixing the first inserts a line above the second."""
    text = BROKEN_EXAMPLE.read_text()
    second = re.sub(r"^(from|import) .*$", "", text, flags=re.M).replace("model =", "model2 =").replace(
        "model.", "model2.")
    path = tmp_path / "two.py"
    path.write_text(text + second)
    return path


def conv_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if "Conv1D(32" in line]


def test_fix_summary_positions_are_in_the_file_on_disk(tmp_path):
    path = two_models(tmp_path)
    original = path.read_text()
    assert conv_lines(original) == [10, 25]
    diff = run("fix", "--unsafe-fixes", "--diff", "two.py", cwd=tmp_path)  # nothing written: positions in the file as it is
    assert [line.split(": SD101")[0] for line in diff.stderr.splitlines()[:2]] == ["two.py:10:5", "two.py:25:5"]
    fixed = run("fix", "--unsafe-fixes", "two.py", cwd=tmp_path)  # written: positions in the fixed file
    lines = conv_lines(path.read_text())
    assert lines == [11, 27]
    assert [line.split(": SD101")[0] for line in fixed.stdout.splitlines()[:2]] == ["two.py:11:5", "two.py:27:5"]


def test_fix_remaining_findings_are_positioned_in_the_file_on_disk(tmp_path):
    path = two_models(tmp_path)
    text = path.read_text() + "\nthird = Sequential([Dense(4, input_shape=(8,)), Conv1D(2, 3)])  # no fix picked\n"
    path.write_text(text)
    last = len(text.splitlines())
    diff = run("fix", "--diff", "--pick", "99", "two.py", cwd=tmp_path)  # no 99th fix: every finding remains
    assert [line.split(": SD101")[0] for line in diff.stderr.splitlines() if "not fixed" in line] == \
        ["two.py:10:5", "two.py:25:5", f"two.py:{last}:49"]


# ----------------------------------------------------------------------------- watch
def test_watch_rechecks_on_change_and_ctrl_c_exits_130(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(CLEAN_EXAMPLE.read_text())
    proc = subprocess.Popen([sys.executable, "-m", "shapedoctor", "check", "--watch", "."], cwd=tmp_path,
                            env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    import queue
    import threading

    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    try:
        def read_until(fragment: str, timeout: float = 60) -> str:
            seen = ""
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    line = lines.get(timeout=0.5)
                except queue.Empty:
                    continue
                seen += line
                if fragment in line:
                    return seen
            raise AssertionError(f"no {fragment!r} within {timeout} s; got {seen!r}")

        assert "All checks passed: 1 file" in read_until("All checks passed")
        time.sleep(0.3)
        path.write_text(BROKEN_EXAMPLE.read_text())
        second = read_until("Found 1 error")
        assert "m.py:10:5: SD101 [rank]" in second
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
        assert "Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_watch_cannot_read_stdin(tmp_path):
    proc = run("check", "--watch", "-", cwd=tmp_path, stdin="")
    assert proc.returncode == 2 and "--watch" in proc.stderr


@pytest.mark.parametrize("args", [["check", "--help"], ["fix", "--help"]])
def test_new_options_are_documented_in_help(args):
    out = run(*args, cwd=ROOT).stdout
    for option in ("--config", "--isolated", "--stdin-filename"):
        assert option in out
    if args[0] == "check":
        for option in ("--report-unused-noqa", "--show-source", "--no-show-source", "--watch", "--extend-select",
                       "--force-exclude", "--extend-exclude"):
            assert option in out


def test_watch_rechecks_only_when_the_snapshot_changes(tmp_path, monkeypatch):
    """The loop without sleeping: each wake-up (a notification, or a poll) compares the files' snapshot, and only
    a real change (here: the file rewritten, then a configuration file created) checks again."""
    from types import SimpleNamespace

    from shapedoctor import cli

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "m.py"
    path.write_text(HEAD)
    checks = []

    def wakeups():
        yield None  # nothing changed: no check
        path.write_text(HEAD + "\n# edited\n")
        yield None
        yield None
        (tmp_path / "shapedoctor.toml").write_text("select = ['SD1']\n")
        yield None

    args = SimpleNamespace(config=None, isolated=False, force_exclude=None)
    assert cli._watch(lambda: checks.append(1), ["m.py"], args, wakeups()) == 0
    assert len(checks) == 3  # the first check, then one per change


def test_watch_wakes_up_by_polling_without_watchfiles(monkeypatch):
    from shapedoctor import cli

    monkeypatch.setitem(sys.modules, "watchfiles", None)  # `import watchfiles` raises ImportError
    monkeypatch.setattr(cli, "WATCH_INTERVAL", 0.01)
    wakeups = cli._wakeups([str(ROOT)])
    start = time.monotonic()
    assert next(wakeups) is None and next(wakeups) is None
    assert time.monotonic() - start < 5


def test_watch_wakes_up_on_notifications_with_watchfiles(tmp_path):
    pytest.importorskip("watchfiles")
    import threading

    from shapedoctor import cli

    (tmp_path / "pkg").mkdir()
    named = tmp_path / "pkg" / "m.py"
    config = tmp_path / "shapedoctor.toml"
    config.write_text("")
    # a named file: its directory (editors save by renaming); a configuration file above: itself
    assert cli._watch_roots([str(named)], {str(config): (0, 0), str(named): (0, 0)}) == [str(named.parent),
                                                                                          str(config)]
    wakeups = cli._wakeups([str(named.parent)])
    timer = threading.Timer(0.3, lambda: named.write_text(HEAD))
    timer.start()
    try:
        start = time.monotonic()
        changes = next(wakeups)  # the file system's notification, long before the 5 s timeout
        assert changes and any(path.endswith("m.py") for _, path in changes)
        assert time.monotonic() - start < cli.WATCH_TIMEOUT
    finally:
        timer.cancel()
        wakeups.close()


def test_fix_prints_character_columns_on_non_ascii_lines(tmp_path):
    source = HEAD + "é = 1; model = keras.Sequential([keras.Input((64,)), layers.Dense(16), layers.Conv1D(8, 3)])\n"
    (tmp_path / "cols.py").write_text(source, encoding="utf-8")
    check = run("check", "--no-show-source", "cols.py", cwd=tmp_path)
    fix = run("fix", "--diff", "cols.py", cwd=tmp_path)
    position = re.search(r"cols\.py:(\d+:\d+): SD101", check.stdout).group(1)
    assert f"cols.py:{position}: SD101 [rank] not fixed" in fix.stderr


def test_fix_stdin_echoes_an_excluded_stdin_filename_unchanged(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.shapedoctor]\nexclude = ["legacy"]\n', encoding="utf-8")
    source = HEAD + f"model = {BROKEN}\n"
    proc = run("fix", "--unsafe-fixes", "--force-exclude", "-", "--stdin-filename", "legacy/net.py", cwd=tmp_path,
               stdin=source)
    assert proc.returncode == 0 and proc.stdout == source
    fixed = run("fix", "--unsafe-fixes", "-", "--stdin-filename", "legacy/net.py", cwd=tmp_path, stdin=source)
    assert "Reshape" in fixed.stdout
