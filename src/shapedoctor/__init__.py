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
    raise AttributeError(name)
