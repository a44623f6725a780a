"""Differential conformance harness: shapedoctor against Keras 3 (issue 4)."""
