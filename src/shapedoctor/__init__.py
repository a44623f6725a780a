"""shapedoctor: Keras shape errors found statically, explained, and fixed."""

__version__ = "0.1.0"

__all__ = ["__version__", "check_source", "check_file", "check_model", "Report"]


def __getattr__(name):
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
