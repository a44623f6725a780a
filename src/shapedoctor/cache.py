"""A persistent cache of ``check`` results per Python file, as ruff's ``.ruff_cache``.

A file's result is stored under a key made of everything it depends on: the file's bytes, the path it is
reported under, the options that change a result (target shape, fixes, edits, whether the file was named),
and the checker itself (its version and the size and modification time of each of its own files, so an edited
or upgraded shapedoctor never reads an old result).  An entry also lists the modules of the user's project the
file imports and the checker read, with a hash of each: an edited module makes the entry a miss, as does a module
made where an import looked for one and found none.  A warm run reads the bytes, hashes them and loads the JSON
result instead of parsing and interpreting the file.

The cache holds JSON only, never pickles: a cache directory is a file anyone can commit to a repository, and
reading it must not run code.  Anything unreadable, of another format or inconsistent is a miss.  Entries are
written atomically (temp file + rename).  The directory holds a ``CACHEDIR.TAG`` and a ``.gitignore`` of ``*``
(so backups and git leave it alone).  ``--no-cache`` or ``SHAPEDOCTOR_NO_CACHE=1`` turn it off;
``--cache-dir`` or ``SHAPEDOCTOR_CACHE_DIR`` move it (default: ``.shapedoctor_cache`` in the working
directory).  Notebooks and Keras configs are not cached.
"""

from __future__ import annotations

import hashlib
import os

from . import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:  # only what the annotations name: `check` on one file imports nothing it does not use
    from typing import Any

# the layout of an entry; a new one starts a new subdirectory (2: the project modules read; 3: data_origin; 4: the
# places an import found no module)
FORMAT = 4
DEFAULT_DIR = ".shapedoctor_cache"
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by shapedoctor.\n"
        "# For information about cache directory tags, see https://bford.info/cachedir/\n")
_fingerprint: str | None = None


def cache_dir_from(option: str | None, disabled: bool) -> str | None:
    """The cache directory a command uses, or None when caching is off (``--no-cache``, SHAPEDOCTOR_NO_CACHE)."""
    if disabled or os.environ.get("SHAPEDOCTOR_NO_CACHE", "").strip() not in ("", "0", "false"):
        return None
    return option or os.environ.get("SHAPEDOCTOR_CACHE_DIR") or DEFAULT_DIR


