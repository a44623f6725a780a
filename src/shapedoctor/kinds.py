"""The flat registry of finding kinds: one class per kind, one place for codes.

Each kind's docstring follows ruff's rule documentation form and is what
``shapedoctor explain KIND`` prints.  Codes and kind names are a public contract:
add new ones, never rename.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str
    name: str
    severity: str  # default severity: error | warning | info

    @property
    def doc(self) -> str:
        return inspect.cleandoc(_DOCS[self.name])


_DOCS: dict[str, str] = {}
KINDS: dict[str, Kind] = {}


def _kind(code: str, name: str, severity: str, doc: str) -> Kind:
    kind = Kind(code, name, severity)
    KINDS[name] = kind
    _DOCS[name] = doc
    return kind


RANK = _kind("SD101", "rank", "error", """
    ## What it does
    Finds a layer fed a tensor of the wrong rank: `Conv1D` or `LSTM` after `Dense` or
    `Flatten`, `Conv2D` on a 3-D tensor, a pooling layer on the wrong number of axes.

    ## Why is this bad?
    Keras raises `expected min_ndim=3, found ndim=2` when the model is built. `Conv1D`
    slides over a steps axis `(batch, steps, channels)`; `Dense` on a 2-D input and
    `Flatten` leave `(batch, features)`, so there is nothing to slide over.

    ## Example
    ```python
    model = Sequential([
        Dense(64, activation="relu", input_shape=(50,)),
        Conv1D(32, 3, activation="relu"),   # SD101: gets (None, 64)
    ])
    ```

    ## Use instead
    Give the features a steps axis, with steps x channels = units, steps at least as long
    as the kernels that follow:
    ```python
    Dense(64, activation="relu", input_shape=(50,)),
    Reshape((8, 8)),
    Conv1D(32, 3, activation="relu"),
    ```
    or keep the series 3-D from the input: `Input(shape=(50, 1))` and no Dense/Flatten
    before the convolutions.

    ## Fix safety
    A `Reshape` changes how the features are grouped into steps; which grouping is right
    depends on the data, so `shapedoctor compare` can train the candidates side by side.
""")

NEGATIVE_LENGTH = _kind("SD102", "negative-length", "error", """
    ## What it does
    Finds a convolution, pooling or cropping layer that makes a dimension zero or negative.

    ## Why is this bad?
    A negative size makes Keras raise "Computed output size would be negative". A size of
    zero builds, but the model fails as soon as it sees data (reported as a warning).

    ## Example
    ```python
    Conv1D(32, 3, input_shape=(8, 1)),   # 8 -> 6
    MaxPooling1D(4),                      # 6 -> 1
    Conv1D(64, 3),                        # SD102: 1 -> -1
    ```

    ## Use instead
    `padding="same"`, a smaller kernel or pool, or one pooling layer fewer. When the sizes come from a module
    constant worked out for another input (`FEATURE_SIZE = 60` for 480-pixel images, pool sizes
    `FEATURE_SIZE // bins`), the fix sets the constant to the size the layer gets: that fix is checked by writing it
    into the source and checking the whole file again, as the graph holds only the folded sizes.
""")

RESHAPE_SIZE = _kind("SD103", "reshape-size", "error", """
    ## What it does
    Finds a `Reshape` whose target has a different number of elements than its input.

    ## Why is this bad?
    Keras raises "total size of the new array must be unchanged" when the model is built.

    ## Example
    ```python
    Dense(64, input_shape=(50,)),
    Reshape((10, 10)),   # SD103: 100 != 64
    ```

    ## Use instead
    A target whose product equals the input size, e.g. `Reshape((8, 8))`, or let Keras
    compute one axis: `Reshape((-1, 8))`.
""")

UNDEFINED_DIM = _kind("SD104", "undefined-dim", "error", """
    ## What it does
    Finds a layer that needs a known dimension but gets `None`: `Dense` on `(None, None)`,
    `Flatten` followed by `Dense` on a variable-length series, a `Reshape` with an unknown
    input.

    ## Why is this bad?
    Keras cannot create weights whose size depends on the length of each batch, and raises
    "The last dimension of the inputs to a Dense layer should be defined".

    ## Example
    ```python
    Input(shape=(None, 3)),
    Flatten(),
    Dense(10),   # SD104: input (None, None)
    ```

    ## Use instead
    `GlobalAveragePooling1D()` instead of `Flatten()`, or a fixed input length.
""")

OUTPUT_TARGET_MISMATCH = _kind("SD105", "output-target-mismatch", "warning", """
    ## What it does
    Finds a model whose output still carries a steps or spatial axis where the loss, the last
    layer and the target shape imply one value (or one vector) per sample.

    ## Why is this bad?
    With the cross-entropies (`sparse_categorical_crossentropy`, `binary_crossentropy`...)
    `fit` fails. With `mse` and the other losses Keras broadcasts the target against the
    output: a `(batch, 1)` target against a `(batch, steps, 1)` output trains on the wrong
    objective without any error, while a `(batch, steps, 4)` output makes `fit` fail. When
    the target's shape is known (from `fit(x, y)` or `--target-shape`), the finding is an
    error where `fit` would fail and a warning where it would train.

    ## Example
    ```python
    Conv1D(32, 3, input_shape=(20, 1)),
    Dense(1, activation="sigmoid"),   # SD105: output (None, 18, 1)
    ```

    ## Use instead
    `Flatten()` or `GlobalAveragePooling1D()` before the head, or `return_sequences=False`
    on the last recurrent layer. A sequence-to-sequence model whose target really is 3-D is
    not flagged.
