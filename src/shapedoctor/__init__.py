"""shapedoctor: Keras shape errors found statically, explained, and fixed."""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: `python -m shapedoctor` imports this module before the CLI's Ctrl-C
# handler is installed, so it imports nothing (mypy treats any module-level TYPE_CHECKING as typing's).
TYPE_CHECKING = False

__version__ = "0.1.0"

__all__ = ["__version__", "check_source", "check_file", "check_model", "explain", "Report", "load_ipython_extension",
           "unload_ipython_extension"]

if TYPE_CHECKING:  # what the lazy attributes below are, for type checkers (py.typed); nothing imported at run time
    from typing import Any

    from .check import Report as Report
    from .check import check_file as check_file
    from .check import check_source as check_source
    from .frontends.live import check_model as check_model
    from .frontends.live import explain as explain
    from .ipython import load_ipython_extension as load_ipython_extension
    from .ipython import unload_ipython_extension as unload_ipython_extension


def __getattr__(name: str) -> Any:
    # Lazy: `import shapedoctor` must stay cheap (no rules, no ast walk until asked).
    if name in ("check_source", "check_file", "Report"):
        from . import check

        return getattr(check, name)
    if name == "check_model":
        from .frontends.live import check_model

        return check_model
    if name == "explain":  # the context manager (no submodule may be named explain)
        from .frontends.live import explain

        return explain
    if name in ("load_ipython_extension", "unload_ipython_extension"):  # %load_ext shapedoctor
        from . import ipython

        return getattr(ipython, name)
    raise AttributeError(name)
