"""Flows of an imported CloudFormation template, inferred the way requests travel once every node exists."""

from __future__ import annotations

from wadesk.importers.cfn.mapping import COMPUTE_KINDS, DATA_KINDS, CfnMapper
from wadesk.importers.cfn.mapping_iam import only_polling, policy_targets, role_powers
from wadesk.importers.ir import ImportedNode, Purpose

#: Key of the one internet node (a hyphen: never a CloudFormation logical id).
INTERNET = "internet-users"
DEFAULT_VPC, DEFAULT_SUBNET = "default-vpc", "default-subnets"
WORLD = ("0.0.0.0/0", "::/0")
SQL_PORTS = frozenset({3306, 5432, 1433, 1521, 5439, 8182, 27017})
ADMIN_PORTS = frozenset({22, 3389})
_ENTRY_KINDS = frozenset({"alb", "nlb", "elb"})
_DB_KINDS = frozenset({"rds", "aurora", "redshift", "documentdb", "neptune", "elasticache", "opensearch", "mq", "dms"})


def port_flow(low: int | None, high: int | None, protocol: str) -> tuple[str, int | None, Purpose, str]:
    """(protocol, port, purpose, label) of a flow allowed by a rule on ports ``low``..``high`` (None: not resolved)."""
    if low is None or high is None:
        if protocol in ("tcp", "6", "-1"):
            return "tcp", None, "request", "TCP (port not resolved)"
        return "other", None, "request", f"{protocol.upper()} (port not resolved)"
    port = low if low == high else None
    if protocol not in ("tcp", "6") and protocol != "-1":
        return "other", port, "request", protocol.upper()
    if port in ADMIN_PORTS:
        return "tcp", port, "admin", "SSH" if port == 22 else "RDP"
    if port in SQL_PORTS:
        return "sql", port, "request", f"SQL :{port}"
    if port == 443:
        return "https", 443, "request", "HTTPS"
    if port in (80, 8080):
        return "http", port, "request", f"HTTP :{port}"
    if port is None:
        return "tcp", None, "request", "all ports" if (low, high) == (0, 65535) else f"TCP {low}-{high}"
    return "tcp", port, "request", f"TCP :{port}"


def finish_placement(m: CfnMapper) -> None:
    """Resources created without a subnet land in the account's default VPC, whose subnets are public."""
    waiting = [key for key in m.topic("default_vpc") if key in m.design.nodes]
    if not waiting:
        return
    m.design.add(
        ImportedNode(
            DEFAULT_VPC, "vpc", "Default VPC (of the account)", placeholder=True, props={"cidr": "172.31.0.0/16"}
        )
    )
    m.design.add(
        ImportedNode(
            DEFAULT_SUBNET,
            "subnet",
            "Default subnets",
            placeholder=True,
            vpc=DEFAULT_VPC,
            public=True,
            props={"map_public_ip_on_launch": True},
        )
    )
    m.report.assume(
        "Resources given no subnet launch in the default VPC's default subnets, which are public and "
        "give instances a public IPv4 address"
    )
    for key in waiting:
        node = m.design.nodes[key]
        node.subnets = [DEFAULT_SUBNET]
        for group in node.security_groups:
            if m.design.nodes[group].vpc is None:
                m.design.nodes[group].vpc = DEFAULT_VPC
    for node in m.design.nodes.values():
        if node.inside in waiting and node.kind == "ec2":
            node.subnets = [DEFAULT_SUBNET]


def _instance_public(m: CfnMapper, node: ImportedNode) -> bool:
    if node.props.get("public_ip"):
        return True
    if m.topic("public_address").get(node.key):
        return True
    owner = m.design.nodes.get(node.inside) if node.inside else node
    for subnet in (owner.subnets if owner else [])[:1]:
        target = m.design.nodes.get(subnet)
        if target is not None and target.public and target.props.get("map_public_ip_on_launch"):
            return True
    return False


def _members(m: CfnMapper) -> dict[str, list[str]]:
    members: dict[str, list[str]] = {}
    holders = {n.inside for n in m.design.nodes.values() if n.inside}
    for node in m.design.nodes.values():
        if node.kind == "auto_scaling_group" and node.key in holders:
            continue  # its instances are the members
        for group in node.security_groups:
            members.setdefault(group, []).append(node.key)
    return members