""")

INCOMPATIBLE_MERGE = _kind("SD106", "incompatible-merge", "error", """
    ## What it does
    Finds a merge layer (`Add`, `Concatenate`, `Dot`, ...) whose inputs cannot be combined.

    ## Why is this bad?
    Keras raises "Inputs have incompatible shapes" when the model is built.

    ## Example
    ```python
    a = Dense(32)(x)
    b = Dense(16)(x)
    Add()([a, b])   # SD106: (None, 32) vs (None, 16)
    ```

    ## Use instead
    Project both branches to the same size, or `Concatenate` them. The fixes widen the narrower branch's own
    `Dense`/convolution when it feeds nothing else, else project it (`Dense`, or the 1x1 convolution of a ResNet
    projection shortcut); sequences joined along their steps whose features differ get the same projection.
""")

INVALID_ARGUMENT = _kind("SD107", "invalid-argument", "error", """
    ## What it does
    Finds layer arguments Keras rejects: `strides > 1` together with `dilation_rate > 1`,
    a non-positive number of filters or units, an unknown `padding`, a keyword the layer
    does not take (Keras 2's `border_mode=`...), Keras 1/2 spellings of the model's own API.

    ## Why is this bad?
    Keras raises `ValueError` when the layer is created. Keras 3's third positional parameter of
    `compile` is `loss_weights`, not `metrics`: the call is taken without a word, and training fails on
    its first batch (`Invalid dtype: str256`), far from the mistake.

    ## Example
    ```python
    Conv1D(32, 3, strides=2, dilation_rate=2)   # SD107
    ```

    ## Use instead
    Either strides or dilation, not both. A keyword Keras 3 renamed is spelled the new way:
    `border_mode=` is `padding=`, `init=` is `kernel_initializer=`, `output_dim=` is `units=`,
    `nb_filter=` is `filters=`, `subsample=` is `strides=`... (`dim_ordering=` is `data_format=` only with
    a Keras 3 value such as `"channels_first"`), and a Keras 1 keyword that only restates its default
    (`BatchNormalization(mode=0)`, `weights=None`) is removed: `fix` applies this as a safe fix when
    every unrecognized keyword of the call has such a spelling. Keras 2's `batch_input_shape=` (and
    `batch_size=`) on the first layer of a Sequential becomes an `InputLayer(batch_shape=...)` before it,
    batch size kept; on any other layer Keras 2 ignored it, and it is removed (safe fixes too).
    Compile's Keras 2 positional arguments get their keywords: `compile("adam", loss, metrics=["accuracy"])`,
    and Keras 1's `Model(input=x, output=y)` becomes `Model(inputs=x, outputs=y)`, which Keras 3 otherwise
    refuses ("Unrecognized keyword arguments passed to Model"); both safe. Keras 1's `merge([a, b],
    mode="concat", concat_axis=1)` is `concatenate([a, b], axis=1)` (and `add`, `multiply`... for the other
    modes); the message says which, and the layer meant is checked meanwhile. So is Keras 2's `K.sum(x, 1)`
    (`keras.backend` keeps only its configuration in Keras 3): write `keras.ops.sum(x, 1)`. `keras.Input`
    takes only its own parameters: `Input(input_shape=...)` is `Input(shape=...)` (a safe fix).
""")

SHARED_LAYER_MISMATCH = _kind("SD108", "shared-layer-mismatch", "error", """
    ## What it does
    Finds a layer object called more than once (a shared layer) on inputs whose feature size
    differs from the first call, which created its weights.

    ## Why is this bad?
    Keras raises "expected axis -1 of input shape to have value 8, but received input with
    shape (None, 16)" at the second call: one set of weights cannot serve both sizes.

    ## Example
    ```python
    shared = Dense(4)
    a = shared(Input(shape=(8,)))
    b = shared(Input(shape=(16,)))   # SD108
    ```

    ## Use instead
    Two separate layers, or project both inputs to the same size first.
""")

INPUT_DATA_MISMATCH = _kind("SD109", "input-data-mismatch", "error", """
    ## What it does
    Compares the model's Input with the shape of the arrays it is fit on: `--data-shape`,
    or the `X` of a `fit(X, y)` in the file when its shape folds.

    The arrays of a `fit` call (`np.random.rand(100, 5)`, a slice or a reshape of it) are
    used only for a model that builds: one that does not fails at its own error first. An
    Input written from part of a known array's shape (`input_shape=(X.shape[1], X.shape[2])`
    of a 4-D `X`) is held to that array too.

    ## Why is this bad?
    A model that is consistent on its own can still fail on its data. With a rank that
    differs `fit` raises `Invalid input shape`, unless by one trailing axis of 1: Keras adds
    or drops it itself, whatever the other sizes, and compares what is left. With the same rank and other sizes Keras warns and runs
    the layers at the data's shape: an error when a layer then fails (channels-first images
    fed to a model declared channels last), a warning when every layer still builds.

    ## Example
    ```python
    # shapedoctor check model.py --data-shape "(None, 640)"
    inputs = Input((128, 5, 1))   # SD109: the data are (None, 640)
    ```

    ## Use instead
    Declare the data's shape, `Input((640,))`, and reshape inside the model when the layers
    need another one: `Reshape((128, 5, 1))` after the Input.
""")

UNKNOWN_LAYER = _kind("SD201", "unknown-layer", "info", """
    ## What it does
    Notes a layer or call shapedoctor has no rule for (a custom layer, a Lambda it cannot
    read). Shapes after it are unknown.

    ## Why is this bad?
    It is not: this is information, never a false alarm. Everything downstream of it is
    simply not checked.
""")

INCOMPLETE_MODEL = _kind("SD202", "incomplete-model", "info", """
    ## What it does
    Notes a model that shapedoctor could check only in part: somewhere between its input and
    its outputs is a construct it could not follow (a helper function it cannot read, a
    custom layer without a rule, an argument whose value comes from run-time data...). The
    finding sits at the model's constructor line and names the first such construct and why;
    `--format json` lists every one of them as the model's `gaps`.

    ## Why is this bad?
    It is not an error in your model. But the shapes after each gap are unknown, so a
    shape error there would go unnoticed: "no errors found" for this model means "no
    errors in the part that was checked".

    ## Example
    ```python
    def conv_block(x, filters):      # defined in another module: not visible here
        ...

    inputs = keras.Input(shape=(128, 1))
    x = conv_block(inputs, 32)       # shapes after this call are unknown
    outputs = layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)   # SD202
    ```

    ## Use instead
    Nothing is required. To have the whole model checked, write the construct in a form
    shapedoctor follows: define the helper in the same file, give a `Lambda` its
    `output_shape=`, pass sizes as literals or module-level constants. Or check the built
    model itself: `shapedoctor.check_model(model)`.
""")

SKIPPED_MODEL = _kind("SD203", "skipped-model", "info", """
    ## What it does
    Notes a `Model(...)`, `Sequential(...)` or model-subclass construction that shapedoctor
    could not build at all, with the reason (its inputs or outputs are not tensors it could
    follow, its `call()` returns nothing it can read...).

    ## Why is this bad?
    It is not an error in your model, but nothing in that model was checked. The file's
    `skipped_models` in `--format json` lists every such construction.

    ## Example
    ```python
    inputs = get_inputs()                  # from another module
    model = keras.Model(inputs, head(inputs))   # SD203
    ```

    ## Use instead
    Build the model from `keras.Input(...)` in the same file, or check the built model
    itself: `shapedoctor.check_model(model)`.
""")

PARSE_ERROR = _kind("SD901", "parse-error", "error", """
    ## What it does
    Reports a file that cannot be parsed (Python syntax error, malformed JSON).

    ## Why is this bad?
    Nothing in the file could be checked.
""")

INPUT_ERROR = _kind("SD902", "input-error", "error", """
    ## What it does
    Reports a file that cannot be read: missing, unreadable, not UTF-8, a corrupt or
    oversized `.keras` archive.

    ## Why is this bad?
    Nothing in the file could be checked.
""")


INTERNAL_ERROR = _kind("SD903", "internal-error", "info", """
    ## What it does
    Reports a construct on which shapedoctor itself failed (a bug in a shape rule or in a
    front-end). The model, or the whole file, is then only partly checked, and the summary
    counts the failure.

    ## Why is this bad?
    It is a bug in shapedoctor, not in your model; but what it could not check may hide a
    real shape error. Please report it with the construct that triggers it.
""")


UNUSED_NOQA = _kind("SD301", "unused-noqa", "warning", """
    ## What it does
    Reports a suppression comment that silences nothing: a `# shapedoctor: ignore[...]`,
    or shapedoctor codes in a `# noqa: ...`, on a line with no such finding. Only with
    `check --report-unused-noqa` (or `report-unused-noqa = true` in the configuration), as
    ruff's RUF100.

    ## Why is this bad?
    A stale suppression hides the next real error on that line. A bare `# noqa` and the
    codes of other linters (`E501`, `F401`) are left alone: they may be there for flake8
    or ruff.

    ## Example
    ```python
    model = Sequential([Input((50, 1)), Conv1D(32, 3)])  # noqa: SD101   (nothing to silence)
    ```

    ## Use instead
    ```python
    model = Sequential([Input((50, 1)), Conv1D(32, 3)])
    ```
""")

def kind_by_name_or_code(text: str) -> Kind | None:
    text = text.strip()
    if text in KINDS:
        return KINDS[text]
    for kind in KINDS.values():
        if kind.code.lower() == text.lower():
            return kind
    return None
