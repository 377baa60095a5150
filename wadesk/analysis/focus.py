"""Which nodes a graph rule must judge again after flows are drawn, removed or edited (its flow scope)."""

from __future__ import annotations

from collections.abc import Callable

from wadesk.rules.base import GraphRule
from wadesk.rules.context import GROUP_KINDS, Context


class FocusFinder:
    """The nodes whose findings the flows changed since the last pass can alter, per rule.

    A flow change alters what a rule can read of a few nodes only: the flow's
    two ends, and the members of an end that is a group (a flow to an auto
    scaling group is a flow of its instances). Each scope widens that set as
    far as its rules read (see :data:`wadesk.rules.base.FlowScope`): a changed
    flow lies on the paths that lead on from its target and on those that
    lead up to its source.
    """

    def __init__(self, ctx: Context, sources: set[str], targets: set[str]) -> None:
        self._ctx = ctx
        self._ends = sources | targets
        self._sources = self._with_members(sources)
        self._targets = self._with_members(targets)
        self._altered = self._sources | self._targets
        self._found: dict[object, set[str]] = {}
        self._down: set[str] | None = None

    def _with_members(self, ends: set[str]) -> set[str]:
        ctx = self._ctx
        out = set(ends)
        for end in ends:
            if ctx.kind(end) in GROUP_KINDS:
                out.update(ctx.members(end))
        return out

    def focus(self, rule: GraphRule) -> set[str]:
        """The nodes a rule must judge again."""
        scope = rule.flows
        extra: frozenset[str] = frozenset()
        if rule.also_affects is not None:
            extra = frozenset(rule.also_affects(self._ctx, frozenset(self._altered)))
            if scope in ("downstream", "paths"):
                extra -= self._downstream()
        key = (scope, extra)
        found = self._found.get(key)
        if found is None:
            found = self._compute(scope, extra)
            self._found[key] = found
        return found

    def _compute(self, scope: str, extra: frozenset[str]) -> set[str]:
        ctx = self._ctx
        altered = self._altered
        if scope == "ends":
            touched = altered | extra
        elif scope == "near":
            touched = altered | extra
            for node in altered:
                touched.update(ctx.neighbours(node))
        else:
            # Everything a changed flow leads to (administrative flows included: a superset), and what lies
            # below the further nodes the rule names.
            touched = altered | self._downstream()
            if extra:
                touched |= self._closure(set(extra), ctx.successors)
            if scope == "paths":
                touched |= self._closure(self._sources, ctx.predecessors)
        return self._with_containers(touched)

    def _downstream(self) -> set[str]:
        if self._down is None:
            self._down = self._closure(self._targets, self._ctx.successors)
        return self._down

    @staticmethod
    def _closure(starts: set[str], following: Callable[[str], list[str]]) -> set[str]:
        seen = set(starts)
        stack = list(seen)
        while stack:
            for nxt in following(stack.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    def _with_containers(self, touched: set[str]) -> set[str]:
        """``touched``, the containers around them, and what the changed flows' container ends hold."""
        arch = self._ctx.arch
        out = set(touched)
        for node in touched:
            out.update(arch.ancestors(node))
        for end in self._ends:
            if arch.is_container(end):
                out.update(arch.descendants(end))
        return out
