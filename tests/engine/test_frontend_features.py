"""Source front-end features: each snippet is a model as users write it, with the output shape of every
layer (in model order) or the error Keras raises.

The expected values are checked twice: against shapedoctor (fast suite, no Keras) and, in the
`keras`-marked test, against real Keras 3 (torch backend) by executing the same snippet and reading
`layer.output.shape` of every layer of the model bound to `model` — so the table cannot drift from Keras.
"""

import textwrap
from pathlib import Path

import pytest

import shapedoctor

CASES = {
    # Keras 3.15 resolves an activation string among its own names only: a name registered as a custom object
    # (Keras 2 code, e.g. Advanced-Deep-Learning-with-Keras' softplusk) still raises "Could not interpret"
    "activation_registered_by_name": ("""
        import keras
        from keras import layers

        def softplusk(x):
            return keras.ops.softplus(x) + 1e-10

        keras.utils.get_custom_objects().update({"softplusk": layers.Activation(softplusk)})
        model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(4), layers.Activation("softplusk")])
        """, ("invalid-argument", 9)),
    "dict_with_int_keys": ("""
        import keras
        from keras import layers
        id_to_label = {0: "cat", 1: "dog", 2: "bird"}
        filters_at = {2: 64, 3: 32}
        inputs = keras.Input(shape=(8, 8, 3))
        x = inputs
        for level in range(2, 4):
            x = layers.Conv2D(filters_at[level], 3, padding="same")(x)
        x = layers.GlobalAveragePooling2D()(x)
        outputs = layers.Dense(len(id_to_label), activation="softmax")(x)
        model = keras.Model(inputs, outputs)
        """, [(None, 8, 8, 64), (None, 8, 8, 32), (None, 32), (None, 3)]),
    # ops.eye(N, M=...): N rows and M columns, by keyword too (a (4, 4) guess for the keyword was a wrong size)
    "eye_with_columns": ("""
        import keras
        from keras import layers, ops
        inputs = keras.Input(shape=(8,))
        x = layers.Dense(ops.eye(4, M=6).shape[1])(inputs)
        outputs = layers.Dense(ops.eye(2, 5).shape[1])(x)
        model = keras.Model(inputs, outputs)
        """, [(None, 6), (None, 5)]),
    "sequential_lambda_traced": ("""
        import keras
        from keras import layers
        model = keras.Sequential()
        model.add(layers.Lambda(lambda pixel: pixel / 255, input_shape=(20, 30, 3)))
        model.add(layers.Lambda(lambda x: keras.ops.mean(x, axis=-1, keepdims=True)))
        model.add(layers.Conv2D(4, 5))
        model.add(layers.Flatten())
        model.add(layers.Dense(1))
        """, [(None, 20, 30, 3), (None, 20, 30, 1), (None, 16, 26, 4), (None, 1664), (None, 1)]),
    "identity_test_of_a_flag": ("""
        import keras
        from keras import layers


        def block(x, filters, batch_norm=False, dropout=0):
            x = layers.Conv2D(filters, 3, padding="same")(x)
            if batch_norm is True:
                x = layers.BatchNormalization()(x)
            if dropout is not False:
                x = layers.Dropout(0.1)(x)
            return layers.MaxPooling2D()(x)


        inputs = keras.Input((9, 9, 2))
        x = block(inputs, 4, batch_norm=True)
        x = block(x, 8, batch_norm=1)
        outputs = layers.Dense(3)(layers.Flatten()(x))
        model = keras.Model(inputs, outputs)
        """, [(None, 9, 9, 4), (None, 9, 9, 4), (None, 9, 9, 4), (None, 4, 4, 4), (None, 4, 4, 8), (None, 4, 4, 8),
              (None, 2, 2, 8), (None, 32), (None, 3)]),
    "star_imports_from_keras": ("""
        from keras.models import *
        from keras.layers import *
        inputs = Input(shape=(28, 28, 1))
        x = Convolution2D(8, 3)(inputs)
        x = MaxPooling2D()(x)
        x = Flatten()(x)
        outputs = Dense(10)(concatenate([x, x]))
        model = Model(inputs, outputs)
        """, [(None, 26, 26, 8), (None, 13, 13, 8), (None, 1352), (None, 2704), (None, 10)]),
    "sequential_list_keras2_input_shape": ("""
        from keras.models import Sequential
        from keras.layers import Dense, Conv1D, Reshape, Flatten
        model = Sequential([Dense(64, input_shape=(50,)), Reshape((8, 8)), Conv1D(32, 3), Flatten(), Dense(1)])
        """, [(None, 64), (None, 8, 8), (None, 6, 32), (None, 192), (None, 1)]),
    "add_chain_with_constants": ("""
        import keras
        N_STEPS = 4 * 32
        N_FEATURES = 3
        model = keras.Sequential()
        model.add(keras.Input(shape=(N_STEPS, N_FEATURES)))
        model.add(keras.layers.Conv1D(16, 5, strides=2, padding="same"))
        model.add(keras.layers.MaxPooling1D(pool_size=3))
        model.add(keras.layers.GlobalAveragePooling1D())
        """, [(None, 64, 16), (None, 21, 16), (None, 16)]),
    "loop_unrolled": ("""
        import keras
        from keras import layers
        model = keras.Sequential([keras.Input(shape=(100, 1))])
        for filters in (8, 16, 32):
            model.add(layers.Conv1D(filters, 3, activation="relu"))
            model.add(layers.MaxPooling1D(2))
        model.add(layers.Flatten())
        """, [(None, 98, 8), (None, 49, 8), (None, 47, 16), (None, 23, 16), (None, 21, 32), (None, 10, 32),
              (None, 320)]),
    "foldable_if": ("""
        import keras
        USE_POOL = False
        model = keras.Sequential([keras.Input(shape=(10, 2))])
        if USE_POOL:
            model.add(keras.layers.MaxPooling1D(2))
        else:
            model.add(keras.layers.Conv1D(4, 3))
        """, [(None, 8, 4)]),
    "numpy_shapes": ("""
        import numpy as np
        import keras
        X = np.random.rand(32, 60, 2)
        X2 = X.reshape(32, -1)
        model = keras.Sequential([keras.Input(shape=X2.shape[1:]), keras.layers.Reshape((X.shape[1], 2)),
                                  keras.layers.LSTM(8)])
        """, [(None, 60, 2), (None, 8)]),
    "function_defaults": ("""
        import keras
        from keras import layers
        def build(n_steps=64, n_channels=2, n_classes=3):
            inputs = keras.Input(shape=(n_steps, n_channels))
            x = layers.Conv1D(8, 3, padding="causal", dilation_rate=2)(inputs)
            x = layers.GlobalMaxPooling1D()(x)
            return keras.Model(inputs, layers.Dense(n_classes, activation="softmax")(x))
        model = build()
        """, [(None, 64, 8), (None, 8), (None, 3)]),
    "functional_multi_input_shared_layer": ("""
        import keras
        from keras import layers
        a = keras.Input(shape=(20, 3))
        b = keras.Input(shape=(20, 3))
        shared = layers.Conv1D(4, 3)
        merged = layers.concatenate([shared(a), shared(b)], axis=-1)
        out = layers.Dense(1)(layers.Flatten()(merged))
        model = keras.Model(inputs=[a, b], outputs=out)
        """, None),
    "lambda_expand_dims": ("""
        import keras
        from keras import ops
        model = keras.Sequential([keras.Input(shape=(30,)),
                                  keras.layers.Lambda(lambda x: ops.expand_dims(x, -1)),
                                  keras.layers.Conv1D(4, 3)])
        """, [(None, 30, 1), (None, 28, 4)]),
    "error_conv_after_dense": ("""
        import keras
        model = keras.Sequential([keras.Input(shape=(50,)), keras.layers.Dense(64),
                                  keras.layers.Conv1D(32, 3)])
        """, ("rank", 4)),
    "error_reshape_size": ("""
        import keras
        model = keras.Sequential([keras.Input(shape=(50,)), keras.layers.Dense(64),
                                  keras.layers.Reshape((10, 10))])
        """, ("reshape-size", 4)),
    "error_undefined_dim": ("""
        import keras
        model = keras.Sequential([keras.Input(shape=(None, 3)), keras.layers.Flatten(),
                                  keras.layers.Dense(4)])
        """, ("undefined-dim", 4)),
    "error_strides_with_dilation": ("""
        import keras
        model = keras.Sequential([keras.Input(shape=(50, 1)),
                                  keras.layers.Conv1D(4, 3, strides=2, dilation_rate=2)])
        """, ("invalid-argument", 4)),
    "error_incompatible_merge": ("""
        import keras
        x = keras.Input(shape=(16,))
        y = keras.layers.Add()([keras.layers.Dense(8)(x), keras.layers.Dense(4)(x)])
        model = keras.Model(x, y)
        """, ("incompatible-merge", 4)),
    "error_subclassed_model": ("""
        import numpy as np
        import keras
        from keras import layers
        class ECGNet(keras.Model):
            def __init__(self, n_classes=5):
                super().__init__()
                self.conv1 = layers.Conv1D(8, 7, activation="relu")
                self.flat = layers.Flatten()
                self.conv2 = layers.Conv1D(8, 3)
                self.head = layers.Dense(n_classes, activation="softmax")
            def call(self, inputs):
                return self.head(self.conv2(self.flat(self.conv1(inputs))))
        X = np.random.rand(4, 187, 1)
        model = ECGNet(n_classes=5)
        model.compile(loss="sparse_categorical_crossentropy")
        model.fit(X, np.zeros(4), verbose=0)
        """, ("rank", 10)),
    # A loop over a list whose first passes build nothing is walked once as a loop that may run: after it, the
    # target holds the last item, as in Python (the walk once left it at the fourth: Dense(64)).
    "loop_target_keeps_the_last_item": ("""
        import keras
        from keras import layers
        sizes = [8, 16, 32, 64, 128, 256]
        log = []
        for units in sizes:
            log.append(units * 2)
        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(units)])
        """, [(None, 256)]),
    # The same, with a long body (a data loop calling a helper): cut after two passes, not four; the target still
    # holds the last item
    "loop_with_a_long_body_cut_early_keeps_the_last_item": ("""
        import keras
        from keras import layers

        def summarize(values):
            total = 0
            for v in values:
                total = total + v
            mean = total / len(values)
            spread = max(values) - min(values)
            return mean, spread

        sizes = [8, 16, 32, 64, 128, 256]
        stats = []
        for units in sizes:
            mean, spread = summarize([units, units * 2, units * 3])
            stats.append(mean)
            stats.append(spread)
        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(units)])
        """, [(None, 256)]),
    # Keras 1 code passing a layer where a rate goes (PacktPublishing/Deep-Learning-with-Keras): Keras 3 raises
    # TypeError ('<=' not supported between 'int' and 'Dropout') at the constructor
    "a_layer_given_as_a_rate": ("""
        import keras
        from keras import layers
        model = keras.Sequential([keras.Input(shape=(10,)), layers.Embedding(50, 8),
                                  layers.SpatialDropout1D(layers.Dropout(0.2)), layers.LSTM(4)])
        """, ("invalid-argument", 5)),
    "loop_break_in_a_probed_pass": ("""
        import keras
        from keras import layers
        sizes = [8, 16, 32, 64, 128, 256]
        for units in sizes:
            if units * units > 1000:
                break
        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(units)])
        """, [(None, 32)]),
    # `continue` and `break` in an unrolled model-building loop: 4 Dense layers, not 10
    "loop_continue_and_break_while_unrolling": ("""
        import keras
        from keras import layers
        inputs = keras.Input(shape=(16,))
        x = inputs
        for i in range(10):
            if i % 2 == 1:
                continue
            x = layers.Dense(8 * (i + 1))(x)
            if i == 6:
                break
        model = keras.Model(inputs, x)
        """, [(None, 8), (None, 24), (None, 40), (None, 56)]),
    # conv_kwargs.update(kwargs): the update was not followed, so strides= and padding= given to the helper were
    # dropped unseen (the walk gave (None, 32, 32, 8))
    "dict_update_of_layer_keywords": ("""
        import keras
        from keras import layers
        def conv(filters, **kwargs):
            settings = {"padding": "same", "use_bias": False}
            settings.update(kwargs)
            return layers.Conv2D(filters, 3, **settings)
        inputs = keras.Input(shape=(32, 32, 3))
        x = conv(8, strides=2, padding="valid")(inputs)
        x = conv(4)(x)
        model = keras.Model(inputs, x)
        """, [(None, 15, 15, 8), (None, 15, 15, 4)]),
    "error_pooling_runs_out": ("""
        import keras
        model = keras.Sequential([keras.Input(shape=(8, 1)), keras.layers.Conv1D(4, 3),
                                  keras.layers.MaxPooling1D(4), keras.layers.Conv1D(4, 3)])
        """, ("negative-length", 4)),
}