def engine_fingerprint() -> str:
    """What identifies this checker: its version and each of its own files' size and modification time."""
    global _fingerprint
    if _fingerprint is None:
        package = os.path.dirname(os.path.abspath(__file__))
        digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
        for directory, subdirs, files in os.walk(package):
            subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".json", ".toml")):
                    path = os.path.join(directory, name)
                    info = os.stat(path)
                    digest.update(f"{os.path.relpath(path, package)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        _fingerprint = digest.hexdigest()
    return _fingerprint


class FileCache:
    def __init__(self, directory: str):
        self.root = directory
        self.directory = os.path.join(directory, f"v{FORMAT}")
        self.hits = self.misses = 0
        self._prepared = False

    def key(self, raw: bytes, path: str, target_shape: Any, with_fixes: bool, explicit: bool,
            with_edits: bool) -> str:
        options = "\0".join([engine_fingerprint(), path, repr(target_shape), str(with_fixes), str(explicit),
                              str(with_edits)])
        return hashlib.sha256(options.encode("utf-8", "surrogatepass") + b"\0" + raw).hexdigest()

    def _entry(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key + ".json")

    def load(self, key: str, path: str, text: str):
        """The FileReport stored under ``key`` (``path`` and ``text`` are the file's), or None."""
        import json

        from .check import FileReport

        try:
            with open(self._entry(key), encoding="utf-8") as handle:
                data = json.load(handle)
            report = report_from_json(data, path, text) if data.get("key") == key \
                and dependencies_unchanged(data["dependencies"]) else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            report = None
        if isinstance(report, FileReport):
            self.hits += 1
            return report
        self.misses += 1
        return None

    def store(self, key: str, report) -> None:
        """Write the entry atomically; a cache that cannot be written is simply not used."""
        import json
        import tempfile

        try:
            self._prepare()
            entry = self._entry(key)
            os.makedirs(os.path.dirname(entry), exist_ok=True)
            data = json.dumps({"key": key, **report_to_json(report)}, separators=(",", ":"))
            handle, temp = tempfile.mkstemp(dir=os.path.dirname(entry), prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(data)
                os.replace(temp, entry)
            except BaseException:
                os.unlink(temp)
                raise
        except (OSError, ValueError, TypeError):
            pass

    def _prepare(self) -> None:
        if self._prepared:
            return
        self._prepared = True
        os.makedirs(self.directory, exist_ok=True)
        for name, content in (("CACHEDIR.TAG", _TAG), (".gitignore", "# created by shapedoctor\n*\n")):
            marker = os.path.join(self.root, name)
            if not os.path.exists(marker):
                with open(marker, "w", encoding="utf-8") as handle:
                    handle.write(content)


# ---------------------------------------------------------------- FileReport <-> JSON (data only)
def report_to_json(report) -> dict[str, Any]:
    return {
        "error": report.error, "internal_errors": report.internal_errors, "suppressed": report.suppressed,
        "models": [dict(m.to_json(), internal_errors=m.inference.internal_errors) for m in report.models],
        "skipped_models": [s.to_json() for s in report.skipped_models],
        "diagnostics": [_diagnostic_to_json(d) for d in report.diagnostics],
        "unused_noqa": [_diagnostic_to_json(d) for d in report.unused_noqa],
        "dependencies": dict(report.dependencies),
    }


def dependencies_unchanged(dependencies: dict[str, str]) -> bool:
    """Each project module the cached result read still has the bytes it had then, and none has appeared where an
    import looked for one and found none."""
    from .frontends.imports import ABSENT

    for path, digest in dependencies.items():
        if digest == ABSENT:
            if os.path.isfile(path):
                return False
            continue
        try:
            with open(path, "rb") as handle:
                if hashlib.sha256(handle.read()).hexdigest() != digest:
                    return False
        except OSError:
            return False
    return True


def _diagnostic_to_json(diagnostic) -> dict[str, Any]:
    out = diagnostic.to_json()
    out["node"] = diagnostic.node
    for fix, stored in zip(diagnostic.fixes, out["fixes"]):
        stored["group"] = fix.group
    return out


def report_from_json(data: dict[str, Any], path: str, text: str):
    from .check import FileReport
    from .graph import SkippedModel

    return FileReport(
        path, error=data["error"], text=text, internal_errors=int(data["internal_errors"]),
        suppressed=int(data["suppressed"]), models=[CachedModel(m) for m in data["models"]],
        skipped_models=[SkippedModel(int(s["line"]), str(s["reason"])) for s in data["skipped_models"]],
        diagnostics=[_diagnostic_from_json(d, path) for d in data["diagnostics"]],
        unused_noqa=[_diagnostic_from_json(d, path) for d in data["unused_noqa"]],
        dependencies={str(k): str(v) for k, v in data["dependencies"].items()})


def _diagnostic_from_json(data: dict[str, Any], path: str):
    from .diagnostics import Diagnostic, Edit, Fix
    from .kinds import KINDS

    kind = KINDS[data["kind"]]
    if kind.code != data["code"]:
        raise ValueError("kind and code disagree")
    fixes = [Fix(title=f["title"], patches=[], why=f.get("why", ""), applicability=f["applicability"],
                 verified=bool(f["verified"]), rank=int(f["rank"]), group=f.get("group", ""),
                 edits=[Edit(int(e["line"]), int(e["col"]), int(e["end_line"]), int(e["end_col"]), str(e["text"]))
                        for e in f["edits"]])
             for f in data["fixes"]]
    return Diagnostic(kind=kind, message=str(data["message"]), severity=str(data["severity"]),
                      line=int(data["line"]), col=int(data["col"]), end_line=int(data["end_line"]),
                      end_col=int(data["end_col"]), model=str(data["model"]), layer=str(data["layer"]),
                      node=data.get("node"), explanation=[str(x) for x in data["explanation"]], fixes=fixes,
                      path=path)


class _CachedInference:
    def __init__(self, internal_errors: int, complete: bool):
        self.internal_errors = internal_errors
        self.complete = complete


class _CachedGraph:
    def __init__(self, name: str, line: int, kind: str):
        self.name, self.line, self.kind = name, line, kind


class CachedModel:
    """A model of a cached result: what the reports read of a ModelReport (its JSON, completeness, counts)."""

    def __init__(self, data: dict[str, Any]):
        self._json = {k: v for k, v in data.items() if k != "internal_errors"}
        self.graph = _CachedGraph(str(data["name"]), int(data["line"]), str(data["kind"]))
        self.inference = _CachedInference(int(data["internal_errors"]), bool(data["complete"]))

    @property
    def name(self) -> str:
        return self.graph.name

    @property
    def complete(self) -> bool:
        return self.inference.complete

    @property
    def gaps(self):
        from .graph import Gap

        return [Gap(int(g["line"]), int(g["col"]), str(g["reason"])) for g in self._json["gaps"]]

    def to_json(self) -> dict[str, Any]:
        return self._json


# ---------------------------------------------------------------- checking through the cache
def check_file_cached(directory: str | None, path: str, target_shape: Any = None, with_fixes: bool = True,
                      explicit: bool = False, with_edits: bool = True):
    """``check.check_one_file``, through the cache in ``directory`` for a Python file (None: no cache).
    Module-level and given a directory, not a FileCache, so that ``-j N`` workers can run it."""
    return check_through(FileCache(directory) if directory else None, path, target_shape, with_fixes, explicit,
                         with_edits)


def check_through(cache: FileCache | None, path: str, target_shape: Any, with_fixes: bool, explicit: bool,
                  with_edits: bool):
    from .check import MAX_FILE_BYTES, _check_python, check_one_file, decode_source, guarded

    if cache is None or not path.lower().endswith(".py"):
        return check_one_file(path, target_shape, with_fixes, explicit, with_edits)
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            raise OSError
        with open(path, "rb") as handle:
            raw = handle.read()
        text, _ = decode_source(raw)
    except (OSError, ValueError):  # check_one_file says what is wrong with it
        return check_one_file(path, target_shape, with_fixes, explicit, with_edits)
    key = cache.key(raw, path, target_shape, with_fixes, explicit, with_edits)
    report = cache.load(key, path, text)
    if report is None:
        report = guarded(path, _check_python, text, path, target_shape, with_fixes, with_edits)
        if not report.internal_errors and not any(m.inference.internal_errors for m in report.models):
            cache.store(key, report)  # a failure of shapedoctor itself is tried again next time
    return report
