"""Every public layer class of ``keras.layers`` and what shapedoctor does with it.

A class exported by ``keras.layers`` (Keras |KERAS_VERSION|) either has a shape rule (``RULES``, or an
alias in ``ALIASES`` for a second exported name such as ``Convolution2D``) or is listed in :data:`OPAQUE`
with the reason shapedoctor does not compute its output: the engine then says "X is a Keras layer
shapedoctor treats as opaque: <reason>" (:func:`opaque_message`) rather than "not a layer shapedoctor
knows".  ``tests/rules/test_layer_inventory.py`` enumerates the installed ``keras.layers`` and fails on a
class that has neither, and checks that no class is in both.
"""

from __future__ import annotations

#: the Keras release :data:`KERAS_LAYER_NAMES` was read from
KERAS_VERSION = "3.15.1"

#: every name ``keras.layers`` exports that is a subclass of ``keras.layers.Layer`` (163 names, 143 classes:
#: ``AvgPool2D``/``Convolution2D``/``GlobalMaxPool1D``... are second names of one class)
KERAS_LAYER_NAMES = (
    'Activation', 'ActivityRegularization', 'AdaptiveAveragePooling1D', 'AdaptiveAveragePooling2D',
    'AdaptiveAveragePooling3D', 'AdaptiveMaxPooling1D', 'AdaptiveMaxPooling2D', 'AdaptiveMaxPooling3D', 'Add',
    'AdditiveAttention', 'AlphaDropout', 'Attention', 'AugMix', 'AutoContrast', 'Average', 'AveragePooling1D',
    'AveragePooling2D', 'AveragePooling3D', 'AvgPool1D', 'AvgPool2D', 'AvgPool3D', 'BatchNormalization',
    'Bidirectional', 'CategoryEncoding', 'CenterCrop', 'Concatenate',
    'ContrastLimitedAdaptiveHistogramEqualization', 'Conv1D', 'Conv1DTranspose', 'Conv2D', 'Conv2DTranspose',
    'Conv3D', 'Conv3DTranspose', 'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D', 'Convolution1D',
    'Convolution1DTranspose', 'Convolution2D', 'Convolution2DTranspose', 'Convolution3D', 'Convolution3DTranspose',
    'Cropping1D', 'Cropping2D', 'Cropping3D', 'CutMix', 'Dense', 'DepthwiseConv1D', 'DepthwiseConv2D',
    'Discretization', 'Dot', 'Dropout', 'ELU', 'EinsumDense', 'Embedding', 'Equalization', 'Flatten', 'FlaxLayer',
    'GRU', 'GRUCell', 'GaussianDropout', 'GaussianNoise', 'GlobalAveragePooling1D', 'GlobalAveragePooling2D',
    'GlobalAveragePooling3D', 'GlobalAvgPool1D', 'GlobalAvgPool2D', 'GlobalAvgPool3D', 'GlobalMaxPool1D',
    'GlobalMaxPool2D', 'GlobalMaxPool3D', 'GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'GlobalMaxPooling3D',
    'GroupNormalization', 'GroupQueryAttention', 'HashedCrossing', 'Hashing', 'Identity', 'InputLayer',
    'IntegerLookup', 'JaxLayer', 'LSTM', 'LSTMCell', 'Lambda', 'Layer', 'LayerNormalization', 'LeakyReLU',
    'Masking', 'MaxNumBoundingBoxes', 'MaxPool1D', 'MaxPool2D', 'MaxPool3D', 'MaxPooling1D', 'MaxPooling2D',
    'MaxPooling3D', 'Maximum', 'MelSpectrogram', 'Minimum', 'MixUp', 'MultiHeadAttention', 'Multiply',
    'Normalization', 'PReLU', 'Permute', 'Pipeline', 'RMSNormalization', 'RNN', 'RandAugment', 'RandomBrightness',
    'RandomColorDegeneration', 'RandomColorJitter', 'RandomContrast', 'RandomCrop', 'RandomElasticTransform',
    'RandomErasing', 'RandomFlip', 'RandomGaussianBlur', 'RandomGrayscale', 'RandomHue', 'RandomInvert',
    'RandomPerspective', 'RandomPosterization', 'RandomRotation', 'RandomSaturation', 'RandomSharpness',
    'RandomShear', 'RandomTranslation', 'RandomZoom', 'ReLU', 'RepeatVector', 'Rescaling', 'Reshape', 'Resizing',
    'ReversibleEmbedding', 'STFTSpectrogram', 'SeparableConv1D', 'SeparableConv2D', 'SeparableConvolution1D',
    'SeparableConvolution2D', 'SimpleRNN', 'SimpleRNNCell', 'Softmax', 'Solarization', 'SpatialDropout1D',
    'SpatialDropout2D', 'SpatialDropout3D', 'SpectralNormalization', 'StackedRNNCells', 'StringLookup', 'Subtract',
    'TFSMLayer', 'TextVectorization', 'TimeDistributed', 'TorchModuleWrapper', 'UnitNormalization', 'UpSampling1D',
    'UpSampling2D', 'UpSampling3D', 'Wrapper', 'ZeroPadding1D', 'ZeroPadding2D', 'ZeroPadding3D',
)

