"""Project configuration: ``[tool.shapedoctor]`` in ``pyproject.toml``, or a ``.shapedoctor.toml`` /
``shapedoctor.toml`` (the same keys at the top level), found as ruff finds its configuration.

* Each checked path uses the closest configuration file in its directory or a parent; in one directory
  ``.shapedoctor.toml`` wins over ``shapedoctor.toml``, which wins over ``pyproject.toml`` (which only counts
  when it has a ``[tool.shapedoctor]`` table).  ``--config FILE`` uses that file for every path;
  ``--isolated`` ignores every configuration file; ``--config KEY=VALUE`` (``config_override``) overrides one key
  of whichever applies.
* Glob patterns (``exclude``, ``per-file-ignores``) are relative to the configuration file's directory; a
  pattern without ``/`` also matches a file or directory name anywhere (``build``, ``test_*.py``). ``*`` and
  ``**`` match across ``/``, ``**/`` is zero or more directories, ``{a,b}`` alternatives, ``!pattern`` in
  ``per-file-ignores`` negates.
* Command-line options override the file: ``--select`` replaces ``select``, ``--ignore``/``--extend-select``
  add on top, and as in ruff the more specific selector wins (``select = ["SD1"]`` + ``ignore = ["SD101"]``).

API (also used by the language server)::

    settings = find_settings("src/model.py")        # Settings (defaults when no file is found)
    settings = load_settings("ci/shapedoctor.toml")  # one explicit file
    settings.kinds_for("src/model.py")              # frozenset of selected kind names for that file
    settings.is_excluded("build/x.py")              # exclude / extend-exclude
    settings.target_shapes_map                      # {"model": (None, 1)} or None

Reading a pyproject.toml costs nothing unless it mentions ``tool.shapedoctor``: ``tomllib`` is imported only
to parse a file that does.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

CONFIG_FILES = (".shapedoctor.toml", "shapedoctor.toml", "pyproject.toml")  # precedence within one directory

# Directory and file names never entered by a directory scan unless `exclude` replaces this list (ruff's default
# exclude, plus build folders).  Hidden directories and virtual environments (a `pyvenv.cfg` inside) are
# skipped whatever `exclude` says.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".bzr", "__pycache__", ".venv", "venv", "node_modules", ".tox", ".nox",
                   ".mypy_cache", ".pytest_cache", ".ruff_cache", ".shapedoctor_cache", ".pytype", "build", "dist",
                   ".eggs", "site-packages", "__pypackages__", "_build", "buck-out", ".ipynb_checkpoints", ".direnv")

_LIST_KEYS = ("select", "extend-select", "ignore", "exclude", "extend-exclude")
_BOOL_KEYS = ("report-unused-noqa", "show-source", "force-exclude", "respect-gitignore")
KNOWN_KEYS = tuple(sorted(_LIST_KEYS + _BOOL_KEYS + ("per-file-ignores", "target-shapes", "format")))


class SettingsError(ValueError):
    """A configuration file that cannot be used: one line, naming the file (the command line exits 2)."""


@dataclass(frozen=True)
class Settings:
    """The options of one configuration file (and the command line's on top): see the module docstring."""

    path: str | None = None  # the configuration file; None: the defaults
    root: str | None = None  # its directory (absolute): globs are relative to it
    select: tuple[str, ...] | None = None  # None: every kind
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    target_shapes: tuple[tuple[str, tuple], ...] = ()  # (model name, shape with its batch axis)
    format: str | None = None
    report_unused_noqa: bool = False
    show_source: bool | None = None  # None: on for a terminal
    force_exclude: bool = False
    respect_gitignore: bool = True
    overrides: tuple[tuple, ...] = field(default=(), repr=False)  # command-line (select, extend, ignore) layers

    # ------------------------------------------------------------------ rule selection
    @cached_property
    def _selected(self) -> frozenset[str]:
        layers = [(self.select, self.extend_select, self.ignore), *self.overrides]
        selected = resolve_selection(layers)
        if self.report_unused_noqa:  # the switch selects its finding, unless an `ignore` names it (not only ALL)
            ignored = any(_kinds_named([s]) & {"unused-noqa"} for _, _, ignore in layers for s in ignore
                          if s.strip().upper() != "ALL")
            return selected if ignored else selected | {"unused-noqa"}
        return selected - {"unused-noqa"}  # only reported when asked for

    def kinds_for(self, path: str | None = None) -> frozenset[str]:
        """Names of the finding kinds reported for ``path``: the selection minus its ``per-file-ignores``."""
        selected = self._selected
        if path is None or not self.per_file_ignores:
            return selected
        ignored: set[str] = set()
        for pattern, selectors in self.per_file_ignores:
            negated = pattern.startswith("!")
            if self._matches(path, pattern[1:] if negated else pattern) != negated:
                ignored |= _kinds_named(selectors)
        return selected - ignored

    def with_overrides(self, select=None, extend_select=None, ignore=None, **options) -> "Settings":
        """Command-line options on top of this file: ``select`` (a list) replaces the selection, ``extend_select``
        and ``ignore`` add to it; any other field given (not None) replaces the file's value."""
        changes = {k: v for k, v in options.items() if v is not None}
        if "extend_exclude" in changes:  # adds to the file's (an empty list too: nothing added)
            changes["extend_exclude"] = self.extend_exclude + tuple(changes["extend_exclude"])
        if select is not None or extend_select or ignore:
            layer = (None if select is None else tuple(select), tuple(extend_select or ()), tuple(ignore or ()))
            changes["overrides"] = self.overrides + (layer,)
        return replace(self, **changes) if changes else self

    # ------------------------------------------------------------------ paths
    @property
    def target_shapes_map(self) -> dict | None:
        return dict(self.target_shapes) if self.target_shapes else None

    @cached_property
    def _exclude(self) -> tuple[frozenset[str], tuple]:
        names, globs = set(), []
        for pattern in self.exclude + self.extend_exclude:
            if _GLOB_CHARS.search(pattern) or "/" in pattern.strip("/"):
                globs.append(pattern)
            else:
                names.add(pattern.strip("/"))
        return frozenset(names), tuple(globs)

    def is_excluded(self, path: str) -> bool:
        """``path`` (a file or a directory) matches ``exclude`` or ``extend-exclude``: by its name, or by its path
        relative to the configuration file's directory."""
        names, globs = self._exclude
        name = os.path.basename(os.path.normpath(path))
        if name in names:
            return True
        return any(self._matches(path, pattern) for pattern in globs)

    def is_excluded_with_parents(self, path: str) -> bool:
        """``--force-exclude``: ``path`` or one of its directories (below the project root) is excluded."""
        full = os.path.abspath(path)
        stop = self.root or _cwd()
        while True:
            if self.is_excluded(full):
                return True
            parent = os.path.dirname(full)
            if parent == full or not _under(parent, stop) or parent == stop:
                return False
            full = parent

    def _matches(self, path: str, pattern: str) -> bool:
        full = os.path.abspath(path)
        name = os.path.basename(full)
        rel = os.path.relpath(full, self.root or _cwd())  # no configuration file: the working directory, as ruff
        rel = rel.replace(os.sep, "/")
        pattern = pattern[2:] if pattern.startswith("./") else pattern
        regex = _glob_regex(pattern.rstrip("/") or pattern)
        if os.path.isabs(pattern):
            return regex.match(full.replace(os.sep, "/")) is not None
        return regex.match(rel) is not None or ("/" not in pattern.strip("/") and regex.match(name) is not None)


DEFAULT = Settings()


# ---------------------------------------------------------------------- selection
def _specificity(selector: str) -> int:
    from .kinds import kind_by_name_or_code

    selector = selector.strip()
    if selector.upper() == "ALL":
        return 0
    if kind_by_name_or_code(selector) is not None:
        return 100
    return len(selector)  # a code prefix: SD < SD1 < SD10


def _kinds_named(selectors) -> set[str]:
    from .kinds import KINDS
    from .suppress import selector_matches

    return {k.name for s in selectors for k in KINDS.values() if selector_matches(s, k)}


def resolve_selection(layers) -> frozenset[str]:
    """ruff's rule selection over ``(select, extend_select, ignore)`` layers (the file's, then the command
    line's): a layer with ``select`` starts afresh, one without builds on the previous; within a layer the
    selectors apply from the least specific (``ALL``) to the most (a full code or kind name), so the more
    specific one wins, and an ``ignore`` beats a ``select`` of the same specificity."""
    from .kinds import KINDS

    selected = {k.name for k in KINDS.values()}
    for select, extend_select, ignore in layers:
        if select is None and not extend_select and not ignore:
            continue
        current = set() if select is not None else set(selected)
        entries = [(_specificity(s), 0, s) for s in (*(select or ()), *extend_select)]
        entries += [(_specificity(s), 1, s) for s in ignore]
        for _, is_ignore, selector in sorted(entries, key=lambda e: (e[0], e[1])):
            matched = _kinds_named([selector])
            if is_ignore:
                current -= matched
            else:
                current |= matched
        selected = current
    return frozenset(selected)


def check_selectors(selectors, where: str) -> None:
    from .suppress import known_selector

    for selector in selectors:
        if not known_selector(selector):
            raise SettingsError(f"{where}: unknown finding kind or code {selector.strip()!r} "
                                f"(see `shapedoctor explain --list`)")


# ---------------------------------------------------------------------- globs
_GLOB_CHARS = re.compile(r"[*?\[{]")
_GLOB_CACHE: dict[str, re.Pattern] = {}


def _glob_regex(pattern: str) -> re.Pattern:
    """A glob as ruff's globset reads it by default: ``*`` and ``**`` cross ``/``, ``**/`` is zero or more
    directories, ``?`` one character, ``[...]``/``[!...]`` classes, ``{a,b}`` alternatives."""
    cached = _GLOB_CACHE.get(pattern)
    if cached is not None:
        return cached
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif c == "*":
            while i < n and pattern[i] == "*":
                i += 1
            out.append(".*")
        elif c == "?":
            out.append(".")
            i += 1
        elif c == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end + 1
        elif c == "{" and "}" in pattern[i:]:
            end = pattern.index("}", i)
            out.append("(?:" + "|".join(re.escape(part) for part in pattern[i + 1:end].split(",")) + ")")
            i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    regex = re.compile("(?s:" + "".join(out) + r")(?:/.*)?\Z")  # a directory pattern covers what is inside
    _GLOB_CACHE[pattern] = regex
    return regex


# ---------------------------------------------------------------------- files
_MENTIONS_TOOL = re.compile(rb"""(?mx)
    tool["']?\s*\.\s*["']?shapedoctor          # [tool.shapedoctor], [tool.shapedoctor.x], tool.shapedoctor.x = ...
    | ^\s*\[\s*["']?tool["']?\s*\]             # [tool] with a shapedoctor = {...} key
    | ^\s*["']?tool["']?\s*=                   # tool = {shapedoctor = {...}}
""")


def _read_toml(path: str, data: bytes) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the same parser, as a package
        import tomli as tomllib

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: invalid TOML: {exc}") from None


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (IsADirectoryError, FileNotFoundError, NotADirectoryError):
        return None
    except PermissionError:
        if not os.path.exists(path):  # a directory that may not be searched: nothing to find there
            return None
        raise SettingsError(f"{path}: cannot read: permission denied") from None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _pyproject_table(path: str, data: bytes) -> dict | None:
    """The ``[tool.shapedoctor]`` table, or None when there is none (the file is parsed only when it mentions
    one: most pyproject.toml files cost one read)."""
    if not _MENTIONS_TOOL.search(data):
        return None
    tool = _read_toml(path, data).get("tool")
    table = tool.get("shapedoctor") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise SettingsError(f"{path}: [tool.shapedoctor] must be a table")
    return table


def load_settings(path: str) -> Settings:
    """One explicit configuration file (``--config``): a ``pyproject.toml`` (its ``[tool.shapedoctor]`` table;
    the defaults when it has none) or any other TOML file with the keys at the top level."""
    data = _read(path)
    if data is None:
        raise SettingsError(f"{path}: configuration file not found")
    if os.path.basename(path) == "pyproject.toml":
        table = _pyproject_table(path, data) or {}
    else:
        table = _read_toml(path, data)
    return settings_from_table(table, path)


def _config_in(directory: str) -> Settings | None:
    for name in CONFIG_FILES:
        candidate = os.path.join(directory, name)
        data = _read(candidate)
        if data is None:
            continue
        if name == "pyproject.toml":
            table = _pyproject_table(candidate, data)
            if table is None:
                continue
        else:
            table = _read_toml(candidate, data)
        return settings_from_table(table, candidate)
    return None


def find_settings(path: str = ".") -> Settings:
    """The settings for ``path`` (a file, a directory, or a name that need not exist: ``--stdin-filename``):
    the closest configuration file in its directory or a parent, else the defaults."""
    return Resolver().for_path(path)


class Resolver:
    """Settings per checked path, with the command-line overrides applied, cached per directory.

    ``config``: one file for every path (``--config``); ``isolated``: no file at all (``--isolated``)."""

    def __init__(self, config: str | None = None, isolated: bool = False, overrides: dict | None = None,
                 config_overrides: tuple[dict, ...] = ()):
        """``overrides``: the command line's options (``with_overrides``); ``config_overrides``: the fields each
        ``--config KEY=VALUE`` sets (``config_override``), applied in order between the file and ``overrides``
        (as ruff: they win over every configuration file, the command line's own options win over them)."""
        self.overrides = overrides or {}
        self.config_overrides = tuple(config_overrides)
        self._cache: dict[str, Settings] = {}
        self._fixed = None
        if isolated:
            self._fixed = self._finish(DEFAULT)
        elif config is not None:
            self._fixed = self._finish(load_settings(config))

    def _finish(self, settings: Settings) -> Settings:
        for fields in self.config_overrides:
            settings = settings.with_overrides(**fields)
        return settings.with_overrides(**self.overrides)

    def for_path(self, path: str) -> Settings:
        full = os.path.abspath(path)
        return self.for_directory(full if os.path.isdir(full) else os.path.dirname(full))

    def for_directory(self, directory: str) -> Settings:
        if self._fixed is not None:
            return self._fixed
        directory = os.path.abspath(directory)
        chain = []
        found = None
        current = directory
        while True:
            if current in self._cache:
                found = self._cache[current]
                break
            chain.append(current)
            settings = _config_in(current)
            if settings is not None:
                found = self._finish(settings)
                break
            parent = os.path.dirname(current)
            if parent == current:
                found = self._finish(DEFAULT)
                break
            current = parent
        for visited in chain:
            self._cache[visited] = found
        return found


# ---------------------------------------------------------------------- validation
def settings_from_table(table: dict, path: str) -> Settings:
    section = "[tool.shapedoctor]" if os.path.basename(path) == "pyproject.toml" else "the file"
    options = _options(table, path, f" in {section}")
    return Settings(path=os.path.abspath(path), root=os.path.dirname(os.path.abspath(path)), **options)


def _unknown_key(key: str, where: str, section: str) -> SettingsError:
    import difflib

    close = difflib.get_close_matches(key.replace("_", "-"), KNOWN_KEYS, n=1, cutoff=0.7)
    hint = f"; did you mean {close[0]!r}?" if close else f" (known keys: {', '.join(KNOWN_KEYS)})"
    return SettingsError(f"{where}: unknown key {key!r}{section}{hint}")


def _options(table: dict, where: str, section: str = "") -> dict:
    """The ``Settings`` fields a configuration table sets (only those), each validated; ``where`` starts each
    error message (the file, or ``--config 'KEY = VALUE'``)."""
    for key in table:
        if key not in KNOWN_KEYS:
            raise _unknown_key(key, where, section)
    options: dict = {}
    for key in _LIST_KEYS:
        if key in table:
            value = table[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SettingsError(f"{where}: {key} must be a list of strings")
            if key in ("select", "extend-select", "ignore"):
                check_selectors(value, f"{where}: {key}")
            options[key.replace("-", "_")] = tuple(value)
    for key in _BOOL_KEYS:
        if key in table:
            if not isinstance(table[key], bool):
                raise SettingsError(f"{where}: {key} must be true or false")
            options[key.replace("-", "_")] = table[key]
    if "format" in table:
        from .report import FORMATS

        if table["format"] not in FORMATS:
            raise SettingsError(f"{where}: format must be one of {', '.join(FORMATS)}, not {table['format']!r}")
        options["format"] = table["format"]
    if "per-file-ignores" in table:
        value = table["per-file-ignores"]
        if not isinstance(value, dict):
            raise SettingsError(f"{where}: per-file-ignores must be a table of glob = [codes]")
        pairs = []
        for pattern, selectors in value.items():
            if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
                raise SettingsError(f"{where}: per-file-ignores: {pattern!r} must map to a list of codes")
            check_selectors(selectors, f"{where}: per-file-ignores")
            pairs.append((pattern, tuple(selectors)))
        options["per_file_ignores"] = tuple(pairs)
    if "target-shapes" in table:
        options["target_shapes"] = _target_shapes(table["target-shapes"], where)
    return options


def is_config_override(value: str) -> bool:
    """``--config VALUE``: a ``KEY = VALUE`` pair (TOML) rather than a file, as ruff tells them apart: an existing
    file is a file; otherwise a value with ``=`` is a pair."""
    return "=" in value and not os.path.isfile(value)


def config_override(text: str) -> dict:
    """``--config "select = ['SD1']"``: the ``Settings`` fields that TOML text sets, validated as a configuration
    file's keys (an unknown key, a bad value or invalid TOML: a one-line ``SettingsError``)."""
    where = f"--config {text!r}"
    table = _read_toml(where, text.encode("utf-8", "surrogateescape"))
    if not table:
        raise SettingsError(f"{where}: expected a TOML key = value, e.g. \"select = ['SD1']\"")
    return _options(table, where)


def _target_shapes(value, path: str) -> tuple:
    from .cli import UsageError, parse_shape

    if not isinstance(value, dict):
        raise SettingsError(f"{path}: target-shapes must be a table of model name = \"(None, 1)\"")
    out = []
    for name, shape in value.items():
        if isinstance(shape, list) and all(isinstance(d, (int, str)) and not isinstance(d, bool) for d in shape):
            shape = ", ".join(str(d) for d in shape)
        if not isinstance(shape, str):
            raise SettingsError(f"{path}: target-shapes: {name!r} must be a shape such as \"(None, 1)\"")
        try:
            out.append((name, parse_shape(shape)))
        except UsageError:
            raise SettingsError(f"{path}: target-shapes: cannot read {shape!r} for {name!r}; "
                                f"write e.g. \"(None, 1)\"") from None
    return tuple(out)


def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:
        return os.sep


def _under(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)
