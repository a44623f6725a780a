"""The GitHub Action (``action.yml``) and the pre-commit hooks (``.pre-commit-hooks.yaml``).

The action's shell steps are run here as GitHub would run them (bash, the inputs in the environment); the
options they pass are compared with ``shapedoctor check --help``.  The pre-commit test (``slow``: it builds the
hook's virtualenv, which needs PyPI) runs ``pre-commit try-repo`` on a temporary git repository holding this
working tree, uncommitted changes included."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BROKEN = ROOT / "examples" / "seed_1_broken_conv_after_dense.py"
CLEAN = ROOT / "examples" / "seed_3_purely_convolutional.py"
NOTEBOOK = ROOT / "tests" / "engine" / "fixtures" / "ecg_broken.ipynb"


def _env(**extra) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), **extra)
    # the `shapedoctor` console script of this interpreter's environment first
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def check_help_flags() -> set[str]:
    proc = subprocess.run([sys.executable, "-m", "shapedoctor", "check", "--help"], capture_output=True, text=True,
                          env=_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", proc.stdout))


# ----------------------------------------------------------------------------- action.yml
@pytest.fixture(scope="module")
def action():
    return yaml.safe_load((ROOT / "action.yml").read_text())


def _steps(action, name_part: str) -> dict:
    return next(step for step in action["runs"]["steps"] if name_part in step.get("name", ""))


def test_action_is_a_composite_action_whose_inputs_are_declared(action):
    assert action["runs"]["using"] == "composite"
    declared = set(action["inputs"])
    assert {"paths", "sarif", "sarif-file", "upload-sarif", "select", "ignore", "target-shape", "exit-zero"} <= declared
    text = (ROOT / "action.yml").read_text()
    used = set(re.findall(r"\$\{\{\s*inputs\.([\w-]+)", text))
    assert used <= declared and declared <= used, (used ^ declared)
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs reach scripts through env only (no script injection)"
            assert subprocess.run(["bash", "-n"], input=step["run"], text=True).returncode == 0


def test_action_uses_only_real_check_options(action):
    flags = check_help_flags()
    assert {"--format", "--output-file", "--select", "--ignore", "--target-shape", "--exit-zero"} <= flags
    from shapedoctor.report import FORMATS

    for step in action["runs"]["steps"]:
        for command in re.findall(r"shapedoctor check[^\n]*", step.get("run", "")):
            used = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", command))
            assert used <= flags, used - flags
            for fmt in re.findall(r"--format (\w+)", command):
                assert fmt in FORMATS
        for flag in re.findall(r'opts\+=\((--[a-z][a-z0-9-]*)', step.get("run", "")):
            assert flag in flags
    # each option-like input names a real option
    for name in ("select", "ignore", "target-shape", "exit-zero"):
        assert f"--{name}" in flags


def test_action_uploads_the_sarif_file_it_writes(action):
    sarif = _steps(action, "(SARIF)")
    upload = _steps(action, "Upload SARIF")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["if"] == "${{ inputs.upload-sarif == 'true' }}"
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert sarif["env"]["SD_SARIF_FILE"] == "${{ inputs.sarif-file }}"
    assert '--output-file "$SD_SARIF_FILE"' in sarif["run"] and "upload-sarif == 'true'" in sarif["if"]
    steps = action["runs"]["steps"]
    # SARIF first (--exit-zero), then the check that fails the job: the upload happens either way
    assert steps.index(sarif) < steps.index(upload) < len(steps) - 1
    assert steps[-1]["name"] == "shapedoctor check" and "--format github" in steps[-1]["run"]


def _run_step(step: dict, inputs: dict, cwd: Path, github_output: Path) -> subprocess.CompletedProcess:
    """A composite step's script as GitHub runs it: bash -e, its `env:` with the inputs substituted."""
    env = {}
    for key, value in step.get("env", {}).items():
        env[key] = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], value)
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env=_env(GITHUB_OUTPUT=str(github_output), **env))


def test_action_steps_run(action, tmp_path):
    shutil.copy(CLEAN, tmp_path / "clean.py")
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update({"paths": "clean.py src", "upload-sarif": "true"})  # space-separated; a file and a directory
    (tmp_path / "src").mkdir()
    shutil.copy(BROKEN, tmp_path / "src" / "broken.py")
    output = tmp_path / "github_output"
    proc = _run_step(_steps(action, "(SARIF)"), inputs, tmp_path, output)
    assert proc.returncode == 0, proc.stderr  # --exit-zero: the SARIF step never fails the job
    assert output.read_text() == "sarif-file=shapedoctor.sarif\n"
    log = json.loads((tmp_path / "shapedoctor.sarif").read_text())
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["SD101"]
    check = action["runs"]["steps"][-1]
    proc = _run_step(check, inputs, tmp_path, output)
    assert proc.returncode == 1 and proc.stdout.startswith("::error file=src/broken.py,line=10,"), proc.stdout
    proc = _run_step(check, dict(inputs, **{"exit-zero": "true"}), tmp_path, output)
    assert proc.returncode == 0 and proc.stdout.startswith("::error ")
    proc = _run_step(check, dict(inputs, select="SD102"), tmp_path, output)
    assert proc.returncode == 0 and proc.stdout == ""
    proc = _run_step(check, dict(inputs, paths="clean.py"), tmp_path, output)
    assert proc.returncode == 0


