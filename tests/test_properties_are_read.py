"""Every catalog property is read by some rule or ownership adjustment, for its own kind.

A property counts as read for kind K when a module of the rules, the analysis or the responsibility
matrix names both the property and K as whole string literals (a rule's ``kinds``, its ``reads``, a
``ctx.nodes("K")`` and a ``ctx.prop(node, "name")``), or when a node rule for K names the property.
Names inside messages and docstrings do not count: they are parts of longer strings. The few
properties that only describe (an actor's description) are listed, and so is the configuration that no
rule reads on purpose, each with the reason: that list is exactly what is left unread, so a new property
needs a reader or a reason, and a property leaves the list when a rule starts reading it.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from wadesk.catalog import CATALOG
from wadesk.rules.base import GraphRule, NodeRule

ROOT = Path(__file__).resolve().parents[1] / "wadesk"
READERS = [*sorted((ROOT / "rules").rglob("*.py")), *sorted((ROOT / "analysis").rglob("*.py"))]
READERS += sorted((ROOT / "catalog").glob("responsibility*.py")) + [ROOT / "model" / "queries.py"]

#: Properties that say what a thing is for a reader of the drawing, not how it is configured.
DESCRIPTIVE = {
    ("internet", "description"),
    ("corporate_network", "description"),
    ("external_service", "description"),
    ("aws_cloud", "account"),
    ("aws_resource", "resource_type"),
    ("directory_service", "directory_type"),
    ("directory_service", "edition"),
    ("codedeploy", "compute_platform"),
}
#: Configuration that no rule reads, each with why not (issue 11, item 4). A property here would need a rule
#: that invents a finding: every other property of the catalog is read by a rule or an ownership adjustment.
UNREAD_ON_PURPOSE: dict[tuple[str, str], str] = {
    ("app_runner", "publicly_accessible"): (
        "Exposure is read from the flows drawn from an internet node, which importers draw from this setting; "
        "what a public App Runner service risks is judged on those flows and on what it reaches."
    ),
    ("fargate_task", "count"): (
        "A task started by RunTask or on a schedule runs to completion: how many run at once says nothing about "
        "availability. REL-ECS-SINGLE-TASK judges services, which keep their tasks running."
    ),
    ("glacier", "vault_lock"): (
        "Vault Lock makes retention unchangeable for records that a regulation says must not be deleted; whether a "
        "vault needs one depends on retention duties the design does not state, and a lock cannot be undone."
    ),
    ("shield", "advanced"): (
        "Shield Standard protects every account at no cost; Shield Advanced is a paid subscription for DDoS cost "
        "protection and the response team, a business choice rather than a gap in configuration."
    ),
    ("sqs", "fifo"): (
        "Strict ordering is what the application needs or not: it moves no duty, and no best practice asks for "
        "either queue type."
    ),
    ("sns", "fifo"): (
        "Strict ordering is what the subscribers need or not: it moves no duty, and no best practice asks for "
        "either topic type."
    ),
    ("eventbridge", "archive"): (
        "An archive lets events be replayed after a fix; it is a recovery aid a workload may choose, not a "
        "practice every bus is expected to follow, and failed deliveries are judged through dead-letter queues."
    ),
    ("firehose", "destination"): (
        "Where records are delivered is what the stream is for; encryption and access are judged on the stream "
        "itself, on the flows and on the destination's own node."
    ),
    ("rds", "purchase_option"): (
        "Reserved Instances and Savings Plans are bought for the account, not set on a database, so no template "
        "states them and a rule would report every database; COST-STEADY-ON-DEMAND reads drawn EC2 capacity."
    ),
    ("aurora", "purchase_option"): (
        "Reserved Instances and Savings Plans are bought for the account, not set on a cluster, so no template "
        "states them and a rule would report every cluster; COST-STEADY-ON-DEMAND reads drawn EC2 capacity."
    ),
    ("dms", "storage_encrypted"): (
        "AWS DMS always encrypts replication-instance storage (with the aws/dms key when none is named): the "
        "property can only restate that, so a rule could never find it off in a real account."
    ),
    ("elb", "deletion_protection"): (
        "Classic Load Balancers have no deletion protection setting; the property comes with the schema the three "
        "load balancer kinds share. REL-LB-NO-DELETION-PROTECTION reads it on ALBs and NLBs."
    ),
    ("nlb", "https_only"): (
        "A TCP listener on a Network Load Balancer often passes TLS through to targets that terminate it, so a "
        "listener that is not TLS is no finding by itself; importers draw the internet flow from it, and "
        "plaintext is judged on the flows (SEC-PLAINTEXT-CROSSING)."
    ),
    ("nlb", "scheme"): (
        "Exposure is read from the flows drawn from an internet node, which importers draw from the scheme; a "
        "Network Load Balancer has no web ACL or HTTP listener for a rule about its scheme to ask for."
    ),
    ("vpc_endpoint", "endpoint_type"): (
        "Gateway and interface endpoints both keep traffic to AWS services off the internet, which the rules read "
        "from the endpoint's service and flows; the type is a cost and routing choice with no practice of its own."
    ),
}


def _literals(path: Path) -> set[str]:
    """Whole string literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    }


def _module_kinds(path: Path) -> set[str]:
    """Kind ids a module works on: its literals, and the groups of kinds it imports or defines."""
    relative = path.relative_to(ROOT.parent).with_suffix("")
    module = importlib.import_module(".".join(relative.parts).removesuffix(".__init__"))
    names: set[str] = set()
    for value in vars(module).values():
        if isinstance(value, (frozenset, set, tuple, list)):
            names.update(v for v in value if isinstance(v, str))
        elif isinstance(value, dict):
            names.update(k for k in value if isinstance(k, str))
        elif isinstance(value, (NodeRule, GraphRule)):
            names.update(getattr(value, "kinds", ()))
            names.update(getattr(value, "reads", {}))
    return names


def _read_properties() -> set[tuple[str, str]]:
    kinds = [kind.id for group in CATALOG.by_category().values() for kind in group]
    read: set[tuple[str, str]] = set()
    for path in READERS:
        names = _literals(path) | _module_kinds(path)
        for kind in kinds:
            if kind in names:
                read.update((kind, prop) for prop in CATALOG.defaults(kind) if prop in names)
    return read


def _all_properties() -> set[tuple[str, str]]:
    return {
        (kind.id, prop)
        for group in CATALOG.by_category().values()
        for kind in group
        for prop in CATALOG.defaults(kind.id)
    }


def test_every_property_is_read_by_a_rule_or_an_ownership_adjustment_or_says_why_not() -> None:
    unread = _all_properties() - _read_properties() - DESCRIPTIVE
    explained = set(UNREAD_ON_PURPOSE)
    assert not unread - explained, f"properties no rule reads and no reason explains: {sorted(unread - explained)}"
    now_read = sorted(explained - unread)
    assert not now_read, f"a rule reads these now: remove them from UNREAD_ON_PURPOSE: {now_read}"


def test_each_unread_property_exists_and_has_its_own_reason() -> None:
    assert set(UNREAD_ON_PURPOSE) <= _all_properties()
    for pair, reason in UNREAD_ON_PURPOSE.items():
        assert len(reason) > 60 and reason.endswith("."), pair


def test_the_properties_issue_11_named_are_read_now() -> None:
    read = _read_properties()
    assert {("backup", "vault_kms"), ("dynamodb", "kms_encryption"), ("api_gateway", "caching")} <= read
