"""Feed-forward text classifier (vectorized tweets -> Embedding -> Dense sigmoid) without a pooling layer, so it
predicts one probability per token against one label per tweet (mrdbourke/tensorflow-deep-learning#514)."""
import keras
from keras import layers

max_vocab_length = 1000  # 10000 words in the lecture
max_length = 15          # tokens per tweet after the TextVectorization layer

inputs = layers.Input(shape=(max_length,), dtype="int32")  # token ids of the vectorized tweets
x = layers.Embedding(input_dim=max_vocab_length, output_dim=16)(inputs)
outputs = layers.Dense(1, activation="sigmoid")(x)  # heldout: mistake
model_1 = keras.Model(inputs, outputs, name="model_1_dense")
model_1.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])
model = model_1
