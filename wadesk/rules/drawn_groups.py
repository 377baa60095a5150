"""Security groups drawn more than once: a box whose ``copy_of`` names another draws the same group again.

An import draws a group in every subnet where its members sit; rules about the group's own settings read
each group once, with the members of all its boxes (see :func:`once_per_group`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from wadesk.rules.base import Hit
from wadesk.rules.context import Context


def group_root(ctx: Context, box: str) -> str:
    """The node that stands for the security group ``box`` draws: the one its ``copy_of`` names, else itself.

    A ``copy_of`` that names no security group (deleted, mistyped) leaves the box a group of its own; a chain of
    copies leads to its first node, and a cycle to the box itself.
    """
    seen = [box]
    current = box
    while True:
        target = str(ctx.prop(current, "copy_of", "") or "")
        if not target or target not in ctx.arch or ctx.kind(target) != "security_group":
            return current
        if target in seen:
            return box
        seen.append(target)
        current = target


def security_groups(ctx: Context) -> list[list[str]]:
    """Every security group once, as the boxes that draw it: the group's own node first, then its copies."""

    def compute() -> list[list[str]]:
        boxes: dict[str, list[str]] = {}
        for box in ctx.nodes("security_group"):
            root = group_root(ctx, box)
            boxes.setdefault(root, []).append(box)
        return [sorted(found, key=lambda b: (b != root, ctx.position(b))) for root, found in boxes.items()]

    return ctx.cached(("sec", "security_groups"), compute)


def once_per_group(ctx: Context, message: Callable[[str, list[str]], str | None]) -> Iterator[Hit]:
    """Hits of a rule about a security group's own settings, one per group and distinct message.

    ``message(box, boxes)`` judges one box (``boxes``: every box of its group, the group's own first; name the
    group by the label of ``boxes[0]``). A group drawn in several places is reported on its first box that has
    the problem; a copy is reported too only when its message differs (its rules were edited apart from the
    group's), so no difference is lost.
    """
    for boxes in security_groups(ctx):
        said: set[str] = set()
        for box in boxes:
            text = message(box, boxes)
            if text and text not in said:
                said.add(text)
                yield Hit(box, text)
