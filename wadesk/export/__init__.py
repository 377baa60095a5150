"""wadesk.export."""
