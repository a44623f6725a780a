"""``%load_ext shapedoctor``: Keras shape errors in IPython/Jupyter cells, explained in place.

A custom exception handler for ``ValueError`` shows IPython's normal traceback and, when
the exception comes from Keras and the cell (or a file it calls) has a shape finding
for the failing layer, the finding, the per-layer trace table and the ranked fixes under
it.  The cell's source is read from IPython's cache (``linecache``) or the input history;
it is checked statically, never re-run.  ``%unload_ext shapedoctor`` removes the handler.
"""

from __future__ import annotations

import linecache

_INSTALLED: dict[int, tuple] = {}  # id(shell) -> the custom exceptions it had before


def load_ipython_extension(ipython) -> None:
    _INSTALLED.setdefault(id(ipython), (getattr(ipython, "custom_exceptions", ()), getattr(ipython, "CustomTB",
                                                                                             None)))
    ipython.set_custom_exc((ValueError,), _handler)


def unload_ipython_extension(ipython) -> None:
    previous = _INSTALLED.pop(id(ipython), None)
    ipython.set_custom_exc((), None)
    if previous is not None and previous[0]:
        ipython.custom_exceptions, ipython.CustomTB = previous


def _handler(shell, etype, value, tb, tb_offset=None):
    stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    try:
        text = cell_explanation(shell, value)
    except Exception:  # the explanation is a bonus: never lose the user's traceback over it
        text = None
    if text:
        stb = list(stb) + ["", text]
    shell._showtraceback(etype, value, stb)
    return None


def cell_explanation(shell, value: BaseException) -> str | None:
    """shapedoctor's explanation for an exception raised while running a cell."""
    import traceback

    from .frontends.live import explanation_for

    sources: dict[str, str] = {}
    for frame in traceback.extract_tb(value.__traceback__):
        name = frame.filename
        if name in sources:
            continue
        lines = linecache.getlines(name)
        if lines and _is_cell(name):
            sources[name] = "".join(lines)
    if not sources:  # no cached cell file: the last input is the cell that failed
        history = shell.user_ns.get("In") or []
        if history:
            for frame in traceback.extract_tb(value.__traceback__):
                if _is_cell(frame.filename):
                    sources[frame.filename] = history[-1]
    return explanation_for(value, sources)


def _is_cell(filename: str) -> bool:
    return filename.startswith(("<ipython-input-", "<cell")) or "ipykernel_" in filename or \
        "/ipython-input-" in filename
