"""wadesk.ui.panels."""
