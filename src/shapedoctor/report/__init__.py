"""Reporters: one module per output format, each ``render(report) -> str``."""

FORMATS = ("text", "json", "sarif", "github")


def render(report, fmt: str, **options) -> str:
    if fmt == "json":
        from .json_format import render as fn
    elif fmt == "sarif":
        from .sarif import render as fn
    elif fmt == "github":
        from .github import render as fn
    else:
        from .text import render as fn
    return fn(report, **options)
