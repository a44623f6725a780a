"""Record what real Keras builds from every construct fixture; write ``tests/constructs/expected.json``.

Run manually, with the venv that has Keras 3 (torch backend, CPU)::

    cd /work/main && KERAS_BACKEND=torch .venv/bin/python tests/constructs/record_keras.py [NAME ...]

Each fixture is our own code and is executed as it is (``exec`` of the file, ``__name__ ==
"__main__"``), all fixtures in one child process with ``KERAS_BACKEND=torch`` (Keras and torch are
imported once; ``keras.backend.clear_session()`` before each file, so automatic names start again).
Inside the child:

* ``tensorflow`` is not installed: ``shapedoctor.keras_compat.install_tensorflow_shim`` serves
  ``tensorflow.keras`` / ``tf.keras`` from Keras 3.  On top of it this recorder aliases every other
  ``tensorflow.keras.<sub>`` module (``applications``...) to ``keras.<sub>``, and the six ``tf``
  tensor functions the fixtures use to their ``keras.ops`` equivalents (``tf.reshape`` ->
  ``ops.reshape``, ``tf.expand_dims`` -> ``ops.expand_dims``, ``tf.concat`` -> ``ops.concatenate``,
  ``tf.reduce_mean`` -> ``ops.mean``, ``tf.constant`` -> ``ops.convert_to_tensor``, ``tf.shape`` -> ``ops.shape``
  of sizes the inputs declare: same shapes and arguments).
* ``keras.layers.Layer.__init__`` is wrapped: when the object is a ``keras.Model`` (``Model(...)``,
  ``Sequential(...)``, a subclass, a ``keras.applications`` builder), its **constructor line** is
  remembered: the innermost stack frame in the fixture file, skipping the fixture's own
  ``__init__`` frames of that same object (a subclass' ``super().__init__()`` is not where the model
  is made; ``MyModel(...)`` is).  Other layers' constructor lines are remembered the same way.
* ``Layer.__call__`` is wrapped to remember, for subclassed models (which have no ``outputs``), the
  shapes of their last call, and the innermost layer whose call raised (and whether on symbolic
  tensors or on data).  ``Model.build`` is wrapped to remember the shape it was given.
* ``Model.fit`` / ``evaluate`` / ``summary`` are no-ops (shapes only); ``predict`` is real; ``save`` writes
  into a scratch directory, where ``load_model`` of the same path reads it back.
* The namespace the file runs in is kept, so models made before an exception are still recorded.

Recorded per file:

``error``
    ``null`` if the file ran to the end; else ``type``, ``message``, ``kind`` (:func:`classify`),
    ``line`` (the innermost traceback frame in the fixture file: where Keras points), ``layer`` /
    ``layer_line`` (class and constructor line of the innermost layer whose call raised, if any),
    ``runtime`` (true when Keras only failed once data flowed: ``predict``, an eager call) and
    ``static_line``: the line a static checker must report.  It is ``line``, unless the fixture
    marks another line with a trailing ``# keras-error`` comment, which must then be ``line`` or
    ``layer_line`` (checked here): for run-time failures Keras' innermost frame is the ``predict``
    call, and the layer it failed in is the line to report.
    A ``Lambda`` without ``output_shape`` whose function fails on symbolic tensors raises only
    "We could not automatically infer the shape of the Lambda's output", hiding why: there the
    exception Keras chained under it that was raised in the fixture file (the user function's
    own error, ``ops.matmul``...) is appended to ``message`` as ``Caused by <type>: <message>``
    (and classified with it), and ``line`` is that exception's innermost frame in the fixture file.
``models``
    every Keras model object the module leaves reachable: module globals, items of global
    lists/tuples/dicts, and attributes of instances of classes the fixture defines (``clf.model``),
    recursively; not the layers inside a model.  Each as ``{"line", "class", "name", "path", "inputs",
    "outputs", "data_dependent"}``: constructor line, Keras class (``Functional``, ``Sequential``,
    ``CustomModel``...), the model's name, the first global path that reaches it, the input and
    output shapes (always a list: one shape per input/output, flattened in Keras' order; batch
    ``null``).  For a subclassed model, the shapes of its last call, or of ``compute_output_spec``
    on the shape given to ``build``; an eager call's batch size is replaced by ``null``.  A model
    Keras could not run has ``outputs`` ``null``.
``data_dependent``
    the output dimensions (indices into each output shape) whose value comes from data the source
    does not show (``np.load``, a directory listing): declared in the fixture by a trailing comment
    ``# data-dependent: 1, 2`` on the constructor line.  Only there may a checker answer with a
    symbol instead of Keras' number.

Kinds: the corpus table (``tests/corpus/record_keras.py``), after the messages these constructs
add (first match wins):

==========================================================  =====================
Keras message contains                                       kind
==========================================================  =====================
``Cannot broadcast shape`` (``x + w``)                      incompatible-merge
``Input size must be at least`` (keras.applications)        invalid-argument
``is incompatible with the layer: expected axis`` /          shared-layer-mismatch
``expected shape=`` (a built layer or model called on
another size)
``Incompatible shapes for matmul``, ``shapes cannot be       incompatible-merge
multiplied``, ``Expected size for first two dimensions of
batch2 tensor``, ``must match the size of tensor b`` (matmul
in a custom layer, RNN state sizes, attention widths, ``a - b``
in a Lambda: torch's messages)
``missing 1 required positional argument`` (a layer         invalid-argument
argument with no default in Keras 3: ``AveragePooling1D()``)
``No such layer`` (``model.get_layer(name)`` with a name     invalid-argument
the model does not have)
``too many positional arguments`` (a model's InputLayer      invalid-argument
called on a tensor)
``'str' object is not callable`` (a layer's call() calling   invalid-argument
the activation string it was given)
``object has no attribute 'get_output_at'`` (and             invalid-argument
``get_input_at``, ``get_*_shape_at``: Keras 2 accessors)
==========================================================  =====================
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import tokenize
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXPECTED = HERE / "expected.json"
TIMEOUT = 600
NOT_FIXTURES = {"record_keras.py", "test_constructs.py", "conftest.py", "__init__.py"}
DATA_DEPENDENT = re.compile(r"#\s*data-dependent:\s*([\d,\s]+)$")
KERAS_ERROR = re.compile(r"#\s*keras-error\s*$")

EXTRA_TABLE = [
    ("Cannot broadcast shape", "incompatible-merge"),
    ("Input size must be at least", "invalid-argument"),
    ("is incompatible with the layer: expected axis", "shared-layer-mismatch"),
    ("is incompatible with the layer: expected shape=", "shared-layer-mismatch"),
    ("Incompatible shapes for matmul", "incompatible-merge"),
    ("shapes cannot be multiplied", "incompatible-merge"),
    ("Expected size for first two dimensions of batch2 tensor", "incompatible-merge"),
    ("must match the size of tensor b", "incompatible-merge"),
    ("missing 1 required positional argument", "invalid-argument"),
    ("No such layer", "invalid-argument"),
    ("Unrecognized keyword arguments passed to", "invalid-argument"),  # Keras 2 keywords (border_mode=...)
    ("The number of input channels must match the kernel", "invalid-argument"),  # keras.ops.conv
    # a single-input layer called on a list of tensors (Keras 3 passes the list on): how each layer trips on it
    ("unsupported operand type(s) for %: 'tuple' and 'int'", "invalid-argument"),
    ("'list' object has no attribute 'shape'", "invalid-argument"),
    ("Found invalid dimension '(None", "invalid-argument"),
    ("too many positional arguments", "invalid-argument"),  # a model's InputLayer called on a tensor
    ("'str' object is not callable", "invalid-argument"),  # self.activation(y) with activation="relu"
    ("object has no attribute 'get_output_at'", "invalid-argument"),  # Keras 2's per-node accessors
    ("object has no attribute 'get_input_at'", "invalid-argument"),
    ("object has no attribute 'get_output_shape_at'", "invalid-argument"),
    ("object has no attribute 'get_input_shape_at'", "invalid-argument"),
]
LAMBDA_INFERENCE = "could not automatically infer the shape of the Lambda's output"


def _corpus_classify():
    spec = importlib.util.spec_from_file_location("corpus_record_keras", HERE.parent / "corpus" / "record_keras.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.classify


def classify(message: str) -> str:
    for needle, kind in EXTRA_TABLE:
        if needle in message:
            return kind
    return _corpus_classify()(message)


def fixture_files() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if p.name not in NOT_FIXTURES)


def _comments(path: Path):
    with open(path, encoding="utf-8") as handle:
        for token in tokenize.generate_tokens(handle.readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string


def data_dependent_dims(path: Path) -> dict[int, list[int]]:
    """``{line: [output dims]}`` from the ``# data-dependent: ...`` comments."""
    found = {}
    for line, text in _comments(path):
        match = DATA_DEPENDENT.match(text)
        if match:
            found[line] = sorted(int(d) for d in re.findall(r"\d+", match.group(1)))
    return found


