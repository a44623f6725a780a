"""Which files a PATH argument means: .py/.json/.keras files, directories recursed with excludes."""

from __future__ import annotations

import os

from .settings import DEFAULT, DEFAULT_EXCLUDE, _cwd

CHECKABLE = (".py", ".ipynb", ".json", ".keras")
ALWAYS_EXCLUDED = set(DEFAULT_EXCLUDE)  # kept for callers; the walk reads `exclude` from the settings


def discover(paths: list[str], problems: list | None = None, settings_for=None,
             force_exclude: bool | None = None) -> list[str]:
    """Files to check, in a stable order. Raises FileNotFoundError for a path that does not exist.

    ``problems``: when given, receives ``(path, message)`` for input that exists but cannot be checked: a
    directory that cannot be listed (named or met in the walk), a broken symbolic link or a FIFO the user
    named.  Each becomes an input-error finding, so unread input is never reported as clean.

    ``settings_for``: ``Settings`` of a directory (``settings.Resolver().for_directory``); the defaults when
    None.  A directory is walked with git's ignore rules (``.gitignore`` files, nested ones too, and
    ``.git/info/exclude``), the settings' ``exclude``/``extend-exclude``, and never enters a hidden directory
    or a virtual environment (any directory holding a ``pyvenv.cfg``).  A file named explicitly is always
    checked, unless ``force_exclude`` and the settings exclude it; ``force_exclude=None``: the run's setting,
    ``force-exclude`` of the working directory's settings (``--force-exclude`` on the command line, or
    ``--config``), as ruff.
    """
    files: list[str] = []
    problems = [] if problems is None else problems
    settings_for = settings_for or (lambda _directory: DEFAULT)
    if force_exclude is None:
        force_exclude = settings_for(_cwd()).force_exclude
    for path in paths:
        if os.path.isfile(path):
            if not (force_exclude and settings_for(os.path.dirname(os.path.abspath(path)) or os.sep)
                    .is_excluded_with_parents(path)):
                files.append(path)
            continue
        if not os.path.isdir(path):
            what = _not_checkable(path)
            if what is None:
                raise FileNotFoundError(path)
            problems.append((path, what))
            continue
        _walk(path, files, problems, settings_for)
    # `check src src/model.py ./src/model.py`: each file once (the first spelling), so findings are not repeated
    seen: set[str] = set()
    unique = []
    for file in files:
        key = os.path.normcase(os.path.realpath(file))
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def _walk(path: str, files: list[str], problems: list, settings_for) -> None:
    top = os.path.abspath(path)
    prefix = top.rstrip(os.sep) + os.sep

    def shown(full: str) -> str:  # the path as the user wrote it, joined with what the walk found under it
        return os.path.join(path, full[len(prefix):]) if full != top else path

    def unreadable(exc: OSError) -> None:
        problems.append((shown(exc.filename) if exc.filename else path,
                         f"cannot read the directory: {exc.strerror or exc}"))

    gitignore = settings_for(top).respect_gitignore
    levels: dict[str, tuple] = {os.path.dirname(top): _ancestor_levels(top) if gitignore else ()}
    for root, dirs, names in os.walk(top, onerror=unreadable):
        settings = settings_for(root)
        inherited = levels.get(os.path.dirname(root), ())
        own = _ignore_file(root, ".gitignore") if gitignore and ".gitignore" in names else None
        here = inherited + ((root, own),) if own is not None else inherited
        levels[root] = here
        kept = []
        for d in sorted(dirs):
            full = os.path.join(root, d)
            if d.startswith(".") or settings.is_excluded(full) or _ignored(full, True, here) \
                    or os.path.isfile(os.path.join(full, "pyvenv.cfg")):
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            if not name.endswith(CHECKABLE):
                continue
            full = os.path.join(root, name)
            # Regular files only: a FIFO or socket named *.py would block or fail on read.
            if not settings.is_excluded(full) and not _ignored(full, False, here) and os.path.isfile(full):
                files.append(shown(full))


def _ignored(full: str, is_dir: bool, levels) -> bool:
    """git's answer: the deepest ignore file with a pattern matching ``full`` decides (its last matching
    pattern: ``!pattern`` re-includes).  Directories are tested with a trailing ``/`` (``build/`` patterns)."""
    for base, spec in reversed(levels):
        rel = full[len(base.rstrip(os.sep)) + 1:].replace(os.sep, "/") + ("/" if is_dir else "")
        result = spec.check_file(rel).include
        if result is not None:
            return result
    return False


def _ignore_file(directory: str, *parts: str):
    """A ``GitIgnoreSpec`` of one ignore file, None when it is absent or has no pattern.  pathspec is imported
    only here: a walk with no ignore file never loads it."""
    try:
        # errors="replace": an ignore file in another encoding still gives its ASCII patterns (git reads bytes).
        with open(os.path.join(directory, *parts), encoding="utf-8", errors="replace") as handle:
            lines = [line.rstrip("\n") for line in handle]
    except (OSError, ValueError):
        return None
    if not any(line.strip() and not line.lstrip().startswith("#") for line in lines):
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _ancestor_levels(top: str) -> tuple:
    """The ignore files above ``top`` that git applies inside it: ``.git/info/exclude`` of the repository and
    the ``.gitignore`` of each directory from the repository root down to ``top``'s parent.  None outside a git
    repository; none either when they ignore ``top`` itself (the user named it: it is walked)."""
    chain = []
    current = top
    while True:
        parent = os.path.dirname(current)
        if os.path.exists(os.path.join(current, ".git")):
            break
        if parent == current:
            return ()
        current = parent
        chain.append(current)
    root = current
    levels = []
    exclude = _ignore_file(root, ".git", "info", "exclude") if os.path.isdir(os.path.join(root, ".git")) else None
    if exclude is not None:
        levels.append((root, exclude))
    for directory in reversed(chain):  # the root first: deeper files take precedence
        spec = _ignore_file(directory, ".gitignore")
        if spec is not None:
            levels.append((directory, spec))
    if top != root and _ignored(top, True, levels):
        return ()
    return tuple(levels)


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
