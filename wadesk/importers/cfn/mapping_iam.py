"""CloudFormation IAM types: roles, their policies and instance profiles, and what a role lets its users do."""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any

from wadesk.importers.cfn.iam_grants import allows_everything, is_service_role, summarise
from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, refs, text
from wadesk.importers.cfn.values import Resource


def _documents(value: Any) -> list[Any]:
    return [item for item in as_list(value) if item is not None]


def _wildcard(document: Any) -> bool:
    return allows_everything(document)


def _role(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    documents = [dig(policy, "PolicyDocument") for policy in as_list(p.get("Policies")) if isinstance(policy, dict)]
    node = m.node(r, "iam_role", {"wildcard_permissions": any(_wildcard(d) for d in documents)})
    m.topic("role_documents")[node.key] = documents
    m.topic("role_managed_arns")[node.key] = [text(arn) for arn in as_list(p.get("ManagedPolicyArns"))]
    for arn in as_list(p.get("ManagedPolicyArns")):
        if text(arn).endswith(":policy/AdministratorAccess"):
            node.props["wildcard_permissions"] = True
        for managed in refs(arn):
            m.topic("managed_roles").setdefault(managed, []).append(node.key)


def _policy(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    roles = [key for key in refs(p.get("Roles")) + refs(p.get("RoleName")) if m.type_of(key) == "AWS::IAM::Role"]
    roles += m.topic("managed_roles").get(r.logical_id, [])
    document = p.get("PolicyDocument")
    for role in roles:
        node = m.get(role)
        if node is not None:
            m.topic("role_documents").setdefault(node.key, []).append(document)
            if _wildcard(document):
                node.props["wildcard_permissions"] = True
    m.fold(r, roles[0] if roles else None, "attached to no role of the template")


def _instance_profile(m: CfnMapper, r: Resource) -> None:
    roles = refs(r.properties.get("Roles"))
    m.fold(r, roles[0] if roles else None)


def finish_roles(m: CfnMapper) -> None:
    """Sum up what each role's policies allow on every resource (see ``iam_grants.py``) into its properties."""
    documents: dict[str, list[Any]] = m.topic("role_documents")
    managed: dict[str, list[str]] = m.topic("role_managed_arns")
    for key in dict.fromkeys([*documents, *managed]):
        node = m.design.nodes.get(key)
        if node is None or node.kind != "iam_role":
            continue
        names = [arn.rsplit("/", 1)[-1] for arn in managed.get(key, []) if ":iam::aws:policy/" in arn]
        service_role = is_service_role(m.prop(key, "AssumeRolePolicyDocument"))
        node.props.update(summarise(documents.get(key, []), names, service_role).as_props())


def policy_targets(m: CfnMapper, role: str) -> list[tuple[str, str]]:
    """(resource logical id, first action) for every template resource a role's policies grant access to."""
    found: dict[str, str] = {}
    for document in m.topic("role_documents").get(role, []):
        for statement in as_list(dig(document, "Statement")):
            if not isinstance(statement, dict) or text(statement.get("Effect"), "Allow") != "Allow":
                continue
            actions = [text(a) for a in as_list(statement.get("Action"))]
            for key in refs(statement.get("Resource")):
                found.setdefault(key, actions[0] if actions else "")
    return list(found.items())


#: What lets Systems Manager manage an instance (its agent registers and opens sessions).
_SSM_ACTIONS = ("ssm:updateinstanceinformation", "ssm:*", "ssmmessages:", "ec2messages:")
_SSM_POLICIES = ("AmazonSSMManagedInstanceCore", "AmazonEC2RoleforSSM", "AmazonSSMFullAccess")
#: What lets an instance register with an ECS cluster as a container instance.
_ECS_HOST_ACTIONS = ("ecs:registercontainerinstance", "ecs:*")
_ECS_HOST_POLICIES = ("AmazonEC2ContainerServiceforEC2Role",)


def role_powers(m: CfnMapper, role: str) -> set[str]:
    """What an instance role lets its instances be: ``ssm_agent`` (managed by Systems Manager), ``container_host``.

    A statement's ``Condition`` is not weighed: ``ssm_agent`` only keeps a finding away, and a condition on
    the agent's own calls (its region, its instance's tags) normally holds for them, so a conditional grant
    counts. ``Action: "*"``, AdministratorAccess and a ``NotAction`` that leaves ``ssm:*`` in grant the agent's
    calls too; only ``ecs:*`` or the ECS agent's own actions make a container host (being allowed everything
    does not say that an instance runs containers).
    """
    actions: list[str] = []
    for document in m.topic("role_documents").get(role, []):
        for statement in as_list(dig(document, "Statement")):
            if not isinstance(statement, dict) or text(statement.get("Effect"), "Allow") != "Allow":
                continue
            actions += [text(a).lower() for a in as_list(statement.get("Action"))]
            if "NotAction" in statement and "Action" not in statement:
                left_out = [text(a).lower() for a in as_list(statement.get("NotAction"))]
                if not any(fnmatchcase("ssm:updateinstanceinformation", out) for out in left_out):
                    actions.append("ssm:*")
    managed = m.topic("role_managed_arns").get(role, [])
    powers = set()
    ssm = "*" in actions or any(a.startswith(_SSM_ACTIONS) for a in actions)
    if ssm or any(arn.endswith((*_SSM_POLICIES, ":policy/AdministratorAccess")) for arn in managed):
        powers.add("ssm_agent")
    if any(a in _ECS_HOST_ACTIONS for a in actions) or any(arn.endswith(_ECS_HOST_POLICIES) for arn in managed):
        powers.add("container_host")
    return powers


HANDLERS: HandlerTable = {
    "AWS::IAM::Role": (0, _role),
    "AWS::IAM::Policy": (1, _policy),
    "AWS::IAM::ManagedPolicy": (1, _policy),
    "AWS::IAM::RolePolicy": (1, _policy),
    "AWS::IAM::InstanceProfile": (1, _instance_profile),
}