def keras_error_lines(path: Path) -> list[int]:
    """Lines carrying a ``# keras-error`` comment."""
    return [line for line, text in _comments(path) if KERAS_ERROR.match(text)]


# ----------------------------------------------------------------------------- child

def _install_tensorflow(keras) -> None:
    import importlib
    import importlib.abc

    try:
        from shapedoctor.keras_compat import install_tensorflow_shim
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
        from shapedoctor.keras_compat import install_tensorflow_shim
    from keras.src.utils import module_utils

    assert not module_utils.tensorflow.available  # settled before the alias exists
    install_tensorflow_shim(keras)
    tf = sys.modules["tensorflow"]
    tf.reshape = keras.ops.reshape
    tf.expand_dims = keras.ops.expand_dims
    tf.concat = lambda values, axis=-1, name=None: keras.ops.concatenate(values, axis=axis)
    tf.reduce_mean = lambda x, axis=None, keepdims=False, name=None: keras.ops.mean(x, axis=axis, keepdims=keepdims)
    tf.constant = lambda value, dtype=None, name=None: keras.ops.convert_to_tensor(value, dtype=dtype)
    tf.shape = keras.ops.shape  # the fixtures read it only of sizes their inputs declare

    class Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
        def find_spec(self, name, path, target=None):
            if name.startswith("tensorflow.keras."):
                return importlib.util.spec_from_loader(name, self)
            return None

        def create_module(self, spec):
            return importlib.import_module("keras." + spec.name[len("tensorflow.keras."):])

        def exec_module(self, module):
            pass

    sys.meta_path.insert(0, Alias())


