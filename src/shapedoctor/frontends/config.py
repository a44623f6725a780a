"""Keras model configs -> model graphs: ``model.to_json()`` files and ``.keras`` archives.

Only ``json`` and ``zipfile`` are used: nothing in a config or an archive is ever executed,
unpickled or unmarshalled (a ``Lambda``'s serialized bytecode stays an unknown value), and
``model.weights.h5`` is never opened.

Formats read:

- Keras 3 (``{"module": "keras", "class_name": "Sequential" | "Functional", "config": {...}}``):
  Sequential ``layers`` (+ ``build_input_shape``), Functional ``layers`` with ``inbound_nodes``
  of ``{"args": [...], "kwargs": {...}}`` whose tensors are ``__keras_tensor__`` objects with a
  ``keras_history`` of ``[layer_name, node_index, tensor_index]``; ``input_layers`` and
  ``output_layers``; ``compile_config.loss``.
- Keras 2 / tf.keras (``batch_input_shape``, ``inbound_nodes`` as nested lists
  ``[[[name, node_index, tensor_index, kwargs], ...], ...]``) and Keras 1 Sequential configs
  whose ``config`` is the layer list.
- A bare ``model.get_config()`` dump (a dict with ``layers``).

Nested Sequential/Functional models are inlined (a nested model called twice is inlined twice;
its layers keep one ``layer_key`` per layer, as they share weights).  A layer with several
inbound nodes (a shared layer) becomes several graph nodes with the same ``layer_key``.
Unknown or custom layers degrade to the engine's ``unknown-layer`` info finding.

Every node carries ``LayerNode.path`` (``config.layers[3] (conv1d_2)``).  For a ``.json``
file, findings point at the line of the layer's ``"name": "conv1d_2"`` in the JSON text;
inside a ``.keras`` archive (whose ``config.json`` is one line) they point at line 1, col 0.

Non-model JSON: a ``.json`` that is not a Keras model config is skipped silently (an empty
report: no model, no finding) unless ``explicit=True`` (the user named the file), in which
case it is an ``input-error``.  JSON that does not parse is a ``parse-error`` when the file
was named or looks like a Keras config, and skipped otherwise (tsconfig.json with comments
in a directory scan is not a Keras problem).  A ``.keras`` file is always meant as a model:
every problem with it is a finding.
"""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from typing import Any

from ..graph import UNKNOWN, LayerNode, ModelGraph, SkippedModel, Span, input_args_from_layer_kwargs
from ..graph import snake_case
from ..kinds import INPUT_ERROR, PARSE_ERROR
from ..rules import RULES, canonical_type, map_arguments
from ..rules.base import TensorArg

MAX_CONFIG_BYTES = 50 * 1024 * 1024  # uncompressed config.json / .json file
MAX_COMPRESSION_RATIO = 200  # config.json deflates ~10x; a bomb deflates ~1000x
MAX_LAYERS = 100_000

_MODEL_CLASSES = {"Sequential": "sequential", "Functional": "functional", "Model": "functional"}
# Operations Keras 3 records in a functional graph for ``keras.ops`` calls on symbolic tensors.
_ELEMENTWISE_OPS = {"Abs", "Exp", "Log", "Sqrt", "Square", "Relu", "Sigmoid", "Tanh", "Softmax", "Gelu", "Silu",
                    "Elu", "Selu", "Softplus", "Softsign", "Negative", "Sign", "Cast", "LogSoftmax", "Relu6",
                    "LeakyRelu", "HardSigmoid", "HardSilu", "Log1p", "Expm1", "Floor", "Ceil", "Round", "Clip"}
_SCALAR_OPS = {"Add", "Subtract", "Multiply", "Divide", "TrueDivide", "Power", "Maximum", "Minimum"}


