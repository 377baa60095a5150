"""NFS to an EFS file system that is not encrypted in transit."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import OBSERVERS
from wadesk.rules.security._common import PLAIN_PROTOCOLS

META = RuleMeta(
    id="SEC-EFS-PLAINTEXT-NFS",
    title="NFS to an EFS file system is not encrypted in transit",
    pillar="security",
    severity="medium",
    wa_bp="SEC09-BP02",
    rationale=(
        "EFS serves NFS on port 2049 through a mount target in each subnet. A client mounts it in clear text "
        "unless it asks for TLS (the EFS mount helper's tls option, or transit encryption on an ECS or EKS "
        "volume), so file contents cross the VPC readable by anything that can observe the traffic. Only the "
        "file system's policy can refuse clients that do not use TLS."
    ),
    remediation=(
        "Mount with TLS: the EFS mount helper (amazon-efs-utils) with the tls option, TransitEncryption "
        "ENABLED on ECS task volumes, or encryptInTransit with the EFS CSI driver; then mark the flow "
        "encrypted (protocol tls). Enforce it with a file system policy that denies aws:SecureTransport "
        "false (require_tls)."
    ),
    securityhub=(),
    checkov=(),
)

#: NFS's port: a flow to it is a mount whatever its protocol says.
NFS_PORT = 2049  # a flow with no protocol ("other") to this port is still a plaintext mount
#: Kinds whose flows to a file system back it up, monitor or manage it rather than mount it.
_NOT_CLIENTS = OBSERVERS | frozenset({"backup", "systems_manager", "cloudformation"})


def _plaintext(props: Mapping[str, Any]) -> bool:
    """Whether a flow says clear text: a plain protocol (or NFS's port with no protocol), not marked encrypted."""
    if props.get("encrypted", False):
        return False
    protocol = str(props.get("protocol", "other"))
    return protocol in PLAIN_PROTOCOLS or (protocol == "other" and props.get("port") == NFS_PORT)


def check(ctx: Context) -> Iterator[Hit]:
    """Report each EFS file system that a client mounts over a flow not marked encrypted.

    Where the file system is drawn does not matter (a subnet, or the VPC when it has a mount target in
    every subnet): encryption in transit is the client's choice at mount time, which the drawing shows
    on the flow. A file system whose policy requires TLS (``require_tls``) refuses plaintext mounts,
    so it passes whatever its flows say.
    """
    for node in ctx.subjects("efs"):
        if ctx.prop(node, "require_tls"):
            continue
        for _edge_id, source, props in ctx.in_edges(node):
            if source == node or ctx.kind(source) in _NOT_CLIENTS or not _plaintext(props):
                continue
            port = props.get("port")
            over = f"{str(props.get('protocol', 'other')).upper()} port {port}" if port is not None else "NFS"
            yield Hit(
                node,
                f"{ctx.label(source)} mounts {ctx.label(node)} over {over} with the flow not marked encrypted, "
                "and the file system's policy does not require TLS (require_tls is false).",
            )


RULE = graph_rule(META, check, reads={"efs": {"require_tls"}}, flows="ends")
