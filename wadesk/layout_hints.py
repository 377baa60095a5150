"""Invisible edges that steer Graphviz dot: rows for nodes no flow reaches, and a column beside a container for
what talks only into it.

Pure (no Qt). :mod:`wadesk.layout` asks for these while it writes the dot graph; every edge here is a pair of
dot node names that dot ranks by but never draws.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from wadesk.model import Architecture


def grid_hints(arch: Architecture, names: Mapping[str, str], first_leaf: Mapping[str, str]) -> list[tuple[str, str]]:
    """Invisible edges that keep unconnected nodes from piling up in one column.

    With flows running left to right, nodes that no flow touches all share the first rank and dot stacks
    them in one tall column. Chaining them in rows of about the square root of their number lays them out as a
    block; containers count as touched when a flow touches anything inside them (the flows of an actor drawn
    aside do not count: dot never sees them). A container joins a row only when it holds one dot node (an empty
    subnet's stand-in, a single component): a chain runs from one node to the next, and the next container in a
    row would otherwise start inside the previous one's ranks and be pushed below it, a step to the right.
    The subnets of an Availability Zone are put in one row by :func:`zone_rows`; zones themselves stay one
    below the other.

    Args:
        names: node id -> dot name of every node dot sees.
        first_leaf: container id -> a dot node inside it (edges to a container end there).
    """
    touched: set[str] = set()
    for edge in arch.graph.edges():
        if all(end in names for end in edge):
            for end in edge:
                touched.add(end)
                touched.update(arch.ancestors(end))
    held: dict[str, int] = {}  # container id -> dot nodes inside it (components and empty containers' stand-ins)
    for node_id in names:
        empty = arch.is_container(node_id) and not arch.children(node_id)
        if empty or not arch.is_container(node_id):
            for container in [node_id, *arch.ancestors(node_id)] if empty else arch.ancestors(node_id):
                held[container] = held.get(container, 0) + 1

    def fits_a_row(node_id: str) -> bool:
        return node_id not in touched and (not arch.is_container(node_id) or held.get(node_id, 0) <= 1)

    hints: list[tuple[str, str]] = []

    def anchor(node_id: str) -> str | None:
        return first_leaf.get(node_id, names.get(node_id))

    def chain(items: list[str]) -> None:
        for a, b in zip(items, items[1:], strict=False):
            tail, head = anchor(a), anchor(b)
            if tail and head and tail != head:
                hints.append((tail, head))

    for parent in [None, *[n for n in arch.node_ids() if arch.is_container(n)]]:
        children = arch.children(parent)
        if parent is not None and arch.kind_of(parent) == "availability_zone":
            loose = [c for c in children if c not in touched and not arch.is_container(c)]  # see zone_rows
        else:
            loose = [c for c in children if fits_a_row(c) and arch.kind_of(c) != "availability_zone"]
        width = max(1, math.ceil(math.sqrt(len(loose))))
        for start in range(0, len(loose), width):
            chain(loose[start : start + width])
    return hints


def zone_rows(arch: Architecture) -> list[tuple[str, str]]:
    """Pairs of boxes of an Availability Zone (its subnets, in their order), each to be drawn after the one before.

    So each zone reads as a band, its subnets side by side; the whole of a subnet comes before the next, not
    just its first node (chained from first node to first node, a subnet of two columns pushed the next one
    above or below it, a step to the right).
    """
    pairs: list[tuple[str, str]] = []
    for zone in arch.node_ids():
        if arch.kind_of(zone) == "availability_zone":
            boxes = [c for c in arch.children(zone) if arch.is_container(c)]
            pairs.extend(zip(boxes, boxes[1:], strict=False))
    return pairs


@dataclass(frozen=True)
class Beside:
    """A component whose flows all go into one or more of its sibling containers, and the side it goes on.

    Ranked by its flows alone, such a node (an alarm, a role or a bucket beside the VPC its callers sit in)
    lands in the columns the container spans, and, as clusters may not overlap it, above or below the
    container, so its flows cut across the container's border and everything in between. It belongs in a
    column of its own after the container (``right``) when more of its flows come out of the container,
    before it when more go in.
    """

    node: str
    container: str
    right: bool


def beside_containers(arch: Architecture, skip: set[str]) -> list[Beside]:
    """Every component (not in ``skip``) whose every flow goes to or from inside one of its sibling containers."""
    out: list[Beside] = []
    for node_id in arch.node_ids():
        if node_id in skip or arch.is_container(node_id):
            continue
        parent = arch.parent_of(node_id)
        own = set(arch.ancestors(node_id))
        ins = outs = 0
        containers: dict[str, None] = {}
        for source, target in [*arch.graph.in_edges(node_id), *arch.graph.out_edges(node_id)]:
            other = source if target == node_id else target
            if other == node_id or other in own or other in skip:
                continue
            sibling = _sibling_around(arch, other, parent)
            if sibling is None or not arch.is_container(sibling):
                break  # a flow to a sibling itself or out of the parent: dot's own ranking is right
            containers[sibling] = None
            ins, outs = (ins + 1, outs) if target == node_id else (ins, outs + 1)
        else:
            out.extend(Beside(node_id, container, ins >= outs) for container in containers)
    return out


def _sibling_around(arch: Architecture, node_id: str, parent: str | None) -> str | None:
    """The child of ``parent`` that is ``node_id`` or holds it, or None when ``node_id`` is not in ``parent``."""
    current: str | None = node_id
    while current is not None:
        above = arch.parent_of(current)
        if above == parent:
            return current
        current = above
    return None
