"""What an IAM role's policies allow on every resource, summed up for the rules (over-broad grants short of ``*``).

The importers fold a role's inline policies, attached managed policies (of the template or AWS managed ones
this module knows), SAM policy templates (already expanded into inline policies) and Terraform
``aws_iam_policy_document`` data sources into the role; this module reads those documents once and keeps only
what the rules need, by concern, naming each action pattern as the policy writes it:

- ``service_wildcards``: a service's whole action set (``s3:*``), or every action but a few (``NotAction``);
- ``permissions_on_all``: actions that grant, change or take on permissions (``iam:PassRole``,
  ``iam:Put*Policy``, ``iam:Attach*``, ``iam:CreatePolicyVersion``, ``sts:AssumeRole``, resource policies such
  as ``s3:PutBucketPolicy``, and ``iam:*``);
- ``credentials_on_all``: actions whose answer holds credentials (``iam:CreateAccessKey``, ``rds-db:connect``,
  ``redshift:GetClusterCredentials``...);
- ``data_reads_on_all``: reads of data and secrets (``s3:GetObject``, ``ssm:GetParameter*``,
  ``secretsmanager:GetSecretValue``);
- ``writes_on_all``: other write actions (``dynamodb:PutItem``, ``sqs:SendMessage``...).

Each pattern lands in the first of these lists that applies, so one grant is reported once. A service role
(one that only AWS services which do not run the customer's code may assume, such as ECS's or Application
Auto Scaling's) keeps only permissions, credentials and data reads: whole services and other writes are left
out, as the service acts with them the way AWS's own service-role policies let it. Only statements that matter count:

- ``Effect: Deny`` never adds anything; a Deny on every resource without a condition removes the allowed
  patterns it covers (``Deny s3:*`` removes ``s3:Put*``).
- A statement's ``Condition`` is read by what its keys limit (:func:`condition_reach`). A condition that
  narrows where the grant applies (to a service: ``iam:PassedToService``, ``aws:SourceArn``,
  ``aws:SourceAccount``, ``kms:ViaService``; to tagged resources: ``aws:ResourceTag/...``,
  ``aws:RequestTag/...``; to an account or organisation: ``aws:ResourceAccount``...) makes the statement no
  longer one on every resource: it is not reported, except ``Action: "*"``, which stays a service wildcard
  ``* (only where ...)`` (every action of every service, bounded only in where). A key wadesk does not know
  is given the same benefit of the doubt. A condition on the region alone (``aws:RequestedRegion``) leaves
  every resource of those regions: the grant is reported, marked ``(in the regions ...)``. A
  condition that limits no resource (``aws:SecureTransport``, MFA, ``aws:SourceIp``, ``aws:SourceVpc``, time,
  the caller's own tags), or one written so that it may not apply (``...IfExists``, a negated operator,
  ``ForAllValues:``, a ``"*"`` value), leaves the grant as broad as without: it is reported, its patterns
  marked ``(condition on ..., which limits no resource)``.
- "Every resource" is ``Resource: "*"`` (or ``NotResource``, which allows all but the resources it lists);
  an ARN with wildcards in it (``arn:aws:s3:::*``) names resources of one service and is not reported.
- ``NotAction`` with Allow on every resource allows every action but the listed ones: it is reported as a
  service wildcard ``* except ...``. ``Action: "*"`` itself (on ``"*"`` or with ``NotResource``) is the
  separate ``wildcard_permissions`` property (:func:`allows_everything`).
- Writing a workload's own telemetry (``cloudwatch:PutMetricData``, ``logs:CreateLogStream``,
  ``logs:PutLogEvents``, ``logs:CreateLogGroup``, ``xray:PutTraceSegments``...), the network-interface
  actions a function or task attached to a VPC needs, and the Systems Manager and ECS agents' calls about
  their own instance are not reported as writes: AWS's own managed policies grant them on every resource.
  Neither are services whose actions name no resource (``ssmmessages:*``, ``ec2messages:*``, ``xray:*``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from wadesk.importers.cfn.iam_actions import MANAGED_GRANTS, concern_of
from wadesk.importers.cfn.iam_conditions import condition_reach


@dataclass
class Grants:
    """What a role may do on every resource, by concern (see the module); each list in first-seen order."""

    service_wildcards: list[str] = field(default_factory=list)
    permissions_on_all: list[str] = field(default_factory=list)
    credentials_on_all: list[str] = field(default_factory=list)
    data_reads_on_all: list[str] = field(default_factory=list)
    writes_on_all: list[str] = field(default_factory=list)

    #: Patterns listed so far, without their notes.
    _seen: set[str] = field(default_factory=set, repr=False)

    def add(self, concern: str, pattern: str, note: str = "") -> None:
        """Add ``pattern`` (followed by ``note``) under ``concern`` (one of the field names) unless the pattern
        is already listed anywhere."""
        if pattern in self._seen:
            return
        self._seen.add(pattern)
        getattr(self, concern).append(pattern + note)

    def as_props(self) -> dict[str, list[str]]:
        """The non-empty lists, as catalog properties of an ``iam_role``."""
        return {name: list(getattr(self, name)) for name in _CONCERNS if getattr(self, name)}


_CONCERNS = ("service_wildcards", "permissions_on_all", "credentials_on_all", "data_reads_on_all", "writes_on_all")


def allows_everything(document: Any) -> bool:
    """Whether a policy document allows Action "*" on every resource (``"*"`` or ``NotResource``), under no
    condition or only conditions that limit no resource."""
    statements = document.get("Statement") if isinstance(document, dict) else None
    for statement in statements if isinstance(statements, list) else [statements]:
        if not isinstance(statement, dict) or statement.get("Effect", "Allow") != "Allow":
            continue
        if "*" in _strings(statement.get("Action")) and _every_resource(statement):
            if condition_reach(statement).kind in ("none", "loose"):
                return True
    return False


def _strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


def _every_resource(statement: dict[str, Any]) -> bool:
    if "NotResource" in statement:
        return True
    return "*" in _strings(statement.get("Resource"))


def _denied(pattern: str, denials: list[str]) -> bool:
    return any(fnmatchcase(pattern.lower(), deny.lower()) for deny in denials)


#: Service principals that run the customer's code or definitions with the role (a role only other services
#: assume is a service role: the service acts with it on the customer's behalf).
CODE_RUNNERS = frozenset(
    {
        "ec2",
        "lambda",
        "edgelambda",
        "ecs-tasks",
        "eks",
        "pods.eks",
        "eks-fargate-pods",
        "glue",
        "sagemaker",
        "codebuild",
        "states",
        "elasticmapreduce",
        "datapipeline",
        "tasks.apprunner",
        "build.apprunner",
        "batch",
        "cloudformation",
    }
)


def is_service_role(trust: Any) -> bool:
    """Whether only AWS services that do not run the customer's code may assume a role with this trust policy."""
    statements = trust.get("Statement") if isinstance(trust, dict) else None
    statements = statements if isinstance(statements, list) else [statements]
    services: list[str] = []
    for statement in statements:
        if not isinstance(statement, dict) or statement.get("Effect", "Allow") != "Allow":
            continue
        principal = statement.get("Principal")
        if not isinstance(principal, dict) or set(principal) != {"Service"}:
            return False
        services += _strings(principal.get("Service"))
    names = [service.removesuffix(".amazonaws.com").removesuffix(".amazonaws.com.cn") for service in services]
    return bool(names) and not any(name in CODE_RUNNERS for name in names)


