"""The desktop editor: a thin PySide6 shell over the pure core (the only package that imports Qt)."""
