"""Long text cut down before Qt lays it out, so drawing a label costs the same whatever its length."""

from __future__ import annotations

#: The most of a label the canvas draws (two lines under an icon hold about 40 characters).
CANVAS_CHARS = 200
#: The most of one text a report page wraps (a page holds about 6,000 characters).
REPORT_CHARS = 4_000

ELLIPSIS = "\u2026"


def clipped(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, with an ellipsis and the count left out when cut.

    Qt's line breaking grows with the square of a word's length; cutting first keeps
    every label's layout time bounded (and a 100,000-character label readable).
    """
    if len(text) <= limit:
        return text
    left_out = len(text) - limit
    return f"{text[:limit]}{ELLIPSIS} ({left_out:,} more characters)"