#: Keras layer classes shapedoctor does not compute an output for, with the reason (keyed by the exported name)
OPAQUE: dict[str, str] = {
    "Layer": "it is the base class: a subclass's call() defines the output (shapedoctor follows a user "
             "subclass's call() or compute_output_shape() where it can); the bare class raises NotImplementedError "
             "when called",
    "Wrapper": "it is the abstract base class of TimeDistributed/Bidirectional: the subclass's call() defines the "
               "output (the bare class fails when called)",
    "FlaxLayer": "its output depends on a user-supplied Flax module (and it needs the JAX backend)",
    "JaxLayer": "its output depends on a user-supplied JAX function (and it needs the JAX backend)",
    "TFSMLayer": "its output depends on a TensorFlow SavedModel read from disk (and it needs the TensorFlow "
                 "backend)",
    "TorchModuleWrapper": "its output depends on a user-supplied torch.nn.Module (and it needs the torch backend)",
}


#: the other names of KERAS_LAYER_NAMES each exported layer class is a subclass of, where that is more than
#: ``Layer`` (every one is a ``Layer``): ``isinstance(layer, keras.layers.Dropout)`` is exact for the layers the
#: walk makes.  Read from Keras |KERAS_VERSION| (``tests/rules/test_layer_inventory.py`` checks it there).
KERAS_LAYER_BASES = {
    "AdditiveAttention": ("Attention",), "ConvLSTM1D": ("RNN",), "ConvLSTM2D": ("RNN",), "ConvLSTM3D": ("RNN",),
    "FlaxLayer": ("JaxLayer",), "GRU": ("RNN",), "LSTM": ("RNN",), "ReversibleEmbedding": ("Embedding",),
    "SimpleRNN": ("RNN",), "SpatialDropout1D": ("Dropout",), "SpatialDropout2D": ("Dropout",),
    "SpatialDropout3D": ("Dropout",), "SpectralNormalization": ("Wrapper",), "TimeDistributed": ("Wrapper",),
}


#: Keras 2 layers (``tf.keras`` up to TensorFlow 2.15) that ``keras.layers`` of Keras 3 no longer has: code that
#: uses them fails with AttributeError on Keras 3 before any shape is computed (none is a name of KERAS_LAYER_NAMES)
REMOVED_IN_KERAS_3 = ("RandomHeight", "RandomWidth", "ThresholdedReLU", "LocallyConnected1D", "LocallyConnected2D",
                      "CuDNNLSTM", "CuDNNGRU", "DenseFeatures", "CategoryCrossing", "SyncBatchNormalization")


def opaque_reason(type_: str) -> str | None:
    """Why the Keras layer ``type_`` has no rule, or None when it is not an opaque Keras layer."""
    if type_ in REMOVED_IN_KERAS_3:
        return f"a Keras 2 layer that Keras 3 removed (keras.layers has no {type_}: AttributeError)"
    return OPAQUE.get(type_)


def opaque_message(type_: str, label: str | None = None) -> str | None:
    """The engine's info message for an opaque Keras layer, or None when ``type_`` is not one."""
    if type_ in REMOVED_IN_KERAS_3:
        return f"{label or type_} is {opaque_reason(type_)}; shapes after it are not checked"
    reason = OPAQUE.get(type_)
    if reason is None:
        return None
    return f"{label or type_} is a Keras layer shapedoctor treats as opaque: {reason}; shapes after it are not checked"
