"""A plain, readable grid layout: children left to right in flow order, wrapped, containers fitted."""

from __future__ import annotations

import math

import networkx as nx

from wadesk.model import Architecture

#: Cell of one component: the 64 px icon plus its label below.
CELL_W, CELL_H = 150.0, 120.0
PAD, TITLE = 30.0, 36.0
ICON = 64.0

Geometry = tuple[float, float, float | None, float | None]


def flow_order(arch: Architecture, ids: list[str]) -> list[str]:
    """``ids`` ordered so that flows run left to right where possible (insertion order breaks ties)."""
    members = set(ids)
    owner: dict[str, str] = {}
    for top in ids:
        owner[top] = top
        for inner in arch.descendants(top) if arch.is_container(top) else []:
            owner[inner] = top
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    for source, target in arch.graph.edges():
        a, b = owner.get(source), owner.get(target)
        if a in members and b in members and a != b:
            graph.add_edge(a, b)
    rank = {node_id: index for index, node_id in enumerate(ids)}
    try:
        return list(nx.lexicographical_topological_sort(graph, key=rank.__getitem__))
    except nx.NetworkXUnfeasible:  # a cycle: keep the drawing order
        return list(ids)


def grid_layout(arch: Architecture) -> dict[str, Geometry]:
    """New geometry for every node: a wrapped grid inside each container, containers sized to fit."""
    sizes: dict[str, tuple[float, float]] = {}
    offsets: dict[str, tuple[float, float]] = {}  # position relative to the parent's top-left

    def arrange(parent: str | None) -> tuple[float, float]:
        children = flow_order(arch, arch.children(parent))
        for child in children:
            if arch.is_container(child):
                sizes[child] = arrange(child)
            else:
                sizes[child] = (CELL_W, CELL_H)
        per_row = max(1, math.ceil(math.sqrt(len(children)))) if children else 1
        if parent is None:
            per_row = max(per_row, 3)
        x = y = 0.0
        row_h = width = 0.0
        top = TITLE if parent is not None else 0.0
        left = PAD if parent is not None else 0.0
        for index, child in enumerate(children):
            if index and index % per_row == 0:
                x, y = 0.0, y + row_h + PAD
                row_h = 0.0
            w, h = sizes[child]
            offsets[child] = (left + x, top + y)
            x += w + PAD
            row_h = max(row_h, h)
            width = max(width, x - PAD)
        height = y + row_h
        if parent is None:
            return width, height
        return max(width + 2 * PAD, 220.0), max(height + TITLE + PAD, 140.0)

    arrange(None)
    out: dict[str, Geometry] = {}

    def place(parent: str | None, px: float, py: float) -> None:
        for child in arch.children(parent):
            dx, dy = offsets[child]
            x, y = px + dx, py + dy
            if arch.is_container(child):
                w, h = sizes[child]
                out[child] = (x, y, w, h)
            else:
                # centre the icon in its cell
                out[child] = (x + (CELL_W - ICON) / 2, y + 8.0, None, None)
            place(child, x, y)

    place(None, 0.0, 0.0)
    return out