class ConfigProblem(Exception):
    """The file cannot be read as a Keras config; becomes a finding of ``kind``."""

    def __init__(self, kind, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


class NotAModel(Exception):
    """Valid JSON that is not a Keras model config."""


# ----------------------------------------------------------------------------- entry points
def check_config_file(path: str, target_shape=None, with_fixes: bool = True, explicit: bool = False):
    """A ``.json`` or ``.keras`` file -> FileReport; never raises."""
    from ..check import FileReport, file_problem

    is_archive = path.lower().endswith(".keras")
    try:
        text = read_archive_config(path) if is_archive else _read_json_file(path)
    except ConfigProblem as exc:
        return file_problem(path, exc.kind, exc.message)
    try:
        config = json.loads(text)
    except (ValueError, RecursionError) as exc:
        if not (explicit or is_archive or '"class_name"' in text):
            return FileReport(path)
        line, col = getattr(exc, "lineno", 1), max(getattr(exc, "colno", 1) - 1, 0)
        message = getattr(exc, "msg", "too deeply nested")
        where = "config.json in the archive: " if is_archive else ""
        return file_problem(path, PARSE_ERROR, f"cannot parse {where}invalid JSON ({message})",
                            1 if is_archive else line, 0 if is_archive else col)
    if not looks_like_model(config):
        if explicit or is_archive:
            what = "config.json in the archive" if is_archive else "the file"
            return file_problem(path, INPUT_ERROR, f"{what} is not a Keras model config (no Sequential/Functional "
                                                   f"class_name and no layer list)")
        return FileReport(path)
    return check_config(config, path, target_shape, with_fixes, text=None if is_archive else text)


def check_config(config: dict, path: str, target_shape=None, with_fixes: bool = True, text: str | None = None):
    """A parsed model config -> FileReport; malformed configs become a ``parse-error`` finding."""
    from ..check import add_skipped_models, analyse_graphs, file_problem

    try:
        graphs, skipped = analyse_config(config, path, text)
    except ConfigProblem as exc:
        return file_problem(path, exc.kind, exc.message)
    except NotAModel:
        return file_problem(path, INPUT_ERROR, "not a Keras model config (no Sequential/Functional class_name "
                                               "and no layer list)")
    except RecursionError:
        return file_problem(path, PARSE_ERROR, "malformed Keras config: nested too deeply")
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError) as exc:
        return file_problem(path, PARSE_ERROR, f"malformed Keras config ({type(exc).__name__}: {str(exc)[:200]})")
    report = analyse_graphs(graphs, path, target_shape, with_fixes)
    for model in report.models:
        for diagnostic in model.inference.diagnostics:
            if diagnostic.node is not None and diagnostic.node < len(model.graph.nodes):
                node = model.graph.nodes[diagnostic.node]
                if node.path:
                    diagnostic.explanation.insert(0, f"in the config at {node.path}")
    add_skipped_models(report, skipped)
    return report


def looks_like_model(config: Any) -> bool:
    if not isinstance(config, dict):
        return False
    if _str(config.get("class_name")) in _MODEL_CLASSES and isinstance(config.get("config"), (dict, list)):
        return True
    inner = config.get("config") if "class_name" in config else config
    return isinstance(inner, dict) and _is_layer_list(inner.get("layers"))


def _str(value) -> str | None:
    """A config string field, or None (a list or dict there must not be hashed, compared or called)."""
    return value if isinstance(value, str) else None


