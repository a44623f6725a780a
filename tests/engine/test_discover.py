"""Directory discovery with git's ignore rules (pathspec), virtual environments and excludes (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shapedoctor.discover import discover
from shapedoctor.settings import Resolver

ROOT = Path(__file__).resolve().parents[2]


def tree(base: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def found(base: Path, *paths, isolated: bool = True, force_exclude: bool = False, problems=None) -> list[str]:
    """The files discovered under ``base``, relative to it, '/'-separated."""
    resolver = Resolver(isolated=isolated)
    names = discover([str(base / p) for p in paths] or [str(base)], problems, resolver.for_directory, force_exclude)
    return sorted(os.path.relpath(n, base).replace(os.sep, "/") for n in names)


def test_negation_re_includes_a_file(tmp_path):
    tree(tmp_path, {".gitignore": "*.py\n!keep.py\n", "a.py": "", "keep.py": "", "sub/keep.py": "", "sub/b.py": ""})
    assert found(tmp_path) == ["keep.py", "sub/keep.py"]


def test_anchored_pattern_matches_only_at_the_root(tmp_path):
    tree(tmp_path, {".gitignore": "/x.py\n", "x.py": "", "sub/x.py": "", "y.py": ""})
    assert found(tmp_path) == ["sub/x.py", "y.py"]


def test_directory_pattern_matches_directories_only(tmp_path):
    # `gen*/` ignores the directories gen_models/ and a/gen_b/, not the file gen_utils.py
    tree(tmp_path, {".gitignore": "gen*/\n", "gen_models/m.py": "", "a/gen_b/m.py": "", "gen_utils.py": "",
                    "a/ok.py": ""})
    assert found(tmp_path) == ["a/ok.py", "gen_utils.py"]


def test_build_and_dist_folders_are_skipped_even_without_gitignore(tmp_path):
    tree(tmp_path, {"build/lib/m.py": "", "dist/m.py": "", "site-packages/m.py": "", "src/m.py": ""})
    assert found(tmp_path) == ["src/m.py"]


def test_gitignore_build_slash(tmp_path):
    tree(tmp_path, {".gitignore": "out/\n", "out/m.py": "", "pkg/out/m.py": "", "pkg/m.py": ""})
    assert found(tmp_path) == ["pkg/m.py"]


def test_nested_gitignore_applies_below_its_directory_and_overrides_the_parent(tmp_path):
    tree(tmp_path, {".gitignore": "*_gen.py\n", "local.py": "", "a_gen.py": "",
                    "sub/.gitignore": "local.py\n!keep_gen.py\n", "sub/local.py": "", "sub/keep_gen.py": "",
                    "sub/b_gen.py": "", "sub/deeper/local.py": ""})
    assert found(tmp_path) == ["local.py", "sub/keep_gen.py"]


def test_a_file_in_an_ignored_directory_cannot_be_re_included(tmp_path):
    # git: "It is not possible to re-include a file if a parent directory of that file is excluded."
    tree(tmp_path, {".gitignore": "gen/\n!gen/x.py\n", "gen/x.py": "", "ok.py": ""})
    assert found(tmp_path) == ["ok.py"]


def test_virtualenv_is_detected_by_pyvenv_cfg_whatever_its_name(tmp_path):
    tree(tmp_path, {"my-env-311/pyvenv.cfg": "home = /usr/bin\n", "my-env-311/lib/python3.11/x/m.py": "",
                    "env_like/m.py": "", "m.py": ""})
    assert found(tmp_path) == ["env_like/m.py", "m.py"]


def test_git_info_exclude_and_parent_gitignore_apply_to_a_subdirectory_walk(tmp_path):
    tree(tmp_path, {".git/info/exclude": "# comment\nsecret.py\n", ".gitignore": "*_gen.py\n",
                    "pkg/secret.py": "", "pkg/a_gen.py": "", "pkg/m.py": ""})
    assert found(tmp_path, "pkg") == ["pkg/m.py"]
    # outside a git repository, the .gitignore above the walked directory is not git's business
    (tmp_path / ".git" / "info" / "exclude").unlink()
    (tmp_path / ".git" / "info").rmdir()
    (tmp_path / ".git").rmdir()
    assert found(tmp_path, "pkg") == ["pkg/a_gen.py", "pkg/m.py", "pkg/secret.py"]


def test_explicitly_named_file_and_directory_are_checked_even_if_ignored(tmp_path):
    tree(tmp_path, {".git/HEAD": "", ".gitignore": "gen/\nold.py\n", "gen/m.py": "", "old.py": "", "new.py": ""})
    assert found(tmp_path) == ["new.py"]
    assert found(tmp_path, "old.py") == ["old.py"]
    assert found(tmp_path, "gen") == ["gen/m.py"]


def test_exclude_settings_and_force_exclude(tmp_path):
    tree(tmp_path, {"pyproject.toml": '[tool.shapedoctor]\nextend-exclude = ["legacy", "scripts/*.py"]\n',
                    "legacy/m.py": "", "scripts/run.py": "", "scripts/sub/run.py": "", "src/m.py": "",
                    "src/legacy/x.py": ""})
    assert found(tmp_path, isolated=False) == ["src/m.py"]  # `*` crosses '/', as ruff's globs
    assert found(tmp_path, "legacy/m.py", isolated=False) == ["legacy/m.py"]  # named: checked
    assert found(tmp_path, "legacy/m.py", isolated=False, force_exclude=True) == []
    assert found(tmp_path, isolated=True) == ["legacy/m.py", "scripts/run.py", "scripts/sub/run.py", "src/legacy/x.py",
                                              "src/m.py"]


def test_exclude_replaces_the_default_list(tmp_path):
    tree(tmp_path, {"pyproject.toml": '[tool.shapedoctor]\nexclude = ["vendor"]\n', "build/m.py": "",
                    "vendor/m.py": "", "m.py": ""})
    assert found(tmp_path, isolated=False) == ["build/m.py", "m.py"]


def test_respect_gitignore_false(tmp_path):
    tree(tmp_path, {"shapedoctor.toml": "respect-gitignore = false\n", ".gitignore": "*.py\n", "m.py": ""})
    assert found(tmp_path, isolated=False) == ["m.py"]
    assert found(tmp_path, isolated=True) == []


def test_nested_configuration_excludes_apply_below_it(tmp_path):
    tree(tmp_path, {"pyproject.toml": "[tool.shapedoctor]\n", "a/m.py": "", "b/m.py": "", "b/skip/m.py": "",
                    "b/shapedoctor.toml": 'extend-exclude = ["skip"]\n', "skip/m.py": ""})
    assert found(tmp_path, isolated=False) == ["a/m.py", "b/m.py", "skip/m.py"]


def test_unreadable_directory_is_a_problem_not_silence(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every directory")
    tree(tmp_path, {"locked/m.py": "", "m.py": ""})
    (tmp_path / "locked").chmod(0)
    try:
        problems: list = []
        assert found(tmp_path, problems=problems) == ["m.py"]
        assert problems and "cannot read the directory" in problems[0][1]
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_no_ignore_file_no_pathspec_import(tmp_path):
    tree(tmp_path, {"m.py": ""})
    code = ("import sys; from shapedoctor.discover import discover; discover([sys.argv[1]]); "
            "print('pathspec' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False", out.stderr


def test_overlapping_paths_give_each_file_once(tmp_path, monkeypatch):
    from shapedoctor.discover import discover

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.py").write_text("x = 1\n")
    monkeypatch.chdir(tmp_path)
    assert discover(["sub", "sub/b.py", "./sub/b.py"]) == [os.path.join("sub", "b.py")]