def _check(source):
    return shapedoctor.check_source(textwrap.dedent(source), "case.py", with_fixes=False)


@pytest.mark.parametrize("name", sorted(CASES))
def test_shapedoctor(name):
    source, expected = CASES[name]
    report = _check(source)
    problems = [(d.kind.name, d.line) for d in report.diagnostics if d.severity in ("error", "warning")]
    if isinstance(expected, tuple):
        assert problems == [expected]
        return
    assert problems == []
    # A model returned from a function is reported under the function's name.
    (model,) = [m for m in report.models if m.name in ("model", "build")]
    shapes = [r.output_shape for r in model.inference.results if r.node.type != "InputLayer"]
    if expected is not None:
        assert shapes == expected
    assert all(r.status == "ok" for r in model.inference.results)


@pytest.fixture(scope="module")
def keras_results(tmp_path_factory):
    """Every snippet run by real Keras, in one process."""
    pytest.importorskip("keras")
    from keras_batch import run_in_keras

    sources = {name: textwrap.dedent(source) for name, (source, _) in CASES.items()}
    return run_in_keras(sources, tmp_path_factory.mktemp("cases"))


@pytest.mark.keras
@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_keras(name, keras_results):
    _, expected = CASES[name]
    verdict = keras_results[name]
    if isinstance(expected, tuple):
        # Keras' traceback points at the statement (`Sequential(` or the call line); ours at the layer.
        assert "error" in verdict, verdict
        return
    assert "error" not in verdict, verdict
    if expected is not None:
        assert [tuple(s) for s in verdict["shapes"]] == expected


def test_sizes_of_data_that_cannot_be_folded_become_named_symbols():
    # The stock-prediction tutorial: x_train comes from a CSV, so its length is only known at run time.
    source = """
    import numpy as np
    import pandas as pd
    from keras.models import Sequential
    from keras.layers import Dense, LSTM, Conv1D
    df = pd.read_csv("AAPL.csv")
    x_train, y_train = np.array(df["x"]), np.array(df["y"])
    x_train = np.reshape(x_train, (x_train.shape[0], x_train.shape[1], 1))
    n_timesteps, n_features = x_train.shape[1], x_train.shape[2]
    model = Sequential()
    model.add(LSTM(50, input_shape=(n_timesteps, n_features)))
    model.add(Conv1D(8, 3))
    """
    report = _check(source)
    (model,) = report.models
    lstm = model.inference.results[1]
    assert str(lstm.input_shapes[0][1]) == "x_train.shape[1]" and str(lstm.input_shapes[0][2]) == "x_train.shape[2]"
    assert lstm.output_shape == (None, 50)
    # ...and the rank error after it is still found, with the symbolic sizes never guessed.
    assert [(d.kind.name, d.line) for d in report.diagnostics if d.severity == "error"] == [("rank", 12)]


def test_tensorflow_addons_instance_normalization_is_groupnormalization_with_one_group_per_channel():
    """Keras 3 documents GroupNormalization(groups=-1) as the InstanceNormalization it replaces; the rule is
    GroupNormalization's, recorded from Keras (tests/rules/expected_normalization*.json)."""
    report = shapedoctor.check_source(textwrap.dedent("""
        import keras
        import tensorflow_addons as tfa
        inp = keras.Input((32, 32, 3))
        x = keras.layers.Conv2D(8, 3)(inp)
        x = tfa.layers.InstanceNormalization(gamma_initializer="ones")(x)
        model = keras.Model(inp, x)
        """), "m.py")
    (model,) = report.models
    assert model.inference.complete and model.graph.nodes[-1].type == "GroupNormalization"
    assert model.inference.output_shapes() == [(None, 30, 30, 8)]


def test_an_input_only_a_loss_layer_reads_is_part_of_the_model_and_its_error_is_reported():
    report = shapedoctor.check_source(textwrap.dedent("""
        import keras
        from keras import layers
        class Loss(layers.Layer):
            def call(self, inputs):
                y_true, y_pred = inputs
                self.add_loss(keras.ops.mean(y_pred))
                return y_pred
        x = keras.Input((8,))
        labels = keras.Input(shape=2)
        out = Loss()([labels, layers.Dense(2)(x)])
        model = keras.Model([x, labels], out)
        """), "m.py")
    errors = [(d.line, d.kind.name) for d in report.diagnostics if d.severity == "error"]
    assert errors == [(10, "invalid-argument")]
    assert [m.graph.name for m in report.models] == ["model"]  # no "layers called outside a Model"


def test_a_head_inside_the_block_loop_is_named_as_the_cause():
    # Keras 3.15 (torch): "Input 0 ... of layer 'conv1d_1' is incompatible with the layer: expected min_ndim=3,
    # found ndim=2. Full shape received: (None, 10)" -- the second pass of the loop, at the Conv1D.
    path = __import__("pathlib").Path(__file__).parent / "fixtures" / "loop_head_inside_loop.py"
    errors = [d for d in shapedoctor.check_file(str(path)).diagnostics if d.severity == "error"]
    assert [(d.kind.name, d.line, d.message) for d in errors] == [
        ("rank", 9, "Conv1D needs input (batch, steps, channels) but gets (None, 10)")]
    assert any("inside the loop at line 8, below Conv1D at line 9" in line and "move it after the loop" in line
               for line in errors[0].explanation)


def test_a_subclassed_models_input_spans_its_class_name_in_utf8_bytes():
    from shapedoctor import check_source

    text = ("import keras\nfrom keras import layers\n\n\nclass  Réseau(keras.Model):\n"
            "    def __init__(self):\n        super().__init__()\n        self.dense = layers.Dense(4)\n\n"
            "    def call(self, x):\n        return self.dense(x)\n\n\nmodel = Réseau()\nmodel.build((None, 16))\n")
    model = check_source(text, "m.py").files[0].models[0]
    span = model.inference.results[0].node.span
    assert (span.line, span.col, span.end_col) == (5, 0, len("class  Réseau".encode("utf-8")))


@pytest.mark.parametrize("written", ["X_train.shape", "np.shape(X_train)"])
def test_the_shape_of_data_of_unknown_shape_given_as_a_sample_shape_is_a_warning(written):
    """``input_shape=X_train.shape`` with X_train loaded from a file: its first axis is the number of samples
    (in Keras 4-D images then give a 5-D input: "expected min_ndim=4, found ndim=5" at the Conv2D); an item's
    shape (``X_train[0].shape``) is one sample's and is left alone."""
    from shapedoctor import check_source

    head = "import numpy as np\nfrom keras import layers, models\nX_train = np.load('x.npy')\n"
    text = head + f"model = models.Sequential([layers.Conv2D(8, 3, input_shape={written}), layers.Flatten()])\n"
    report = check_source(text, "m.py").files[0]
    (warning,) = [d for d in report.diagnostics if d.severity == "warning"]
    assert warning.code == "SD107" and f"{written} includes the number of samples" in warning.message
    assert [f.title for f in warning.fixes] == [f"drop the samples axis: shape={written}[1:]"]
    assert warning.fixes[0].applicability == "safe"
    item = check_source(text.replace(written, "X_train[0].shape"), "m.py").files[0]
    assert not [d for d in item.diagnostics if d.severity in ("error", "warning")]


def test_a_class_token_tiled_to_the_batch_of_an_input_of_unknown_rank_keeps_the_batch_axis():
    # deit (keras-io): a subclassed model built on no known shape; tf.shape(inputs)[0] is the batch size, so the
    # tiled token and the concatenation keep a batch axis (None), never a size named after the expression.
    source = """
    import keras
    import tensorflow as tf
    from keras import layers

    class ViT(keras.Model):
        def __init__(self):
            super().__init__()
            self.embed = keras.Sequential([layers.Conv2D(8, 4, strides=4), layers.Reshape((16, 8))])
            self.cls_token = tf.Variable(initial_value=tf.zeros((1, 1, 8)), trainable=True)
            self.head = layers.Dense(3)

        def call(self, inputs):
            n = tf.shape(inputs)[0]
            tokens = self.embed(inputs)
            cls_token = tf.cast(tf.tile(self.cls_token, (n, 1, 1)), tokens.dtype)
            tokens = tf.concat([cls_token, tokens], axis=1)
            return self.head(tokens[:, 0])

    model = ViT()
    """
    report = _check(source)
    (model,) = [m for m in report.models if m.name == "model"]
    assert model.complete
    shapes = {r.node.written_type: r.output_shape for r in model.inference.results}
    assert shapes["tf.concat"] == (None, 17, 8) and shapes["Dense"] == (None, 3)