def _innermost_line(exc: BaseException, path: str) -> int | None:
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _lambda_cause(exc: BaseException, path: str) -> tuple[BaseException, int] | None:
    """The error a Lambda's shape inference hid (see the module doc), and its innermost fixture line."""
    if LAMBDA_INFERENCE not in str(exc):
        return None
    seen, cause = {id(exc)}, exc.__cause__ or exc.__context__
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        line = _innermost_line(cause, path)
        if line is not None:
            return cause, line
        cause = cause.__cause__ or cause.__context__
    return None


def _clean(message: str) -> str:
    message = re.sub(r"\x1b\[[0-9;]*m", "", message)
    return message.strip()[:600]


def _shape(shape, eager: bool = False) -> list:
    dims = [None if d is None else int(d) for d in shape]
    if eager and dims:
        dims[0] = None
    return dims


def _flat_shapes(value, eager: bool = False) -> list:
    from keras import tree

    return [_shape(t.shape, eager) for t in tree.flatten(value) if hasattr(t, "shape")]


def _fixture_line(path: str, frame, skip_init_of=None) -> int | None:
    while frame is not None:
        if frame.f_code.co_filename == path:
            if not (skip_init_of is not None and frame.f_code.co_name == "__init__"
                    and frame.f_locals.get("self") is skip_init_of):
                return frame.f_lineno
        frame = frame.f_back
    return None


class _State:
    """What the hooks collect for the fixture being run (reset per fixture)."""

    def __init__(self) -> None:
        self.reset("")

    def reset(self, path: str) -> None:
        self.path = path
        self.made: dict[int, tuple] = {}  # id(model) -> (model, constructor line)
        self.layer_lines: dict[int, tuple] = {}  # id(layer) -> (layer, constructor line)
        self.calls: dict[int, tuple] = {}  # id(model) -> (input shapes, output shapes) of its last call
        self.builds: dict[int, object] = {}  # id(model) -> shape given to build()
        self.depth = 0  # nesting of Layer.__call__
        self.failure: tuple | None = None  # (innermost layer whose call raised, symbolic?, depth)