# ----------------------------------------------------------------------------- .pre-commit-hooks.yaml
# a finding whose top-ranked fix is safe (shape=64 -> shape=(64,)): the fix hook applies it without --unsafe-fixes
SAFE_FIX = ("import keras\nfrom keras import layers\n\n"
            "model = keras.Sequential([keras.Input(shape=64), layers.Dense(4)])\n")


def _hooks() -> dict:
    return {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}


def test_pre_commit_hooks_manifest():
    hooks = _hooks()
    assert set(hooks) == {"shapedoctor", "shapedoctor-fix"}
    # --force-exclude in `entry` (as ruff's hooks): a user's own `args:` replace the manifest's args, not its entry
    assert hooks["shapedoctor"]["entry"] == "shapedoctor check --force-exclude"
    assert hooks["shapedoctor-fix"]["entry"] == "shapedoctor fix --force-exclude"
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types_or"] == ["python", "jupyter"]
        assert "args" not in hook


@pytest.mark.parametrize("hook_id", ["shapedoctor", "shapedoctor-fix"])
def test_hooks_skip_files_the_configuration_excludes_even_when_named(tmp_path, hook_id):
    """pre-commit runs ``entry`` + the user's ``args`` + the staged files' names: excluded files stay untouched."""
    import shlex

    (tmp_path / "legacy").mkdir()
    shutil.copy(BROKEN, tmp_path / "legacy" / "old.py")
    (tmp_path / "generated_net.py").write_text(SAFE_FIX)
    (tmp_path / "net.py").write_text(SAFE_FIX)
    (tmp_path / "pyproject.toml").write_text('[tool.shapedoctor]\nextend-exclude = ["legacy", "generated_*.py"]\n')
    entry = shlex.split(_hooks()[hook_id]["entry"])
    proc = subprocess.run([*entry, "legacy/old.py", "generated_net.py"], cwd=tmp_path, capture_output=True,
                          text=True, env=_env(), timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "SD1" not in proc.stdout + proc.stderr
    proc = subprocess.run([*entry, "legacy/old.py", "generated_net.py", "net.py"], cwd=tmp_path,
                          capture_output=True, text=True, env=_env(), timeout=300)
    assert proc.returncode == (0 if hook_id == "shapedoctor-fix" else 1), proc.stdout + proc.stderr
    assert "net.py:4:27: SD107" in proc.stdout and "generated_net.py" not in proc.stdout and "legacy" not in proc.stdout
    assert (tmp_path / "generated_net.py").read_text() == SAFE_FIX  # fix never touched the excluded file
    fixed = (tmp_path / "net.py").read_text()
    assert (fixed != SAFE_FIX) == (hook_id == "shapedoctor-fix")


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                            GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com"))


def _hook_repo(tmp_path: Path) -> Path:
    """A git repository holding the working tree as it is now (what `pip install .` needs)."""
    repo = tmp_path / "shapedoctor-repo"
    shutil.copytree(ROOT / "src", repo / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    for name in ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", ".pre-commit-hooks.yaml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, repo / name)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "working tree", cwd=repo)
    return repo


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install pre-commit, or the test extra)")
    repo = _hook_repo(tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(BROKEN, project / "broken.py")
    shutil.copy(CLEAN, project / "clean.py")
    shutil.copy(NOTEBOOK, project / "analysis.ipynb")
    (project / "to_fix.py").write_text(SAFE_FIX)  # the fix hook applies safe fixes only (--unsafe-fixes: others)
    (project / "legacy").mkdir()
    shutil.copy(BROKEN, project / "legacy" / "old.py")
    (project / "shapedoctor.toml").write_text('extend-exclude = ["legacy"]\n')
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    env.pop("PYTHONPATH", None)

    def try_repo(hook: str, *files: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(repo), hook, "--files", *files],
                              cwd=project, capture_output=True, text=True, env=env, timeout=600)

    broken = try_repo("shapedoctor", "broken.py")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "broken.py:10:5: SD101 [rank]" in broken.stdout and "Failed" in broken.stdout
    clean = try_repo("shapedoctor", "clean.py")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    notebook = try_repo("shapedoctor", "analysis.ipynb")  # types_or: jupyter
    assert notebook.returncode == 1 and "analysis.ipynb:cell 4:4:5: SD101" in notebook.stdout, notebook.stdout
    excluded = try_repo("shapedoctor", "legacy/old.py")  # named by pre-commit, excluded by the configuration
    assert excluded.returncode == 0 and "SD101" not in excluded.stdout, excluded.stdout
    fixed = try_repo("shapedoctor-fix", "to_fix.py")
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout, fixed.stdout
    assert "keras.Input(shape=(64,))" in (project / "to_fix.py").read_text()
    assert try_repo("shapedoctor", "to_fix.py").returncode == 0
