"""`shapedoctor compare`: train candidate Keras models on time-series data (needs the [train] extra)."""