def _int(value) -> int:
    """A node/tensor index of a config; anything else (a float, Infinity, a string) is a malformed config."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1_000_000:
        return value
    raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {str(value)[:40]!r} is not a node or tensor index")


def _is_layer_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "class_name" in v for v in value)


def graphs_from_config(config: dict, path: str, text: str | None = None) -> list[ModelGraph]:
    """A parsed Keras model config -> one ModelGraph.

    ``text`` is the JSON text the config was parsed from; when given, layer nodes get spans
    pointing at their ``"name"`` in it.  Raises ConfigProblem/NotAModel for configs that are
    not readable models.
    """
    return analyse_config(config, path, text)[0]


def analyse_config(config: dict, path: str, text: str | None = None) -> tuple[list[ModelGraph], list[SkippedModel]]:
    """``graphs_from_config``, and the models that could not be built at all (a model class whose layers
    are not in the config)."""
    if not looks_like_model(config):
        raise NotAModel(path)
    positions = _name_positions(config, text) if text is not None else {}
    builder = _Builder(positions)
    graph = builder.model(config)
    return ([graph] if graph is not None else []), builder.skipped


# ----------------------------------------------------------------------------- reading files
def _read_json_file(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigProblem(INPUT_ERROR, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigProblem(INPUT_ERROR, f"file is too large (over {MAX_CONFIG_BYTES} bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigProblem(INPUT_ERROR, "cannot read: not UTF-8 text") from None


def read_archive_config(path: str) -> str:
    """``config.json`` of a ``.keras`` zip, size-checked before and while inflating."""
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo("config.json")
            except KeyError:
                raise ConfigProblem(INPUT_ERROR, "not a Keras archive: no config.json inside") from None
            if info.flag_bits & 0x1:
                raise ConfigProblem(INPUT_ERROR, "cannot read: config.json is encrypted")
            if info.file_size > MAX_CONFIG_BYTES:
                raise ConfigProblem(INPUT_ERROR, f"config.json is too large ({info.file_size} bytes uncompressed)")
            if info.compress_size and info.file_size > 1024 * 1024 \
                    and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
                raise ConfigProblem(INPUT_ERROR, f"config.json compresses {info.file_size // info.compress_size}:1, "
                                                 f"which only a zip bomb does; not read")
            with archive.open(info) as member:  # the header's size may lie: never inflate past the limit
                raw = member.read(MAX_CONFIG_BYTES + 1)
    except ConfigProblem:
        raise
    except zipfile.BadZipFile as exc:
        raise ConfigProblem(INPUT_ERROR, f"not a readable .keras archive ({exc})") from None
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise ConfigProblem(INPUT_ERROR, f"corrupt .keras archive ({type(exc).__name__}: {exc})") from None
    except OSError as exc:
        raise ConfigProblem(INPUT_ERROR, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigProblem(INPUT_ERROR, "config.json is larger than its header says; not read")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigProblem(INPUT_ERROR, "cannot read: config.json is not UTF-8 text") from None


# ----------------------------------------------------------------------------- positions
_NAME_RE = re.compile(r'"name"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _name_positions(config, text: str) -> dict[int, Span]:
    """id(dict) -> Span of its ``"name": "..."`` in ``text``.

    The parsed tree is walked in document order and paired with the regex matches in the
    text; when the two sequences disagree (unusual formatting) no positions are given.
    """
    owners: list[tuple[int, str]] = []
    stack: list = [config]
    while stack:  # document order: a dict's "name" is recorded where its key appears
        value = stack.pop()
        if isinstance(value, tuple):
            owners.append(value)
        elif isinstance(value, dict):
            items = [(id(value), v) if k == "name" and isinstance(v, str) else v for k, v in value.items()]
            stack.extend(reversed(items))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    matches = list(_NAME_RE.finditer(text))
    if len(matches) != len(owners):
        return {}
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    positions: dict[int, Span] = {}
    import bisect

    for (owner, name), match in zip(owners, matches):
        try:
            found = json.loads(f'"{match.group(1)}"')
        except ValueError:
            return {}
        if found != name:
            return {}
        start, end = match.start(), match.end()
        line = bisect.bisect_right(line_starts, start)
        end_line = bisect.bisect_right(line_starts, end)
        positions[owner] = Span(line, start - line_starts[line - 1], end_line, end - line_starts[end_line - 1])
    return positions


# ----------------------------------------------------------------------------- values
def plain_value(value: Any, key: str = "") -> Any:
    """A serialized config value -> the plain Python value a layer's __init__ would see.

    ``__tuple__`` -> tuple, dtype policies -> their name, nested layer configs ->
    NestedLayer, lambdas/numpy arrays/other serialized objects -> UNKNOWN (never decoded).
    """
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if not isinstance(value, dict):
        from .folding import bounded

        return bounded(value)  # a 4,000-digit number or inf is no size: unknown
    class_name = value.get("class_name")
    if not isinstance(class_name, str) or "config" not in value:
        return {k: plain_value(v, k) for k, v in value.items()}
    inner = value.get("config")
    if class_name == "__tuple__" and isinstance(inner, dict):
        return tuple(plain_value(v) for v in inner.get("value", ()))
    if class_name.startswith("__"):  # __lambda__, __numpy__, __bytes__, __keras_tensor__, __typespec__ ...
        return UNKNOWN
    if class_name.endswith("DTypePolicy") and isinstance(inner, dict):
        return inner.get("name", UNKNOWN)
    module = value.get("module") or ""
    if isinstance(inner, dict) and (key in ("layer", "backward_layer", "cell") or module.startswith("keras.layers")
                                    or canonical_type(class_name) in RULES):
        from ..rules.nested import NestedLayer

        return NestedLayer(class_name, layer_args(class_name, inner), class_name)
    if key == "cells" and isinstance(inner, list):
        return [plain_value(v, "cell") for v in inner]
    return UNKNOWN  # initializers, regularizers, constraints, custom objects: not shape-relevant


def layer_args(class_name: str, config: dict) -> dict:
    args = {k: plain_value(v, k) for k, v in config.items()}
    if "batch_input_shape" in args and class_name == "InputLayer":
        args["batch_shape"] = args.pop("batch_input_shape")
    return map_arguments(canonical_type(class_name), [], args)


def _loss(compile_config) -> Any:
    if not isinstance(compile_config, dict):
        return None
    loss = compile_config.get("loss")
    if isinstance(loss, str):
        return loss
    if isinstance(loss, dict) and isinstance(loss.get("class_name"), str):
        inner = loss.get("config")
        if loss["class_name"] == "function" and isinstance(inner, str):
            return inner
        return loss["class_name"]
    return None


def _tensor_history(value) -> tuple | None:
    """A Keras 3 ``__keras_tensor__`` -> (layer_name, node_index, tensor_index)."""
    if isinstance(value, dict) and value.get("class_name") == "__keras_tensor__":
        history = (value.get("config") or {}).get("keras_history")
        if isinstance(history, list) and len(history) >= 3 and isinstance(history[0], str):
            return (history[0], _int(history[1]), _int(history[2]))
        raise ConfigProblem(PARSE_ERROR, "malformed Keras config: a tensor without keras_history")
    return None


def _history_list(value) -> list[tuple]:
    """``input_layers``/``output_layers``: ``["x", 0, 0]``, ``[["x", 0, 0], ...]`` or a dict of those."""
    if isinstance(value, dict):
        value = list(value.values())
    if not isinstance(value, list):
        raise ConfigProblem(PARSE_ERROR, "malformed Keras config: input_layers/output_layers is not a list")
    if len(value) >= 3 and isinstance(value[0], str):
        return [(value[0], _int(value[1]), _int(value[2]))]
    out = []
    for item in value:
        out.extend(_history_list(item))
    return out


# ----------------------------------------------------------------------------- graph building
class _Call:
    """One call of one layer (an inbound node) in a functional config."""

    def __init__(self, layer: dict, index: int, node_index: int, inputs: list[tuple], list_input: bool,
                 scalar_args: list):
        self.layer = layer
        self.index = index  # position in the config's layer list
        self.node_index = node_index
        self.inputs = inputs  # [(layer_name, node_index, tensor_index)]
        self.list_input = list_input
        self.scalar_args = scalar_args  # positional arguments of an op, its tensors as TensorArg(i)


class _Builder:
    def __init__(self, positions: dict[int, Span]):
        self.positions = positions
        self.graph: ModelGraph | None = None
        self.skipped: list[SkippedModel] = []

    # -- models
    def model(self, serialized: dict) -> ModelGraph | None:
        class_name, config = _split(serialized)
        kind = _model_kind(class_name, config)
        name = config.get("name") if isinstance(config, dict) and isinstance(config.get("name"), str) else "model"
        span = self.positions.get(id(config)) if isinstance(config, dict) else None
        graph = ModelGraph(name=name, kind=kind or "sequential", line=span.line if span else 1)
        graph.loss = _loss(serialized.get("compile_config")) if "class_name" in serialized else None
        self.graph = graph
        if kind is None:
            what = f"model class {class_name}" if isinstance(class_name, str) else "this model's class"
            self.skipped.append(SkippedModel(graph.line, f"model not built: {what} does not list its layers in "
                                                         f"the config"))
            return None
        if kind == "sequential":
            build_shape = _build_shape(serialized, config)
            last = self._sequential(_layers(config), None, "config", "", top=True, build_shape=build_shape)
            graph.outputs = [last] if last is not None else []
        else:
            graph.outputs = self._functional(config, None, "config", "")
        return graph

    def _add(self, type_: str, args: dict, inputs: list, layer: dict | None, name: str, path: str, key: str,
             list_input: bool = False, written: str = "") -> LayerNode:
        if len(self.graph.nodes) >= MAX_LAYERS:
            raise ConfigProblem(INPUT_ERROR, f"model has more than {MAX_LAYERS} layer calls; not checked")
        span = None
        if layer is not None:
            span = self.positions.get(id(layer.get("config"))) or self.positions.get(id(layer))
        return self.graph.add(type_, args, inputs, span=span, name=name, written_type=written or type_,
                              list_input=list_input, layer_key=key, path=f"{path} ({name})" if name else path)

    def _layer_node(self, layer: dict, inputs: list, path: str, key_prefix: str, list_input: bool = False,
                    scalar_args: list | None = None) -> LayerNode:
        class_name, config = _split(layer)
        if not isinstance(config, dict):
            raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {path} has no config object")
        args = layer_args(class_name, config)
        name = config.get("name") or layer.get("name") or class_name
        name = name if isinstance(name, str) else class_name
        type_, written = canonical_type(class_name), class_name
        module = layer.get("module") or ""
        if module.startswith(("keras.src.ops", "keras.ops")):
            type_, args = _op_as_layer(class_name, args, scalar_args or [])
        if type_ != "InputLayer":
            input_args_from_layer_kwargs(args)  # Keras 2's batch_input_shape on a later layer: ignored
        return self._add(type_, args, inputs, layer, name, path, key_prefix + name, list_input, written)

    # -- sequential
    def _sequential(self, layers: list, previous, path: str, key_prefix: str, top: bool = False,
                    build_shape=None):
        for position, layer in enumerate(layers):
            layer_path = f"{path}.layers[{position}]"
            if not isinstance(layer, dict):
                raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {layer_path} is not an object")
            class_name, config = _split(layer)
            if class_name == "InputLayer":
                if previous is None:
                    node = self._layer_node(layer, [], layer_path, key_prefix)
                    previous = (node.index, 0)
                continue  # a nested Sequential's own Input: the outer tensor flows in
            kind = _model_kind(class_name, config)
            if kind is not None and isinstance(config, dict):
                outputs = self._nested_model(layer, [previous] if previous else None, layer_path, key_prefix)
                previous = outputs[0] if outputs else None
                if previous is None and top and position == 0:
                    self._no_input()
                continue
            if position == 0 and previous is None and top:
                input_args = input_args_from_layer_kwargs(layer_args(class_name, config)) \
                    if isinstance(config, dict) else None
                if input_args is None and build_shape is not None:
                    input_args = {"batch_shape": build_shape}
                if input_args is not None:
                    node = self._add("InputLayer", input_args, [], layer, "input_layer", layer_path,
                                     key_prefix + "input_layer", written="Input")
                    previous = (node.index, 0)
                else:
                    self._no_input()
            node = self._layer_node(layer, [previous] if previous else [], layer_path, key_prefix)
            previous = (node.index, 0)
        return previous

    def _no_input(self) -> None:
        self.graph.unbuildable_reason = (
            f"Sequential model '{self.graph.name}' declares no input shape (no InputLayer, batch_input_shape or "
            f"build_input_shape in the config); its shapes are not checked")

    def _nested_model(self, layer: dict, inputs: list | None, path: str, key_prefix: str) -> list:
        """Inline a model used as a layer (``inputs`` None: it brings its own Input); returns its output refs."""
        class_name, config = _split(layer)
        kind = _model_kind(class_name, config)
        name = config.get("name") or layer.get("name") or class_name
        prefix = f"{key_prefix}{name}/"
        if kind == "sequential":
            last = self._sequential(_layers(config), inputs[0] if inputs else None, f"{path}.config", prefix)
            return [last] if last is not None else []
        if kind == "functional":
            return self._functional(config, inputs, f"{path}.config", prefix)
        node = self._add("<opaque>", {}, (inputs or [])[:1], layer, name, path, prefix,
                         written=f"nested model class {class_name} (its layers are not in the config)")
        return [(node.index, 0)]

    # -- functional
    def _functional(self, config: dict, input_refs: list | None, path: str, key_prefix: str) -> list:
        layers = _layers(config)
        by_name: dict[str, tuple[int, dict]] = {}
        for i, layer in enumerate(layers):
            if not isinstance(layer, dict):
                raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {path}.layers[{i}] is not an object")
            name = layer.get("name") or (layer.get("config") or {}).get("name")
            if not isinstance(name, str):
                raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {path}.layers[{i}] has no name")
            by_name[name] = (i, layer)
        inputs_declared = _history_list(config.get("input_layers", []))
        outputs_declared = _history_list(config.get("output_layers", []))
        # (layer name, node index) -> its layer node's index, or the output refs of an inlined model
        resolved: dict[tuple[str, int], int | list] = {}
        for k, (name, node_index, _t) in enumerate(inputs_declared):
            if name not in by_name:
                raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: input layer '{name}' is not in {path}")
            i, layer = by_name[name]
            if input_refs is not None:
                if k < len(input_refs):
                    resolved[(name, node_index)] = [input_refs[k]]
            else:
                node = self._layer_node(layer, [], f"{path}.layers[{i}]", key_prefix)
                resolved[(name, node_index)] = [(node.index, 0)]
        pending: list[_Call] = []
        for i, layer in enumerate(layers):
            class_name, _ = _split(layer)
            nodes = layer.get("inbound_nodes") or []
            if not isinstance(nodes, list):
                raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {path}.layers[{i}].inbound_nodes")
            if class_name == "InputLayer":
                name = _layer_name(layer)
                if (name, 0) not in resolved and input_refs is None:  # an Input not in input_layers
                    node = self._layer_node(layer, [], f"{path}.layers[{i}]", key_prefix)
                    resolved[(name, 0)] = [(node.index, 0)]
                continue
            for node_index, node_data in enumerate(nodes):
                pending.append(_parse_call(layer, i, node_index, node_data, path))
        # Emit calls once their inputs exist (configs list layers by depth, not by dependency).
        while pending:
            progressed = False
            waiting = []
            for call in pending:
                if all((n, ni) in resolved for n, ni, _ in call.inputs):
                    resolved[(_layer_name(call.layer), call.node_index)] = self._emit(call, resolved, path,
                                                                                       key_prefix)
                    progressed = True
                else:
                    waiting.append(call)
            pending = waiting
            if not progressed:
                missing = sorted({n for c in pending for n, ni, _ in c.inputs if (n, ni) not in resolved})
                unknown = [n for n in missing if n not in by_name]
                what = (f"refers to layer '{unknown[0]}', which is not in the model" if unknown
                        else f"has a cycle or a missing node through layer '{missing[0]}'")
                raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {path} {what}")
        out = []
        for name, node_index, tensor_index in outputs_declared:
            if (name, node_index) not in resolved:
                raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: output ['{name}', {node_index}, "
                                                 f"{tensor_index}] is not produced by {path}")
            out.append(_pick(resolved[(name, node_index)], tensor_index, name))
        return out

    def _emit(self, call: _Call, resolved: dict, path: str, key_prefix: str) -> list:
        inputs = [_pick(resolved[(n, ni)], t, n) for n, ni, t in call.inputs]
        layer_path = f"{path}.layers[{call.index}]"
        class_name, config = _split(call.layer)
        if _model_kind(class_name, config) is not None and isinstance(config, dict):
            return self._nested_model(call.layer, inputs, layer_path, key_prefix)
        node = self._layer_node(call.layer, inputs, layer_path, key_prefix, call.list_input, call.scalar_args)
        return node.index


def _pick(refs, tensor_index: int, name: str):
    """Output ``tensor_index`` of a resolved call: a layer node index, or a nested model's output refs."""
    if isinstance(refs, int):
        return (refs, tensor_index)
    if tensor_index >= len(refs) or refs[tensor_index] is None:
        raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: '{name}' has no output {tensor_index}")
    return refs[tensor_index]