def finish_flows(m: CfnMapper) -> None:
    """Every flow that needs the whole design: internet entries, group rules, roles, events, dead letters."""
    nodes = m.design.nodes
    for node in nodes.values():
        if node.kind == "ec2" and _instance_public(m, node):
            node.props["public_ip"] = True
    members = _members(m)
    pairs: set[tuple[str, str]] = {(f.source, f.target) for f in m.design.flows}

    def drawn(key: str | None) -> str | None:
        found = m.get(key)
        return found.key if found is not None else None

    for source, target, label in m.topic("later_flows").get("items", []):
        a, b = drawn(source), drawn(target)
        if a and b and nodes[b].kind not in ("iam_role", "security_group", "vpc", "subnet"):
            m.design.flow(a, b, "https", 443, label, reason=label)
    # A permission that lets an API invoke a function says the API calls it, where no integration drawn above
    # says so (an API whose definition is included from a file, or written as a stage's routes elsewhere).
    called = {(f.source, f.target) for f in m.design.flows}
    for function, callers in m.topic("invokers").items():
        b = drawn(function)
        for caller in callers:
            a = drawn(caller)
            if a and b and nodes[a].kind == "api_gateway" and nodes[b].kind == "lambda" and (a, b) not in called:
                m.design.flow(a, b, "https", 443, "Invokes", reason="permission")
                called.add((a, b))
    for source, target, label in m.topic("service_notices").get("items", []):
        a, b = drawn(source), drawn(target)
        if a and b and nodes[b].kind not in ("iam_role", "security_group", "vpc", "subnet"):
            m.design.flow(a, b, "https", 443, label, purpose="notification", reason=label)
    for key, targets in m.topic("dead_letters").items():
        for target in targets:
            if drawn(target):
                m.design.flow(key, drawn(target) or "", "https", 443, "Dead letters", dead_letter=True)
    for key in m.topic("log_buckets"):
        bucket = m.get(key)
        if bucket is not None and bucket.kind == "s3":
            bucket.props["log_bucket"] = True
    event_sources = {(f.source, f.target) for f in m.design.flows if f.label == "Event source"}
    granted = {(f.source, f.target) for f in m.design.flows}
    for role, users in m.role_users.items():
        powers = role_powers(m, role)
        for user in users:
            instance = nodes.get(user)
            if instance is None or instance.kind != "ec2":
                continue
            if "ssm_agent" in powers:
                instance.props["ssm_agent"] = True
            if "container_host" in powers and "workload" not in instance.props:
                instance.props["workload"] = "container_host"
        role_node = drawn(role)
        for user in dict.fromkeys(users):
            if role_node and user in nodes:
                m.design.flow(user, role_node, "https", 443, "Assumes role", reason="role")
            if any(nodes[other].inside == user for other in users if other in nodes):
                continue  # an auto scaling group whose instances are drawn: they are the ones that call
            for target, actions in policy_targets(m, role):
                end = drawn(target)
                if end and (end, user) in event_sources and only_polling(actions):
                    continue  # the grant lets the event source mapping read it for the function: drawn already
                if end and (user, end) in granted:
                    continue  # drawn already (a delivery stream's destination, another statement of the role)
                if end:
                    granted.add((user, end))
                # A grant to write to a log group of the template says where the user's logs go (SPEC 3b: a flow
                # to CloudWatch means the node is monitored), as a grant on a table says it uses the table.
                if end and end != user and user in nodes and nodes[end].kind in DATA_KINDS | {"cloudwatch"}:
                    label = _telling_action(actions)
                    m.design.flow(user, end, "https", 443, label, reason=f"policy of {role}")
    # Security group rules that name another group: its members talk to ours. A load balancer opens connections
    # only to its registered targets: once the design draws where it forwards, a group rule that admits its group
    # (often shared with other members) is no flow from it to anything else, and one to a target or to the
    # instances of a target group would only repeat the flow drawn to that target.
    balanced = _balancer_targets(m)
    for group, sources in m.topic("sg_sources").items():
        for source, low, high, protocol in sources:
            kind, port, purpose, label = port_flow(low, high, protocol)
            for a in members.get(source, []):
                for b in members.get(group, []):
                    if a in balanced or _not_a_listener(m, b, low, high):
                        continue
                    if a != b and (a, b) not in pairs:
                        m.design.flow(a, b, kind, port, label, purpose, reason=f"{group} allows {source}")
    # An environment variable naming a database says the code connects to it; a group rule between the two
    # already drew that connection, with its port, and a grant its use. The queue or stream a function's event
    # source mapping reads for it is named to the code for the same reading, unless a grant lets it send there.
    drawn_pairs = {(f.source, f.target) for f in m.design.flows}
    grants = _grants_by_user(m)
    for user, targets in m.topic("env_refs").items():
        for target in targets:
            end = drawn(target)
            if (
                end
                and user in nodes
                and nodes[user].kind in COMPUTE_KINDS | {"fargate_task"}
                and (nodes[end].kind in DATA_KINDS)
            ):
                if (user, end) in drawn_pairs:
                    continue
                if (end, user) in event_sources and only_polling(grants.get((user, end), ["sqs:ReceiveMessage"])):
                    continue
                drawn_pairs.add((user, end))
                if nodes[end].kind in _DB_KINDS:
                    m.design.flow(user, end, "sql", None, "Connects", reason="environment")
                else:
                    m.design.flow(user, end, "https", 443, "API", reason="environment")
    _internet(m, members)
    for flow in m.design.flows:
        # Amazon MQ brokers listen on TLS endpoints only (AMQPS, OpenWire SSL, STOMP+SSL, MQTT+SSL, WSS, the
        # HTTPS console): whatever port a group rule opens to one, the connection is encrypted.
        target = nodes.get(flow.target)
        if target is not None and target.kind == "mq" and flow.protocol in ("tcp", "http", "sql"):
            flow.protocol = "tls"