def install_hooks(keras) -> _State:
    import inspect
    import warnings

    warnings.filterwarnings("ignore")
    _install_tensorflow(keras)
    state = _State()
    layer_init = keras.layers.Layer.__init__
    layer_call = keras.layers.Layer.__call__
    model_build = keras.Model.build

    def init(self, *args, **kwargs):
        layer_init(self, *args, **kwargs)
        if isinstance(self, keras.Model):
            if id(self) not in state.made:
                state.made[id(self)] = (self, _fixture_line(state.path, inspect.currentframe(), skip_init_of=self))
        elif id(self) not in state.layer_lines:
            state.layer_lines[id(self)] = (self, _fixture_line(state.path, inspect.currentframe(), skip_init_of=self))

    def call(self, *args, **kwargs):
        if state.depth == 0:
            state.failure = None
        state.depth += 1
        try:
            out = layer_call(self, *args, **kwargs)
        except Exception:  # noqa: BLE001 - recorded, then re-raised unchanged
            # the innermost raising call wins: inner calls raise first and sit deeper
            if state.failure is None or state.failure[2] <= state.depth:
                symbolic = any(isinstance(t, keras.KerasTensor) for t in keras.tree.flatten((args, kwargs)))
                state.failure = (self, symbolic, state.depth)
            raise
        finally:
            state.depth -= 1
        if isinstance(self, keras.Model):
            eager = not any(isinstance(t, keras.KerasTensor) for t in keras.tree.flatten(out))
            first = args[:1] or list(kwargs.values())[:1]
            state.calls[id(self)] = (_flat_shapes(first, eager), _flat_shapes(out, eager))
        return out

    def build(self, input_shape, *args, **kwargs):
        state.builds[id(self)] = input_shape
        return model_build(self, input_shape, *args, **kwargs)

    keras.layers.Layer.__init__ = init
    keras.layers.Layer.__call__ = call
    keras.Model.build = build
    keras.Model.fit = lambda self, *a, **k: None
    keras.Model.evaluate = lambda self, *a, **k: None
    keras.Model.summary = lambda self, *a, **k: None
    # save() is real, into a scratch directory (never beside the fixture), so that load_model() of the same path
    # later in the fixture gives the model back as Keras would
    scratch = tempfile.mkdtemp(prefix="sd-record-")
    model_save, load_model = keras.Model.save, keras.saving.load_model

    def scratch_path(path):
        return os.path.join(scratch, os.path.basename(str(path)))

    keras.Model.save = lambda self, path, *a, **k: model_save(self, scratch_path(path), *a, **k)
    keras.saving.load_model = keras.models.load_model = lambda path, *a, **k: load_model(scratch_path(path), *a, **k)
    keras.utils.plot_model = lambda *a, **k: None
    return state


def _graph_io(model):
    """Input and output shapes of a functional model or a built Sequential; None for a subclassed one."""
    try:
        ins, outs = model.inputs, model.outputs
    except (AttributeError, ValueError):
        return None
    if not ins or not outs:
        return None
    return _flat_shapes(ins), _flat_shapes(outs)


def record_one(state: _State, path: str) -> dict:
    import keras

    keras.backend.clear_session()  # automatic names start again at "functional", "dense"...
    state.reset(path)
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    sys.argv = [path]
    error = None
    try:
        with open(path, encoding="utf-8") as handle:
            code = compile(handle.read(), path, "exec")
        exec(code, namespace)  # noqa: S102 - our own fixture, run on purpose to record the truth
    except Exception as exc:  # noqa: BLE001 - the outcome is what we record
        message = _clean(str(exc))
        layer, symbolic = (state.failure or (None, True, 0))[:2]
        line, tb = None, exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == path:
                line = tb.tb_lineno
            tb = tb.tb_next
        hidden = _lambda_cause(exc, path)
        if hidden is not None:
            message = f"{message}\n\nCaused by {type(hidden[0]).__name__}: {_clean(str(hidden[0]))}"
            line = hidden[1]
        layer_line = None
        if layer is not None:
            layer_line = (state.made.get(id(layer)) or state.layer_lines.get(id(layer)) or (None, None))[1]
        error = {"type": type(exc).__name__, "message": message, "kind": classify(message), "line": line,
                 "layer": type(layer).__name__ if layer is not None else None, "layer_line": layer_line,
                 "runtime": not symbolic}
        marked = keras_error_lines(Path(path))
        if len(marked) > 1 or (marked and marked[0] not in (line, layer_line)):
            raise RuntimeError(f"{path}: `# keras-error` at line(s) {marked}, but Keras failed at line {line} "
                               f"(innermost layer made at line {layer_line})")
        error["static_line"] = marked[0] if marked else line

    if error is None and keras_error_lines(Path(path)):
        raise RuntimeError(f"{path}: `# keras-error` on a file Keras runs to the end")
    annotations = data_dependent_dims(Path(path))
    models = []
    for obj, where in _reachable_models(namespace, keras):
        line = state.made.get(id(obj), (None, None))[1]
        inputs = outputs = None
        graph_io = _graph_io(obj)
        if graph_io is not None:
            inputs, outputs = graph_io
        elif id(obj) in state.calls:
            inputs, outputs = state.calls[id(obj)]
        elif id(obj) in state.builds and all(d is None or isinstance(d, int) for d in state.builds[id(obj)]):
            # (a model built on a dict or list of shapes, and never called, has no recorded shapes)
            spec_in = keras.KerasTensor(tuple(state.builds[id(obj)]))
            inputs = [_shape(spec_in.shape)]
            try:
                outputs = _flat_shapes(obj.compute_output_spec(spec_in))
            except Exception:  # noqa: BLE001 - Keras cannot run it either: no output shape
                outputs = None
        models.append({"line": line, "class": type(obj).__name__, "name": obj.name, "path": where,
                       "inputs": inputs, "outputs": outputs, "data_dependent": annotations.get(line, [])})
    return {"error": error, "models": models}


