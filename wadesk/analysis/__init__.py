"""Analyses of a design that need no Qt: ownership of layers and other derived views."""
