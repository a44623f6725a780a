"""iTracker gaze-estimation model of gdubrg/Eye-Tracking-for-Everyone (models.get_eye_tracker_model): a shared eye
CNN applied to both eyes, a face CNN and a face-grid MLP, concatenated into a regression of the 2-D gaze point.
Every image input is declared (img_ch, img_cols, img_rows) = (3, 64, 64), the Theano ordering, while Conv2D
expects the channels last, so the first 11x11 convolution slides over an image 3 rows high
(gdubrg/Eye-Tracking-for-Everyone#5: "keras Input Shape has a different format": Convolution2D expects
(samples, rows, cols, channels) and the model is written (samples, channels, rows, cols))."""
import keras
from keras import layers

activation = "relu"
last_activation = "linear"


def get_eye_model(img_ch, img_cols, img_rows):
    eye_img_input = keras.Input(shape=(img_ch, img_cols, img_rows))  # heldout: mistake
    h = layers.Conv2D(12, (11, 11), activation=activation)(eye_img_input)  # heldout: mistake
    h = layers.MaxPool2D(pool_size=(2, 2))(h)
    h = layers.Conv2D(32, (5, 5), activation=activation)(h)
    h = layers.MaxPool2D(pool_size=(2, 2))(h)
    h = layers.Conv2D(48, (3, 3), activation=activation)(h)
    h = layers.MaxPool2D(pool_size=(2, 2))(h)
    out = layers.Conv2D(8, (1, 1), activation=activation)(h)
    return keras.Model(inputs=eye_img_input, outputs=out)


def get_face_model(img_ch, img_cols, img_rows):
    face_img_input = keras.Input(shape=(img_ch, img_cols, img_rows))  # heldout: mistake
    h = layers.Conv2D(12, (11, 11), activation=activation)(face_img_input)  # heldout: mistake
    h = layers.MaxPool2D(pool_size=(2, 2))(h)
    h = layers.Conv2D(32, (5, 5), activation=activation)(h)
    h = layers.MaxPool2D(pool_size=(2, 2))(h)
    h = layers.Conv2D(48, (3, 3), activation=activation)(h)
    h = layers.MaxPool2D(pool_size=(2, 2))(h)
    out = layers.Conv2D(8, (1, 1), activation=activation)(h)
    return keras.Model(inputs=face_img_input, outputs=out)


def get_eye_tracker_model(img_ch, img_cols, img_rows):
    eye_net = get_eye_model(img_ch, img_cols, img_rows)
    face_net_part = get_face_model(img_ch, img_cols, img_rows)

    right_eye_input = keras.Input(shape=(img_ch, img_cols, img_rows))  # heldout: mistake
    right_eye_net = eye_net(right_eye_input)
    left_eye_input = keras.Input(shape=(img_ch, img_cols, img_rows))  # heldout: mistake
    left_eye_net = eye_net(left_eye_input)
    face_input = keras.Input(shape=(img_ch, img_cols, img_rows))  # heldout: mistake
    face_net = face_net_part(face_input)
    face_grid = keras.Input(shape=(1, 25, 25))

    e = layers.concatenate([left_eye_net, right_eye_net])
    e = layers.Flatten()(e)
    fc_e1 = layers.Dense(16, activation=activation)(e)

    f = layers.Flatten()(face_net)
    fc_f1 = layers.Dense(16, activation=activation)(f)
    fc_f2 = layers.Dense(8, activation=activation)(fc_f1)

    fg = layers.Flatten()(face_grid)
    fc_fg1 = layers.Dense(32, activation=activation)(fg)
    fc_fg2 = layers.Dense(16, activation=activation)(fc_fg1)

    h = layers.concatenate([fc_e1, fc_f2, fc_fg2])
    fc1 = layers.Dense(16, activation=activation)(h)
    fc2 = layers.Dense(2, activation=last_activation)(fc1)
    return keras.Model(inputs=[right_eye_input, left_eye_input, face_input, face_grid], outputs=[fc2])


img_cols = 64
img_rows = 64
img_ch = 3
model = get_eye_tracker_model(img_ch, img_cols, img_rows)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss="mse")
