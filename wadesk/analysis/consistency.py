"""What in a design that loads is still probably a mistake: unknown rules suppressed, `subnets` naming no subnet."""

from __future__ import annotations

from wadesk.catalog.known_values import property_warnings
from wadesk.model import Architecture

SUBNET = "subnet"


def design_warnings(arch: Architecture) -> list[str]:
    """One line per thing the analysis ignores: a suppression of a rule no longer known, and a ``subnets``
    entry that names a node missing from the design or one that is not a subnet (a group spans only the
    subnets it names, so those entries count for nothing)."""
    warnings: list[str] = []
    suppressions = arch.suppressions()
    known: set[str] = set()
    if suppressions:  # every rule is imported only when a suppression names one
        from wadesk.rules.registry import ALL_RULES

        known = {rule.id for rule in ALL_RULES}
    for suppression in suppressions:
        if suppression.rule not in known:
            target = f"node {suppression.node!r}" if suppression.node is not None else "the design"
            warnings.append(
                f"suppression of {suppression.rule!r} on {target}: no rule has this id (see `wadesk rules`); "
                "it suppresses nothing"
            )
    for node in arch.nodes():
        for name, text in property_warnings(node.kind, node.props).items():
            warnings.append(f"node {node.id!r}: property {name!r}: {text}; rules that read it may misjudge")
        listed = node.props.get("subnets")
        if not isinstance(listed, list):
            continue
        for subnet in listed:
            if not isinstance(subnet, str):
                continue
            if subnet not in arch:
                warnings.append(f"node {node.id!r}: 'subnets' names {subnet!r}, which is not a node of the design")
            elif arch.kind_of(subnet) != SUBNET:
                warnings.append(
                    f"node {node.id!r}: 'subnets' names {subnet!r}, a {arch.kind_of(subnet)}, not a subnet"
                )
    return warnings
