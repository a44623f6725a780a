"""Running user code written for ``tensorflow.keras`` on Keras 3 alone (only where running is asked for:
``fix --verify-keras`` and ``compare``)."""

from __future__ import annotations

import importlib.util
import sys
import types


def install_tensorflow_shim(keras) -> None:
    """Serve ``import tensorflow as tf`` / ``from tensorflow.keras import ...`` from Keras 3 when TensorFlow
    is not installed."""
    if "tensorflow" in sys.modules or importlib.util.find_spec("tensorflow") is not None:
        return
    tf = types.ModuleType("tensorflow")
    tf.keras = keras
    tf.random = types.SimpleNamespace(set_seed=lambda *a, **k: None)
    tf.executing_eagerly = lambda: True  # Keras asks once "tensorflow" is in sys.modules (backend_utils.in_tf_graph)
    try:  # and Keras' own lazy handle must not take the shim for TensorFlow (serializing Bidirectional asks it)
        from keras.src.utils import module_utils
        module_utils.tensorflow._available = False
    except (ImportError, AttributeError):
        pass
    sys.modules["tensorflow"] = tf
    sys.modules["tensorflow.keras"] = keras
    for name in ("layers", "models", "optimizers", "losses", "metrics", "callbacks", "utils", "activations",
                 "regularizers", "initializers", "constraints", "backend", "ops", "preprocessing"):
        if hasattr(keras, name):
            sys.modules[f"tensorflow.keras.{name}"] = getattr(keras, name)
