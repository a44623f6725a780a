"""Modules of the user's own project imported by the file being checked: found on disk, read, never run.

``from utils.layer_utils import AttentionLSTM`` or ``from tcn import TCN`` in a script brings a custom layer, a
builder function or a constant from another file of the same project.  Such a module is found as Python would
find it when the project is run from its own directory: relative imports against the importing file's package,
absolute ones in the importing file's directory, then in each directory above it (a script in ``tasks/``
importing the package at the repository's root).  A name the checker itself knows (keras, tensorflow, numpy...)
is never looked for on disk: a stray ``keras.py`` beside the script would not make Keras someone else's code.

The module's syntax tree is marked as *foreign*: every position in it is moved to the import statement of the
file being checked (so nothing in a report can point at a line of another file as if it were this one's),
and the spans made from it say so, which keeps any fix from editing text it does not come from.
"""

from __future__ import annotations

import ast
import hashlib
import os

# Packages the front-end models itself, or that are never part of a user's project.
KNOWN_TOP_LEVEL = frozenset({
    "keras", "tensorflow", "tf_keras", "keras_core", "keras_hub", "keras_nlp", "keras_cv", "tensorflow_addons",
    "tensorflow_hub", "tensorflow_datasets", "numpy", "np", "jax", "torch", "math", "functools", "os", "sys",
    "sklearn", "scipy", "pandas", "matplotlib", "typing", "collections", "itertools", "dataclasses", "abc",
})
MAX_PARENT_DIRECTORIES = 4  # how far above the importing file an absolute import is looked for
MAX_MODULE_BYTES = 2 * 1024 * 1024
FOREIGN = "_shapedoctor_foreign"  # the attribute marking a node of another file


# A cached result's dependency on a file that must stay absent: a module looked for where it was not (its digest)
ABSENT = ""


def module_path(module: str | None, level: int, importer: str, absent: list[str] | None = None) -> str | None:
    """The ``.py`` file ``from <level dots><module> import ...`` in ``importer`` refers to, if it is the user's.

    ``absent`` gets each place looked at first where there was no such file: a file made there later is what the
    import would find (``from tcn import TCN`` before the project's ``tcn/`` was written)."""
    if not importer or importer.startswith("<"):
        return None
    parts = module.split(".") if module else []
    if level == 0 and (not parts or parts[0] in KNOWN_TOP_LEVEL):
        return None
    here = os.path.dirname(os.path.abspath(importer))
    if level:
        base = here
        for _ in range(level - 1):
            base = os.path.dirname(base)
        bases = [base]
    else:
        bases = [here]
        for _ in range(MAX_PARENT_DIRECTORIES):
            parent = os.path.dirname(bases[-1])
            if parent == bases[-1]:
                break
            bases.append(parent)
    for base in bases:
        stem = os.path.join(base, *parts)
        for candidate in (stem + ".py", os.path.join(stem, "__init__.py")):
            if os.path.isfile(candidate):
                if os.path.abspath(candidate) != os.path.abspath(importer):
                    return os.path.abspath(candidate)
            elif absent is not None:
                absent.append(candidate)  # absolute already: `here` is
    return None


def read_foreign_module(path: str, site: ast.AST, shown_as: str | None = None) -> tuple[ast.Module, str] | None:
    """``path`` parsed, its every node moved to ``site``'s position and marked foreign with where it was written
    (``shown_as:line``, see ``origin_of``); and the SHA-256 of its bytes (a cached result of the importing file
    depends on them).  None when it cannot be read or parsed."""
    from ..check import decode_source

    try:
        if os.path.getsize(path) > MAX_MODULE_BYTES:
            return None
        with open(path, "rb") as handle:
            raw = handle.read()
        text, _ = decode_source(raw)
        tree = ast.parse(text, filename=path)
    except (OSError, ValueError, SyntaxError, RecursionError, MemoryError):
        return None
    line, col = site.lineno, site.col_offset
    end_line, end_col = site.end_lineno or line, site.end_col_offset or col
    shown_as = shown_as or path
    for node in ast.walk(tree):
        if "lineno" in node._attributes:
            setattr(node, FOREIGN, f"{shown_as}:{node.lineno}")
            node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = line, col, end_line, end_col
        else:
            setattr(node, FOREIGN, True)
    return tree, hashlib.sha256(raw).hexdigest()


def is_foreign(node: ast.AST) -> bool:
    return bool(getattr(node, FOREIGN, False))


def origin_of(node: ast.AST) -> str | None:
    """Where a node of another file was written (``blocks.py:12``), None for the checked file's own."""
    origin = getattr(node, FOREIGN, None)
    return origin if isinstance(origin, str) else None


def runs_on_import(statement: ast.stmt) -> bool:
    """False for ``if __name__ == "__main__":``: a module's script part does not run when it is imported."""
    if not isinstance(statement, ast.If):
        return True
    test = statement.test
    return not (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__"
                and len(test.comparators) == 1 and isinstance(test.comparators[0], ast.Constant)
                and test.comparators[0].value == "__main__")
