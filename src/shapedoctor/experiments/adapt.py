"""`--candidates repairs FILE.py`: the user's broken model, adapted to the dataset, once per verified repair.

1. Adapt (source edits made by the fix machinery, so the rest of the file is kept byte for byte):
   - the model's Input is set to the dataset's series: an Input of rank 2 `(steps, channels)` becomes
     `(length, channels)`; an Input of rank 1 `(features,)` (a model written for flat feature vectors) becomes
     `(length * channels,)` and the worker puts a Flatten (no weights) in front of it, so that it reads the same
     series as every other candidate; any other rank cannot be adapted;
   - a Dense output layer is given one unit per class and a softmax (`Dense(1, 'sigmoid')` of a binary model
     becomes `Dense(2, 'softmax')`, the same model family trained with the categorical loss every candidate
     uses); another output layer cannot be adapted.
   Anything that cannot be adapted is said in one line, before any worker starts.
2. Check the adapted source with the engine: the Reshape factorizations (and the other fixes) are recomputed
   for the new sizes, each verified by re-inference and by re-checking the rewritten text.  Every verified fix
   of the first error is a candidate (the factorization cap of `check`'s display is lifted: every factorization
   that builds is tried); fixes that change the model's input are left out (compare sets the input from the
   data).  If the repaired text still has another error, `fix`'s top-ranked fixes are applied to it as well.
3. Each candidate is written to OUT/repairs/ and shown by what it is (`Reshape((8, 8))`).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

_INPUT_OPS = {"set_input_shape", "slice_shape", "tuple_shape"}


class CannotAdapt(ValueError):
    """The model cannot be adapted to the dataset or repaired; the message is one line."""


@dataclass
class Candidate:
    spec: str  # a seed model name or the path of a .py file
    label: str  # what it is, e.g. "Reshape((8, 8))"
    flat: bool = False  # the model takes flat feature vectors (see models.build)
    fix_title: str | None = None  # the engine fix this candidate is (for --apply-winner)
    origin: str | None = None  # the user's file it was made from
    adapted: list = field(default_factory=list)  # how the user's model was adapted to the data, in words


@dataclass
class Adapted:
    text: str
    flat: bool
    notes: list = field(default_factory=list)  # what was changed, in words


@contextmanager
def every_factorization():
    """`check` shows at most 5 factorizations; compare wants every one that verifies."""
    from ..repair import candidates

    saved = candidates.GROUP_LIMITS
    candidates.GROUP_LIMITS = {**saved, "factorization": candidates.MAX_TRIES}
    try:
        yield
    finally:
        candidates.GROUP_LIMITS = saved


def _fmt(shape) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _model_to_adapt(report, name: str):
    if report.error:
        raise CannotAdapt(f"{name}: {report.error}")
    if not report.models:
        raise CannotAdapt(f"{name}: shapedoctor finds no Keras model in it")
    broken = [m for m in report.models if any(d.severity == "error" for d in m.inference.diagnostics)]
    chosen = (broken or report.models)[0]
    return chosen


def adapt_source(text: str, path: str, series_shape: tuple, n_classes: int) -> Adapted:
    """`text` with its model's input set to `series_shape` (length, channels) and its head to `n_classes`."""
    from ..check import check_source
    from ..diagnostics import Fix, GraphPatch
    from ..repair.rewrite import CannotRewrite, apply_edits, edits_for_fix

    name = Path(path).name
    length, channels = series_shape
    report = check_source(text, path, with_fixes=False).files[0]
    model = _model_to_adapt(report, name)
    graph = model.graph
    inputs = [n for n in graph.nodes if n.type == "InputLayer"]
    if len(inputs) != 1:
        raise CannotAdapt(f"{name}: its model has {len(inputs) or 'no'} inputs; compare feeds it one series "
                          f"({length}, {channels})" + ("" if inputs else ": declare the input shape"))
    node = inputs[0]
    declared = node.args.get("shape")
    if not isinstance(declared, tuple) or not all(isinstance(d, int) and d > 0 for d in declared):
        raise CannotAdapt(f"{name}: its Input shape {declared!r} is not written as numbers, so compare cannot "
                          f"set it to the data's ({length}, {channels})")
    patches, notes, flat = [], [], False
    if len(declared) == 1:
        flat, new = True, (length * channels,)
        if new != declared:
            notes.append(f"Input {_fmt(declared)} -> {_fmt(new)}, each {length} x {channels} series flattened")
    elif len(declared) == 2:
        new = (length, channels)
        if new != declared:
            notes.append(f"Input {_fmt(declared)} -> {_fmt(new)}")
    else:
        raise CannotAdapt(f"{name}: its Input {_fmt(declared)} has rank {len(declared)}; the data's series are "
                          f"(length, channels) = ({length}, {channels}): only a rank-1 or rank-2 input can be "
                          "adapted")
    if new != declared:
        patches.append(GraphPatch("set_input_shape", node.index, "", (("shape", new),)))
    if len(graph.outputs) != 1:
        raise CannotAdapt(f"{name}: its model has {len(graph.outputs)} outputs; compare needs one class output")
    head = graph.nodes[graph.outputs[0][0]]
    if head.type != "Dense":
        raise CannotAdapt(f"{name}: its output layer is {head.label}, not Dense: compare cannot give it "
                          f"{n_classes} classes; end the model with Dense(n_classes, activation='softmax')")
    units, activation = head.args.get("units"), head.args.get("activation")
    if units != n_classes or activation != "softmax":
        patches.append(GraphPatch("set_args", head.index, "", (("units", n_classes), ("activation", "softmax"))))
        notes.append(f"head Dense({units}, {activation!r}) -> Dense({n_classes}, 'softmax') for {n_classes} "
                     "classes")
    if not patches:
        return Adapted(text, flat, notes)
    try:
        edits = edits_for_fix(text, graph, Fix("adapt to the dataset", patches))
    except CannotRewrite as e:
        raise CannotAdapt(f"{name}: cannot adapt it to the data ({'; '.join(notes)}): {e}") from None
    return Adapted(apply_edits(text, edits), flat, notes)


