"""wadesk.editing."""