def test_a_builder_called_in_a_loop_with_numbered_names_is_reported_once():
    source = """
    import keras
    from keras import layers

    def block(width, name):
        inputs = keras.Input(shape=(10, width))
        return keras.Model(inputs, layers.Dense(width)(inputs), name=name)

    blocks = [block(8, name=f"block_{i}") for i in range(6)]
    generator_g = block(8, name="generator_g")
    generator_f = block(8, name="generator_f")
    """
    report = _check(source)
    assert [m.name for m in report.models] == ["block_0", "generator_g", "generator_f"]


def test_a_subclassed_model_of_unknown_input_whose_layers_build_from_the_shape_is_walked_at_a_rank():
    # patch_convnet (keras-io): never built nor called in the file; a layer of it makes its sublayers in
    # build(input_shape), which needs the shape while the model is walked.  The walk on an input of each rank keeps
    # the one that builds: images, (None, h, w, c), the sizes named.
    source = """
    import keras
    from keras import layers

    class SqueezeExcite(layers.Layer):
        def build(self, input_shape):
            self.squeeze = layers.GlobalAveragePooling2D(keepdims=True)
            self.excite = layers.Dense(input_shape[-1], activation="sigmoid")

        def call(self, x):
            return x * self.excite(self.squeeze(x))

    class Net(keras.Model):
        def __init__(self):
            super().__init__()
            self.stem = layers.Conv2D(16, 3, strides=2)
            self.block = SqueezeExcite()
            self.head = layers.Dense(4)

        def call(self, images):
            x = self.block(self.stem(images))
            return self.head(layers.GlobalAveragePooling2D()(x))

    model = Net()
    """
    report = _check(source)
    (model,) = report.models
    assert model.complete
    shapes = [r.output_shape for r in model.inference.results]
    assert len(shapes[0]) == 4 and shapes[-1] == (None, 4)
    assert [d for d in report.diagnostics if d.severity in ("error", "warning")] == []


def test_the_shape_of_one_sample_of_data_read_at_run_time_is_a_symbolic_input():
    # attention_mil_classification (keras-io): Input(instance_shape) with instance_shape = train_data[0][0].shape
    source = """
    import numpy as np
    import keras
    from keras import layers

    train_data = np.load("bags.npy")
    instance_shape = train_data[0][0].shape
    inputs = keras.Input(instance_shape)
    x = layers.Conv1D(8, 3)(inputs)
    model = keras.Model(inputs, layers.GlobalAveragePooling1D()(x))
    """
    report = _check(source)
    (model,) = report.models
    assert model.complete
    first = model.inference.results[0].output_shape
    assert len(first) == 3 and [str(d) for d in first[1:]] == ["train_data[0][0].shape[0]", "train_data[0][0].shape[1]"]


def test_a_step_not_followed_inside_a_custom_layer_keeps_its_reason():
    # nnclr (keras-io): the gap named only the layer's class ("RandomResizedCrop"), which says nothing about
    # what was not followed; it now says where, and what.
    source = """
    import keras
    import tensorflow as tf
    from keras import layers

    class Jitter(layers.Layer):
        def call(self, images):
            boxes = tf.random.uniform((tf.shape(images)[0], 4))
            return tf.image.unknown_warp(images, boxes)

    model = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Rescaling(1 / 255), Jitter()])
    """
    report = _check(source)
    (model,) = report.models
    assert not model.complete
    assert [g.reason for g in model.gaps] == [
        "in `Jitter.call()`: `tf.image.unknown_warp(...)` is a call shapedoctor cannot follow"]
    assert [r.node.name for r in model.inference.results][-1] == "jitter"


def test_a_subclassed_model_reading_its_input_by_keys_is_checked_on_a_dict_of_symbolic_inputs():
    source = """
    import keras
    from keras import layers

    class Ranker(keras.Model):
        def __init__(self):
            super().__init__()
            self.query = layers.Dense(8)
            self.doc = layers.Dense(8)
            self.score = layers.Dot(axes=1)

        def call(self, inputs):
            return self.score([self.query(inputs["query"]), self.doc(inputs["doc"])])

    model = Ranker()
    """
    report = _check(source)
    (model,) = report.models
    assert model.complete
    shapes = [r.output_shape for r in model.inference.results]
    assert [len(s) for s in shapes[:2]] == [2, 2] and shapes[-1] == (None, 1)


def test_data_made_a_tensor_builds_a_subclassed_model_and_bool_of_a_known_number_folds():
    # gcvit (keras-io): model(ops.array(np.random.uniform(size=...))) builds the model on that shape; each block's
    # global_query=bool(i % 2) decides which branch of its call() runs.  Keras 3.15 (torch) gives (2, 10, 6) for it.
    source = """
    import numpy as np
    import keras
    from keras import layers, ops

    class Block(layers.Layer):
        def __init__(self, global_query, **kwargs):
            super().__init__(**kwargs)
            self.global_query = global_query
            self.dense = layers.Dense(6)

        def call(self, inputs):
            if self.global_query:
                inputs, extra = inputs
                return self.dense(inputs) + extra
            return self.dense(inputs[0])

    class Net(keras.Model):
        def __init__(self):
            super().__init__()
            self.blocks = [Block(global_query=bool(i % 2)) for i in range(4)]
            self.extra = layers.Dense(6)

        def call(self, x):
            extra = self.extra(x)
            for block in self.blocks:
                x = block([x, extra]) if block.global_query else block([x])
            return x

    model = Net()
    out = model(ops.array(np.random.uniform(size=(2, 10, 3))))
    """
    report = _check(source)
    (model,) = report.models
    assert model.complete
    assert model.inference.results[0].output_shape == (None, 10, 3)
    assert model.inference.results[-1].output_shape == (None, 10, 6)


def test_a_pool_size_read_from_data_is_a_named_size():
    # pointnet_segmentation (keras-io): MaxPool1D(pool_size=num_points) with num_points = x.shape[1] of a dataset
    # batch. On steps of unknown length Keras gives None whatever the pool size (Keras 3.15, torch: (None, None,
    # 16) for pool_size=1024); on known steps the length is named after the pool size, never a guess.
    source = """
    import keras
    import tensorflow as tf
    from keras import layers

    x, y = next(iter(tf.data.Dataset.from_tensor_slices(load())))

    def build(num_points, steps):
        inp = keras.Input(shape=(steps, 3))
        f = layers.Conv1D(16, 1)(inp)
        g = layers.MaxPool1D(pool_size=num_points)(f)
        return keras.Model(inp, keras.ops.tile(g, [1, num_points, 1]))

    free = build(x.shape[1], None)
    fixed = build(x.shape[1], 20)
    """
    report = _check(source)
    free, fixed = report.models
    assert free.complete and fixed.complete
    assert free.inference.results[2].output_shape == (None, None, 16)
    pooled = fixed.inference.results[2].output_shape
    assert pooled[0] is None and pooled[2] == 16 and isinstance(pooled[1], shapedoctor.shapes.Symbol)
    assert not report.diagnostics


def test_numpy_arithmetic_and_methods_keep_array_shapes():
    # swin_transformers (keras-io) builds its relative position index with numpy; every shape below is what numpy
    # 2.x gives for the same code, and Keras 3.15 (torch) builds the three models with these shapes (checked by
    # running the snippet).
    source = """
    import numpy as np
    import keras
    from keras import layers, ops

    ws = (4, 4)
    coords = np.stack(np.meshgrid(np.arange(ws[0]), np.arange(ws[1]), indexing="ij"))
    flat = coords.reshape(2, -1)
    relative = (flat[:, :, None] - flat[:, None, :]).transpose([1, 2, 0])
    relative[:, :, 0] += ws[0] - 1
    index = relative.sum(-1)
    xy = np.meshgrid(np.arange(3), np.arange(5))
    images = np.zeros((10, 28, 28)).astype("float32") / 255.0

    class Bias(layers.Layer):
        def __init__(self, heads, **kwargs):
            super().__init__(**kwargs)
            self.table = self.add_weight(shape=((2 * ws[0] - 1) * (2 * ws[1] - 1), heads), initializer="zeros")
            self.index = keras.Variable(initializer=index, shape=index.shape, dtype="int", trainable=False)

        def call(self, attn):
            bias = ops.take(self.table, ops.reshape(self.index, (-1,)), axis=0)
            bias = ops.transpose(ops.reshape(bias, (16, 16, -1)), (2, 0, 1))
            return attn + ops.expand_dims(bias, axis=0)

    inputs = keras.Input(shape=(2, 16, 16))
    model = keras.Model(inputs, Bias(2)(inputs))
    pixels = keras.Input(shape=images.shape[1:])
    flat = keras.Model(pixels, layers.Flatten()(pixels))
    grid = keras.Input(shape=xy[0].shape)
    grids = keras.Model(grid, layers.Flatten()(grid))
    """
    report = _check(source)
    models = {m.name: m for m in report.models}
    assert all(m.complete for m in models.values())
    assert models["model"].inference.results[-1].output_shape == (None, 2, 16, 16)
    assert models["flat"].inference.results[-1].output_shape == (None, 28 * 28)
    assert models["grids"].inference.results[0].output_shape == (None, 5, 3)  # meshgrid's default "xy"


def test_random_boxes_of_the_batch_size_feed_crop_and_resize():
    # nnclr (keras-io): boxes stacked from per-example random offsets (tf.random.uniform((batch_size,))) and box
    # indices tf.range(batch_size), with batch_size = tf.shape(images)[0]: one crop per image, as TensorFlow gives
    # (tf.image.crop_and_resize: (num_boxes, crop_height, crop_width, depth), tests/rules/test_tf_ops.py).
    source = """
    import keras
    import tensorflow as tf
    from keras import layers

    class RandomResizedCrop(layers.Layer):
        def call(self, images):
            batch_size = tf.shape(images)[0]
            height, width = tf.shape(images)[1], tf.shape(images)[2]
            scales = tf.random.uniform((batch_size,), 0.2, 1.0)
            offsets = tf.random.uniform((batch_size,), 0, 1 - scales)
            boxes = tf.stack([offsets, offsets, offsets + scales, offsets + scales], axis=1)
            return tf.image.crop_and_resize(images, boxes, tf.range(batch_size), (height, width))

    model = keras.Sequential([keras.Input(shape=(32, 24, 3)), RandomResizedCrop(), layers.Conv2D(4, 3)])
    """
    report = _check(source)
    (model,) = report.models
    assert model.complete
    assert [r.output_shape for r in model.inference.results][-2:] == [(None, 32, 24, 3), (None, 30, 22, 4)]


