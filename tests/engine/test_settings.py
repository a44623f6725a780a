"""`[tool.shapedoctor]` / `shapedoctor.toml` configuration, found as ruff finds its own (issue 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from shapedoctor.settings import DEFAULT, Resolver, SettingsError, find_settings, load_settings, resolve_selection

ROOT = Path(__file__).resolve().parents[2]
BROKEN = "keras.Sequential([keras.Input((64,)), layers.Dense(16), layers.Conv1D(8, 3)])"
HEAD = "import keras\nfrom keras import layers\n"


def tree(base: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def run(*args, cwd, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("NO_COLOR", None), env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300, input=stdin)


def codes(proc) -> list[tuple[str, str]]:
    """(path, code) of each finding in a --format json run."""
    data = json.loads(proc.stdout)
    return [(f["path"], d["code"]) for f in data["files"] for d in f["diagnostics"]]


# ----------------------------------------------------------------------------- finding the file
def test_closest_configuration_wins_and_pyproject_without_the_table_is_skipped(tmp_path):
    tree(tmp_path, {"pyproject.toml": '[tool.shapedoctor]\nignore = ["SD2"]\n',
                    "a/pyproject.toml": '[project]\nname = "a"\n',  # no [tool.shapedoctor]: not a configuration
                    "a/b/m.py": "",
                    "c/shapedoctor.toml": 'select = ["SD1"]\n', "c/d/m.py": ""})
    assert find_settings(str(tmp_path / "a" / "b" / "m.py")).path == str(tmp_path / "pyproject.toml")
    assert find_settings(str(tmp_path / "c" / "d" / "m.py")).path == str(tmp_path / "c" / "shapedoctor.toml")
    assert find_settings(str(tmp_path / "c")).select == ("SD1",)


def test_precedence_in_one_directory(tmp_path):
    tree(tmp_path, {"pyproject.toml": '[tool.shapedoctor]\nselect = ["SD1"]\n', "shapedoctor.toml": 'select = ["SD2"]\n'})
    assert find_settings(str(tmp_path / "x.py")).select == ("SD2",)
    tree(tmp_path, {".shapedoctor.toml": 'select = ["SD9"]\n'})
    assert find_settings(str(tmp_path / "x.py")).select == ("SD9",)


def test_no_configuration_gives_the_defaults(tmp_path):
    settings = find_settings(str(tmp_path / "x.py"))
    assert settings.path is None and settings == DEFAULT
    assert "rank" in settings.kinds_for("x.py") and "unused-noqa" not in settings.kinds_for("x.py")


def test_tomllib_is_not_imported_for_a_pyproject_without_our_table(tmp_path):
    tree(tmp_path, {"pyproject.toml": '[project]\nname = "shapedoctor"\n[tool.ruff]\nline-length = 120\n'})
    code = ("import sys; from shapedoctor.settings import find_settings; s = find_settings(sys.argv[1]); "
            "print(s.path, 'tomllib' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "m.py")], capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["None", "False"], out.stderr


@pytest.mark.parametrize("text", [
    "[tool.shapedoctor]\nselect = ['SD1']\n",
    "[tool]\nshapedoctor = { select = ['SD1'] }\n",
    "tool.shapedoctor.select = ['SD1']\n",
    "[tool.shapedoctor.per-file-ignores]\n'x.py' = ['SD2']\n[tool.shapedoctor]\nselect = ['SD1']\n",
])
def test_every_toml_spelling_of_the_table_is_found(tmp_path, text):
    tree(tmp_path, {"pyproject.toml": text})
    assert find_settings(str(tmp_path)).select == ("SD1",)


# ----------------------------------------------------------------------------- the API
def test_kinds_for_applies_selection_specificity_and_per_file_ignores(tmp_path):
    tree(tmp_path, {"pyproject.toml": """\
        [tool.shapedoctor]
        select = ["SD1"]
        ignore = ["SD105"]
        extend-select = ["SD202"]
        [tool.shapedoctor.per-file-ignores]
        "tests/*" = ["rank"]
        "conftest.py" = ["SD106"]
        "!src/**" = ["SD107"]
        """})
    settings = find_settings(str(tmp_path))
    base = settings.kinds_for(str(tmp_path / "src" / "m.py"))
    assert "rank" in base and "incomplete-model" in base
    assert "output-target-mismatch" not in base and "skipped-model" not in base
    assert "rank" not in settings.kinds_for(str(tmp_path / "tests" / "deep" / "t.py"))  # `*` crosses '/'
    assert "rank" in settings.kinds_for(str(tmp_path / "src" / "tests.py"))
    assert "incompatible-merge" not in settings.kinds_for(str(tmp_path / "pkg" / "conftest.py"))  # a bare name
    assert "invalid-argument" not in settings.kinds_for(str(tmp_path / "other" / "m.py"))  # negated pattern
    assert "invalid-argument" in base


def test_selection_follows_ruff_the_more_specific_selector_wins():
    assert resolve_selection([(("SD1",), (), ("SD101",))]) == resolve_selection([(("SD1",), (), ())]) - {"rank"}
    assert "rank" in resolve_selection([(("SD101",), (), ("SD1",))])
    assert resolve_selection([(("rank",), (), ("rank",))]) == frozenset()  # same specificity: ignore wins
    # the command line's --select starts afresh; its --ignore builds on the file's selection
    file_layer = (("SD2",), (), ())
    assert resolve_selection([file_layer, (("SD101",), (), ())]) == {"rank"}
    assert resolve_selection([file_layer, (None, (), ("SD203",))]) == {"unknown-layer", "incomplete-model"}


def test_with_overrides_and_explicit_file(tmp_path):
    tree(tmp_path, {"ci.toml": 'select = ["SD1"]\nformat = "json"\nreport-unused-noqa = true\n'})
    settings = load_settings(str(tmp_path / "ci.toml"))
    assert settings.format == "json" and settings.report_unused_noqa
    assert "unused-noqa" in settings.kinds_for() and "rank" in settings.kinds_for()
    changed = settings.with_overrides(ignore=["rank"], format="text")
    assert changed.format == "text" and "rank" not in changed.kinds_for() and "rank" in settings.kinds_for()
    resolver = Resolver(config=str(tmp_path / "ci.toml"), overrides={"select": ["SD2"]})
    assert resolver.for_path("/anywhere/x.py").kinds_for() == resolve_selection([(("SD2",), (), ())]) | {"unused-noqa"}


def test_target_shapes_per_model_name(tmp_path):
    tree(tmp_path, {"shapedoctor.toml": '[target-shapes]\nmodel = "(None, 1)"\nother = [1]\n'})
    assert find_settings(str(tmp_path)).target_shapes_map == {"model": (None, 1), "other": (None, 1)}


@pytest.mark.parametrize("text,message", [
    ("bogus = 1\n", "unknown key 'bogus' in the file (known keys: exclude,"),
    ("extend_select = []\n", "unknown key 'extend_select' in the file; did you mean 'extend-select'?"),
    ("select = 'SD1'\n", "select must be a list of strings"),
    ("select = ['SDX']\n", "select: unknown finding kind or code 'SDX'"),
    ("format = 'xml'\n", "format must be one of text, json, sarif, github, not 'xml'"),
    ("report-unused-noqa = 1\n", "report-unused-noqa must be true or false"),
    ("[target-shapes]\nmodel = 'a, b'\n", "target-shapes: cannot read 'a, b' for 'model'"),
    ("[per-file-ignores]\n'x.py' = 'SD1'\n", "per-file-ignores: 'x.py' must map to a list of codes"),
    ("select = [\n", "invalid TOML:"),
])
def test_invalid_configuration_is_one_clear_error(tmp_path, text, message):
    tree(tmp_path, {"shapedoctor.toml": text})
    with pytest.raises(SettingsError) as info:
        find_settings(str(tmp_path))
    assert str(info.value).startswith(str(tmp_path / "shapedoctor.toml") + ": ") and message in str(info.value)


# ----------------------------------------------------------------------------- the command line
@pytest.fixture
def project(tmp_path):
    tree(tmp_path, {
        "pyproject.toml": """\
            [project]
            name = "demo"

            [tool.shapedoctor]
            ignore = ["SD2"]
            target-shapes = { "model" = "(None, 1)" }

            [tool.shapedoctor.per-file-ignores]
            "tests/*" = ["SD101"]
            """,
        "src/net.py": HEAD + f"net = {BROKEN}\n",
        "tests/test_net.py": HEAD + f"net = {BROKEN}\n",
        "src/heads.py": HEAD + "model = keras.Sequential([keras.Input((8,)), layers.Dense(10)])\n"
                               "other = keras.Sequential([keras.Input((8,)), layers.Dense(10)])\n",
    })
    return tmp_path


def test_configuration_applies_to_check(project):
    proc = run("check", "--format", "json", cwd=project)
    assert proc.returncode == 1, proc.stderr
    # target-shapes: only the model named `model` is checked against (None, 1); tests/ ignores SD101
    assert sorted(codes(proc)) == [("src/heads.py", "SD105"), ("src/net.py", "SD101")]
    data = json.loads(proc.stdout)
    (heads,) = [f for f in data["files"] if f["path"] == "src/heads.py"]
    assert [d["model"] for d in heads["diagnostics"]] == ["model"]


def test_configuration_is_found_from_a_subdirectory_and_for_each_file(project):
    proc = run("check", "--format", "json", "test_net.py", cwd=project / "tests")
    assert proc.returncode == 0 and codes(proc) == []
    proc = run("check", "--format", "json", "../src/net.py", cwd=project / "tests")
    assert codes(proc) == [("../src/net.py", "SD101")]


def test_command_line_overrides_the_file(project):
    proc = run("check", "--format", "json", "--select", "SD2", cwd=project)  # --select replaces `ignore = SD2`
    assert {code for _, code in codes(proc)} <= {"SD201", "SD202", "SD203"} and proc.returncode == 0
    proc = run("check", "--format", "json", "--target-shape", "(None, 10)", cwd=project)  # every model
    assert ("src/heads.py", "SD105") not in codes(proc)
    proc = run("check", "--format", "json", "--ignore", "SD101", cwd=project)
    assert codes(proc) == [("src/heads.py", "SD105")]


def test_isolated_and_config(project):
    proc = run("check", "--format", "json", "--isolated", cwd=project)
    found = codes(proc)
    assert ("tests/test_net.py", "SD101") in found and ("src/heads.py", "SD105") not in found
    (project / "ci.toml").write_text('select = ["SD105"]\n[target-shapes]\nother = "(None, 1)"\n')
    proc = run("check", "--format", "json", "--config", "ci.toml", cwd=project)
    assert codes(proc) == [("src/heads.py", "SD105")]
    assert [d["model"] for f in json.loads(proc.stdout)["files"] for d in f["diagnostics"]] == ["other"]
    proc = run("check", "--config", "missing.toml", cwd=project)
    assert proc.returncode == 2 and "missing.toml: configuration file not found" in proc.stderr
    proc = run("check", "--config", "ci.toml", "--isolated", cwd=project)
    assert proc.returncode == 2


def test_format_key_and_flag(project):
    (project / "shapedoctor.toml").write_text('format = "json"\n')
    proc = run("check", "src/net.py", cwd=project)
    assert json.loads(proc.stdout)["summary"]["errors"] == 1
    proc = run("check", "--format", "text", "src/net.py", cwd=project)
    assert proc.stdout.startswith("src/net.py:3:63: SD101 [rank]")


@pytest.mark.parametrize("text,fragment", [
    ('[tool.shapedoctor]\nbogus = 1\n', "unknown key 'bogus' in [tool.shapedoctor]"),
    ('[tool.shapedoctor]\nselect = [\n', "invalid TOML"),
])
@pytest.mark.parametrize("command", [["check"], ["fix", "--diff", "."], ["trace", "m.py"]])
def test_bad_configuration_exits_2_with_one_line(tmp_path, text, fragment, command):
    tree(tmp_path, {"pyproject.toml": text, "m.py": HEAD})
    proc = run(*command, cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"shapedoctor: error: {tmp_path / 'pyproject.toml'}: ") and fragment in proc.stderr


def test_stdin_filename_selects_the_configuration_and_per_file_ignores(project):
    source = (project / "tests" / "test_net.py").read_text()
    proc = run("check", "-", "--stdin-filename", "tests/test_x.py", "--format", "json", cwd=project, stdin=source)
    assert proc.returncode == 0 and codes(proc) == []
    proc = run("check", "-", "--stdin-filename", "src/x.py", "--format", "json", cwd=project, stdin=source)
    assert codes(proc) == [("src/x.py", "SD101")]


def test_fix_honours_target_shapes_and_selection(project):
    proc = run("fix", "--diff", "src/heads.py", cwd=project)  # only `model` has a target shape
    assert proc.returncode == 1 and proc.stderr.splitlines()[0] == (
        "src/heads.py:3:46: SD105 [output-target-mismatch] not fixed (unsafe fix withheld: set units=1 on the "
        "output Dense at line 3): output (None, 10) does not match targets (None, 1)")
    (project / "shapedoctor.toml").write_text('ignore = ["SD105"]\n[target-shapes]\nmodel = "(None, 1)"\n')
    proc = run("fix", "--diff", "src/heads.py", cwd=project)
    assert proc.returncode == 0 and proc.stdout == "" and "Would fix 0 findings; 0 remaining." in proc.stderr


def test_report_unused_noqa_from_the_configuration(tmp_path):
    tree(tmp_path, {"shapedoctor.toml": "report-unused-noqa = true\n",
                    "m.py": HEAD + "x = 1  # noqa: SD101\n"})
    proc = run("check", "-q", "m.py", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.startswith("m.py:3:8: SD301 [unused-noqa]")
    assert run("check", "-q", "--isolated", "m.py", cwd=tmp_path).returncode == 0


def test_extend_exclude_and_force_exclude_flags(tmp_path):
    tree(tmp_path, {"gen_a.py": HEAD + f"net = {BROKEN}\n", "m.py": HEAD})
    assert run("check", "-q", ".", cwd=tmp_path).returncode == 1
    assert run("check", "-q", "--extend-exclude", "gen_*.py", ".", cwd=tmp_path).returncode == 0
    named = run("check", "-q", "--extend-exclude", "gen_*.py", "gen_a.py", cwd=tmp_path)
    assert named.returncode == 1  # named on the command line: checked
    forced = run("check", "--extend-exclude", "gen_*.py", "--force-exclude", "gen_a.py", cwd=tmp_path)
    assert forced.returncode == 0 and "0 files" in forced.stdout
    source = (tmp_path / "gen_a.py").read_text()
    stdin = run("check", "-", "--stdin-filename", "gen_a.py", "--extend-exclude", "gen_*.py", "--force-exclude",
                cwd=tmp_path, stdin=source)
    assert stdin.returncode == 0 and "0 files" in stdin.stdout


# ----------------------------------------------------------------------------- --config KEY=VALUE (as ruff)
def test_config_override_is_parsed_as_toml_and_validated_as_a_file_key():
    from shapedoctor.settings import config_override, is_config_override

    assert config_override("select = ['SD1']") == {"select": ("SD1",)}
    assert config_override("per-file-ignores = {'tests/*' = ['SD105']}") == {
        "per_file_ignores": (("tests/*", ("SD105",)),)}
    assert config_override("target-shapes.model = '(None, 1)'") == {"target_shapes": (("model", (None, 1)),)}
    assert is_config_override("select=['SD1']") and not is_config_override("ci.toml")


@pytest.mark.parametrize("text,message", [
    ("selec = ['SD1']", "--config \"selec = ['SD1']\": unknown key 'selec'; did you mean 'select'?"),
    ("extend_select = []", "unknown key 'extend_select'; did you mean 'extend-select'?"),
    ("select = 'SD1'", "--config \"select = 'SD1'\": select must be a list of strings"),
    ("select = ['SD999']", "select: unknown finding kind or code 'SD999'"),
    ("format = 'xml'", "format must be one of text, json, sarif, github, not 'xml'"),
    ("select = [SD1]", "--config 'select = [SD1]': invalid TOML: "),
    ("force-exclude = 1", "force-exclude must be true or false"),
])
def test_a_bad_config_override_is_one_line(text, message):
    from shapedoctor.settings import config_override

    with pytest.raises(SettingsError) as info:
        config_override(text)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_config_overrides_sit_between_the_files_and_the_command_line(tmp_path):
    tree(tmp_path, {"shapedoctor.toml": 'select = ["SD1"]\nextend-exclude = ["a"]\nformat = "json"\n'})
    from shapedoctor.settings import config_override

    def settings(*pairs, **overrides):
        resolver = Resolver(overrides=overrides, config_overrides=tuple(config_override(p) for p in pairs))
        return resolver.for_path(str(tmp_path / "m.py"))

    assert settings("select = ['SD2']").kinds_for() == resolve_selection([(("SD2",), (), ())])  # replaces
    assert "rank" not in settings("ignore = ['SD101']").kinds_for()  # builds on the file's selection
    assert settings("ignore = ['SD101']").kinds_for() == resolve_selection([(("SD1",), (), ("SD101",))])
    assert settings("extend-exclude = ['b']").extend_exclude == ("a", "b")  # adds, as --extend-exclude
    assert settings("extend-exclude = []").extend_exclude == ("a",)
    assert settings("format = 'sarif'").format == "sarif"
    assert settings("format = 'sarif'", format="github").format == "github"  # --format wins over the pair
    assert settings("select = ['SD2']", select=["SD101"]).kinds_for() == {"rank"}
    isolated = Resolver(isolated=True, config_overrides=(config_override("format = 'sarif'"),))
    assert isolated.for_path(str(tmp_path / "m.py")).format == "sarif"


def _main(*args, cwd, monkeypatch, capsys) -> tuple[int, str, str]:
    from shapedoctor.cli import main

    monkeypatch.chdir(cwd)
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_config_key_value_on_the_command_line(project, monkeypatch, capsys):
    def check(*args):
        code, out, err = _main("check", "--format", "json", *args, cwd=project, monkeypatch=monkeypatch,
                               capsys=capsys)
        return code, [(f["path"], d["code"]) for f in json.loads(out)["files"] for d in f["diagnostics"]] if out \
            else err

    assert check()[1] == [("src/heads.py", "SD105"), ("src/net.py", "SD101")]
    assert check("--config", "select = ['SD105']")[1] == [("src/heads.py", "SD105")]
    # several pairs; the per-file-ignores pair replaces the file's (tests/* no longer ignores SD101)
    code, found = check("--config", "per-file-ignores = {}", "--config", "ignore = ['SD105']")
    assert found == [("src/net.py", "SD101"), ("tests/test_net.py", "SD101")] and code == 1
    assert check("--config", "target-shapes = {}")[1] == [("src/net.py", "SD101")]  # no model has a target now
    assert check("--config", "select = ['SD105']", "--select", "SD101")[1] == [("src/net.py", "SD101")]
    (project / "ci.toml").write_text('select = ["SD101"]\n')
    assert check("--config", "ci.toml", "--config", "per-file-ignores = {}")[1] == [
        ("src/net.py", "SD101"), ("tests/test_net.py", "SD101")]
    code, out, _ = _main("check", "--config", "format = 'github'", "src/net.py", cwd=project,
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and out.startswith("::error file=src/net.py,")
    code, out, _ = _main("check", "-q", "--isolated", "--config", "ignore = ['SD1']", "tests/test_net.py",
                         cwd=project, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and out == ""


@pytest.mark.parametrize("args,message", [
    (["--config", "selec = ['SD1']"], "shapedoctor: error: --config \"selec = ['SD1']\": unknown key 'selec'; "
                                      "did you mean 'select'?\n"),
    (["--config", "select = 'SD1'"], "select must be a list of strings\n"),
    (["--config", "a.toml", "--config", "b.toml"], "--config FILE can be given once"),
    (["--config", "a.toml", "--isolated"], "--config FILE and --isolated cannot be used together"),
])
@pytest.mark.parametrize("command", [["check", "."], ["fix", "--diff", "."], ["trace", "m.py"]])
def test_bad_config_options_exit_2_with_one_line(tmp_path, monkeypatch, capsys, args, message, command):
    tree(tmp_path, {"m.py": HEAD, "a.toml": "", "b.toml": ""})
    code, out, err = _main(*command, *args, cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and err.count("\n") == 1 and message in err, err


# ----------------------------------------------------------------------------- force-exclude in fix, globs
def test_fix_honours_force_exclude_from_the_flag_and_the_configuration(tmp_path, monkeypatch, capsys):
    safe = "import keras\n\nmodel = keras.Sequential([keras.Input(shape=64), keras.layers.Dense(4)])\n"
    tree(tmp_path, {"shapedoctor.toml": 'extend-exclude = ["gen_*.py"]\n', "gen_a.py": safe, "m.py": safe})
    code, out, err = _main("fix", "--diff", "gen_a.py", "m.py", cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys)
    assert "gen_a.py:3:27: SD107" in err  # named on the command line: fixed, as in ruff
    code, out, err = _main("fix", "--diff", "--force-exclude", "gen_a.py", "m.py", cwd=tmp_path,
                           monkeypatch=monkeypatch, capsys=capsys)
    assert "gen_a.py" not in out + err and "m.py:3:27: SD107" in err and code == 1
    (tmp_path / "shapedoctor.toml").write_text('extend-exclude = ["gen_*.py"]\nforce-exclude = true\n')
    code, out, err = _main("fix", "gen_a.py", cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and (tmp_path / "gen_a.py").read_text() == safe
    code, out, err = _main("fix", "--config", "force-exclude = false", "gen_a.py", cwd=tmp_path,
                           monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and (tmp_path / "gen_a.py").read_text() != safe


def test_globs_without_a_configuration_file_are_relative_to_the_working_directory(tmp_path, monkeypatch, capsys):
    tree(tmp_path, {"legacy/old.py": HEAD + f"net = {BROKEN}\n", "new.py": HEAD})
    code, out, _ = _main("check", "-q", "--extend-exclude", "legacy/*.py", ".", cwd=tmp_path,
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and out == ""
    code, out, _ = _main("check", "-q", "--extend-exclude", "legacy/*.py", "--force-exclude", "legacy/old.py",
                         cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and out == ""
