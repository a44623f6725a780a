"""Which files a PATH argument means: .py/.json/.keras files, directories recursed with excludes."""

from __future__ import annotations

import fnmatch
import os

CHECKABLE = (".py", ".ipynb", ".json", ".keras")
ALWAYS_EXCLUDED = {".git", ".hg", ".svn", "__pycache__", ".venv", "venv", "node_modules", ".tox", ".mypy_cache",
                   ".pytest_cache", "build", "dist", ".eggs", "site-packages"}


def _gitignore_patterns(root: str) -> list[str]:
    try:
        with open(os.path.join(root, ".gitignore"), encoding="utf-8") as handle:
            return [line.strip() for line in handle if line.strip() and not line.startswith(("#", "!"))]
    except OSError:
        return []


def _ignored(rel: str, name: str, patterns: list[str]) -> bool:
    for pattern in patterns:
        bare = pattern.rstrip("/").lstrip("/")
        if fnmatch.fnmatch(name, bare) or fnmatch.fnmatch(rel, bare) or fnmatch.fnmatch(rel, bare + "/*"):
            return True
    return False


def discover(paths: list[str]) -> list[str]:
    """Files to check, in a stable order. Raises FileNotFoundError for a path that does not exist."""
    files: list[str] = []
    for path in paths:
        if os.path.isfile(path):
            files.append(path)
            continue
        if not os.path.isdir(path):
            raise FileNotFoundError(path)
        patterns = _gitignore_patterns(path)
        for root, dirs, names in os.walk(path):
            rel_root = os.path.relpath(root, path)
            dirs[:] = sorted(d for d in dirs if d not in ALWAYS_EXCLUDED and not d.startswith(".")
                             and not _ignored(os.path.normpath(os.path.join(rel_root, d)), d, patterns))
            for name in sorted(names):
                rel = os.path.normpath(os.path.join(rel_root, name))
                full = os.path.join(root, name)
                # Regular files only: a FIFO or socket named *.py would block or fail on read.
                if name.endswith(CHECKABLE) and not _ignored(rel, name, patterns) and os.path.isfile(full):
                    files.append(full)
    return files
