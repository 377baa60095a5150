"""Shared shape of the rules about IAM roles that allow too much on every resource (short of "*" on "*")."""

from __future__ import annotations

from wadesk.rules.base import NodeRule, RuleMeta, node_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import listed


def over_broad_rule(meta: RuleMeta, prop: str, what: str) -> NodeRule:
    """A rule on ``iam_role`` nodes reporting the action patterns listed in ``prop``.

    ``what`` completes "<role> may ... on every resource:" in the message. A pattern granted under a condition
    carries a note saying what the condition does (see ``importers/cfn/iam_grants.py``): one that limits no
    resource, or for "*" one that bounds only where every action applies.
    """

    def check(ctx: Context, node_id: str) -> str | None:
        actions = list(ctx.prop(node_id, prop) or [])
        if not actions:
            return None
        return (
            f'{ctx.label(node_id)} may {what} on every resource (Resource "*" or NotResource; no condition '
            f"unless noted): {listed(actions)}."
        )

    return node_rule(meta, ("iam_role",), check)