def _parse_call(layer: dict, index: int, node_index: int, node_data, path: str) -> _Call:
    if isinstance(node_data, dict):  # Keras 3
        args = node_data.get("args") or []
        kwargs = node_data.get("kwargs") or {}
        if args and isinstance(args[0], list) and any(_tensor_history(v) for v in args[0]):
            inputs = [h for h in (_tensor_history(v) for v in args[0]) if h]
            return _Call(layer, index, node_index, inputs, True, [])
        inputs, positional = [], []  # positional: the op's arguments, tensors as TensorArg(i)
        for value in args:
            history = _tensor_history(value)
            if history:
                positional.append(TensorArg(len(inputs)))
                inputs.append(history)
            else:
                positional.append(plain_value(value))
        if not inputs and isinstance(kwargs, dict):
            inputs = [h for h in (_tensor_history(v) for v in kwargs.values()) if h]
        return _Call(layer, index, node_index, inputs, False, positional)
    if isinstance(node_data, list):  # Keras 2: [[name, node_index, tensor_index, kwargs], ...]
        inputs = []
        for entry in node_data:
            if not (isinstance(entry, list) and len(entry) >= 3 and isinstance(entry[0], str)):
                raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {path}.layers[{index}].inbound_nodes"
                                                 f"[{node_index}]")
            inputs.append((entry[0], _int(entry[1]), _int(entry[2])))
        return _Call(layer, index, node_index, inputs, len(inputs) > 1, [])
    raise ConfigProblem(PARSE_ERROR, f"malformed Keras config: {path}.layers[{index}].inbound_nodes[{node_index}]")


