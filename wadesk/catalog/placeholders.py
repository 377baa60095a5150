"""What a node that stands for something defined elsewhere leaves unknown: the settings its source does not state.

An imported design draws what it uses but does not create as placeholders marked ``defined_elsewhere``: a VPC
another stack exports, the subnets a parameter names, the cluster a registry module that is not on disk makes. Their
properties still hold values, since every kind has a complete schema, but a value the source did not state is only
the catalog's default, not a fact. The importers list the settings the source does not state in the node's
``unknown`` (file format version 3). For a placeholder saved before that, a value still at the default is taken as
not stated (a stated value that happens to equal the default then reads as unknown too: that says less than the
source, never more).
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


def placeholder_unknowns(kind: str, defaults: Mapping[str, Any], stated: Mapping[str, Any]) -> list[str]:
    """The settings a placeholder's source does not state, in schema order (what an importer marks unknown).

    Args:
        kind: the node's kind id.
        defaults: the kind's properties with their defaults.
        stated: the properties the source states (``defined_elsewhere`` among them).
    """
    hidden = _ONLY_HIDES.get(kind)
    return [
        name for name in defaults
        if name != DEFINED_ELSEWHERE and (hidden is None or name in hidden) and name not in stated
    ]


def unknown_settings(
    catalog: Catalog, kind: str, props: Mapping[str, Any], unknown: Mapping[str, str] | None = None
) -> list[str]:
    """The properties of a node that the design does not know, in schema order.

    Args:
        catalog: the catalog that gives the kind's defaults.
        kind: the node's kind id.
        props: its (complete) properties.
        unknown: the properties the node lists as unknown (a file of version 3 or later, an import).

    Returns:
        The properties ``unknown`` lists, when it lists any. Otherwise nothing for a node described in the design;
        for one defined elsewhere (saved before placeholders listed their unknown settings), each property still at
        its default, except ``defined_elsewhere`` itself and, for a hosted zone, the records' settings.
    """
    if not catalog.has_kind(kind):
        return []
    if unknown:
        return [name for name in catalog.defaults(kind) if name in unknown]
    if not is_defined_elsewhere(props):
        return []
    hidden = _ONLY_HIDES.get(kind)
    return [
        name
        for name, default in catalog.defaults(kind).items()
        if name != DEFINED_ELSEWHERE and (hidden is None or name in hidden) and props.get(name, default) == default
    ]
