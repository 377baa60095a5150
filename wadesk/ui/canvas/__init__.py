"""wadesk.ui.canvas."""
