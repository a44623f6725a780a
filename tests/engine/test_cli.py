"""The command-line contract of DESIGN.md: exit codes, formats, one-line errors, never a traceback."""

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
EXAMPLES = os.path.join(ROOT, "examples")
BROKEN = os.path.join(EXAMPLES, "seed_1_broken_conv_after_dense.py")
CLEAN = os.path.join(EXAMPLES, "seed_3_purely_convolutional.py")


def run(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"))
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def test_clean_file_exits_0():
    proc = run("check", CLEAN)
    assert proc.returncode == 0 and "All checks passed" in proc.stdout


def test_broken_file_exits_1_with_ruff_style_line():
    proc = run("check", BROKEN, cwd=ROOT)  # a path under the working directory is printed relative to it
    assert proc.returncode == 1
    first = proc.stdout.splitlines()[0]
    assert first == ("examples/seed_1_broken_conv_after_dense.py:10:5: SD101 [rank] Conv1D needs input "
                     "(batch, steps, channels) but gets (None, 64)")


def test_missing_path_is_a_usage_error():
    proc = run("check", "/no/such/path.py")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "shapedoctor: error: path does not exist: /no/such/path.py"


def test_bad_flag_is_a_usage_error_in_one_line():
    proc = run("check", "--format", "xml", CLEAN)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_unparsable_file_is_a_finding(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("model = Sequential([\n")
    proc = run("check", "--format", "json", str(bad))
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    (d,) = data["files"][0]["diagnostics"]
    assert d["kind"] == "parse-error" and d["severity"] == "error"


def test_non_utf8_file_is_an_input_error(tmp_path):
    bad = tmp_path / "latin.py"
    bad.write_bytes(b"x = '\xff\xfe'\n")
    proc = run("check", str(bad))
    assert proc.returncode == 1 and "SD902 [input-error]" in proc.stdout


def test_json_contract():
    proc = run("check", "--format", "json", BROKEN)
    data = json.loads(proc.stdout)
    assert data["version"] == 1 and data["tool"]["name"] == "shapedoctor"
    assert data["summary"] == {"files": 1, "models": 1, "errors": 1, "warnings": 0, "fully_checked": 0,
                               "partly_checked": 1, "skipped_models": 0, "internal_errors": 0}
    (file,) = data["files"]
    assert file["skipped_models"] == []
    (model,) = file["models"]
    assert model["kind"] == "sequential"
    # checking stops at the error, as in Keras: the model is not complete, and the gap says why
    assert model["complete"] is False
    assert [(g["line"], g["col"]) for g in model["gaps"]] == [(10, 4)]
    dense = [layer for layer in model["layers"] if layer["type"] == "Dense"][0]
    assert dense["input_shapes"] == [[None, 50]] and dense["output_shape"] == [None, 64]
    (d,) = file["diagnostics"]
    assert (d["code"], d["kind"], d["line"], d["col"], d["layer"]) == ("SD101", "rank", 10, 4, "Conv1D")
    assert d["fixes"][0]["verified"] is True and d["fixes"][0]["rank"] == 1


def test_select_and_ignore():
    assert run("check", "--ignore", "rank", BROKEN).returncode == 0
    assert run("check", "--select", "SD102", BROKEN).returncode == 0
    assert run("check", "--select", "rank", BROKEN).returncode == 1
    proc = run("check", "--select", "nonsense", BROKEN)
    assert proc.returncode == 2 and "unknown finding kind" in proc.stderr


def test_github_format():
    proc = run("check", "--format", "github", BROKEN, cwd=ROOT)
    assert proc.stdout.startswith("::error file=examples/seed_1_broken_conv_after_dense.py,line=10,endLine=10,col=5,")


def test_sarif_format_shape():
    data = json.loads(run("check", "--format", "sarif", BROKEN).stdout)
    assert data["version"] == "2.1.0"
    (result,) = data["runs"][0]["results"]
    assert result["ruleId"] == "SD101" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 10


def test_directory_recursion_honours_gitignore(tmp_path):
    (tmp_path / "ignored").mkdir()
    (tmp_path / "ignored" / "broken.py").write_text(open(BROKEN).read())
    (tmp_path / ".gitignore").write_text("ignored/\n")
    (tmp_path / "ok.py").write_text(open(CLEAN).read())
    proc = run("check", str(tmp_path))
    assert proc.returncode == 0 and "1 file" in proc.stdout


def test_parallel_jobs_give_the_same_result():
    one = json.loads(run("check", "--format", "json", EXAMPLES).stdout)
    two = json.loads(run("check", "--format", "json", "-j", "2", EXAMPLES).stdout)
    assert one == two and one["summary"]["errors"] == 3


def test_trace_shows_broken_model_up_to_the_failing_layer():
    proc = run("trace", BROKEN)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert any("dense (Dense)" in line and "(None, 50)" in line and "(None, 64)" in line and "3,264" in line
               for line in lines)
    assert any("conv1d (Conv1D)" in line and "<-- error" in line for line in lines)
    assert not any("flatten" in line for line in lines)  # after the error: not reached


def test_trace_unknown_model_name():
    proc = run("trace", BROKEN, "--model", "nope")
    assert proc.returncode == 2 and "no model named 'nope'" in proc.stderr


@pytest.mark.parametrize("kind", ["rank", "SD105", "output-target-mismatch"])
def test_explain(kind):
    proc = run("explain", kind)
    assert proc.returncode == 0 and "## Why is this bad?" in proc.stdout


def test_explain_unknown():
    assert run("explain", "nope").returncode == 2


def test_check_path_does_not_import_heavy_modules():
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"))
    code = ("import sys; from shapedoctor.cli import main; main(['check', %r]); "
            "print(sorted(m for m in ('numpy', 'keras', 'torch', 'libcst', 'rich') if m in sys.modules))" % BROKEN)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_docs_kinds_md_is_generated_from_the_registry():
    with open(os.path.join(ROOT, "docs", "kinds.md")) as handle:
        assert handle.read() == run("explain", "--markdown").stdout, "regenerate: shapedoctor explain --markdown"


def test_compare_without_training_extras_is_one_line():
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"))
    code = ("import sys; sys.modules['numpy'] = None; from shapedoctor.cli import main; "
            "sys.exit(main(['compare', '--dataset', 'GunPoint']))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("shapedoctor: error: compare needs the training extras (numpy is not "
                                   "installed): pip install 'shapedoctor[train]'")


def test_trace_in_rich_on_a_terminal():
    from rich.console import Console

    import shapedoctor
    from shapedoctor.report.trace import render_rich

    console = Console(record=True, width=140, force_terminal=True)
    render_rich(shapedoctor.check_file(BROKEN), console)
    text = console.export_text()
    assert "dense (Dense)" in text and "(None, 64)" in text and "<-- error" in text
    assert "flatten" not in text  # after the error: not reached
    assert "error: line 10: Conv1D needs input" in text


def test_directory_scan_skips_fifos_and_broken_links(tmp_path):
    os.mkfifo(tmp_path / "pipe.py")
    os.symlink(tmp_path / "missing.py", tmp_path / "dangling.py")
    (tmp_path / "ok.py").write_text(open(CLEAN).read())
    proc = run("check", str(tmp_path))
    assert proc.returncode == 0 and "1 file" in proc.stdout


def test_check_leaves_by_fast_exit_with_everything_written(tmp_path):
    """`check` run as the program skips the interpreter's teardown (cli.FAST_EXIT_COMMANDS): its output, to a
    pipe or to --output-file, is still complete, and the exit code is kept."""
    out = tmp_path / "report.json"
    piped = run("check", "--no-cache", "--format", "json", EXAMPLES)
    written = run("check", "--no-cache", "--format", "json", "--output-file", str(out), EXAMPLES)
    assert piped.returncode == written.returncode == 1 and not piped.stderr
    report = json.loads(piped.stdout)
    assert report["summary"]["files"] > 1 and report == json.loads(out.read_text())