def label_of(title: str) -> str:
    """'insert Reshape((8, 8)) before Conv1D' -> 'Reshape((8, 8))'; other fixes keep their title."""
    m = re.fullmatch(r"insert (.+?) before .+", title)
    return m.group(1) if m else title


def repair_candidates(path: Path, series_shape: tuple, n_classes: int, out: Path, dataset: str = "the data",
                      max_candidates: int | None = None, warn=lambda message: None) -> list:
    """One Candidate per verified fix of the adapted model's first error (see the module docstring)."""
    from ..check import check_source
    from ..repair.command import fix_text
    from ..repair.rewrite import apply_edits

    name = path.name
    text = path.read_text()
    adapted = adapt_source(text, str(path), series_shape, n_classes)
    if adapted.notes:
        warn(f"{name} adapted to {dataset}: {'; '.join(adapted.notes)}")
    with every_factorization():
        report = check_source(adapted.text, str(path)).files[0]
    errors = [d for d in report.diagnostics if d.severity == "error"]
    if not errors:
        how = f" once adapted ({'; '.join(adapted.notes)})" if adapted.notes else ""
        raise CannotAdapt(f"{name}: shapedoctor finds no error to repair in it{how}; pass it as a plain candidate")
    first = errors[0]
    found, texts, skipped = [], set(), []
    for fix in first.fixes:
        if not fix.edits:
            skipped.append(f"{fix.title} (cannot be written into this file)")
            continue
        if any(p.op in _INPUT_OPS for p in fix.patches):
            skipped.append(f"{fix.title} (changes the model's input, which compare sets from the data)")
            continue
        fixed = apply_edits(adapted.text, fix.edits)
        still = [d for d in check_source(fixed, str(path), with_fixes=False).files[0].diagnostics
                 if d.severity == "error"]
        if still:
            outcome = fix_text(fixed, str(path), pick=1)
            if outcome.remaining or outcome.error:
                skipped.append(f"{fix.title} (leaves {len(outcome.remaining)} other error(s) fix cannot repair)")
                continue
            fixed = outcome.fixed
        if fixed in texts:
            continue
        texts.add(fixed)
        found.append((fix, fixed))
    if not found:
        raise CannotAdapt(f"{name}: line {first.line}: {first.message}: shapedoctor has no fix it can write for "
                          f"it{' (' + '; '.join(skipped) + ')' if skipped else ''}")
    for reason in skipped:
        warn(f"{name}: not a candidate: {reason}")
    if max_candidates is not None and len(found) > max_candidates:
        warn(f"{name}: {len(found)} verified repairs; training the first {max_candidates} (--max-candidates): "
             + ", ".join(label_of(f.title) for f, _ in found[max_candidates:]) + " left out")
        found = found[:max_candidates]
    labels = [label_of(fix.title) for fix, _ in found]
    if len(set(labels)) != len(labels):
        labels = [fix.title for fix, _ in found]
    target_dir = out / "repairs"
    target_dir.mkdir(parents=True, exist_ok=True)
    result = []
    adapted_note = f", adapted to {dataset} ({'; '.join(adapted.notes)})" if adapted.notes else ""
    for (fix, fixed), label in zip(found, labels):
        slug = re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_").lower()
        target = target_dir / f"{path.stem}__{slug}.py"
        target.write_text(f"# {name}{adapted_note}, repaired: {fix.title}\n" + fixed)
        result.append(Candidate(str(target.resolve()), label, adapted.flat, fix.title, str(path.resolve()),
                                list(adapted.notes)))
    return result


def apply_fix(path: Path, title: str) -> str:
    """Write the fix titled `title` (a verified fix of the file's first error) into `path` with `fix`'s
    machinery (edits verified on the rewritten text, written atomically only if the file is unchanged on disk).
    Returns what was done; raises CannotAdapt (nothing written) when the file has no such fix."""
    from ..check import check_source, decode_source
    from ..repair.command import write_file
    from ..repair.rewrite import apply_edits

    raw = path.read_bytes()
    try:
        text, encoding = decode_source(raw)
    except ValueError as e:
        raise CannotAdapt(f"{path.name}: cannot read it: {e}") from None
    if "\r" in text.replace("\r\n", ""):
        raise CannotAdapt(f"{path.name}: CR-only line ends; run `shapedoctor fix --pick N {path}` instead")
    with every_factorization():
        report = check_source(text, str(path)).files[0]
    errors = [d for d in report.diagnostics if d.severity == "error"]
    if not errors:
        raise CannotAdapt(f"{path.name} has no shape error any more: nothing written")
    first = errors[0]
    chosen = next((f for f in first.fixes if f.title == title and f.edits), None)
    if chosen is None:
        offered = ", ".join(label_of(f.title) for f in first.fixes if f.edits) or "none"
        raise CannotAdapt(f"{path.name}: '{title}' was verified for the dataset's input size, not for the input "
                          f"the file declares (its verified fixes: {offered}); nothing written")
    fixed = apply_edits(text, chosen.edits)
    problem = write_file(str(path), raw, fixed.encode(encoding))
    if problem:
        raise CannotAdapt(f"{path.name}: {problem}")
    return f"{path}:{first.line}: {chosen.title}"
