"""The drawing surface: a scene that mirrors the design by id, its items and the view."""
