"""Kim-style sentence CNN with Conv2D kernels spanning the whole sequence (height 1 left), then
MaxPooling2D((5, 1)) on that height.

Source: https://github.com/rstudio/keras3/issues/526
"""
from keras.layers import Input, Embedding, Dropout, Reshape, Conv2D, MaxPooling2D, Concatenate, Flatten, Dense
from keras.models import Model

MAX_SEQUENCE_LENGTH = 100
EMBEDDING_DIM = 50
MAX_NB_WORDS = 5000
filter_sizes = [2, 4, 8]
n_classes = 5

sequence_input = Input(shape=(MAX_SEQUENCE_LENGTH,), dtype="int32")
embedded_sequences = Embedding(MAX_NB_WORDS, EMBEDDING_DIM)(sequence_input)
drop_out = Dropout(0.25)(embedded_sequences)
reshape = Reshape((MAX_SEQUENCE_LENGTH, EMBEDDING_DIM, 1))(drop_out)

conv_0 = Conv2D(128, kernel_size=(MAX_SEQUENCE_LENGTH, filter_sizes[0]), activation="relu", data_format="channels_last")(reshape)
conv_1 = Conv2D(128, kernel_size=(MAX_SEQUENCE_LENGTH, filter_sizes[1]), activation="relu", data_format="channels_last")(reshape)
conv_2 = Conv2D(128, kernel_size=(MAX_SEQUENCE_LENGTH, filter_sizes[2]), activation="relu", data_format="channels_last")(reshape)

maxpool_0 = MaxPooling2D(pool_size=(5, 1), padding="valid", data_format="channels_last")(conv_0)  # heldout: mistake
maxpool_1 = MaxPooling2D(pool_size=(5, 1), padding="valid", data_format="channels_last")(conv_1)  # heldout: mistake
maxpool_2 = MaxPooling2D(pool_size=(5, 1), padding="valid", data_format="channels_last")(conv_2)  # heldout: mistake

concatenated = Concatenate(axis=2)([maxpool_0, maxpool_1, maxpool_2])
flatten = Flatten()(concatenated)
dropout = Dropout(0.5)(flatten)
output = Dense(n_classes, activation="softmax")(dropout)

model = Model(sequence_input, output)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["acc"])