def test_a_mel_filterbank_and_a_weight_normalized_layer():
    # melgan (keras-io): tf.signal.linear_to_mel_weight_matrix(80, 513, ...) is a (513, 80) constant (TensorFlow
    # 2.21 gives (513, 80); with no arguments (129, 20)); TensorFlow Addons' WeightNormalization(Conv1D(...))
    # has the shapes of the layer it wraps.
    source = """
    import keras
    import tensorflow as tf
    from keras import layers
    from tensorflow_addons import layers as addon_layers

    mel = tf.signal.linear_to_mel_weight_matrix(num_mel_bins=80, num_spectrogram_bins=513, sample_rate=22050)
    frames = keras.Input(shape=(40, 513))
    x = tf.matmul(frames, mel)
    x = addon_layers.WeightNormalization(layers.Conv1D(16, 15, 1, "same"), data_init=False)(x)
    model = keras.Model(frames, x)
    """
    report = _check(source)
    (model,) = report.models
    assert model.complete
    assert [r.output_shape for r in model.inference.results][-2:] == [(None, 40, 80), (None, 40, 16)]


def test_a_lookup_adapted_to_data_has_a_named_vocabulary_size():
    # structured_data_classification_from_scratch (keras-io): IntegerLookup(output_mode="binary") adapted to a
    # dataset encodes to (batch, vocabulary size), a size only the data gives (Keras 3's IntegerLookup needs
    # TensorFlow to run at all, so this is not recorded): a named size, the model checked on.
    source = """
    import keras
    from keras import layers

    def encode(feature, dataset):
        lookup = layers.IntegerLookup(output_mode="binary")
        lookup.adapt(dataset)
        return lookup(feature)

    sex = keras.Input(shape=(1,), name="sex", dtype="int64")
    age = keras.Input(shape=(1,), name="age")
    features = layers.concatenate([encode(sex, load()), age])
    model = keras.Model([sex, age], layers.Dense(1)(features))
    """
    report = _check(source)
    (model,) = report.models
    assert model.complete and not report.diagnostics
    (encoded,) = [r.output_shape for r in model.inference.results if r.node.type == "IntegerLookup"]
    assert encoded[0] is None and isinstance(encoded[1], shapedoctor.shapes.Symbol)
    assert model.inference.results[-1].output_shape == (None, 1)


def test_a_symbolic_input_fed_to_a_model_of_scalar_inputs_takes_no_axis():
    # nl_image_search (keras-io): a text encoder takes Input(shape=()) strings; a subclassed model that feeds it
    # features["caption"] gets one value per sample (no rank with axes builds), never a false mismatch.
    source = """
    import keras
    from keras import layers

    inputs = layers.Input(shape=(), name="text_input")
    text_encoder = keras.Model(inputs, layers.Dense(4)(layers.Reshape((1,))(inputs)), name="text_encoder")

    class DualEncoder(keras.Model):
        def __init__(self, text_encoder, **kwargs):
            super().__init__(**kwargs)
            self.text_encoder = text_encoder

        def call(self, features, training=False):
            return self.text_encoder(features["caption"], training=training)

    dual = DualEncoder(text_encoder)
    """
    report = _check(source)
    assert not report.diagnostics
    dual = next(m for m in report.models if m.name == "dual")
    assert dual.complete and dual.inference.results[0].output_shape == (None,)


def test_a_list_of_numbers_made_a_tensor_is_a_constant_of_its_shape():
    # retinanet (keras-io): box_predictions * tf.convert_to_tensor([0.1, 0.1, 0.2, 0.2]) scales the last axis
    # (numpy reads the list as shape (4,)); a (2, 3) nested list broadcasts against (None, 5, 3) only on its last
    # axis, as Keras finds it: 2 != 5.
    source = """
    import keras
    import tensorflow as tf
    from keras import layers

    variance = tf.convert_to_tensor([0.1, 0.1, 0.2, 0.2], dtype=tf.float32)
    boxes = keras.Input(shape=(7, 4))
    scaled = keras.Model(boxes, layers.Dense(4)(boxes) * variance)
    table = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    rows = keras.Input(shape=(5, 3))
    broken = keras.Model(rows, rows * table)
    """
    report = _check(source)
    models = {m.name: m for m in report.models}
    assert models["scaled"].complete and models["scaled"].inference.results[-1].output_shape == (None, 7, 4)
    assert [d.kind.name for d in report.diagnostics if d.severity == "error"] == ["incompatible-merge"]


def test_a_sequential_used_inside_a_model_of_settled_rank_is_checked_on_what_it_gets():
    # video_transformers (keras-io): a custom layer's Sequential (no input shape) is applied inside a model whose
    # Input(shape=train_data.shape[1:]) gets its rank only once the model is settled: the Sequential is then
    # checked on the input its first layer gets there, with the names its layers have in that model.
    source = """
    import keras
    from keras import layers

    class Encoder(layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.proj = keras.Sequential([layers.Dense(4), layers.Dense(8)])

        def call(self, x):
            return self.proj(x)

    inputs = keras.Input(shape=train_data.shape[1:])
    x = layers.Conv1D(8, 3, padding="same")(inputs)
    model = keras.Model(inputs, layers.GlobalMaxPooling1D()(Encoder()(x)))
    """
    report = _check(source)
    assert not report.skipped_models
    proj = next(m for m in report.models if m.name == "proj")
    assert proj.complete
    assert [r.node.name for r in proj.inference.results] [1:] == ["dense", "dense_1"]
    assert proj.inference.results[-1].output_shape[-1] == 8 and len(proj.inference.results[-1].output_shape) == 3


LAMBDA_SPLIT = """
import keras
from keras import layers
items = keras.Input(shape=(3, 2))
parts = layers.Lambda(lambda x: keras.ops.split(x, 3, axis=1))(items)
score = layers.Dense(1, activation="sigmoid")
scores = layers.Concatenate()([score(parts[0]), score(parts[1]), score(parts[2])])
model = keras.Model(items, layers.Dense(3, activation="softmax")(scores))
"""


def test_a_lambda_returning_a_list_of_tensors_is_followed():
    """Keras traces the function on the input and the layer returns its list: each part keeps the split axis
    ((None, 1, 2)), so the head is (None, 1, 3) -- against one-hot (None, 3) targets a categorical_crossentropy
    fit fails (recorded below)."""
    report = shapedoctor.check_source(textwrap.dedent(LAMBDA_SPLIT), "m.py", target_shape="(None, 3)")
    (model,) = report.models
    assert model.inference.results[-1].output_shape == (None, 1, 3)
    assert all(r.status == "ok" for r in model.inference.results)
    assert [d.kind.name for d in report.diagnostics if d.severity == "error"] == ["output-target-mismatch"]


