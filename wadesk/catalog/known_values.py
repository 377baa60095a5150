"""Checks of free-text property values: CIDR blocks must be networks; engines and instance types should be known.

A malformed CIDR is an error (the file is refused). An engine or instance type
wadesk does not know is only a warning, so a design naming a type AWS launched
after this release still loads.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator

# ---------------------------------------------------------------------- CIDR


def ipv4_network(value: str) -> str:
    """``value`` if it is an IPv4 network such as 10.0.1.0/24 (pydantic validator; ValueError says what is wanted)."""
    _network(value, versions=(4,), wanted="an IPv4 CIDR block such as 10.0.1.0/24")
    return value


def ipv4_network_or_empty(value: str) -> str:
    """``value`` if it is empty (not given) or an IPv4 network."""
    return value if value == "" else ipv4_network(value)


def ip_network(value: str) -> str:
    """``value`` if it is an IPv4 or IPv6 network such as 0.0.0.0/0 or ::/0."""
    _network(value, versions=(4, 6), wanted="an IPv4 or IPv6 CIDR block such as 0.0.0.0/0 or ::/0")
    return value


def _network(value: str, versions: tuple[int, ...], wanted: str) -> None:
    if "/" not in value:
        raise ValueError(f"{wanted} (address/prefix length)")
    try:
        network = ipaddress.ip_network(value, strict=True)
    except ValueError as exc:
        reason = str(exc)
        if "has host bits set" in reason:
            raise ValueError(f"{wanted}, with the host bits zero") from None
        raise ValueError(wanted) from None
    if network.version not in versions:
        raise ValueError(wanted)


#: String property types that must hold a network (the schema's annotation stays ``str``).
Ipv4Cidr = Annotated[str, AfterValidator(ipv4_network)]
Ipv4CidrOrEmpty = Annotated[str, AfterValidator(ipv4_network_or_empty)]
IpCidr = Annotated[str, AfterValidator(ip_network)]

# -------------------------------------------------------- engines and types

RDS_ENGINES = frozenset({
    "postgres", "mysql", "mariadb", "aurora-mysql", "aurora-postgresql",
    "oracle-ee", "oracle-ee-cdb", "oracle-se2", "oracle-se2-cdb",
    "sqlserver-ee", "sqlserver-se", "sqlserver-ex", "sqlserver-web", "db2-ae", "db2-se",
    "custom-oracle-ee", "custom-oracle-ee-cdb", "custom-oracle-se2", "custom-oracle-se2-cdb",
    "custom-sqlserver-ee", "custom-sqlserver-se", "custom-sqlserver-web",
})
AURORA_ENGINES = frozenset({"aurora-mysql", "aurora-postgresql", "aurora"})

#: EC2 instance families (the part before the dot), current and previous generations.
EC2_FAMILIES = frozenset("""
a1 c1 c3 c4 c5 c5a c5ad c5d c5n c6a c6g c6gd c6gn c6i c6id c6in c7a c7g c7gd c7gn c7i c7i-flex c8g c8gd c8gn
d2 d3 d3en dl1 dl2q f1 f2 g3 g4ad g4dn g5 g5g g6 g6e gr6 h1 hpc6a hpc6id hpc7a hpc7g i2 i3 i3en i4g i4i i7i i7ie
i8g im4gn inf1 inf2 is4gen m1 m2 m3 m4 m5 m5a m5ad m5d m5dn m5n m5zn m6a m6g m6gd m6i m6id m6idn m6in m7a m7g
m7gd m7i m7i-flex m8g m8gd p2 p3 p3dn p4d p4de p5 p5e p5en p6-b200 r3 r4 r5 r5a r5ad r5b r5d r5dn r5n r6a r6g
r6gd r6i r6id r6idn r6in r7a r7g r7gd r7i r7iz r8g r8gd t1 t2 t3 t3a t4g trn1 trn1n trn2 vt1 x1 x1e x2gd x2idn
x2iedn x2iezn x8g z1d mac1 mac2 mac2-m2 mac2-m2pro
""".split())
#: Families of RDS and Aurora instance classes, after "db.".
DB_FAMILIES = frozenset("""
t2 t3 t4g m1 m2 m3 m4 m5 m5d m6g m6gd m6i m6id m6idn m6in m7g m7i m8g r3 r4 r5 r5b r5d r6g r6gd r6i r6id r6idn
r6in r7g r7i r8g x1 x1e x2g x2idn x2iedn x2iezn z1d c6gd
""".split())
REDSHIFT_NODE_TYPES = frozenset({
    "ra3.large", "ra3.xlplus", "ra3.4xlarge", "ra3.16xlarge", "dc2.large", "dc2.8xlarge", "ds2.xlarge",
    "ds2.8xlarge",
})
_SIZE = re.compile(r"^(nano|micro|small|medium|large|xlarge|[0-9]+xlarge|metal|metal-[0-9]+xl)$")


def _instance_type_known(value: str, families: frozenset[str]) -> bool:
    family, _, size = value.partition(".")
    return family in families and bool(_SIZE.match(size))


def _ec2_type(value: str) -> str | None:
    if value.startswith("u-") or _instance_type_known(value, EC2_FAMILIES):
        return None
    return f"{value!r} is not an EC2 instance type wadesk knows (such as t3.micro or m7g.large)"


def _db_class(value: str) -> str | None:
    if value == "db.serverless" or (value.startswith("db.") and _instance_type_known(value[3:], DB_FAMILIES)):
        return None
    return f"{value!r} is not a DB instance class wadesk knows (such as db.t3.micro or db.r6g.large)"


def _known(value: str, known: frozenset[str], what: str) -> str | None:
    if value in known:
        return None
    examples = ", ".join(sorted(known)[:4])
    return f"{value!r} is not {what} wadesk knows ({examples}, …)"


#: kind -> property -> check returning a warning or None.
_CHECKS: dict[str, dict[str, Any]] = {
    "ec2": {"instance_type": _ec2_type},
    "rds": {"engine": lambda v: _known(v, RDS_ENGINES, "an RDS engine"), "instance_class": _db_class},
    "aurora": {"engine": lambda v: _known(v, AURORA_ENGINES, "an Aurora engine"), "instance_class": _db_class},
    "redshift": {"node_type": lambda v: _known(v, REDSHIFT_NODE_TYPES, "a Redshift node type")},
}


def property_warnings(kind: str, props: Mapping[str, Any]) -> dict[str, str]:
    """Property name -> why its value looks wrong, for values that load but that wadesk does not know."""
    out: dict[str, str] = {}
    for name, check in _CHECKS.get(kind, {}).items():
        value = props.get(name)
        if isinstance(value, str) and value:
            warning = check(value)
            if warning:
                out[name] = warning
    return out
