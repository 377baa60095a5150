"""What a node that stands for something defined elsewhere leaves unknown: the settings its source does not state.

An imported design draws what it uses but does not create as placeholders marked ``defined_elsewhere``: a VPC
another stack exports, the subnets a parameter names, the cluster a registry module that is not on disk makes. Their
properties still hold values, since every kind has a complete schema, but a value the source did not state is only
the catalog's default, not a fact. The importers keep only what the source states, so a value still at the default
was not stated. (A stated value that happens to equal the default reads as unknown too: a design file keeps no
difference between the two. That says less than the source, never more.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wadesk.catalog.catalog import Catalog

#: The property that marks a placeholder.
DEFINED_ELSEWHERE = "defined_elsewhere"

#: Kinds whose placeholder hides only some settings: a hosted zone from another stack or account has its records
#: (routing, health checks) drawn in the design; only the zone's own settings are elsewhere.
_ONLY_HIDES = {"route53": frozenset({"query_logging"})}


def is_defined_elsewhere(props: Mapping[str, Any]) -> bool:
    """Whether a node's properties mark it as standing for something outside the design."""
    return bool(props.get(DEFINED_ELSEWHERE))


def unknown_settings(catalog: Catalog, kind: str, props: Mapping[str, Any]) -> list[str]:
    """The properties of a node that the design does not know, in schema order.

    Args:
        catalog: the catalog that gives the kind's defaults.
        kind: the node's kind id.
        props: its (complete) properties.

    Returns:
        Nothing for a node described in the design; for one defined elsewhere, each property still at its
        default, except ``defined_elsewhere`` itself and, for a hosted zone, the records' settings.
    """
    if not is_defined_elsewhere(props) or not catalog.has_kind(kind):
        return []
    hidden = _ONLY_HIDES.get(kind)
    return [
        name
        for name, default in catalog.defaults(kind).items()
        if name != DEFINED_ELSEWHERE and (hidden is None or name in hidden) and props.get(name, default) == default
    ]
