"""Small pure functions on template expressions: their short text for reports, comparison as CloudFormation
compares, mapping lookups, placeholder lists and the subnet blocks of ``Fn::Cidr``."""

from __future__ import annotations

import json
from typing import Any

from wadesk.importers.cfn.values import External, Value
from wadesk.importers.errors import printable


def cidr_blocks(block: str, count: Any, bits: Any) -> list[str]:
    """The first ``count`` blocks of ``bits`` host bits inside ``block``, as ``Fn::Cidr`` computes them.

    Raises:
        ValueError: a block that is not an address range, or one that cannot hold what is asked.
        TypeError: a count or a bit count that is not a number.
    """
    import ipaddress  # only templates that compute subnets pay for it

    network = ipaddress.ip_network(block, strict=False)
    wanted, host_bits = int(count), int(bits)
    prefix = network.max_prefixlen - host_bits
    if not 0 < wanted <= 256 or not network.prefixlen <= prefix <= network.max_prefixlen:
        raise ValueError(f"cannot cut {wanted} blocks of {host_bits} host bits from {block}")
    blocks: list[str] = []
    for subnet in network.subnets(new_prefix=prefix):
        blocks.append(str(subnet))
        if len(blocks) == wanted:
            return blocks
    raise ValueError(f"{block} holds only {len(blocks)} such blocks")


def is_placeholder_list(items: list[Any]) -> bool:
    """Whether ``items`` are the placeholder items of one outside list (``External`` with indexes)."""
    first = items[0]
    return all(
        isinstance(item, External) and item.index is not None and (item.name, item.source) == (first.name, first.source)
        for item in items
    )


def lookup(table: dict[Any, Any], key: str) -> Any:
    if key in table:
        return table[key]
    for candidate, value in table.items():
        if as_compared(candidate) == key:
            return value
    return None


def as_compared(value: Value) -> Any:
    """Scalars compare as CloudFormation compares them, as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return [as_compared(item) for item in value]
    return value


def describe(raw: Any) -> str:
    """A short text of an intrinsic function call, for reports and messages."""
    if isinstance(raw, dict) and len(raw) == 1:
        ((function, argument),) = raw.items()
        if function == "Ref" and isinstance(argument, str):
            return f"Ref {argument}"
        if function == "Fn::GetAtt" and isinstance(argument, list) and all(isinstance(a, str) for a in argument):
            return f"Fn::GetAtt {'.'.join(argument)}"
    try:
        text = json.dumps(raw, default=str, separators=(", ", ": "))
    except (TypeError, ValueError, RecursionError):
        text = repr(raw)
    return printable(text, 120)
