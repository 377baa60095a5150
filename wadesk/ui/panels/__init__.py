"""Dock panels around the canvas: palette, inspector and analysis (they never import the canvas)."""