def trusted_services(trust: Any) -> set[str]:
    """The AWS services a trust policy lets assume the role; empty when anything but a service may."""
    statements = trust.get("Statement") if isinstance(trust, dict) else None
    statements = statements if isinstance(statements, list) else [statements]
    services: set[str] = set()
    for statement in statements:
        if not isinstance(statement, dict) or statement.get("Effect", "Allow") != "Allow":
            continue
        principal = statement.get("Principal")
        if not isinstance(principal, dict) or set(principal) != {"Service"}:
            return set()
        services.update(_strings(principal.get("Service")))
    return services


def summarise(documents: Iterable[Any], managed_names: Iterable[str] = (), service_role: bool = False) -> Grants:
    """What the policy ``documents`` and the AWS managed policies ``managed_names`` allow on every resource.

    For a service role (see :func:`is_service_role`) whole services and other writes are left out: the service
    acts with them as AWS's own service-role policies let it; permissions, credentials and data reads stay.
    """
    statements = [
        statement
        for document in documents
        if isinstance(document, dict)
        for statement in (
            document.get("Statement") if isinstance(document.get("Statement"), list) else [document.get("Statement")]
        )
        if isinstance(statement, dict)
    ]
    denials = [
        action
        for statement in statements
        if statement.get("Effect") == "Deny" and not statement.get("Condition") and _every_resource(statement)
        for action in _strings(statement.get("Action"))
    ]
    grants = Grants()
    for name in managed_names:
        for pattern in MANAGED_GRANTS.get(name, ()):
            concern = concern_of(pattern) or "service_wildcards"
            if not _denied(pattern, denials):
                grants.add(concern, f"{pattern} ({name})")
    for statement in statements:
        if statement.get("Effect", "Allow") != "Allow" or not _every_resource(statement):
            continue
        reach = condition_reach(statement)
        if "NotAction" in statement and "Action" not in statement:
            excluded = ", ".join(_strings(statement.get("NotAction")))
            # Every action but a few: like "*", a condition bounds where, not what.
            grants.add("service_wildcards", f"* except {excluded}" if excluded else "*", reach.note())
            continue
        for pattern in _strings(statement.get("Action")):
            if pattern == "*" and reach.kind in ("narrows", "region"):
                # Every action of every service: a condition bounds where, not what (wildcard_permissions
                # takes "*" on "*" under no such condition).
                grants.add("service_wildcards", pattern, reach.note())
                continue
            if reach.kind == "narrows":
                continue  # no longer a grant on every resource
            concern = concern_of(pattern)
            if concern is not None and not _denied(pattern, denials):
                grants.add(concern, pattern, reach.note())
    if service_role:
        grants.service_wildcards.clear()
        grants.writes_on_all.clear()
    return grants
