"""The edits of the simplest fixes -- an argument written or set on one call -- without LibCST.

``rewrite._Planner`` parses the statement around a layer call with LibCST, whose import alone costs some
0.12 s of CPU: more than checking a dozen files.  The fixes most files get are one ``set_args`` (a keyword
added, an argument's value replaced) or one ``tuple_shape`` (``shape=512`` -> ``shape=(512,)``) on a call
whose arguments are plain names and literals.  For those, the call's own text (the layer node's span) parsed
by ``ast`` tells everything the planner reads: which argument is which, where each value starts and ends, and
how many parentheses are written around it (LibCST's ``lpar``).  ``plain_changes`` gives exactly the changes
the planner would give, or None whenever anything is less plain (a comment, a line break or a backslash next
to a value, a trailing comma, ``*args``, a call that may be parenthesised, an expression for a value, CRLF
line endings, several patches): the planner then does it, as before.  tests/engine/test_plain_edits.py
compares the two on every layout it knows.
"""

from __future__ import annotations

import ast
import keyword

from ..graph import ModelGraph
from ..rules import RULES, canonical_type
from ..rules.base import KERAS2_KWARGS
from .rewrite import CannotRewrite, _Change, _facts, value_text

_BLANK = " \t\f"  # within one line
_OPS = ("tuple_shape", "set_args")


def plain_changes(text: str, graph: ModelGraph, patches: list) -> list[_Change] | None:
    """The planner's changes for ``patches``, when they are one plain argument fix; else None."""
    if len(patches) != 1 or patches[0].op not in _OPS or "\r" in text:
        return None
    try:
        return _Call.of(text, graph, patches[0]).changes()
    except (_NotPlain, CannotRewrite, IndexError, KeyError, ValueError, SyntaxError, RecursionError,
            MemoryError):
        return None


class _NotPlain(Exception):
    """The planner's way is needed."""


