"""An internet-facing application reads its database with no cache anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import CACHES, COMPUTE, READ_DATABASES

META = RuleMeta(
    id="PERF-DB-NO-CACHE",
    title="Database is read without a cache",
    pillar="performance_efficiency",
    severity="low",
    wa_bp="PERF03-BP05",
    rationale=(
        "When every user request becomes a database query, the database sets both latency and the "
        "ceiling on throughput. Caching hot reads in memory, or whole responses at the edge, answers "
        "most requests in microseconds and spares the database."
    ),
    remediation=(
        "Add an ElastiCache node that the application tier reads before the database (draw a flow from "
        "the compute to it), or cache responses in front: CloudFront, or API Gateway with caching set "
        "to true."
    ),
)

_APP_TIER = COMPUTE | frozenset({"auto_scaling_group"})
#: Databases whose reads a cache takes off the critical path. DynamoDB is left out: it already
#: answers key lookups in single-digit milliseconds at any scale, so a missing cache is rarely a risk.
_CACHEABLE = READ_DATABASES - frozenset({"dynamodb"})


def _uses_cache(ctx: Context, node_id: str) -> bool:
    """Whether a reader, its auto scaling group or (for a group) its members has a flow with a cache."""
    subjects = [node_id, *(a for a in ctx.ancestors(node_id) if ctx.kind(a) == "auto_scaling_group")]
    if ctx.kind(node_id) == "auto_scaling_group":
        subjects.extend(ctx.descendants(node_id))
    return any(ctx.kind(other) in CACHES for subject in subjects for other in ctx.neighbours(subject))


def _readers_beside_a_changed_cache(ctx: Context, altered: frozenset[str]) -> set[str]:
    """Nodes whose use of a cache a flow to or from a cache may have changed (see :func:`_uses_cache`).

    A reader's answer reads its own flows, its auto scaling group's and (for a group) its instances';
    the databases it reads lie below it, so they are judged again.
    """
    if not any(ctx.kind(node) in CACHES for node in altered):
        return set()
    readers = set(altered)
    for node in altered:
        readers.update(a for a in ctx.ancestors(node) if ctx.kind(a) == "auto_scaling_group")
    return readers


def _cache_fronted(ctx: Context) -> AbstractSet[str]:
    """Nodes downstream of a cache: ElastiCache, CloudFront, or API Gateway with caching on."""
    sources = [*ctx.nodes_in(CACHES), *ctx.nodes("cloudfront")]
    sources.extend(n for n in ctx.nodes("api_gateway") if ctx.prop(n, "caching"))
    return ctx.reachable(sources, key=(META.id, "fronted")) if sources else frozenset()


def check(ctx: Context) -> Iterator[Hit]:
    """Report read databases that internet-facing compute queries with no cache on the way or beside it."""
    fronted: AbstractSet[str] | None = None
    for node_id in ctx.subjects(*_CACHEABLE):
        from_internet = ctx.from_internet()
        if node_id not in from_internet:
            continue
        readers = [
            p for p in ctx.predecessors(node_id)
            if ctx.kind(p) in _APP_TIER and not (ctx.kind(p) == "ec2" and ctx.prop(p, "workload") == "bastion")
        ]
        facing = [p for p in readers if p in from_internet]
        if not facing:
            continue
        if fronted is None:
            fronted = _cache_fronted(ctx)
        if node_id in fronted or any(_uses_cache(ctx, reader) for reader in readers):
            continue
        yield Hit(
            node_id,
            f"{ctx.label(node_id)} is queried by {ctx.label(facing[0])}, which serves internet traffic, "
            "and no cache sits beside it or in front of it.",
        )


RULE = graph_rule(
    META,
    check,
    reads={"api_gateway": {"caching"}, "ec2": {"workload"}},
    flows="downstream",
    also_affects=_readers_beside_a_changed_cache,
)
