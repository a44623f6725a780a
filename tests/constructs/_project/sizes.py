"""Sizes the ``import_*`` fixtures read from their project's configuration module."""

STEPS = 128
UNITS = 32
