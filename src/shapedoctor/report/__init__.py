"""Reporters: one module per output format, each ``render(report) -> str``."""

FORMATS = ("text", "json", "sarif", "github")


def full_message(diagnostic, with_fixes: bool = True) -> str:
    """The one-line message, then the explanation lines and the ranked fixes, for one-field formats."""
    lines = [diagnostic.message, *diagnostic.explanation]
    if with_fixes:
        lines += [f"fix {f.rank}: {f.title}" for f in diagnostic.fixes]
    return "\n".join(lines)


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