def _op_as_layer(class_name: str, args: dict, positional: list) -> tuple[str, dict]:
    """A ``keras.ops`` operation recorded in a functional config (``x + y`` in functional code is an
    ``Add`` operation of ``keras.src.ops.numpy``): the op rule of the same name, with its tensors as
    TensorArg and its other arguments in the op's parameter order; else the Lambda it amounts to."""
    from ..rules.core import LambdaBody

    op = RULES.get(f"ops.{snake_case(class_name)}")
    if op is not None and len(positional) <= len(op.params):
        mapped = {k: v for k, v in args.items() if k != "name"}
        mapped.update(zip(op.params, positional))
        return op.type, mapped
    scalars = [p for p in positional if not isinstance(p, TensorArg)]
    axis = args.get("axis", scalars[0] if scalars else None)
    if class_name == "ExpandDims" and isinstance(axis, int):
        return "Lambda", {"function": LambdaBody("expand_dims", axis), "name": args.get("name")}
    if class_name == "Squeeze" and isinstance(axis, int):
        return "Lambda", {"function": LambdaBody("squeeze", axis), "name": args.get("name")}
    if class_name in _ELEMENTWISE_OPS or (class_name in _SCALAR_OPS and scalars
                                          and all(isinstance(s, (int, float)) for s in scalars)):
        return "Lambda", {"function": LambdaBody("identity"), "name": args.get("name")}
    return f"ops.{class_name}", args


