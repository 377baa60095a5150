"""An on-premises network whose only private link to AWS is one Direct Connect connection."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import ACTORS

META = RuleMeta(
    id="REL-SINGLE-PRIVATE-LINK",
    title="On-premises network depends on a single Direct Connect link",
    pillar="reliability",
    severity="medium",
    wa_bp="REL02-BP02",
    rationale=(
        "One Direct Connect connection at one location fails with its port, its cross-connect or its "
        "provider's equipment, and with it every flow between the data centre or office and the VPCs stops "
        "until the circuit is repaired."
    ),
    remediation=(
        "Add a second connection at another Direct Connect location (set connections to 2 or more, or draw a "
        "second direct_connect node), or at least add a site-to-site VPN (a vpn_gateway node between the "
        "corporate network and AWS) as a backup path."
    ),
)

#: Links that carry private traffic between a corporate network and AWS.
LINKS = frozenset({"direct_connect", "vpn_gateway"})


def _links_of(ctx: Context, network: str) -> set[str]:
    """The private links a corporate network reaches, by flows drawn either way.

    The walk goes through actors outside AWS (another site, a partner router) but
    never past a link, so one site's link is not mistaken for another's.
    """
    links: set[str] = set()
    seen = {network}
    stack = [network]
    while stack:
        current = stack.pop()
        for other in ctx.neighbours(current):
            if other in seen:
                continue
            seen.add(other)
            kind = ctx.kind(other)
            if kind in LINKS:
                links.add(other)
            elif kind in ACTORS:
                stack.append(other)
    return links


def check(ctx: Context) -> Iterator[Hit]:
    """Report a Direct Connect with one connection that is the only private link of some corporate network."""
    judged = set(ctx.subjects("direct_connect"))
    if not judged:
        return
    sole: dict[str, list[str]] = {}
    for network in ctx.nodes("corporate_network"):
        links = _links_of(ctx, network)
        if len(links) != 1:
            continue
        (link,) = links
        if ctx.kind(link) == "direct_connect" and ctx.prop(link, "connections", 1) < 2:
            sole.setdefault(link, []).append(network)
    for link, networks in sole.items():
        if link not in judged:
            continue
        names = ", ".join(ctx.label(n) for n in networks)
        yield Hit(
            link,
            f"{names} reaches AWS only through {ctx.label(link)}, a single Direct Connect connection with "
            "no second connection or VPN to fall back on.",
        )


def _every_link_when_an_actor_changed(ctx: Context, altered: frozenset[str]) -> list[str]:
    """The walk from a corporate network goes on only past actors: a flow of none of them changes no walk."""
    if not any(ctx.kind(node) in ACTORS or ctx.kind(node) in LINKS for node in altered):
        return []
    return ctx.nodes("direct_connect")


RULE = graph_rule(
    META,
    check,
    reads={"direct_connect": {"connections"}},
    flows="ends",
    also_affects=_every_link_when_an_actor_changed,
)
