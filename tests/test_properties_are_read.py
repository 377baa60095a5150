"""Every catalog property is read by some rule or ownership adjustment, for its own kind.

A property counts as read for kind K when a module of the rules, the analysis or the responsibility
matrix names both the property and K as whole string literals (a rule's ``kinds``, its ``reads``, a
``ctx.nodes("K")`` and a ``ctx.prop(node, "name")``), or when a node rule for K names the property.
Names inside messages and docstrings do not count: they are parts of longer strings. The few
properties that only describe (an actor's description) are listed with the reason, and so are the
properties no rule reads yet: the list must shrink, never grow, and a property leaves it when a rule
starts reading it.
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
}
#: Configuration no rule reads yet (issue 11, item 4): each one is a missing rule. Remove entries as rules come.
NOT_YET_READ = {
    ("fargate_task", "count"),
    ("s3", "replication"),
    ("fsx", "deployment"),
    ("glacier", "vault_lock"),
    ("backup", "cross_region_copy"),
    ("dynamodb", "global_table"),
    ("route53", "health_checks"),
    ("route53", "query_logging"),
    ("waf", "managed_rules"),
    ("shield", "advanced"),
    ("cognito", "advanced_security"),
    ("cloudtrail", "cloudwatch_logs"),
    ("config", "all_resources"),
    ("sqs", "fifo"),
    ("sns", "fifo"),
    ("eventbridge", "archive"),
    ("msk", "broker_count"),
    ("firehose", "destination"),
    ("alb", "deletion_protection"),
    ("aurora", "purchase_option"),
    ("dms", "multi_az"),
    ("dms", "publicly_accessible"),
    ("dms", "storage_encrypted"),
    ("elb", "deletion_protection"),
    ("emr", "instance_count"),
    ("inspector", "enabled"),
    ("macie", "enabled"),
    ("nlb", "deletion_protection"),
    ("nlb", "https_only"),
    ("nlb", "scheme"),
    ("rds", "purchase_option"),
    ("redshift", "node_count"),
    ("sagemaker", "kms_encryption"),
    ("security_hub", "enabled"),
    ("vpc_endpoint", "endpoint_type"),
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


def test_every_property_is_read_by_a_rule_or_an_ownership_adjustment() -> None:
    unread = _all_properties() - _read_properties() - DESCRIPTIVE
    assert unread <= NOT_YET_READ, f"properties no rule reads: {sorted(unread - NOT_YET_READ)}"


def test_the_list_of_properties_not_yet_read_only_shrinks() -> None:
    now_read = NOT_YET_READ & _read_properties()
    assert not now_read, f"a rule reads these now: remove them from NOT_YET_READ: {sorted(now_read)}"
    assert NOT_YET_READ <= _all_properties()


def test_the_properties_issue_11_named_are_read_now() -> None:
    read = _read_properties()
    assert {("backup", "vault_kms"), ("dynamodb", "kms_encryption"), ("api_gateway", "caching")} <= read
