"""Generated designs for benchmarks: three-tier cells spread over two Availability Zones."""

from __future__ import annotations

from wadesk.catalog import new_architecture
from wadesk.model import Architecture

#: Components (not containers) in one cell.
CELL_COMPONENTS = 10


def three_tier_design(components: int) -> Architecture:
    """A design of about ``components`` components: shared edge services plus repeated cells."""
    arch = new_architecture(f"Generated {components}")
    arch.add_node("users", "internet", x=0, y=0)
    arch.add_node("watch", "cloudwatch", x=0, y=100)
    arch.add_node("trail", "cloudtrail", x=0, y=200)
    arch.add_node("vpc", "vpc", x=100, y=0, w=10_000, h=10_000)
    for zone in ("a", "b"):
        arch.add_node(
            f"pub-{zone}",
            "subnet",
            parent="vpc",
            x=120,
            y=20,
            w=4000,
            h=9000,
            props={"public": True, "availability_zone": f"eu-west-1{zone}"},
        )
        arch.add_node(
            f"priv-{zone}",
            "subnet",
            parent="vpc",
            x=5000,
            y=20,
            w=4000,
            h=9000,
            props={"availability_zone": f"eu-west-1{zone}"},
        )
    cells = max(1, (components - 3) // CELL_COMPONENTS)
    for cell in range(cells):
        _add_cell(arch, cell)
    return arch


def _add_cell(arch: Architecture, cell: int) -> None:
    c = f"c{cell}"
    y = 40 + cell * 120
    zone = "a" if cell % 2 == 0 else "b"
    arch.add_node(f"{c}-waf", "waf", x=140, y=y)
    arch.add_node(
        f"{c}-alb", "alb", parent=f"pub-{zone}", x=300, y=y, props={"https_only": True, "subnets": ["pub-a", "pub-b"]}
    )
    arch.add_node(
        f"{c}-asg",
        "auto_scaling_group",
        parent=f"priv-{zone}",
        x=5100,
        y=y,
        w=300,
        h=100,
        props={"min_size": 2, "max_size": 4, "desired_capacity": 2, "subnets": ["priv-a", "priv-b"]},
    )
    arch.add_node(f"{c}-web", "ec2", parent=f"{c}-asg", x=5120, y=y + 10, props={"imdsv2_required": True})
    arch.add_node(f"{c}-db", "rds", parent=f"priv-{zone}", x=5500, y=y, props={"multi_az": cell % 3 != 0})
    arch.add_node(f"{c}-cache", "elasticache", parent=f"priv-{zone}", x=5650, y=y)
    arch.add_node(f"{c}-queue", "sqs", x=9500, y=y)
    arch.add_node(f"{c}-worker", "lambda", x=9650, y=y)
    arch.add_node(f"{c}-table", "dynamodb", x=9800, y=y)
    arch.add_node(f"{c}-assets", "s3", x=9950, y=y)
    arch.add_node(f"{c}-vol", "ebs", x=10100, y=y)
    flows = [
        ("users", "waf", "https"),
        ("waf", "alb", "https"),
        ("alb", "web", "https"),
        ("web", "db", "sql"),
        ("web", "cache", "tls"),
        ("web", "queue", "https"),
        ("queue", "worker", "https"),
        ("worker", "table", "https"),
        ("web", "assets", "https"),
        ("web", "watch", "https"),
        ("db", "watch", "https"),
        ("web", "vol", "other"),
    ]
    for index, (source, target, protocol) in enumerate(flows):
        src = source if source == "users" else f"{c}-{source}"
        dst = target if target == "watch" else f"{c}-{target}"
        arch.connect(f"{c}-f{index}", src, dst, props={"protocol": protocol})
