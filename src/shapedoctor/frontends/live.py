"""Live Keras models and Keras' own shape exceptions.

- :func:`check_model` checks a ``keras.Model``/``Sequential`` (built or not) or a config
  dict.  It reads the model's serialized config only (``to_json()``, which for Sequential
  includes ``build_input_shape`` once built): no layer is called, nothing is traced.
- :func:`explain` is a context manager and a decorator: when Keras raises a shape
  ``ValueError`` inside it, the exception is re-raised with the same type, chained
  (``raise ... from``), its message extended with shapedoctor's finding for the user's
  source line of the offending layer, the per-layer trace table and the ranked fixes.
  The user's file is found from the traceback (the innermost frame outside Keras, the
  standard library and shapedoctor) and checked statically; it is never re-run.

No Keras import happens here: a model is only asked for ``to_json``/``get_config``.
"""

from __future__ import annotations

import functools
import json
import linecache
import os
import re
import sys
import sysconfig
import traceback
from typing import TYPE_CHECKING, Any, Callable, Literal, TypeVar, cast, overload

if TYPE_CHECKING:
    from ..check import FileReport, Report, TargetShape

F = TypeVar("F", bound=Callable[..., Any])

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ----------------------------------------------------------------------------- check_model
def check_model(model_or_config: Any, target_shape: TargetShape = None, with_fixes: bool = True) -> Report:
    """A live Keras model or a model config dict -> Report (never raises, but for a bad ``target_shape``:
    ValueError, see ``check.target_shape_of``)."""
    from ..check import Report, file_problem, target_shape_of
    from ..kinds import INPUT_ERROR
    from .config import check_config, looks_like_model

    target_shape = target_shape_of(target_shape)

    if isinstance(model_or_config, dict):
        config = model_or_config
        path = f"<config {_name_of(config)}>"
    else:
        try:
            config = model_config(model_or_config)
        except TypeError as exc:
            return Report([file_problem("<model>", INPUT_ERROR, str(exc))])
        path = f"<model {getattr(model_or_config, 'name', None) or _name_of(config)}>"
    if not looks_like_model(config):
        return Report([file_problem(path, INPUT_ERROR, "not a Keras model config (no Sequential/Functional "
                                                        "class_name and no layer list)")])
    return Report([check_config(config, path, target_shape, with_fixes)])


def model_config(model: Any) -> dict[str, Any]:
    """The serialized config of a live model, as ``model.to_json()`` writes it."""
    to_json = getattr(model, "to_json", None)
    get_config = getattr(model, "get_config", None)
    if to_json is None and get_config is None:
        raise TypeError(f"not a Keras model or config: {type(model).__name__}")
    if to_json is not None:
        try:
            return cast("dict[str, Any]", json.loads(to_json()))
        except Exception:  # a layer whose get_config() fails: fall back to what can be read
            pass
    if get_config is None:
        raise TypeError(f"cannot read the model's config ({type(model).__name__}.to_json() failed)")
    try:
        config = get_config()
    except Exception as exc:
        raise TypeError(f"cannot read the model's config ({type(exc).__name__}: {exc})") from None
    config = json.loads(json.dumps(config, default=_json_default))
    return {"class_name": type(model).__name__, "config": config}