def _reachable_models(namespace: dict, keras) -> list[tuple]:
    """``(model, path)`` for every model reachable from the module's globals (see the module doc)."""
    found, seen = [], set()

    def visit(value, where: str, depth: int) -> None:
        if depth > 6 or id(value) in seen:
            return
        if isinstance(value, keras.Model):
            seen.add(id(value))
            found.append((value, where))
            return
        if isinstance(value, keras.layers.Layer) or isinstance(value, type):
            return
        seen.add(id(value))
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{where}[{key!r}]", depth + 1)
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                visit(item, f"{where}[{i}]", depth + 1)
        elif getattr(type(value), "__module__", None) == "__main__" and hasattr(value, "__dict__"):
            for key, item in vars(value).items():
                visit(item, f"{where}.{key}", depth + 1)

    for name, value in list(namespace.items()):
        if not name.startswith("__"):
            visit(value, name, 0)
    return found


# ---------------------------------------------------------------------------- parent

MARKER = "@@RECORD@@"


def record_files(paths: list[Path]) -> dict[str, dict]:
    """Record fixtures in one child process (Keras and torch imported once; names reset per file)."""
    if not paths:
        return {}
    env = dict(os.environ, KERAS_BACKEND="torch", PYTHONWARNINGS="ignore")
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child",
                           *[str(p.resolve()) for p in paths]],
                          capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=str(HERE))
    found = {}
    for line in proc.stdout.splitlines():
        if line.startswith(MARKER):
            name, _, payload = line[len(MARKER):].partition(" ")
            found[name] = json.loads(payload)
    missing = [p.name for p in paths if p.name not in found]
    if missing:
        raise RuntimeError(f"the recorder child failed on {missing[0]}:\n{proc.stderr[-3000:]}")
    return found


def record_file(path: Path) -> dict:
    return record_files([path])[path.name]


def _child(paths: list[str]) -> int:
    os.environ.setdefault("KERAS_BACKEND", "torch")
    import keras

    state = install_hooks(keras)
    for path in paths:
        result = record_one(state, path)
        sys.stdout.write(f"\n{MARKER}{Path(path).name} " + json.dumps(result) + "\n")
        sys.stdout.flush()
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return _child(argv[1:])
    wanted = set(argv)
    data = json.loads(EXPECTED.read_text()) if EXPECTED.exists() else {}
    import keras  # noqa: F401 - only for the version string

    data["_meta"] = {"keras": keras.__version__, "backend": "torch",
                     "recorded_by": "tests/constructs/record_keras.py"}
    paths = [p for p in fixture_files() if not wanted or p.name in wanted or p.stem in wanted]
    data.update(record_files(paths))
    for path in paths:
        err = data[path.name]["error"]
        models = ", ".join(f"{m['class']}@{m['line']}" for m in data[path.name]["models"])
        print(f"{path.name}: [{models}] " + (f"{err['kind']} at line {err['line']} ({err['type']})" if err else "ok"),
              flush=True)
    known = {p.name for p in fixture_files()} | {"_meta"}
    data = {k: v for k, v in sorted(data.items()) if k in known}
    tmp = EXPECTED.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n")
    tmp.replace(EXPECTED)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
