"""An unencrypted flow that crosses a subnet, VPC or AWS network boundary."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import ADMIN_PORTS, Context
from wadesk.rules.groups import CONTAINERS, OBSERVERS, PLACEMENT_READS
from wadesk.rules.security._common import GATEWAYS, PLAIN_PROTOCOLS, network_location, subnets_of

META = RuleMeta(
    id="SEC-PLAINTEXT-CROSSING",
    title="Unencrypted flow crosses a network boundary",
    pillar="security",
    severity="medium",
    wa_bp="SEC09-BP02",
    rationale=(
        "Data sent in clear text can be read or altered by anyone who can observe the network it crosses. "
        "Traffic that leaves its subnet, its VPC or the AWS network passes routers, gateways and links "
        "outside the sender's control, so it should be protected with TLS."
    ),
    remediation=(
        "Switch the flow to https or tls (or set encrypted to true once the client and server use TLS): "
        "terminate TLS with an ACM certificate on the load balancer or CloudFront, and enable in-transit "
        "encryption on the database or cache it connects to."
    ),
    securityhub=(),
    checkov=(),
)



def _crosses(ctx: Context, source: str, target: str) -> str | None:
    """What boundary a flow from ``source`` to ``target`` crosses, or None (none, or unknown)."""
    here, there = network_location(ctx, source), network_location(ctx, target)
    if ctx.kind(source) in ("internet_gateway", "nat_gateway") and there is not None and there[0] == "external":
        # The hop out of AWS's edge: what the workload sent through its gateways leaves AWS here.
        return "leaving AWS for an outside network"
    if here is None or there is None:
        # Where an AWS resource sits may be unknown, but a flow from the outside still crosses into AWS.
        known = here or there
        if known is not None and known[0] == "external":
            return "between the internet or an outside network and AWS"
        return None
    if here != there:
        if "external" in (here[0], there[0]):
            return "between the internet or an outside network and AWS"
        if here[0] == "vpc" and there[0] == "vpc":
            return "between two VPCs"
        return "into or out of a VPC"
    if here[0] != "vpc":
        return None
    mine, theirs = subnets_of(ctx, source), subnets_of(ctx, target)
    if mine and theirs and len(mine | theirs) > 1:
        return "between subnets"
    return None


def _plaintext(ctx: Context, source: str, target: str, props: Mapping[str, Any]) -> str | None:
    """What is wrong with one flow, or None when it is encrypted or stays within its subnet."""
    if props.get("encrypted", False) or source == target:
        return None
    protocol = str(props.get("protocol", "other"))
    if protocol not in PLAIN_PROTOCOLS:
        return None
    if protocol == "tcp" and props.get("port") in ADMIN_PORTS:
        return None  # SSH and RDP sessions are encrypted by the protocols themselves
    kinds = (ctx.kind(source), ctx.kind(target))
    # A flow drawn to an auto scaling group is a flow to its instances (where the group runs).
    if any((k in CONTAINERS and k != "auto_scaling_group") or k in OBSERVERS for k in kinds):
        return None
    if kinds[1] in GATEWAYS or kinds[1] == "efs":
        return None  # NFS to EFS is SEC-EFS-PLAINTEXT-NFS's finding, wherever the file system is drawn
    boundary = _crosses(ctx, source, target)
    if boundary is None:
        return None
    port = props.get("port")
    over = f"{protocol.upper()} port {port}" if port is not None else protocol.upper()
    return f"{ctx.label(source)} sends to {ctx.label(target)} unencrypted over {over}, {boundary}."


def check(ctx: Context) -> Iterator[Hit]:
    """Report the target of every flow marked unencrypted that leaves its subnet, VPC or AWS."""

    def judge(edge_id: str) -> str | None:
        edge = ctx.arch.edge(edge_id)
        return _plaintext(ctx, edge.source, edge.target, edge.props)

    for target in ctx.subjects():
        for edge_id, _source, _props in ctx.in_edges(target):
            # Kept per flow: a node many flows reach (a shared log group) is judged again on each flow change.
            message = ctx.per_flow(META.id, edge_id, judge)
            if message is not None:
                yield Hit(target, message)


RULE = graph_rule(META, check, reads={**PLACEMENT_READS, "lambda": {"in_vpc"}}, flows="ends")
