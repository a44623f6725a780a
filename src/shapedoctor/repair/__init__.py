"""Repairs: ranked candidates (candidates.py), graph patches (patch.py), LibCST rewrites (rewrite.py), the fix command."""
