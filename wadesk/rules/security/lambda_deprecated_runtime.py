"""A Lambda function deployed on a runtime that AWS has deprecated."""

from __future__ import annotations

import re

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

# Keep both tables current with the AWS Lambda runtime deprecation schedule
# (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html): when a runtime reaches its
# deprecation date, add its id below or raise its family's first supported version.

#: Runtime ids that AWS has deprecated and that are not covered by FIRST_SUPPORTED.
DEPRECATED_RUNTIMES = frozenset(
    {
        "nodejs",
        "java8",
        "dotnet5.0",
        "dotnet6",
        "go1.x",
        "provided",
    }
)
#: Families whose ids carry a version ("python3.9", "nodejs18.x", "ruby3.2"): versions below these are deprecated.
FIRST_SUPPORTED: dict[str, tuple[int, ...]] = {
    "python": (3, 10),
    "nodejs": (20,),
    "ruby": (3, 3),
}
#: Every .NET Core runtime (dotnetcore1.0 to dotnetcore3.1) is deprecated.
DEPRECATED_PREFIXES = ("dotnetcore",)

_VERSIONED = re.compile(r"^(python|nodejs|ruby)(\d+(?:\.\d+)*)(?:\.x)?(?:-edge)?$")

META = RuleMeta(
    id="SEC-LAMBDA-DEPRECATED-RUNTIME",
    title="Lambda function uses a deprecated runtime",
    pillar="security",
    severity="medium",
    wa_bp="SEC06-BP01",
    rationale=(
        "AWS stops applying security patches to a runtime once it is deprecated, and later blocks creating "
        "and then updating functions that use it; code on such a runtime keeps running on a language "
        "version and OS image that no longer get fixes."
    ),
    remediation=(
        "Move the function to a supported runtime (for example python3.12, nodejs22.x, java21, dotnet8, "
        "ruby3.3 or provided.al2023), test it, and set runtime to the new id."
    ),
    securityhub=("Lambda.2",),
    checkov=("CKV_AWS_363",),
)


def runtime_version(runtime: str) -> tuple[str, tuple[int, ...]] | None:
    """Split a versioned runtime id such as "python3.9" into ("python", (3, 9)); None for other ids."""
    match = _VERSIONED.match(runtime)
    if match is None:
        return None
    return match.group(1), tuple(int(part) for part in match.group(2).split("."))


def is_deprecated(runtime: object) -> bool:
    """Whether a Lambda runtime id names a runtime AWS has deprecated (unknown ids are not)."""
    name = str(runtime or "").strip().lower()
    if name in DEPRECATED_RUNTIMES or name.startswith(DEPRECATED_PREFIXES):
        return True
    parsed = runtime_version(name)
    if parsed is None:
        return False
    family, version = parsed
    return version < FIRST_SUPPORTED[family]


def check(ctx: Context, node_id: str) -> str | None:
    """Report a zip-packaged function whose runtime is deprecated; container images have no managed runtime."""
    if ctx.prop(node_id, "package_type") == "image":
        return None
    runtime = ctx.prop(node_id, "runtime")
    if not is_deprecated(runtime):
        return None
    return f"{ctx.label(node_id)} runs on {str(runtime).strip()}, a Lambda runtime that AWS has deprecated."


RULE = node_rule(META, ("lambda",), check)