def _split(layer: dict) -> tuple[str, Any]:
    class_name = layer.get("class_name")
    if "class_name" not in layer and "layers" in layer:  # a bare get_config() dump
        return ("Functional" if "input_layers" in layer else "Sequential"), layer
    if not isinstance(class_name, str):
        raise ConfigProblem(PARSE_ERROR, "malformed Keras config: a layer without class_name")
    return class_name, layer.get("config")


def _layer_name(layer: dict) -> str:
    return layer.get("name") or layer["config"]["name"]


def _model_kind(class_name: str, config) -> str | None:
    if not isinstance(class_name, str):
        return None
    if class_name in _MODEL_CLASSES:
        return _MODEL_CLASSES[class_name]
    if isinstance(config, list) and class_name == "Sequential":
        return "sequential"
    if isinstance(config, dict) and _is_layer_list(config.get("layers")):
        # A Model subclass saved with a layer list (e.g. a registered Sequential subclass).
        return "functional" if "input_layers" in config else "sequential"
    return None


def _layers(config) -> list:
    if isinstance(config, list):  # Keras 1: Sequential's config is the layer list
        return config
    layers = config.get("layers")
    if not isinstance(layers, list):
        raise ConfigProblem(PARSE_ERROR, "malformed Keras config: `layers` is not a list")
    return layers


def _build_shape(serialized: dict, config) -> tuple | None:
    shape = config.get("build_input_shape") if isinstance(config, dict) else None
    if shape is None and isinstance(serialized.get("build_config"), dict):
        shape = serialized["build_config"].get("input_shape")
    shape = plain_value(shape)
    if isinstance(shape, (list, tuple)) and all(d is None or isinstance(d, int) for d in shape):
        return tuple(shape)
    return None
