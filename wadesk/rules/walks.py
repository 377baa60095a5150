"""Walks along request flows from a set of sources: shortest paths, kept between passes and repaired in place.

A walk maps every node that requests from its sources can reach to the node
it is reached from. Which parent a node gets is defined by the design alone,
not by the order of a search: the parent lies on a shortest path (fewest
flows, passing only nodes the walk may go through), and among several such
nodes it is the one drawn first. So a walk repaired after a flow change
equals a walk run afresh, and a flow changes the walk only downstream of its
target.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

Parents = dict[str, "str | None"]
Following = Callable[[str], list[str]]


class Walk:
    """One walk from ``starts``: each reached node's distance (in flows) and parent.

    Args:
        starts: the sources (distance 0, no parent; a walk always goes on past them).
        variant: what else the walk's ``through`` depends on (kept to tell walks apart).
    """

    __slots__ = ("dist", "parents", "pending", "starts", "variant")

    def __init__(self, starts: tuple[str, ...], variant: object) -> None:
        self.starts = starts
        self.variant = variant
        self.dist: dict[str, int] = {}
        self.parents: Parents = {}
        #: Nodes whose incoming request flows changed since the walk was last brought up to date.
        self.pending: set[str] = set()

    def matches(self, starts: tuple[str, ...], variant: object) -> bool:
        """Whether this walk answers for these sources and this variant."""
        return self.starts == starts and self.variant == variant

    def run(self, successors: Following, through: Callable[[str], bool], position: Callable[[str], int]) -> None:
        """Walk the whole design, breadth first."""
        dist: dict[str, int] = dict.fromkeys(self.starts, 0)
        parents: Parents = dict.fromkeys(self.starts)
        sources = set(self.starts)
        frontier = list(self.starts)
        level = 0
        while frontier:
            level += 1
            following = []
            for current in frontier:
                if current not in sources and not through(current):
                    continue
                for nxt in successors(current):
                    known = dist.get(nxt)
                    if known is None:
                        dist[nxt] = level
                        parents[nxt] = current
                        following.append(nxt)
                    elif known == level:
                        held = parents[nxt]
                        if held is not None and position(current) < position(held):
                            parents[nxt] = current
            frontier = following
        self.dist = dist
        self.parents = parents
        self.pending.clear()

    def repair(
        self,
        successors: Following,
        predecessors: Following,
        through: Callable[[str], bool],
        position: Callable[[str], int],
    ) -> None:
        """Bring the walk up to date after flows into :attr:`pending` were drawn or removed.

        Only what lies downstream of those nodes is visited: nodes whose path
        was cut are walked again from their remaining parents, and nodes that
        a new flow brings nearer pass the news on.
        """
        if not self.pending:
            return
        dist, parents = self.dist, self.parents
        sources = set(self.starts)
        read: dict[str, list[str]] = {}

        def passes(node: str) -> bool:
            return node in sources or through(node)

        def senders(node: str) -> list[str]:
            found = read.get(node)
            if found is None:
                found = read[node] = predecessors(node)
            return found

        changed = [node for node in self.pending if node in dist and node not in sources]
        # 1. A node whose flow from its parent is gone loses its distance, and so does all it led to.
        cut = [node for node in changed if parents[node] not in senders(node)]
        lost: set[str] = set()
        stack = cut
        while stack:
            node = stack.pop()
            if node in lost:
                continue
            lost.add(node)
            if passes(node):
                stack.extend(nxt for nxt in successors(node) if parents.get(nxt) == node)
        for node in lost:
            del dist[node]
            del parents[node]
        # 2. Best distances offered by the nodes still reached, then shortest first (a node's distance is final
        #    when it leaves the queue).
        queue: list[tuple[int, str]] = []
        for node in lost | self.pending:
            if node in sources:
                continue
            offers = [dist[p] + 1 for p in senders(node) if p in dist and passes(p)]
            if offers:
                best = min(offers)
                if node not in dist or best < dist[node]:
                    heapq.heappush(queue, (best, node))
        settled: set[str] = set()
        rejoined: set[str] = set()
        while queue:
            level, node = heapq.heappop(queue)
            if node in settled or dist.get(node, level + 1) < level:
                continue
            settled.add(node)
            dist[node] = level
            if not passes(node):
                continue
            for nxt in successors(node):
                if nxt in sources:
                    continue
                known = dist.get(nxt)
                if known is None or known > level + 1:
                    heapq.heappush(queue, (level + 1, nxt))
                elif known == level + 1:
                    rejoined.add(nxt)  # its distance holds, but this node may now be its parent
        # 3. Parents of every node whose distance or incoming flows changed.
        for node in settled | rejoined | self.pending:
            if node in sources or node not in dist:
                continue
            level = dist[node] - 1
            candidates = [p for p in senders(node) if dist.get(p) == level and passes(p)]
            parents[node] = min(candidates, key=position)
        self.pending.clear()