class _Call:
    """One layer call's text, parsed alone: ``(`` + the call + ``)``, offsets mapped back to the file's."""

    def __init__(self, text: str, graph: ModelGraph, patch, start: int, end: int) -> None:
        self.text, self.graph, self.patch = text, graph, patch
        self.node = graph.nodes[patch.node]
        self.start, self.end = start, end
        self.wrapped = "(" + text[start:end] + ")"
        tree = ast.parse(self.wrapped, mode="eval")
        call = tree.body
        lines = self.wrapped.split("\n")
        self._lines = lines
        self._starts = [0]
        for line in lines[:-1]:
            self._starts.append(self._starts[-1] + len(line) + 1)
        if not isinstance(call, ast.Call) or self._at(call.lineno, call.col_offset) != 1 \
                or self._at(call.end_lineno, call.end_col_offset) != len(self.wrapped) - 1:
            raise _NotPlain
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            raise _NotPlain
        self.call = call

    @classmethod
    def of(cls, text: str, graph: ModelGraph, patch) -> "_Call":
        node = graph.nodes[patch.node]
        span = node.span
        if span is None:
            raise _NotPlain
        t = _facts(text).t
        start = t.offset(span.line, t.char_col(span.line, span.col))
        end = t.offset(span.end_line, t.char_col(span.end_line, span.end_col))
        if not 0 <= start < end <= len(text):
            raise _NotPlain
        return cls(text, graph, patch, start, end)

    # offsets -----------------------------------------------------------------------------------
    def _at(self, lineno: int, col: int) -> int:
        """Offset in ``wrapped`` of an ast position (UTF-8 byte column)."""
        line = self._lines[lineno - 1]
        return self._starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8"))

    def _file(self, offset: int) -> int:
        return self.start + offset - 1

    def _value(self, value: ast.expr) -> tuple[int, int, int]:
        """(start, end, lpar) of an argument's value in the file, as the planner's ``index.start``/``end`` give
        them (its own parentheses included) and how many parentheses LibCST gives it; plain values only."""
        if isinstance(value, ast.Constant):
            source = self.wrapped[self._at(value.lineno, value.col_offset):
                                  self._at(value.end_lineno, value.end_col_offset)]
            if isinstance(value.value, str):  # one plain string: no prefix, escape, concatenation or triple quote
                if source[:1] not in ("'", '"') or source.count(source[0]) != 2 or "\\" in source:
                    raise _NotPlain
            elif isinstance(value.value, (bytes, type(...))):
                raise _NotPlain
        elif isinstance(value, ast.Attribute):  # a dotted name, written without spaces or parentheses
            source = self.wrapped[self._at(value.lineno, value.col_offset):
                                  self._at(value.end_lineno, value.end_col_offset)]
            if not all(part.isidentifier() for part in source.split(".")):
                raise _NotPlain
        elif not isinstance(value, ast.Name):
            raise _NotPlain
        w = self.wrapped
        a, b = self._at(value.lineno, value.col_offset), self._at(value.end_lineno, value.end_col_offset)
        opening = []  # the "(" written before the value, nearest first, on its line
        i = a - 1
        while i >= 0 and (w[i] in _BLANK or w[i] == "("):
            if w[i] == "(":
                opening.append(i)
            i -= 1
        if i < 0 or w[i] == "\n":
            raise _NotPlain
        call = self.call
        if w[i] in "=,":
            lpar = len(opening)
        elif call.args and value is call.args[0] and i == self._at(call.func.end_lineno, call.func.end_col_offset) - 1:
            lpar = len(opening) - 1  # the first one is the call's own
        else:
            raise _NotPlain
        if lpar < 0:
            raise _NotPlain
        start = opening[lpar - 1] if lpar else a
        end, closed = b, 0
        while closed < lpar:
            if end >= len(w) or (w[end] not in _BLANK + "\n)"):
                raise _NotPlain
            if w[end] == ")":
                closed += 1
            end += 1
        return self._file(start), self._file(end), lpar

    def _keywords(self) -> dict[str, ast.keyword]:
        return {k.arg: k for k in self.call.keywords}

    # the patches -------------------------------------------------------------------------------
    def changes(self) -> list[_Change]:
        patch, node = self.patch, self.node
        if patch.op == "tuple_shape":
            changes = self._tuple_shape()
        else:
            if node.layer_key and sum(1 for n in self.graph.nodes if n.layer_key == node.layer_key) > 1:
                raise _NotPlain  # the planner says why not
            changes = self._set_args(canonical_type(node.type), patch.arg_dict, node.written_type[:1].islower())
        ordered = sorted(changes, key=lambda c: (c.start, c.end))
        for a, b in zip(ordered, ordered[1:]):
            if b.start < a.end or (a.start == a.end == b.start == b.end):
                raise _NotPlain
        return ordered

    def _tuple_shape(self) -> list[_Change]:
        keywords, call = self._keywords(), self.call
        arg = next((keywords[k].value for k in ("shape", "input_shape") if k in keywords), None)
        if arg is None:
            func = call.func
            leaf = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if leaf not in ("Input", "InputLayer") or not call.args:
                raise _NotPlain
            arg = call.args[0]
        start, end, lpar = self._value(arg)
        if lpar:  # shape=(1024): the parentheses were meant as a tuple already
            return [_Change(end - 1, end - 1, ",")]
        return [_Change(start, end, f"({self.text[start:end]},)")]

    def _set_args(self, type_: str, values: dict, tensors_first: bool) -> list[_Change]:
        keywords, positional = self._keywords(), self.call.args
        params = RULES[type_].params if type_ in RULES else ()
        if tensors_first:
            params = ("inputs", *params)
        quote = _facts(self.text).quote
        changes, appended = [], []
        for name, value in values.items():
            written = value_text(value, quote)
            spelled = [k for k in keywords if KERAS2_KWARGS.get(k, k) == name]
            if spelled:
                start, end, _ = self._value(keywords[spelled[0]].value)
                changes.append(_Change(start, end, written))
            elif name in params and params.index(name) < len(positional):
                start, end, _ = self._value(positional[params.index(name)])
                changes.append(_Change(start, end, written))
            else:
                appended.append(f"{name}={written}")
        return changes + self._appended(appended)

    def _appended(self, texts: list[str]) -> list[_Change]:
        """``name=value`` keywords after the call's last argument (none with a trailing comma: the planner)."""
        if not texts:
            return []
        call = self.call
        arguments = [*call.args, *call.keywords]
        if not arguments:
            self._not_parenthesised()
            close = self.end - 1  # the call's ")"
            return [_Change(close, close, ", ".join(texts))]
        last = max(arguments, key=lambda a: (a.lineno, a.col_offset))
        _, end, _ = self._value(last.value if isinstance(last, ast.keyword) else last)
        after = end
        while after < len(self.text) and self.text[after] in _BLANK + "\n":
            after += 1
        if after >= self.end or self.text[after] != ")" or after != self.end - 1:
            raise _NotPlain  # a trailing comma, a comment, a backslash
        return [_Change(end, end, "".join(f", {t}" for t in texts))]

    def _not_parenthesised(self) -> None:
        """The call has no parentheses of its own around it (LibCST's ``lpar``): the planner reads its end
        through them.  Known when the text before it on its line is not a "(", or is a call's "(" (after a name
        that is not a keyword, a ")" or a "]")."""
        text, i = self.text, self.start - 1
        while i >= 0 and text[i] in _BLANK:
            i -= 1
        if i < 0 or text[i] == "\n":
            raise _NotPlain
        if text[i] != "(":
            return
        i -= 1
        while i >= 0 and text[i] in _BLANK:
            i -= 1
        if i < 0 or text[i] == "\n":
            raise _NotPlain
        if text[i] in ")]":
            return
        j = i
        while j >= 0 and (text[j].isalnum() or text[j] == "_"):
            j -= 1
        word = text[j + 1:i + 1]
        if not word.isidentifier() or keyword.iskeyword(word) or keyword.issoftkeyword(word):
            raise _NotPlain
