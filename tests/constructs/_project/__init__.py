"""A package of the project the ``import_*`` construct fixtures belong to (not a fixture itself)."""

from .blocks import ConvBlock, dense_head
