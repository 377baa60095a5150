"""Helpers shared by the performance efficiency rules."""

from __future__ import annotations

import re

#: EC2 families of earlier generations (Xen-based, pre-Nitro) that have faster, cheaper successors.
PREVIOUS_EC2_FAMILIES = frozenset(
    {
        "t1", "t2", "m1", "m2", "m3", "m4", "c1", "c3", "c4", "cc1", "cc2", "cg1", "cr1",
        "r3", "r4", "i2", "d2", "g2", "g3", "g3s", "p2", "hi1", "hs1", "x1", "x1e",
    }
)  # fmt: skip
#: RDS and Aurora instance class families that RDS treats as previous generation.
PREVIOUS_DB_FAMILIES = frozenset({"t1", "t2", "m1", "m2", "m3", "m4", "r3", "r4", "cr1"})

_FAMILY = re.compile(r"^([a-z]+[0-9]+[a-z]*)\.")


def instance_family(instance_type: str) -> str | None:
    """The family of an instance type or DB instance class ("m4" for "m4.large" or "db.m4.large")."""
    text = instance_type.strip().lower()
    if text.startswith("db."):
        text = text[3:]
    match = _FAMILY.match(text)
    return match.group(1) if match else None
