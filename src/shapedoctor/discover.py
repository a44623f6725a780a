"""Which files a PATH argument means: .py/.json/.keras files, directories recursed with excludes."""

from __future__ import annotations

import fnmatch
import os

CHECKABLE = (".py", ".ipynb", ".json", ".keras")
ALWAYS_EXCLUDED = {".git", ".hg", ".svn", "__pycache__", ".venv", "venv", "node_modules", ".tox", ".mypy_cache",
                   ".pytest_cache", "build", "dist", ".eggs", "site-packages"}


def _gitignore_patterns(root: str) -> list[str]:
    try:
        # errors="replace": a .gitignore in another encoding still gives its ASCII patterns (git reads bytes).
        with open(os.path.join(root, ".gitignore"), encoding="utf-8", errors="replace") as handle:
            return [line.strip() for line in handle if line.strip() and not line.startswith(("#", "!"))]
    except (OSError, ValueError):
        return []


def _ignored(rel: str, name: str, patterns: list[str]) -> bool:
    for pattern in patterns:
        bare = pattern.rstrip("/").lstrip("/")
        if fnmatch.fnmatch(name, bare) or fnmatch.fnmatch(rel, bare) or fnmatch.fnmatch(rel, bare + "/*"):
            return True
    return False


def discover(paths: list[str], problems: list | None = None) -> list[str]:
    """Files to check, in a stable order. Raises FileNotFoundError for a path that does not exist.

    ``problems``: when given, receives ``(path, message)`` for input that exists but cannot be checked: a
    directory that cannot be listed (named or met in the walk), a broken symbolic link or a FIFO the user
    named.  Each becomes an input-error finding, so unread input is never reported as clean.
    """
    files: list[str] = []
    problems = [] if problems is None else problems
    for path in paths:
        if os.path.isfile(path):
            files.append(path)
            continue
        if not os.path.isdir(path):
            what = _not_checkable(path)
            if what is None:
                raise FileNotFoundError(path)
            problems.append((path, what))
            continue
        patterns = _gitignore_patterns(path)

        def unreadable(exc: OSError) -> None:
            problems.append((exc.filename or path, f"cannot read the directory: {exc.strerror or exc}"))

        for root, dirs, names in os.walk(path, onerror=unreadable):
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


def _not_checkable(path: str) -> str | None:
    """Why a path that exists but is neither a regular file nor a directory is not read; None if it is absent."""
    import errno
    import stat

    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:  # e.g. a parent directory that may not be searched
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISLNK(mode):
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "symbolic link loop; not read"
            if exc.errno != errno.ENOENT:
                return f"cannot read: {exc.strerror or exc}"
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link: its target {target!r} does not exist"
    kinds = {stat.S_ISFIFO: "a named pipe (FIFO)", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a character device",
             stat.S_ISBLK: "a block device"}
    what = next((name for test, name in kinds.items() if test(mode)), "a special file")
    return f"{what}, not a regular file; not read"