@pytest.mark.keras
def test_keras_gives_the_split_lambda_model_that_output():
    import json
    import os
    import subprocess
    import sys

    script = LAMBDA_SPLIT + textwrap.dedent("""
        import json, numpy as np
        model.compile(loss="categorical_crossentropy", optimizer="adam")
        try:
            model.train_on_batch(np.zeros((2, 3, 2)), np.zeros((2, 3)))
            failed = False
        except Exception:
            failed = True
        print(json.dumps([list(model.output.shape), failed]))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=dict(os.environ, KERAS_BACKEND="torch"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [[None, 1, 3], True]


def test_a_finding_on_a_layer_object_called_elsewhere_names_the_failing_call():
    # Keras 3.15 (torch) raises at line 8, `concatenator([a, s])` (its innermost frame in the file): "A
    # `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received:
    # input_shape=[(None, 16), (None, 12, 16)]"
    report = _check("""
    import keras
    from keras import layers
    concatenator = layers.Concatenate(axis=-1)

    def attend(a, s):
        s = layers.RepeatVector(12)(s)
        return concatenator([a, s])

    x = keras.Input(shape=(12, 20))
    s0 = keras.Input(shape=(16,))
    a = layers.LSTM(16)(x)
    model = keras.Model([x, s0], attend(a, s0))
    """)
    (error,) = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.kind.name, error.line) == ("incompatible-merge", 4)  # the contract: the layer's constructor
    assert error.explanation[0] == "Concatenate is made at line 4; the call that fails is at line 8."


def test_a_layer_made_inside_the_sequential_that_calls_it_is_not_said_to_be_called_elsewhere():
    report = _check("""
    import keras
    from keras import layers
    class Scale(keras.layers.Layer):
        def call(self, inputs):
            return inputs * 2.0
    model = keras.Sequential([
        Scale(input_shape=(16,)),
        layers.Conv1D(8, 3),
    ])
    """)
    (error,) = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.kind.name, error.line) == ("rank", 9)
    assert not any("the call that fails" in line for line in error.explanation)


def test_losses_schedules_and_initializers_called_are_not_layers():
    # Keras 3.15 (torch): model.output.shape == (None, 4); the schedule and the loss compute values, no layers
    report = _check("""
    import numpy as np
    import keras
    schedule = keras.optimizers.schedules.InverseTimeDecay(0.001, decay_steps=1000, decay_rate=1)
    lr = schedule(np.linspace(0, 100000))
    loss_fn = keras.losses.CategoricalCrossentropy()
    inputs = keras.Input((8,))
    w = keras.initializers.GlorotUniform()(shape=(8, 4))
    outputs = keras.ops.matmul(inputs, w)
    model = keras.Model(inputs, outputs)
    loss = loss_fn(np.zeros((2, 4)), model(np.zeros((2, 8))))
    """)
    (model,) = report.models  # no "layers called outside a Model" made of the schedule and the loss
    assert model.inference.complete and model.inference.output_shapes() == [(None, 4)]


def test_a_layer_object_keeps_one_name_however_often_it_is_walked():
    # Keras 3.15 (torch): [l.name for l in encoder.proj.layers] == ["dense", "dense_1"], and the shared layer is
    # "dense_2" once in model.layers (Keras names a layer when it is made; shapedoctor when first called, the same
    # order here)
    report = _check("""
    import keras
    from keras import layers

    class Encoder(layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.proj = keras.Sequential([layers.Dense(4), layers.Dense(8)])

        def call(self, x):
            return self.proj(x)

    inputs = keras.Input(shape=(10, 3))
    x = layers.Conv1D(8, 3, padding="same")(inputs)
    encoded = Encoder()(x)
    shared = layers.Dense(8)
    y = shared(shared(encoded))
    model = keras.Model(inputs, layers.GlobalMaxPooling1D()(y))
    """)
    proj = next(m for m in report.models if m.name == "proj")
    assert [r.node.name for r in proj.inference.results][1:] == ["dense", "dense_1"]
    model = next(m for m in report.models if m.name == "model")
    assert [r.node.name for r in model.inference.results if r.node.layer_key == model.graph.nodes[-2].layer_key] \
        == ["dense_2", "dense_2"]


def test_a_sequential_made_of_another_sequentials_layers():
    # handson-ml3 chapter 11: model_B_on_A = Sequential(model_A.layers[:-1]) reuses model_A's layers but its
    # InputLayer (Keras 3.15: Sequential.layers leaves it out; the new model is built on the data it is fit on)
    report = _check("""
    import keras
    model_A = keras.Sequential([
        keras.layers.Input(shape=[28, 28]),
        keras.layers.Flatten(),
        keras.layers.Dense(100, activation="relu"),
        keras.layers.Dense(8, activation="softmax"),
    ])
    model_B_on_A = keras.Sequential(model_A.layers[:-1])
    model_B_on_A.add(keras.layers.Dense(1, activation="sigmoid"))
    mc_model = keras.Sequential([layer for layer in model_A.layers])
    model_A_clone = keras.models.clone_model(model_A)
    model_C_on_A = keras.Sequential(model_A_clone.layers[:-1] + [keras.layers.Dense(3)])
    """)
    by_name = {m.name: m for m in report.models}
    for name, last in (("model_B_on_A", (None, 1)), ("mc_model", (None, 8)), ("model_C_on_A", (None, 3))):
        model = by_name[name]
        assert model.inference.complete and not model.inference.gaps
        assert [r.node.type for r in model.inference.results][1:] == ["Flatten", "Dense", "Dense"]
        assert model.inference.output_shapes() == [last]


def test_isinstance_of_a_keras_layer_class_picks_the_layers_to_swap():
    # handson-ml2/3 chapter 11 (MC dropout): Keras 3.15 builds mc_model from Flatten's input_shape, output (None, 10)
    report = _check("""
    import keras

    class MCAlphaDropout(keras.layers.AlphaDropout):
        def call(self, inputs):
            return super().call(inputs, training=True)

    model = keras.models.Sequential([
        keras.layers.Flatten(input_shape=[28, 28]),
        keras.layers.Dense(300, activation="selu"),
        keras.layers.AlphaDropout(rate=0.2),
        keras.layers.Dense(10, activation="softmax"),
    ])
    mc_model = keras.models.Sequential([
        MCAlphaDropout(layer.rate) if isinstance(layer, keras.layers.AlphaDropout) else layer
        for layer in model.layers
    ])
    """)
    mc_model = next(m for m in report.models if m.name == "mc_model")
    assert mc_model.inference.complete and mc_model.inference.output_shapes() == [(None, 10)]
    assert len(mc_model.graph.nodes) == 5  # Input, Flatten, Dense, the MC dropout, Dense


# Each answer as Keras 3.15 gives it (isinstance of the real layer object, checked by the keras-marked test below);
# None: shapedoctor says it does not know
ISINSTANCE_CASES = [
    ("Dense(4)", "keras.layers.Dense", True), ("Dense(4)", "keras.layers.Layer", True),
    ("Dense(4)", "(keras.layers.Conv1D, keras.layers.Dense)", True), ("Dense(4)", "keras.layers.AlphaDropout", False),
    # classes other layer classes derive from (KERAS_LAYER_BASES): exact both ways
    ("Dense(4)", "keras.layers.RNN", False), ("Dense(4)", "keras.layers.Dropout", False),
    ("LSTM(4)", "keras.layers.RNN", True), ("SpatialDropout1D(0.1)", "keras.layers.Dropout", True),
    ("ReversibleEmbedding(10, 4)", "keras.layers.Embedding", True), ("Embedding(10, 4)", "keras.layers.Embedding", True),
    ("Bidirectional(keras.layers.LSTM(4))", "keras.layers.Wrapper", False),  # not a Wrapper in Keras 3
    ("TimeDistributed(keras.layers.Dense(4))", "keras.layers.Wrapper", True),
    # not a keras.layers class: unknown
    ("Dense(4)", "keras.Model", None),
]


@pytest.mark.parametrize("made, classes, expected", ISINSTANCE_CASES)
def test_isinstance_of_a_layer_the_walk_made(made, classes, expected):
    import ast

    from shapedoctor.frontends import source
    from shapedoctor.frontends.source import SourceFrontend

    walk = SourceFrontend(f"import keras\nlayer = keras.layers.{made}\nanswer = isinstance(layer, {classes})\n")
    module = source.Scope("<module>")
    walk._run_body(ast.parse(walk.text).body, module)
    answer = module.bindings["answer"]  # unknown: bound to the name as a symbol, never a bool
    assert (answer if isinstance(answer, bool) else None) is expected


@pytest.mark.keras
@pytest.mark.parametrize("made, classes, expected", [case for case in ISINSTANCE_CASES if case[2] is not None])
def test_isinstance_cases_are_what_keras_answers(made, classes, expected):
    keras = pytest.importorskip("keras")
    layer = eval(f"keras.layers.{made}", {"keras": keras})
    assert isinstance(layer, eval(classes, {"keras": keras})) is expected


def test_a_backbone_given_the_shape_of_unread_data_is_not_an_error():
    # keras-io's preprocessing-layers guide: ResNet50(weights=None, input_shape=x_train.shape[1:]) of data loaded
    # at run time; the shape's rank is unknown here, so nothing can be said against it (it was a false error that
    # also printed shapedoctor's internal value)
    report = _check("""
    import numpy as np
    import keras
    from keras import layers
    x_train = np.load("x.npy")
    input_shape = x_train.shape[1:]
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    outputs = keras.applications.ResNet50(weights=None, input_shape=input_shape, classes=10)(x)
    model = keras.Model(inputs, outputs)
    """)
    assert not [d for d in report.diagnostics if d.severity in ("error", "warning")]
    assert not any("SymbolicShape" in d.message for d in report.diagnostics)


def test_a_model_a_loop_makes_only_on_some_passes_is_not_taken_as_its_first_pass():
    """``if model is None: model = Sequential(...)`` in a loop over widths only the data gives: later passes add to
    the model the first pass made, so the layers the walked pass adds are not the model's layers; a model made on
    every pass (a k-fold loop's) is (tests/constructs/loop_model_made_per_fold.py)."""
    report = shapedoctor.check_source(textwrap.dedent("""
        import numpy as np
        import keras
        from keras import layers
        widths = np.load("widths.npy")
        model = None
        for width in widths:
            if model is None:
                model = keras.Sequential([keras.Input(shape=(8,))])
            model.add(layers.Dense(int(width)))
        """))
    (model,) = report.models
    assert not model.complete
    assert [gap.reason for gap in model.gaps] == ["layers added in a loop shapedoctor cannot unroll"]


def test_a_sequentials_input_and_output_which_keras_3_does_not_have_say_so():
    """Keras 3.15 (measured): a Sequential has `inputs` and `outputs` (tests/constructs/
    seq_tensors_feed_functional_models.py) but `seq.input` / `seq.output` raise AttributeError, so a model built on
    them (Keras 2 code) is not built, and the skipped entry says why and what to write."""
    report = shapedoctor.check_source(textwrap.dedent("""
        import keras
        from keras import layers
        base = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4)])
        head = keras.Model(base.input, layers.Dense(2)(base.output))
        """))
    (skipped,) = report.files[0].skipped_models
    assert skipped.line == 5
    assert "`base.output`: a Sequential has no `.output` in Keras 3 (AttributeError); `.outputs[0]`" in skipped.reason


def test_a_tensorflow_hub_layer_is_a_gap_that_says_keras_3_refuses_it():
    """Measured with Keras 3.15.1, TensorFlow 2.21 and tensorflow-hub (a local SavedModel, no download):
    `keras.Sequential([hub.KerasLayer(path)])` raises "ValueError: Only instances of `keras.Layer` can be added to a
    Sequential model" and calling it on a `keras.Input` raises TypeError: a tf_keras layer, so each model using one
    is partly checked, the gap saying why, in a Sequential and in a functional model alike."""
    report = shapedoctor.check_source(textwrap.dedent("""
        import tensorflow as tf
        import tensorflow_hub as hub
        extractor = hub.KerasLayer("https://tfhub.dev/feature_vector/2", trainable=False, input_shape=(224, 224, 3))
        model = tf.keras.Sequential([extractor, tf.keras.layers.Dense(10, activation="softmax")])
        embed = hub.KerasLayer("https://tfhub.dev/universal-sentence-encoder/4", input_shape=[], dtype=tf.string)
        inputs = tf.keras.Input(shape=[], dtype=tf.string)
        outputs = tf.keras.layers.Dense(1)(embed(inputs))
        classifier = tf.keras.Model(inputs, outputs)
        """), with_fixes=False)
    models = report.files[0].models
    assert [(m.graph.line, m.complete) for m in models] == [(5, False), (9, False)]
    for model in models:
        (gap,) = model.to_json()["gaps"]
        assert gap["reason"].startswith("`hub.KerasLayer` is a tf.keras 2 (tf_keras) layer, which a Keras 3 model "
                                        "cannot hold")
    assert not [d for d in report.diagnostics if d.severity in ("error", "warning")]


def test_a_builder_a_later_def_of_the_same_name_replaces_is_still_checked():
    """keras-io's keras_tuner guides define `build_model(hp)` twice, each handed to a tuner that calls it later:
    the first is replaced in the module before anything here calls it, yet it runs (the tuner holds it). Both are
    checked, with symbolic hyperparameters; output shapes as Keras 3.15 gives them (torch backend, each builder
    called with units=10: (None, 1) and (None, 2))."""
    report = shapedoctor.check_source(textwrap.dedent("""
        import keras
        from keras import layers
        import keras_tuner

        def build_model(hp):
            units = hp.Int("units", 10, 40, step=10)
            return keras.Sequential([layers.Dense(units, input_shape=(20,)), layers.Dense(1)])

        first = keras_tuner.GridSearch(hypermodel=build_model, objective="val_loss")

        def build_model(hp):
            units = hp.Int("units", 10, 40, step=10)
            return keras.Sequential([layers.Dense(units, input_shape=(20,)), layers.Dense(2)])

        second = keras_tuner.GridSearch(hypermodel=build_model, objective="val_loss")
        """), with_fixes=False)
    models = report.files[0].models
    assert sorted((m.graph.line, m.complete, tuple(m.inference.output_shapes()[0])) for m in models) == [
        (8, True, (None, 1)), (14, True, (None, 2))]
    assert report.files[0].skipped_models == []


def test_a_method_of_a_class_made_here_that_nothing_here_calls_is_checked():
    """A keras_tuner HyperModel subclass is made and handed to a tuner, which calls its build(self, hp) later:
    the model build() makes is checked (symbolic hyperparameters), as for a builder class never made. Output
    shape as Keras 3.15 gives it (torch backend, build called with units=32: (None, 1))."""
    report = shapedoctor.check_source(textwrap.dedent("""
        import keras
        from keras import layers
        import keras_tuner

        class HyperRegressor(keras_tuner.HyperModel):
            def build(self, hp):
                model = keras.Sequential([
                    keras.Input(shape=(20,)),
                    layers.Dense(units=hp.Int("units", 32, 128, 32), activation="relu"),
                    layers.Dense(units=1),
                ])
                model.compile(optimizer="adam", loss="mean_squared_error")
                return model

        tuner = keras_tuner.RandomSearch(hypermodel=HyperRegressor(), objective="val_loss", max_trials=3)
        """), with_fixes=False)
    (model,) = report.files[0].models
    assert (model.graph.line, model.complete, tuple(model.inference.output_shapes()[0])) == (8, True, (None, 1))
    assert report.files[0].skipped_models == []


def test_keras_random_on_a_keras_tensor_outside_a_call_is_a_gap_not_an_op():
    """Keras 3.15 (torch, measured): keras.random.dropout(keras.Input(...), 0.2) raises TypeError and
    keras.random.shuffle raises "A KerasTensor is symbolic": outside a layer's call() they are no ops (inside one,
    tests/constructs/ops_keras_random.py, they keep the shape)."""
    report = shapedoctor.check_source(textwrap.dedent("""
        import keras
        inputs = keras.Input(shape=(8,))
        x = keras.random.dropout(inputs, 0.2)
        outputs = keras.layers.Dense(1)(x)
        model = keras.Model(inputs, outputs)
        """), with_fixes=False)
    (model,) = report.files[0].models
    (gap,) = model.to_json()["gaps"]
    assert model.complete is False and gap["line"] == 4
    assert gap["reason"] == ("`keras.random.dropout` takes backend tensors, inside a layer's call(): on a Keras tensor "
                             "Keras raises")


def test_a_loop_making_user_blocks_is_unrolled_to_its_end_and_every_block_is_checked():
    """tests/constructs/loop_blocks_made_as_instances.py: six blocks whose layers are made in build(); before,
    the loop was cut after four passes (no layer object made yet) and two blocks were silently left out."""
    path = Path(__file__).resolve().parents[1] / "constructs" / "loop_blocks_made_as_instances.py"
    (model,) = shapedoctor.check_file(str(path), with_fixes=False).files[0].models
    widths = [r.output_shape[-1] for r in model.inference.results if r.node.type == "Dense"]
    assert widths == [64, 48, 40, 32, 24, 16, 5]


def test_a_loops_target_is_not_the_value_it_had_before_a_loop_that_may_run():
    """``for units in batches():`` (what it goes through unknown): after it, ``units`` may be any item, so a
    Dense(units) has a named size, not the value ``units`` had before the loop (which the walk once kept)."""
    report = _check("""
        import keras
        from keras import layers
        units = 16
        for units in load_batches():
            print(units)
        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(units)])
        """)
    (model,) = report.models
    assert [str(d) for d in model.inference.results[-1].output_shape] == ["None", "units"]


def test_the_shape_of_an_item_of_data_a_loop_goes_through_is_one_samples():
    """A siamese network's ``Input(shape=img.shape)`` with ``img`` the item of a loop over the images: one
    image's shape, not the data's (no "includes the number of samples" warning, which was a false positive on
    public code); its rank comes from the Conv2D."""
    report = _check("""
        import numpy as np
        from keras.layers import Input, Conv2D, Flatten, Dense
        from keras.models import Model
        images, labels = np.load("images.npy"), np.load("labels.npy")
        for img, label in zip(images, labels):
            pass
        i = Input(shape=img.shape)
        x = Dense(50)(Flatten()(Conv2D(32, 3)(i)))
        cnn = Model(inputs=i, outputs=x)
        """)
    assert [d for d in report.diagnostics if d.severity in ("error", "warning")] == []
    (model,) = report.models
    assert [str(d) for d in model.inference.results[0].output_shape] == ["None", "img.shape[0]", "img.shape[1]",
                                                                         "img.shape[2]"]
    assert model.inference.results[-1].output_shape == (None, 50)


def test_tensorflow_compat_v1_names_the_same_functions():
    """TF 1-style code (``import tensorflow.compat.v1 as tf``, as in TensorFlow's own r1 guides): tf.nn.relu and
    tf.keras there are TF 2's, so the model is followed as with ``import tensorflow as tf`` (was: "`tf.nn.relu(...)`
    is a call shapedoctor cannot follow")."""
    report = _check("""
        import tensorflow.compat.v1 as tf

        class Block(tf.keras.Model):
            def __init__(self):
                super().__init__()
                self.conv = tf.keras.layers.Conv2D(3, (1, 1))

            def call(self, x):
                return tf.nn.relu(self.conv(x) + x)

        block = Block()
        print(block(tf.zeros([1, 2, 3, 3])))
        """)
    (model,) = report.models
    assert not model.gaps and all(r.status == "ok" for r in model.inference.results)
    assert [r.node.type for r in model.inference.results][-1] == "ops.relu"


def test_a_tensor_shape_is_the_tuple_of_its_sizes():
    """The r1 Keras guide's custom layer: ``tf.TensorShape((input_shape[1], self.output_dim))`` as the kernel's shape
    and ``tf.TensorShape(input_shape).as_list()`` in compute_output_shape: (None, 32) @ (32, 10) gives (None, 10)."""
    report = _check("""
        import tensorflow as tf
        from tensorflow import keras
        from tensorflow.keras import layers

        class MyLayer(layers.Layer):
            def __init__(self, output_dim, **kwargs):
                self.output_dim = output_dim
                super().__init__(**kwargs)

            def build(self, input_shape):
                shape = tf.TensorShape((input_shape[1], self.output_dim))
                self.kernel = self.add_weight(name="kernel", shape=shape, initializer="uniform")

            def call(self, inputs):
                return tf.matmul(inputs, self.kernel)

            def compute_output_shape(self, input_shape):
                shape = tf.TensorShape(input_shape).as_list()
                shape[-1] = self.output_dim
                return tf.TensorShape(shape)

        model = keras.Sequential([keras.Input(shape=(32,)), MyLayer(10), layers.Activation("softmax")])
        """)
    (model,) = report.models
    assert not model.gaps
    assert model.inference.results[-1].output_shape == (None, 10)


def test_a_variable_made_from_numbers_has_their_shape():
    """TensorFlow's basic training loop guide: ``self.w = tf.Variable(5.0)`` is a scalar weight and
    ``tf.Variable([[1.0, 2.0], ...])`` one of the nested list's shape (was: "the value of `self.w` could not be
    determined")."""
    report = _check("""
        import tensorflow as tf

        class MyModelKeras(tf.keras.Model):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.w = tf.Variable(5.0)
                self.b = tf.Variable(0.0)
                self.m = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])

            def call(self, x):
                return tf.matmul(self.w * x + self.b, self.m)

        keras_model = MyModelKeras()
        keras_model.build((None, 3))
        """)
    (model,) = report.models
    assert not model.gaps
    assert [r.output_shape for r in model.inference.results] == [(None, 3), (None, 3), (None, 3), (None, 2)]


def test_a_class_of_the_users_own_named_model_is_said_not_to_be_a_keras_model():
    """TensorFlow's guides write ``class Model(tf.Module)`` and ``class Model(object)``: ``Model()`` there is no Keras
    model, and the skipped entry says so (it said "shapedoctor did not reach this code")."""
    report = _check("""
        import tensorflow as tf

        class Model(tf.Module):
            def __init__(self):
                self.w = tf.Variable(5.0)

            def __call__(self, x):
                return self.w * x

        quad_model = Model()
        """)
    assert report.models == []
    assert [(s.line, s.reason) for s in report.skipped_models] == [
        (11, "`Model` is this code's own class (a subclass of `tf.Module`), not a Keras model")]


def test_keywords_from_a_dict_that_does_not_fold_leave_the_layer_unknown():
    """``Conv2D(8, 3, **settings)`` with ``settings`` read at run time: strides= or padding= may be in it, so the
    output is not known (it was given as if ``settings`` were empty); a Dropout's output is the same whatever its
    keywords."""
    report = _check("""
        import keras
        from keras import layers
        settings, dropout = load_settings(), load_dropout()
        inputs = keras.Input(shape=(64, 64, 3))
        x = layers.Dropout(0.1, **dropout)(inputs)
        x = layers.Conv2D(8, 3, **settings)(x)
        model = keras.Model(inputs, x)
        """)
    (model,) = report.models
    assert [(r.node.type, r.status) for r in model.inference.results] == [
        ("InputLayer", "ok"), ("Dropout", "ok"), ("Conv2D", "unknown")]
    assert [g.reason for g in model.gaps] == [
        "`Conv2D`: the value of `**settings` could not be determined statically"]


def test_a_dict_changed_in_a_way_that_does_not_fold_is_unknown_from_there():
    report = _check("""
        import keras
        from keras import layers
        settings = {"padding": "same"}
        settings.update(load_settings())
        inputs = keras.Input(shape=(64, 64, 3))
        model = keras.Model(inputs, layers.Conv2D(8, 3, **settings)(inputs))
        """)
    (model,) = report.models
    assert model.inference.results[-1].status == "unknown"


@pytest.mark.parametrize("call", ["block(inputs, **cfg)", "block(inputs, *cfg)"])
def test_a_helper_given_arguments_that_do_not_fold_has_no_defaults_taken_for_them(call):
    """``block(inputs, **cfg)`` with ``cfg`` read at run time: strides= may be in it, so the helper's default
    (strides=1) is not taken for it (the Conv2D's (None, 62, 62, 8) was given as fact)."""
    report = _check(f"""
        import keras
        from keras import layers

        def block(x, filters=8, strides=1):
            return layers.Conv2D(filters, 3, strides=strides)(x)

        cfg = load_cfg()
        inputs = keras.Input(shape=(64, 64, 3))
        model = keras.Model(inputs, {call})
        """)
    (model,) = report.models
    assert model.inference.results[-1].status == "unknown"
    assert [g.reason for g in model.gaps] == ["`Conv2D`: the value of strides could not be determined statically"]


def test_python_questions_about_tensors_are_not_steps_of_the_model():
    """keras-rl's agents check the models they are given: ``hasattr(actor.output, "__len__")``, ``type(...)`` and
    ``critic.input.index(action_input)`` read tensors without making any; each was an opaque step that left the
    model partly checked."""
    report = _check("""
        import keras
        from keras import layers

        action_input = keras.Input(shape=(2,), name="action")
        observation = keras.Input(shape=(3,), name="observation")
        x = layers.Concatenate()([action_input, observation])
        critic = keras.Model([action_input, observation], layers.Dense(1)(x))
        if hasattr(critic.output, "__len__") and type(critic.output) is list:
            raise ValueError("one output expected")
        index = critic.input.index(action_input)
        combined = critic.input[index]
        model = keras.Model(critic.input, layers.Dense(4)(combined))
        """)
    assert all(m.complete for m in report.models), [(m.name, [g.reason for g in m.gaps]) for m in report.models]
    (model,) = [m for m in report.models if m.name == "model"]
    assert model.inference.results[-1].output_shape == (None, 4)


def test_list_index_and_count_answer_only_what_is_known():
    from shapedoctor.frontends.source import UNKNOWN, _list_query

    assert _list_query([3, "a", 3], "index", ["a"]) == 1 and _list_query([3, "a", 3], "count", [3]) == 2
    assert _list_query([3, UNKNOWN], "count", [3]) is UNKNOWN  # the unknown item may be a 3
    assert _list_query([3], "index", [4]) is UNKNOWN  # Python raises ValueError


@pytest.mark.parametrize("argument", ["n", "load()", "[('a', 1)]", "sizes"])
def test_a_dict_updated_with_what_is_not_a_dict_is_unknown_and_never_a_crash(argument):
    """``config.update(n)`` with ``n`` a number the walk named (Keras' own sources have such code): the walk once
    iterated over the symbol and crashed (TypeError: 'Symbol' object is not iterable)."""
    report = _check(f"""
        import keras
        from keras import layers
        n = int(input())
        sizes = [1, 2]
        config = {{"units": 4}}
        config.update({argument})
        model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(**config)])
        """)
    assert [d.kind.name for d in report.diagnostics if d.kind.name == "internal-error"] == []
    (model,) = report.models
    assert model.inference.results[-1].status == "unknown"


@pytest.mark.parametrize("bound", ["tf.shape(inputs)[1]", "ops.shape(inputs)[1]"])
def test_a_slice_bound_of_a_size_the_shape_leaves_unknown_is_not_to_the_end(bound):
    """``table[:, :tf.shape(inputs)[1]]`` of a sequence of unknown length: a run-time count, so the slice is as long
    as the sequence, never the whole table (Python's ``[:None]``, 50 here, would be a wrong size given as fact);
    a bound written ``None`` still is "to the end"."""
    report = _check(f"""
        import numpy as np
        import tensorflow as tf
        from keras import layers, ops
        table = tf.constant(np.zeros((1, 50, 32), dtype="float32"))
        inputs = tf.keras.Input(shape=(None, 32))
        length = {bound}
        sliced = inputs + table[:, :length]
        whole = inputs + table[:, :None]
        model = tf.keras.Model(inputs, [sliced, whole])
        """)
    (model,) = report.models
    shapes = [r.outputs[0] if r.outputs else None for r in model.inference.results]
    assert shapes[1] is None and shapes[2] == (None, 50, 32)


def test_layer_names_made_of_strings_are_the_names_keras_gives():
    """``"conv" + str(stage)``, ``"bn%d" % stage``, ``"{}_relu".format(stage)``: the names Keras gives the layers
    (not automatic ones), so ``get_layer`` finds them; a %-field with a width is not folded."""
    report = _check("""
        import keras
        from keras import layers

        def block(x, stage):
            x = layers.Conv1D(8, 3, name="conv" + str(stage))(x)
            x = layers.BatchNormalization(name="bn%d" % stage)(x)
            return layers.Activation("relu", name="{}_relu".format(stage))(x)

        inputs = keras.Input(shape=(64, 2))
        x = block(block(inputs, 1), 2)
        x = layers.Dense(3, name="%5d" % 7)(x)
        model = keras.Model(inputs, x)
        features = keras.Model(inputs, model.get_layer("bn2").output)
        """)
    model, features = report.models
    assert [n.name for n in model.graph.nodes][1:-1] == ["conv1", "bn1", "1_relu", "conv2", "bn2", "2_relu"]
    assert model.graph.nodes[-1].name == "<name not known>"  # "%5d" % 7: a width, not folded
    assert features.inference.results[-1].outputs == [(None, 60, 8)]


@pytest.mark.parametrize("style", ["functional", "sequential"])
def test_a_layer_name_that_does_not_fold_is_not_an_automatic_one(style):
    """Keras gives the layer the name written, whatever it is: never an automatic name, and no automatic name is
    used up by it (the next Dense is "dense", as Keras names it)."""
    build = ('x = layers.Dense(4, name=prefix + "_a")(inputs)\n        model = keras.Model(inputs, layers.Dense(4)(x))'
             if style == "functional" else
             'model = keras.Sequential([inputs, layers.Dense(4, name=prefix + "_a"), layers.Dense(4)])')
    report = _check(f"""
        import sys
        import keras
        from keras import layers
        prefix = sys.argv[1]
        inputs = keras.Input(shape=(8,))
        {build}
        """)
    (model,) = report.models
    assert [n.name for n in model.graph.nodes][1:] == ["<name not known>", "dense"]


def test_a_keras_2_accessor_tried_with_a_fallback_is_no_error():
    """``try: layer.get_output_at(0) except AttributeError: layer.output``: code written for both Keras versions;
    the Keras 2 accessor is an error only where nothing catches it."""
    report = _check("""
        import keras
        inputs = keras.Input(shape=(8,))
        base = keras.Model(inputs, keras.layers.Dense(4)(inputs))
        layer = base.layers[1]
        try:
            out = layer.get_output_at(0)
        except AttributeError:
            out = layer.output
        plain = layer.get_output_at(0)
        model = keras.Model(inputs, plain)
        """)
    assert [(d.line, d.kind.name) for d in report.diagnostics if d.severity == "error"] == [(10, "invalid-argument")]


def test_a_sequential_is_built_by_its_first_fit():
    """A Sequential with no input shape is built by the data of its first fit(); a later fit on other data does
    not rebuild it (Keras refuses that data instead), so its input shape is not taken from the later one."""
    report = _check("""
        import numpy as np
        import tensorflow as tf
        from sklearn.datasets import make_circles
        X, y = make_circles(1000)
        model = tf.keras.Sequential([tf.keras.layers.Dense(10), tf.keras.layers.Dense(1)])
        model.compile(loss="mae", optimizer="adam")
        model.fit(X, y, epochs=5)
        X_reg = np.arange(0, 1000, 5)[:150]
        model.fit(tf.expand_dims(X_reg, axis=-1), np.arange(150), epochs=5)
        first = tf.keras.Sequential([tf.keras.layers.Dense(10), tf.keras.layers.Dense(1)])
        first.compile(loss="mae", optimizer="adam")
        first.fit(tf.expand_dims(X_reg, axis=-1), np.arange(150), epochs=5)
        """)
    unknown, known = report.models
    assert unknown.inference.results[0].outputs[0][1] != 1  # built on the circles, whose width is not known
    assert known.inference.results[0].outputs == [(None, 1)]


def test_isinstance_of_a_keras_object_the_walk_made_answers_by_its_keras_class():
    """``isinstance(backbone, layers.Conv2D)`` of a keras.applications model is False (a Functional model is no
    Conv2D); one of ``model.layers`` answers by its node's class."""
    report = _check("""
        import keras
        from keras import layers
        base = keras.applications.VGG16(include_top=False, weights=None, input_shape=(32, 32, 3))
        inputs = keras.Input(shape=(8,))
        x = layers.Dense(5 if isinstance(base, layers.Conv2D) else 7)(inputs)
        x = layers.Dense(3 if isinstance(base.layers[1], layers.Conv2D) else 9)(x)
        model = keras.Model(inputs, x)
        """)
    model = next(m for m in report.models if m.graph.nodes[0].args.get("shape") == (8,))
    assert [r.outputs[0][-1] for r in model.inference.results[1:]] == [7, 3]


def test_a_loop_of_long_passes_that_build_nothing_is_probed_twice_a_short_one_four_times():
    from shapedoctor.frontends import source

    long_body = textwrap.dedent("""
        import keras
        def summarize(values):
            total = 0
            for v in values:
                total = total + v
            mean = total / len(values)
            return mean, max(values) - min(values)
        for units in [8, 16, 32, 64, 128, 256]:
            mean, spread = summarize([units, units * 2])
            log = [mean, spread]
        """)
    short_body = textwrap.dedent("""
        import keras
        for units in [8, 16, 32, 64, 128, 256]:
            log = units * 2
        """)
    passes = {}
    for name, text in (("long", long_body), ("short", short_body)):
        frontend = source.SourceFrontend(text, "<string>")
        walked = []
        bind = frontend._bind

        def counting_bind(target, value, scope, walked=walked, bind=bind):
            if getattr(target, "id", None) == "units":
                walked.append(value)
            return bind(target, value, scope)

        frontend._bind = counting_bind
        frontend.models()
        passes[name] = [v for v in walked if isinstance(v, int)]
    assert passes["long"] == [8, 16, 256]  # two passes, then the rest once (as may-run) and the last item kept
    assert passes["short"] == [8, 16, 32, 64, 256]


def test_the_whole_array_shape_warning_stays_unless_the_model_gets_that_array_as_one_sample():
    template = textwrap.dedent("""
        import numpy as np
        from keras import layers, models
        x = np.random.uniform(0, 255, (10, 10, 3))
        inputs = layers.Input(shape=x.shape)
        model = models.Model(inputs, layers.Conv2D(4, 3)(inputs))
        {use}
        """)
    warned = {}
    for use in ("model.predict(x[np.newaxis])", "model.predict(np.expand_dims(x, 0))", "model.fit(x, x)",
                "model.predict(x)", "pass"):
        report = shapedoctor.check_source(template.format(use=use), "<string>")
        warned[use] = [d.message.split(":")[0] for d in report.diagnostics if d.severity == "warning"]
    assert warned["model.predict(x[np.newaxis])"] == warned["model.predict(np.expand_dims(x, 0))"] == []
    for use in ("model.fit(x, x)", "model.predict(x)", "pass"):  # x itself is the data: its first axis counts samples
        assert warned[use] == ["Input(shape=x.shape)"], use


def test_a_layer_given_where_a_number_goes_is_shown_as_written():
    report = _check("""
        import keras
        from keras import layers
        model = keras.Sequential([keras.Input(shape=(10, 8)), layers.SpatialDropout1D(layers.Dropout(0.2))])
        """)
    (finding,) = [d for d in report.diagnostics if d.severity == "error"]
    assert finding.message == "SpatialDropout1D(rate=Dropout(...)): expected a float between 0 and 1"


def test_keras_hubs_reversible_embedding_keeps_its_vocabulary_size():
    # input_dim= is the vocabulary size here, not Keras 2's input-shape keyword (Dense(input_dim=8)): it was taken
    # away as one, and every keras_hub backbone's token embedding was reported as ReversibleEmbedding(input_dim=None)
    # (keras-team/keras-nlp, 18 files).  The shape is keras_hub's, recorded in tests/rules/expected_keras_hub.json
    # (ReversibleEmbedding(input_dim=1000, output_dim=32) on (None, 16): (None, 16, 32)).
    report = _check("""
        import keras
        import keras_hub
        tokens = keras.Input(shape=(16,), dtype="int32")
        model = keras.Model(tokens, keras_hub.layers.ReversibleEmbedding(input_dim=1000, output_dim=32)(tokens))
        stacked = keras.Sequential([keras.Input(shape=(16,), dtype="int32"),
                                    keras_hub.layers.ReversibleEmbedding(input_dim=1000, output_dim=32)])
        """)
    assert [d.message for d in report.diagnostics if d.severity in ("error", "warning")] == []
    assert [m.inference.output_shapes() for m in report.models] == [[(None, 16, 32)], [(None, 16, 32)]]


def test_methods_nothing_here_calls_are_walked_on_the_object_made_here():
    # aeon's deep classifiers: __init__ stores a network object built from its arguments; build_model, which only
    # the library's fit() calls, builds the model from it.  Walked on a fresh object, self._network was unknown and
    # the model was skipped ("its outputs are not tensors"); walked on the object made here, it has the arguments
    # written at the call.  Keras 3.15 (torch), calling clf.build_model((50, 3), 4) on this code: the model's
    # output is (None, 4), its Conv1D's (None, 50, 8).
    report = _check("""
        import keras
        from somewhere_else import LibraryClassifier

        class ConvNetwork:
            def __init__(self, n_filters=32, kernel_size=3):
                self.n_filters = n_filters
                self.kernel_size = kernel_size

            def build_network(self, input_shape):
                input_layer = keras.layers.Input(input_shape)
                x = keras.layers.Conv1D(self.n_filters, self.kernel_size, padding="same")(input_layer)
                return input_layer, keras.layers.GlobalAveragePooling1D()(x)

        class ConvClassifier(LibraryClassifier):
            def __init__(self, n_filters=32, kernel_size=3):
                self._network = ConvNetwork(n_filters=n_filters, kernel_size=kernel_size)

            def build_model(self, input_shape, n_classes):
                input_layer, output_layer = self._network.build_network(input_shape)
                output_layer = keras.layers.Dense(n_classes, activation="softmax")(output_layer)
                return keras.Model(inputs=input_layer, outputs=output_layer)

        clf = ConvClassifier(n_filters=8, kernel_size=5)
        clf.fit(X_train, y_train)
        """)
    assert report.files[0].skipped_models == []
    (model,) = [m for m in report.models if m.graph.name == "build_model"]
    conv = next(r for r in model.inference.results if r.node.type == "Conv1D")
    assert (conv.node.args["filters"], conv.node.args["kernel_size"]) == (8, 5)
    assert conv.output_shape[-1] == 8


def test_layers_of_different_shapes_chosen_at_run_time_are_an_opaque_step_that_says_why():
    report = _check("""
        import random
        import keras
        from keras import layers
        inputs = keras.Input(shape=(10, 16))
        head = layers.Dense(4) if random.random() > 0.5 else layers.Dense(8)
        model = keras.Model(inputs, layers.Dense(2)(head(inputs)))
        """)
    (model,) = report.models
    assert [d.severity for d in report.diagnostics if d.severity in ("error", "warning")] == []
    assert model.graph.gaps == [] and not model.inference.complete
    assert [gap.reason for gap in model.inference.lost] == ["a layer chosen by a condition only known at run time"]


def test_a_model_in_a_decorators_arguments_is_a_skipped_entry_never_silence():
    """tensorflow/recommenders' tests: ``@parameterized.parameters(lambda: tf.keras.Sequential([...]))`` above a
    method, and above a module-level function: the ``def`` line is not where a decorated function's text starts,
    so these constructor calls were neither models nor skipped entries."""
    report = _check("""
        import keras
        from absl.testing import parameterized

        class Test(parameterized.TestCase):
            @parameterized.parameters(
                (lambda: keras.Sequential([keras.layers.Dense(4)]),),
            )
            def test_stack(self, make):
                make()

        @parameterized.parameters(
            (lambda: keras.Sequential([keras.layers.Dense(2)]),))
        def check(make):
            return make
        """)
    skipped = [(s.line, s.reason.split(" (")[0]) for f in report.files for s in f.skipped_models]
    assert skipped == [(7, "model not checked: shapedoctor did not reach this code"),
                       (13, "model not checked: shapedoctor did not reach this code")]


def test_a_matmul_with_an_operand_not_followed_is_unknown_not_a_scalar():
    """``x @ w`` with ``w`` a value the walk could not follow: a matrix of unknown shape, never a scalar (which
    made a false "matmul needs tensors of rank >= 1" error, keras_cv_attention_models' neighborhood attention)."""
    report = _check("""
        import keras
        from mylib import thing
        inputs = keras.Input((8, 4))
        w = thing()
        model = keras.Model(inputs, (inputs @ w) * 0.5)
        """)
    assert [d for d in report.diagnostics if d.severity in ("error", "warning")] == []
    [model] = report.models
    assert [g.reason for g in model.inference.gaps][:1] == ["`inputs @ w`: the value of `w` could not be determined "
                                                            "statically"]


def test_a_split_of_a_tensor_of_unknown_shape_still_gives_its_pieces():
    """``key, value = tf.split(kv, 2, axis=-1)`` after a step shapedoctor could not follow: two tensors of unknown
    shape (the count is written), so what is computed from them stays in the model, not lost as unknown values."""
    report = _check("""
        import keras
        import tensorflow as tf
        from mylib import Patches
        inputs = keras.Input((28, 32, 12))
        kv = Patches()(inputs)
        key, value = tf.split(kv, 2, axis=-1)
        first, second, third = tf.split(kv, [4, 4, -1], axis=-1)
        parts = keras.ops.unstack(kv, num=3, axis=1)
        model = keras.Model(inputs, [tf.transpose(key, [0, 2, 1, 3]) + value, third, parts[2]])
        """)
    [model] = report.models
    types = [n.type for n in model.graph.nodes]
    assert types.count("ops.split") == 2 and "ops.transpose" in types and "ops.add" in types and "ops.unstack" in types
    assert [d for d in report.diagnostics if d.severity in ("error", "warning")] == []
    assert [ref[1] for ref in model.graph.outputs] == [0, 2, 2]  # `third` and `parts[2]` are the third pieces


def test_each_branch_of_a_run_time_if_starts_from_the_names_as_they_were():
    """``if K.image_dim_ordering() == 'tf': b, h, w, c = shape`` / ``else: b, c, h, w = shape`` (a Keras 1 test
    Keras 3 cannot answer): after it each name is whichever value one branch leaves it, never the ``else``'s for
    sure (pierluigiferrari/ssd_keras' AnchorBoxes.compute_output_shape read the height from the channels axis, and
    a false Concatenate error followed); and the ``else`` reads what the code had before the ``if``."""
    import ast

    from shapedoctor.frontends import source
    from shapedoctor.shapes import Symbol

    walk = source.SourceFrontend(textwrap.dedent("""
        import keras.backend as K
        shape = (None, 37, 60, 16)
        x = 5
        if K.image_dim_ordering() == "tf":
            b, h, w, c = shape
            x = 1
        else:
            b, c, h, w = shape
            y = x
        out = (b, h, w, 4, 8)
        """))
    module = source.Scope("<module>")
    walk._run_body(ast.parse(walk.text).body, module)
    names = module.bindings
    assert names["b"] is None and all(type(names[n]) is Symbol for n in "hwc")
    assert names["out"][3:] == (4, 8) and names["out"][1] is names["h"]
    assert names["y"] == 5  # the else branch never saw `x = 1`
    assert names["x"] not in (1, 5)  # 1 or 5: not one of them for sure


@pytest.mark.parametrize("expression, expected", [
    ("(1 in [0.5, 1.0, 2.0]) & True", True), ("True & False", False), ("True | False", True), ("6 ^ 3", 5),
    ("6 & 3", 2), ("1 << 4", 16), ("-8 >> 1", -4), ("1 << 200", None),  # wider than folding keeps: unknown
])
def test_bitwise_operators_fold_as_python_computes_them(expression, expected):
    """ssd_keras: ``if (1 in aspect_ratios) & two_boxes_for_ar1: n_boxes = len(aspect_ratios) + 1``."""
    import ast

    from shapedoctor.frontends import source

    walk = source.SourceFrontend(f"value = {expression}\n")
    module = source.Scope("<module>")
    walk._run_body(ast.parse(walk.text).body, module)
    value = module.bindings["value"]
    assert (value if isinstance(value, (bool, int)) else None) == expected
    assert expected is None or type(value) is type(eval(expression))


def test_a_tensor_each_branch_of_a_run_time_if_makes_is_either_one():
    """InceptionTime's bottleneck: ``if self.use_bottleneck and int(x.shape[-1]) > 1: y = Conv1D(32, 1)(x)`` /
    ``else: y = x``.  After it ``y`` has the dims both branches agree on and a named size where they differ, so
    the model stays followed, and nothing that only one branch's size would fail is said (it was the else
    branch's tensor, for sure); branches of different ranks make an opaque step."""
    report = _check("""
        import sys
        import keras
        from keras import layers
        inputs = keras.Input((128, 3))
        if len(sys.argv) > 1:
            y = layers.Conv1D(32, 1)(inputs)
        else:
            y = inputs
        x = layers.Conv1D(16, 3)(y)
        if len(sys.argv) > 2:
            z = layers.Dense(4)(x)
        else:
            z = layers.Dense(8)(x)
        wide = layers.Reshape((-1, 8))(z)
        if len(sys.argv) > 3:
            flat = layers.Flatten()(x)
        else:
            flat = x
        model = keras.Model(inputs, [layers.Concatenate()([z, layers.Dense(2)(x)]), wide, flat])
        """)
    assert [d for d in report.diagnostics if d.severity in ("error", "warning")] == []  # Reshape((-1, 8)): not for 4
    [model] = report.models
    shapes = model.inference.output_shapes()
    assert [str(d) for d in shapes[0]] == ["None", "126", "z.shape[2] + 2"] and shapes[2] is None
    assert [g.reason for g in model.inference.gaps] == [
        "`flat`: tensors of different ranks applied inside an `if` whose condition is only known at run time"]


def test_an_optional_layer_under_a_run_time_if_leaves_either_tensor():
    """``if pool: x = MaxPooling1D(2)(x)`` (squeeze-excite's optional projection, a time series' optional
    pooling): x is the input or the pooled tensor; the steps axis a named size, the rest followed (it was an
    opaque step, and every layer after it unknown)."""
    report = _check("""
        import sys
        import keras
        from keras import layers
        inputs = keras.Input((128, 6))
        x = layers.Conv1D(16, 3, padding="same")(inputs)
        if len(sys.argv) > 1:
            x = layers.MaxPooling1D(2)(x)
        x = layers.Conv1D(32, 3, padding="same")(x)
        model = keras.Model(inputs, layers.GlobalAveragePooling1D()(x))
        """)
    [model] = report.models
    assert model.inference.complete and model.inference.output_shapes() == [(None, 32)]
    either = next(r for r in model.inference.results if r.node.type == "<declared>")
    assert [str(d) for d in either.outputs[0]] == ["None", "x.shape[1]", "16"]
