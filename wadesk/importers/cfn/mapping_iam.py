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


def policy_targets(m: CfnMapper, role: str) -> list[tuple[str, list[str]]]:
    """(resource logical id, actions allowed on it) for every template resource a role's policies grant access to:
    by reference (``!GetAtt Table.Arn``), or by an ARN written out with the name the template gives the resource
    (``arn:aws:dynamodb:*:*:table/Orders`` for a table whose ``TableName`` is ``Orders``)."""
    found: dict[str, list[str]] = {}
    for document in m.topic("role_documents").get(role, []):
        for statement in as_list(dig(document, "Statement")):
            if not isinstance(statement, dict) or text(statement.get("Effect"), "Allow") != "Allow":
                continue
            actions = [text(a) for a in as_list(statement.get("Action"))]
            named = [key for arn in as_list(statement.get("Resource")) for key in _named_by_arn(m, arn)]
            named += _default_bus_rules(m, actions, as_list(statement.get("Resource")))
            for key in refs(statement.get("Resource")) + named:
                found.setdefault(key, []).extend(actions)
    return list(found.items())


def _default_bus_rules(m: CfnMapper, actions: list[str], resources: list[Any]) -> list[str]:
    """The template's rules on the default event bus that match an application's events, when a statement lets
    its holder put events on that bus (``events:PutEvents`` on ``"*"`` or on the default bus's ARN)."""
    if not any(fnmatchcase("events:putevents", action.lower()) for action in actions):
        return []
    default_bus = any(
        isinstance(arn, str) and (arn == "*" or arn.endswith(":event-bus/default")) for arn in resources
    )
    return list(m.topic("default_bus_rules")) if default_bus else []


#: What a function's role needs so that an event source mapping can read a queue or stream for it (SAM's
#: SQSPollerPolicy, KinesisStreamReadPolicy, DynamoDBStreamReadPolicy and their like), lower case.
_POLLING_ACTIONS = (
    "sqs:receivemessage",
    "sqs:deletemessage*",
    "sqs:changemessagevisibility*",
    "sqs:getqueue*",
    "sqs:listqueue*",
    "kinesis:get*",
    "kinesis:describe*",
    "kinesis:list*",
    "kinesis:subscribetoshard",
    "dynamodb:getrecords",
    "dynamodb:getsharditerator",
    "dynamodb:describestream",
    "dynamodb:liststreams",
    "kafka:describe*",
    "kafka:get*",
    "kafka:list*",
    "mq:describe*",
)


def only_polling(actions: list[str]) -> bool:
    """Whether every action is one an event source mapping reads a queue or stream with (none sends to it)."""
    return bool(actions) and all(
        any(fnmatchcase(action.lower(), pattern) for pattern in _POLLING_ACTIONS) for action in actions
    )


#: Resource types a policy may name by an ARN written out: (type, property holding the name the template gives
#: it, ARN service, what precedes the name in the ARN's resource part, what ends the name there).
_NAMED_TYPES = (
    ("AWS::DynamoDB::Table", "TableName", "dynamodb", "table/", "/"),
    ("AWS::S3::Bucket", "BucketName", "s3", "", "/"),
    ("AWS::SQS::Queue", "QueueName", "sqs", "", ":"),
    ("AWS::SNS::Topic", "TopicName", "sns", "", ":"),
    ("AWS::Kinesis::Stream", "Name", "kinesis", "stream/", "/"),
    ("AWS::Lambda::Function", "FunctionName", "lambda", "function:", ":"),
    ("AWS::Logs::LogGroup", "LogGroupName", "logs", "log-group:", ":"),
    ("AWS::StepFunctions::StateMachine", "StateMachineName", "states", "stateMachine:", ":"),
)


def _name_index(m: CfnMapper) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(ARN service, resource prefix) -> (name the template gives it, logical id) of every resource that can be
    named that way; built once per import."""
    index: dict[tuple[str, str], list[tuple[str, str]]] = m.topic("arn_names").setdefault("index", {})
    if not index:
        for key, found in m.resources.items():
            for resource_type, name_property, arn_service, before, _end in _NAMED_TYPES:
                name = found.properties.get(name_property) if found.type == resource_type else None
                if isinstance(name, str) and name:
                    index.setdefault((arn_service, before), []).append((name, key))
        index.setdefault(("", ""), [])  # built: an empty template is not built again
    return index


def resources_named(m: CfnMapper, value: Any) -> list[str]:
    """The template resources whose name (``TableName``, ``BucketName``, ``QueueName``...) is ``value`` when that
    name is a parameter's value: the idiom ``TableName: !Ref TableName`` beside ``TABLE: !Ref TableName`` passes
    the code the name of the table. A literal equal to a name the template also writes as a literal is no such
    reference and names nothing."""
    if not isinstance(value, str) or not value.strip():
        return []
    if value not in {given for given in m.template.parameters.values() if isinstance(given, str)}:
        return []
    return [key for entries in _name_index(m).values() for name, key in entries if name == value]


def _named_by_arn(m: CfnMapper, arn: Any) -> list[str]:
    """The template resources an ARN written as text names by the physical name the template gives them.

    A name in the ARN with wildcards matches the names it covers, as long as it says more than ``*`` alone: a
    grant on every table (``table/*``) names no table in particular, so it draws no flow to each.
    """
    if not isinstance(arn, str) or not arn.startswith("arn:"):
        return []
    parts = arn.split(":", 5)
    if len(parts) < 6:
        return []
    service, resource = parts[2], parts[5]
    index = _name_index(m)
    keys = []
    for _type, _name_property, arn_service, before, end in _NAMED_TYPES:
        if arn_service != service or not resource.startswith(before):
            continue
        written = resource[len(before) :].split(end, 1)[0]
        if not written.replace("*", "").replace("?", ""):
            continue
        keys += [key for name, key in index.get((arn_service, before), []) if fnmatchcase(name, written)]
    return list(dict.fromkeys(keys))


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