def _json_default(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return None  # anything else is not shape-relevant (initializer objects, functions ...)


def _name_of(config: dict[str, Any]) -> str:
    inner = config.get("config") if isinstance(config.get("config"), dict) else config
    name = inner.get("name") if isinstance(inner, dict) else None
    return name if isinstance(name, str) else "model"


# ----------------------------------------------------------------------------- explain
class _Explainer:
    """``with shapedoctor.explain():`` / ``@shapedoctor.explain()``."""

    def __enter__(self) -> _Explainer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: Any) -> Literal[False]:
        if exc is None or not isinstance(exc, ValueError):
            return False
        enriched = explained_exception(exc)
        if enriched is None:
            return False
        raise enriched.with_traceback(tb) from exc

    def __call__(self, func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self:
                return func(*args, **kwargs)

        return cast(F, wrapper)


@overload
def explain(func: None = None) -> _Explainer: ...


@overload
def explain(func: F) -> F: ...


def explain(func: F | None = None) -> _Explainer | F:
    """Context manager and decorator explaining Keras shape errors raised inside it.

    ``with shapedoctor.explain(): model = build()``, ``@shapedoctor.explain()`` or
    ``@shapedoctor.explain`` on a function.
    """
    explainer = _Explainer()
    return explainer(func) if callable(func) else explainer


def explained_exception(exc: BaseException) -> BaseException | None:
    """A new exception of ``exc``'s type whose message adds shapedoctor's explanation, or None."""
    text = explanation_for(exc)
    if text is None:
        return None
    message = f"{exc}\n\n{text}"
    try:
        new = type(exc)(message)
    except Exception:
        return None
    return new


def explanation_for(exc: BaseException, sources: dict[str, str] | None = None) -> str | None:
    """shapedoctor's finding, trace table and fixes for a Keras shape exception, or None.

    ``sources`` maps traceback file names to their text (IPython cells); other user files
    are read through ``linecache``.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    if not any(_is_keras_file(f.filename) for f in frames):
        return None
    users = [f for f in frames if _is_user_file(f.filename, sources)]
    checked: dict[str, FileReport | None] = {}
    for frame in reversed(users):  # innermost first: closest to the failing layer
        filename = frame.filename
        if filename not in checked:
            checked[filename] = _check_text(filename, sources)
        report = checked[filename]
        if report is None:
            continue
        found = _match(report, frame, str(exc))
        if found is not None:
            diagnostic, model = found
            return _render(diagnostic, model, report, _display_name(filename))
    return None


def _check_text(filename: str, sources: dict[str, str] | None) -> FileReport | None:
    from ..check import check_source

    text = (sources or {}).get(filename)
    if text is None:
        lines = linecache.getlines(filename)
        if not lines:
            return None
        text = "".join(lines)
    try:
        report = check_source(text, _display_name(filename))
    except Exception:  # never let the explainer hide the user's own exception
        return None
    return report.files[0] if report.files else None


_LAYER_NAME = re.compile(r"""layer ['"]([\w.-]+)['"]|calling (\w+)\.call\(\)""")


def _match(file_report: Any, frame: Any, message: str) -> tuple[Any, Any] | None:
    """The finding for the failing layer: on the frame's lines, else named by Keras, else the only error."""
    problems = [(d, m) for m in file_report.models for d in m.inference.diagnostics
                if d.severity in ("error", "warning")]
    if not problems:
        return None
    first, last = frame.lineno or 0, getattr(frame, "end_lineno", None) or frame.lineno or 0
    on_lines = [(d, m) for d, m in problems if d.line <= last and d.end_line >= first]
    if on_lines:
        return min(on_lines, key=lambda p: (p[0].severity != "error", p[0].line))
    named = _LAYER_NAME.search(message)
    if named:
        wanted = named.group(1) or named.group(2)
        for d, m in problems:
            node = m.graph.nodes[d.node] if d.node is not None else None
            if node is not None and wanted in (node.name, node.type, node.label):
                return d, m
    errors = [(d, m) for d, m in problems if d.severity == "error"]
    return errors[0] if len(errors) == 1 else None


def _render(diagnostic: Any, model: Any, file_report: Any, path: str) -> str:
    from ..check import Report
    from ..report.text import finding_lines, source_lines
    from ..report.trace import render_plain

    # the source's lines: the column is printed in characters, as the text output prints it
    lines = ["shapedoctor explains this error:", *finding_lines(diagnostic, path, source=source_lines(file_report)),
             ""]
    single = type(file_report)(path, models=[model], diagnostics=[diagnostic])
    lines.append(render_plain(Report([single]), model.name).rstrip())
    return "\n".join(lines)


def _display_name(filename: str) -> str:
    if filename.startswith("<"):
        return filename
    try:
        return os.path.relpath(filename)
    except ValueError:
        return filename


def _library_dirs() -> tuple[str, ...]:
    dirs = {_PACKAGE_DIR}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        try:
            dirs.add(os.path.realpath(sysconfig.get_paths()[key]))
        except KeyError:
            pass
    for path in sys.path:
        if path.endswith(("site-packages", "dist-packages")):
            dirs.add(os.path.realpath(path))
    return tuple(d + os.sep for d in dirs if d)


def _is_keras_file(filename: str) -> bool:
    return f"{os.sep}keras{os.sep}" in filename


def _is_user_file(filename: str, sources: dict[str, str] | None) -> bool:
    if sources and filename in sources:
        return True
    if filename.startswith("<") or _is_keras_file(filename):
        return False
    real = os.path.realpath(filename)
    return not real.startswith(_library_dirs()) and bool(linecache.getlines(filename))