#: Verbs that say what a caller does with a resource, in the order a label prefers them.
_TELLING_VERBS = ("put", "send", "publish", "write", "invoke", "start", "get", "query", "receive", "read")


def _telling_action(actions: list[str]) -> str:
    """The action a flow drawn from a grant is labelled with: the one that best says what the caller does
    (``s3:PutObject`` rather than ``s3:AbortMultipartUpload``), the first listed when none stands out."""
    for verb in _TELLING_VERBS:
        for action in actions:
            if action.partition(":")[2].lower().startswith(verb):
                return action
    return actions[0] if actions else "API"


def _grants_by_user(m: CfnMapper) -> dict[tuple[str, str], list[str]]:
    """The actions each role user's policies allow on each template resource, by (user, resource)."""
    found: dict[tuple[str, str], list[str]] = {}
    for role, users in m.role_users.items():
        for target, actions in policy_targets(m, role):
            end = m.get(target)
            for user in users:
                if end is not None:
                    found.setdefault((user, end.key), []).extend(actions)
    return found


def _not_a_listener(m: CfnMapper, node_key: str, low: int | None, high: int | None) -> bool:
    """Whether a group rule's ports reach none of a load balancer's listeners: a load balancer accepts
    connections only on its listener ports, so a rule on other ports (the dynamic ports of container hosts that
    share its group) is no flow into it. False when a port of the rule or of a listener is not known."""
    node = m.design.nodes.get(node_key)
    if node is None or node.kind not in _ENTRY_KINDS or low is None or high is None:
        return False
    ports = m.topic("listener_ports").get(node_key) or []
    return bool(ports) and None not in ports and not any(low <= port <= high for port in ports)


def _balancer_targets(m: CfnMapper) -> dict[str, set[str]]:
    """The targets drawn for each load balancer that has any (its flows so far: listeners and target groups)."""
    nodes = m.design.nodes
    found: dict[str, set[str]] = {}
    for flow in m.design.flows:
        source = nodes.get(flow.source)
        if source is not None and source.kind in _ENTRY_KINDS:
            found.setdefault(flow.source, set()).add(flow.target)
    return found


def _internet(m: CfnMapper, members: dict[str, list[str]]) -> None:
    nodes = m.design.nodes
    entries: list[tuple[str, str, int | None, str, Purpose]] = []
    for key, label in m.topic("internet_entries").items():
        if m.get(key) is not None:
            entries.append((m.get(key).key, "https", 443, label, "request"))  # type: ignore[union-attr]
    for node in list(nodes.values()):
        if node.kind in _ENTRY_KINDS and node.props.get("scheme") != "internal" and not node.placeholder:
            secure = node.props.get("https_only")
            entries.append(
                (
                    node.key,
                    "https" if secure else "http",
                    443 if secure else 80,
                    "HTTPS" if secure else "HTTP",
                    "request",
                )
            )
        if node.kind == "s3" and node.props.get("website_hosting") and m.topic("public_buckets").get(node.key):
            entries.append((node.key, "http", 80, "HTTP (website)", "request"))
        exposed = (node.kind == "ec2" and node.props.get("public_ip")) or (
            node.kind in _DB_KINDS and node.props.get("publicly_accessible")
        )
        if not exposed:
            continue
        for group in node.security_groups:
            for rule in nodes[group].props.get("ingress", []) if group in nodes else []:
                if rule.get("cidr") not in WORLD:
                    continue
                kind, port, purpose, label = port_flow(rule["port_from"], rule["port_to"], rule["protocol"])
                entries.append((node.key, kind, port, label, purpose))
    if not entries:
        return
    m.design.add(ImportedNode(INTERNET, "internet", "Internet users"))
    for key, kind, port, label, purpose in entries:
        acl = m.topic("protected").get(key)
        if acl and purpose == "request":
            m.design.flow(INTERNET, acl, kind, port, label, reason="internet entry")
            m.design.flow(acl, key, kind, port, f"{label} (filtered)", reason="web ACL")
        else:
            m.design.flow(INTERNET, key, kind, port, label, purpose, reason="internet entry")
