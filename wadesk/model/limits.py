"""The bounds every design keeps: coordinates and sizes Qt can draw, label lengths, known scopes."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, cast

from wadesk.model.errors import ModelError
from wadesk.model.values import SCOPES, Scope

#: The largest coordinate or size a node may have, in scene units (pixels at 100 %). Real
#: designs stay under 20,000; Qt converts coordinates to 32-bit integers when it draws text
#: and scrolls, so far larger values would overflow and crash the drawing.
MAX_COORDINATE = 1_000_000.0
#: The longest label a node or a flow may have, in characters (a real one is under 100).
MAX_LABEL_CHARS = 100_000


def check_number(value: float, what: str) -> float:
    """``value`` as a float, refused unless finite and within ±:data:`MAX_COORDINATE`."""
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ModelError(f"{what} must be a finite number, got {value!r}")
    if abs(number) > MAX_COORDINATE:
        raise ModelError(
            f"{what} must be between -{MAX_COORDINATE:,.0f} and {MAX_COORDINATE:,.0f} (what the canvas can draw), "
            f"got {value!r}"
        )
    return number


def clamp_coordinate(value: float) -> float:
    """``value`` brought within ±:data:`MAX_COORDINATE` (for a drag that went too far)."""
    return max(-MAX_COORDINATE, min(MAX_COORDINATE, value))


def check_label(label: str, what: str) -> str:
    """``label`` as text, refused when longer than :data:`MAX_LABEL_CHARS`."""
    text = str(label)
    if len(text) > MAX_LABEL_CHARS:
        raise ModelError(
            f"{what}: the label is {len(text):,} characters long; labels are limited to {MAX_LABEL_CHARS:,}"
        )
    return text


def check_size(value: float, what: str) -> float:
    """A width or height: a coordinate that is also greater than 0."""
    number = check_number(value, what)
    if number <= 0:
        raise ModelError(f"{what} must be greater than 0, got {value!r}")
    return number


def checked_scope(scope: object) -> Scope:
    """``scope`` when it is one of :data:`SCOPES`, else a ModelError."""
    if scope not in SCOPES:
        raise ModelError(f"scope must be one of {', '.join(SCOPES)}, got {scope!r}")
    return cast(Scope, scope)


#: The longest source expression an unknown property may name, in characters.
MAX_EXPRESSION_CHARS = 10_000


def checked_unknown(unknown: object, props: Mapping[str, Any], kind: str, where: str) -> dict[str, str]:
    """``unknown`` (property name -> source expression) when every name is a property of the node.

    Args:
        props: the node's properties, completed with defaults (so every property of its kind is a key).
    """
    if not isinstance(unknown, Mapping):
        raise ModelError(f"{where}: 'unknown' must map property names to expressions, got {unknown!r}")
    out: dict[str, str] = {}
    for name, expression in unknown.items():
        if name not in props:
            raise ModelError(f"{where}: 'unknown' names {name!r}, which is not a property of a {kind}")
        if not isinstance(expression, str) or len(expression) > MAX_EXPRESSION_CHARS:
            raise ModelError(
                f"{where}: the unknown property {name!r} must name its source expression as text of at most "
                f"{MAX_EXPRESSION_CHARS:,} characters, got {str(expression)[:80]!r}"
            )
        out[name] = expression
    return out
