"""Shape rules, one module per layer family; importing this package registers them all."""

from . import conv, core, embedding, merging, normalization, pooling, recurrent, reshaping, wrappers  # noqa: F401
from . import adaptive_pooling, attention, einsum, image_preprocessing, normalization_more, preprocessing  # noqa: F401,E501  (issue 10)
from . import ops  # noqa: F401  (tensor operations: keras.ops.*, tf.*, operators)
from . import nn_ops  # noqa: F401  (convolution and pooling ops)
from . import applications  # noqa: F401  (keras.applications backbones)
from . import keras_hub  # noqa: F401  (keras_hub / keras_nlp modeling layers)
from . import cells, pipeline, validation  # noqa: F401  (RNN cells, Pipeline, shared constructor checks)
from .inventory import OPAQUE, opaque_message, opaque_reason
from .base import ALIASES, RULES, LayerCall, ShapeProblem, Unresolved, apply_rule, canonical_type, map_arguments

__all__ = ["ALIASES", "OPAQUE", "RULES", "LayerCall", "ShapeProblem", "Unresolved", "apply_rule", "canonical_type",
           "map_arguments", "opaque_message", "opaque_reason"]
