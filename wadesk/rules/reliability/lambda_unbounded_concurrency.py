"""A Lambda function with no concurrency limit that opens connections to a connection-limited database."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-LAMBDA-UNBOUNDED-CONCURRENCY",
    title="Lambda function can flood a database with connections",
    pillar="reliability",
    severity="low",
    wa_bp="REL05-BP02",
    rationale=(
        "Lambda scales out to hundreds of concurrent copies under a burst, each opening its own database "
        "connection. A relational or document database runs out of connections and fails every caller, "
        "not only the function."
    ),
    remediation=(
        "Set reserved_concurrency on the function to what the database can serve, or put a queue between "
        "the callers and the function so the work is absorbed rather than pushed through."
    ),
    checkov=("CKV_AWS_115",),
    partial=("CKV_AWS_115",),
    securityhub=(),
)

#: Databases with a fixed connection limit per instance.
CONNECTION_LIMITED = ("rds", "aurora", "documentdb", "neptune", "redshift")


def check(ctx: Context) -> Iterator[Hit]:
    """Report functions without reserved_concurrency that send directly to a connection-limited database."""
    for function in ctx.subjects("lambda"):
        if ctx.prop(function, "reserved_concurrency") is not None:
            continue
        databases = [t for t in ctx.successors(function) if ctx.kind(t) in CONNECTION_LIMITED]
        if not databases:
            continue
        yield Hit(
            function,
            f"{ctx.label(function)} has no reserved_concurrency and connects directly to {ctx.label(databases[0])}: "
            "a burst of invocations can exhaust the database's connections.",
        )


RULE = graph_rule(META, check, reads={"lambda": {"reserved_concurrency"}}, flows="ends")
