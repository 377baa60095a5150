"""Files the editor ships with (installed as ``wadesk.resources``; load them with importlib.resources)."""
