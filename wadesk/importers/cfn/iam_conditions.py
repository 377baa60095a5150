"""How an IAM statement's ``Condition`` bounds its reach: narrowed to some resources, to regions, or not at all
(see ``iam_grants.py`` for how the grant summary uses it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Condition keys (lower case) that limit how or from where the role is used, never which resources.
UNSCOPED_KEYS = frozenset(
    {
        "aws:securetransport",
        "aws:multifactorauthpresent",
        "aws:multifactorauthage",
        "aws:sourceip",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:vpcsourceip",
        "aws:currenttime",
        "aws:epochtime",
        "aws:tokenissuetime",
        "aws:useragent",
        "aws:referer",
        "aws:calledvia",
        "aws:calledviafirst",
        "aws:calledvialast",
        "aws:viaawsservice",
        "aws:principalarn",
        "aws:principalaccount",
        "aws:principalorgid",
        "aws:principalorgpaths",
        "aws:principaltype",
        "aws:principalisawsservice",
        "aws:principalservicename",
        "aws:userid",
        "aws:username",
        "aws:sourceidentity",
        "aws:federatedprovider",
        "aws:tagkeys",
        "aws:ec2instancesourcevpc",
        "aws:ec2instancesourceprivateipv4",
    }
)


#: Condition keys (lower case) that bound a grant to regions: within them it still reaches every resource.
REGION_KEYS = frozenset({"aws:requestedregion", "ec2:region"})


@dataclass(frozen=True)
class Reach:
    """What a statement's ``Condition`` does to its reach: ``kind`` is ``"none"`` (no condition),
    ``"narrows"`` (a condition limits which resources, services or accounts it applies to), ``"region"``
    (conditions bound it to regions only) or ``"loose"`` (conditions that limit no resource); ``keys`` are the
    condition keys as the policy writes them."""

    kind: str
    keys: tuple[str, ...] = ()

    def note(self) -> str:
        """Words for a pattern granted under these conditions (empty without any)."""
        if self.kind == "loose":
            return f" (condition on {', '.join(self.keys)}, which limits no resource)"
        if self.kind == "narrows":
            return f" (only where its condition on {', '.join(self.keys)} holds)"
        if self.kind == "region":
            return f" (in the regions its condition on {', '.join(self.keys)} allows)"
        return ""


def _scoping(key: str) -> bool:
    """Whether a condition key may limit where a grant applies: every key but those known to limit no resource
    (a key wadesk does not know gets the benefit of the doubt)."""
    low = key.lower()
    return low not in UNSCOPED_KEYS and not low.startswith("aws:principaltag/")


def _may_not_apply(operator: str, values: Any) -> bool:
    """Whether a condition test can hold for any resource: a missing key passes it, or it only excludes."""
    low = operator.lower()
    if low.endswith("ifexists") or low.startswith("forallvalues:") or "not" in low.split(":")[-1]:
        return True
    items = values if isinstance(values, list) else [values]
    if low == "null":
        return not all(str(item).lower() == "false" for item in items)
    return bool(items) and all(item == "*" for item in items)


def condition_reach(statement: dict[str, Any]) -> Reach:
    """How a statement's ``Condition`` bounds it (see the module); an unreadable condition narrows it."""
    condition = statement.get("Condition")
    if not condition:
        return Reach("none")
    if not isinstance(condition, dict):
        return Reach("narrows", ("(not resolved)",))
    keys: list[str] = []
    narrowing: list[str] = []
    for operator, tests in condition.items():
        if not isinstance(tests, dict):
            return Reach("narrows", (str(operator),))
        for key, values in tests.items():
            keys.append(str(key))
            if _scoping(str(key)) and not _may_not_apply(str(operator), values):
                narrowing.append(str(key))
    if narrowing and all(key.lower() in REGION_KEYS for key in narrowing):
        return Reach("region", tuple(dict.fromkeys(narrowing)))
    if narrowing:
        return Reach("narrows", tuple(dict.fromkeys(narrowing)))
    return Reach("loose", tuple(dict.fromkeys(keys)))
