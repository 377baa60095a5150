"""CloudFormation networking types: VPCs, subnets, routes, gateways, security groups, endpoints, DNS."""

from __future__ import annotations

import ipaddress
from typing import Any

from wadesk.importers.cfn.mapping import (
    CfnMapper,
    HandlerTable,
    as_list,
    dig,
    flag,
    fold_to,
    number,
    ref,
    refs,
    text,
)
from wadesk.importers.cfn.mapping_interfaces import interface_instance
from wadesk.importers.cfn.values import External, Resource

WORLD = ("0.0.0.0/0", "::/0")
_PROTOCOLS = {"6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", "all": "-1"}


def _vpc(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    m.node(r, "vpc", {"cidr": normal_cidr(text(p.get("CidrBlock"))) or None})


def _subnet(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    node = m.node(
        r,
        "subnet",
        {
            "cidr": normal_cidr(text(p.get("CidrBlock"))) or None,
            "map_public_ip_on_launch": flag(p.get("MapPublicIpOnLaunch"), False),
        },
    )
    node.vpc = m.vpc_key(p.get("VpcId"))
    zone = text(p.get("AvailabilityZone")) or text(p.get("AvailabilityZoneId"))
    node.zone = zone or None


def _internet_gateway(m: CfnMapper, r: Resource) -> None:
    m.node(r, "internet_gateway", label=r.logical_id)


def _gateway_attachment(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    vpc = m.vpc_key(p.get("VpcId"))
    for gateway_key in (ref(p.get("InternetGatewayId")), ref(p.get("VpnGatewayId"))):
        gateway = m.get(gateway_key)
        if gateway is not None:
            gateway.vpc = vpc
            m.fold(r, gateway.key)
            return
    m.fold(r, vpc)


def _route_table(m: CfnMapper, r: Resource) -> None:
    m.fold(r, m.vpc_key(r.properties.get("VpcId")))


def _route(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    table = ref(p.get("RouteTableId"))
    destination = normal_cidr(text(p.get("DestinationCidrBlock")) or text(p.get("DestinationIpv6CidrBlock")))
    gateway = ref(p.get("GatewayId"))
    if destination in WORLD and gateway and m.type_of(gateway) == "AWS::EC2::InternetGateway" and table:
        m.public_tables.add(table)
    target = ref(p.get("NatGatewayId")) or gateway or ref(p.get("TransitGatewayId")) or ref(p.get("InstanceId"))
    if table and target:
        m.topic("route_targets").setdefault(table, []).append(target)
    if table and m.type_of(table) == "AWS::EC2::VPC":
        # A Terraform route in the VPC's main route table (route_table_id = aws_vpc.x.main_route_table_id, or an
        # aws_default_route_table): the VPC stands for that table (see main_table).
        m.fold(r, table)
        return
    m.fold(r, ref(m.prop(table, "VpcId")) if table else None)


def main_table(m: CfnMapper, vpc: str | None) -> str | None:
    """The route table of a VPC that its subnets with no association of their own use: the one an
    ``aws_main_route_table_association`` names (folded into the VPC as ``MainRouteTable``), else the VPC's own main
    table, which the VPC's key stands for. CloudFormation cannot change or route through it."""
    if vpc is None or m.type_of(vpc) != "AWS::EC2::VPC":
        return None
    return ref(m.prop(vpc, "MainRouteTable")) or vpc


def _subnet_route_association(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    subnet, table = ref(p.get("SubnetId")), ref(p.get("RouteTableId"))
    if subnet and table:
        m.subnet_routes[subnet] = table
    m.fold(r, subnet)


def _nat_gateway(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    node = m.node(r, "nat_gateway")
    node.subnets = m.subnet_keys(p.get("SubnetId"))
    for eip in refs(p.get("AllocationId")):
        m.topic("eip_owner")[eip] = r.logical_id


def _eip(m: CfnMapper, r: Resource) -> None:
    instance = ref(r.properties.get("InstanceId")) or interface_instance(m, r.properties.get("NetworkInterfaceId"))
    if instance:
        m.topic("public_address")[instance] = True
    owner = m.topic("eip_owner").get(r.logical_id) or instance
    if owner is None:
        # An EIP named by a load balancer's SubnetMappings or an association further down.
        for association in m.referrers(r.logical_id, "AWS::EC2::EIPAssociation"):
            owner = ref(m.prop(association, "InstanceId")) or interface_instance(
                m, m.prop(association, "NetworkInterfaceId"))
        for balancer in m.referrers(r.logical_id, "AWS::ElasticLoadBalancingV2::LoadBalancer"):
            owner = balancer
    m.fold(r, owner, "not attached to anything drawn")


def _eip_association(m: CfnMapper, r: Resource) -> None:
    instance = ref(r.properties.get("InstanceId")) or interface_instance(m, r.properties.get("NetworkInterfaceId"))
    if instance:
        m.topic("public_address")[instance] = True
    m.fold(r, instance)


def normal_cidr(value: str) -> str:
    """A CIDR block with its host bits cleared, as EC2 stores it (``192.168.1.0/0`` is ``0.0.0.0/0``); '' if none."""
    try:
        return str(ipaddress.ip_network(value.strip(), strict=False)) if value.strip() else ""
    except ValueError:
        return ""


def ports_unresolved(rule: Any) -> bool:
    """Whether a rule's port range is given but not resolved (a parameter or variable with no value, a value known
    only after apply): the ports it opens are then unknown, and no range may be guessed for them."""
    if not isinstance(rule, dict):
        return False
    protocol = text(rule.get("IpProtocol"), "tcp").strip().lower()
    if _PROTOCOLS.get(protocol, protocol) in ("-1", "icmp", "icmpv6"):
        return False
    return any(
        rule.get(name) is not None and number(rule.get(name), None) is None for name in ("FromPort", "ToPort")
    )


def ingress_rule(rule: Any) -> tuple[dict[str, Any] | None, str | None, int, int, str]:
    """One ``SecurityGroupIngress`` entry as (cidr rule for the model or None, source group id, ports, protocol).

    A rule whose ports are not resolved gives no cidr rule (see :func:`ports_unresolved`).
    """
    if not isinstance(rule, dict):
        return None, None, 0, 65535, "-1"
    protocol = text(rule.get("IpProtocol"), "tcp").strip().lower()
    protocol = _PROTOCOLS.get(protocol, protocol)
    low, high = number(rule.get("FromPort"), 0), number(rule.get("ToPort"), 65535)
    low = 0 if low is None or low < 0 else min(low, 65535)
    high = 65535 if high is None or high < 0 else min(high, 65535)
    if protocol == "-1":
        low, high = 0, 65535
    if protocol in ("icmp", "icmpv6"):
        low = high = 0
    source = ref(rule.get("SourceSecurityGroupId")) or ref(rule.get("SourceSecurityGroupName"))
    cidr = normal_cidr(text(rule.get("CidrIp")) or text(rule.get("CidrIpv6")))
    entry = None
    if cidr and not ports_unresolved(rule):
        entry = {"cidr": cidr, "port_from": min(low, high), "port_to": max(low, high), "protocol": protocol}
        description = rule.get("Description")
        if description:
            # A description the template does not resolve is still a description.
            entry["description"] = description if isinstance(description, str) else "(not resolved)"
    return entry, source, min(low, high), max(low, high), protocol


def _add_group_rule(m: CfnMapper, group: str, rule: Any, direction: str, names: tuple[str, ...]) -> None:
    """A rule whose peer is a security group (``names`` are the properties that name it), as a ``group_rules`` entry.

    The peer is the drawn group's key when the rule names one of the template, else the id as written; a rule
    that also gives an address range is an ordinary ``ingress`` or ``egress`` entry.
    """
    node = m.get(group)
    if node is None or not isinstance(rule, dict) or rule.get("CidrIp") or rule.get("CidrIpv6"):
        return
    value = next((rule[name] for name in names if rule.get(name) is not None), None)
    if value is None:
        return
    _, _, low, high, protocol = ingress_rule(rule)
    named = ref(value)
    if named is not None and m.type_of(named) == "AWS::EC2::SecurityGroup":
        peer = named  # the group's key (it may be mapped after this one)
    elif isinstance(value, External):  # a group of another stack, or one a parameter names
        origin = "imported from another stack" if value.source == "import" else value.source
        peer = f"{value.name} ({origin})"
    else:  # a literal id, or a group the template makes for another resource (an EKS cluster's, say)
        attribute = getattr(value, "attribute", None)
        peer = text(value) or (f"{named}.{attribute}" if named and attribute else named or "") or "(not resolved)"
    entry: dict[str, Any] = {
        "direction": direction, "peer": peer, "port_from": low, "port_to": high, "protocol": protocol
    }
    description = rule.get("Description")
    if description:
        entry["description"] = description if isinstance(description, str) else "(not resolved)"
    node.props.setdefault("group_rules", []).append(entry)


def _add_ingress(m: CfnMapper, group: str, rule: Any) -> None:
    entry, source, low, high, protocol = ingress_rule(rule)
    node = m.get(group)
    if node is None:
        return
    if entry is not None:
        node.props.setdefault("ingress", []).append(entry)
    _add_group_rule(m, group, rule, "ingress", ("SourceSecurityGroupId", "SourceSecurityGroupName"))
    if source is not None and m.type_of(source) == "AWS::EC2::SecurityGroup":
        # The members of the source group reach ours; on which port is not known when the rule's is not resolved.
        ports = (None, None) if ports_unresolved(rule) else (low, high)
        m.topic("sg_sources").setdefault(node.key, []).append((source, *ports, protocol))


def _security_group(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    name = text(p.get("GroupName"))
    node = m.node(r, "security_group", {"ingress": []}, label=r.logical_id)
    node.vpc = m.vpc_key(p.get("VpcId"))
    if name == "default":
        # Only a Terraform aws_default_security_group gets here (CloudFormation cannot declare the default group).
        node.props["is_default"] = True
        if node.vpc is not None and not _has_rules(m, r):
            m.topic("restricted_default_groups")[node.vpc] = True
    for rule in as_list(p.get("SecurityGroupIngress")):
        _add_ingress(m, r.logical_id, rule)
    for rule in as_list(p.get("SecurityGroupEgress")):
        _add_egress(m, r.logical_id, rule)


def _has_rules(m: CfnMapper, r: Resource) -> bool:
    """Whether a security group has an inbound or outbound rule, inline or as a resource of its own."""
    if as_list(r.properties.get("SecurityGroupIngress")) or as_list(r.properties.get("SecurityGroupEgress")):
        return True
    for kind in ("AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"):
        if any(ref(m.prop(other, "GroupId")) == r.logical_id for other in m.referrers(r.logical_id, kind)):
            return True
    return False


def _security_group_ingress(m: CfnMapper, r: Resource) -> None:
    group = ref(r.properties.get("GroupId")) or ref(r.properties.get("GroupName"))
    if group and m.get(group) is not None:
        _add_ingress(m, group, r.properties)
    m.fold(r, group)


def _add_egress(m: CfnMapper, group: str, rule: Any) -> None:
    """An outbound rule: to a CIDR range as the model's egress entry, to another group as a ``group_rules`` one."""
    node = m.get(group)
    if node is None or not isinstance(rule, dict):
        return
    entry, _, _, _, _ = ingress_rule(rule)
    if entry is not None:
        node.props.setdefault("egress", []).append(entry)
    _add_group_rule(m, group, rule, "egress", ("DestinationSecurityGroupId",))


def _security_group_egress(m: CfnMapper, r: Resource) -> None:
    group = ref(r.properties.get("GroupId"))
    if group and m.get(group) is not None:
        _add_egress(m, group, r.properties)
    m.fold(r, group)


def _vpc_endpoint(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    service = text(p.get("ServiceName"))
    short = service.rsplit(".", 1)[-1] if service else "s3"
    kind = text(p.get("VpcEndpointType"), "Gateway").lower()
    node = m.node(
        r,
        "vpc_endpoint",
        {"service": short or "s3", "endpoint_type": "interface" if kind == "interface" else "gateway"},
    )
    node.vpc = m.vpc_key(p.get("VpcId"))
    node.subnets = m.subnet_keys(p.get("SubnetIds"))
    node.security_groups = m.security_group_keys(p.get("SecurityGroupIds"))


def _flow_log(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    owner = ref(p.get("ResourceId"))
    if owner is None:
        for item in as_list(p.get("ResourceIds")):
            owner = owner or ref(item)
    vpc = m.get(owner)
    if vpc is not None and vpc.kind == "vpc":
        vpc.props["flow_logs"] = True
    elif vpc is not None and vpc.kind == "subnet" and m.get(vpc.vpc) is not None:
        m.get(vpc.vpc).props["flow_logs"] = True  # type: ignore[union-attr]
    destination = ref(p.get("LogDestination")) or ref(p.get("LogGroupName"))
    if vpc is not None and destination:
        m.topic("later_flows").setdefault("items", []).append((vpc.key, destination, "Flow logs"))
    m.fold(r, owner)


def _network_acl_part(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    acl = ref(p.get("NetworkAclId"))
    m.fold(r, ref(p.get("SubnetId")) or ref(m.prop(acl, "VpcId")) or ref(p.get("VpcId")))


def _fold_to_vpc(m: CfnMapper, r: Resource) -> None:
    m.fold(r, m.vpc_key(r.properties.get("VpcId")))


def _simple(kind: str) -> Any:
    def handler(m: CfnMapper, r: Resource) -> None:
        m.node(r, kind)

    return handler


def _vpn_gateway(m: CfnMapper, r: Resource) -> None:
    m.node(r, "vpn_gateway")


def _vpn_connection(m: CfnMapper, r: Resource) -> None:
    gateway = ref(r.properties.get("VpnGatewayId")) or ref(r.properties.get("TransitGatewayId"))
    node = m.get(gateway)
    if node is not None and node.kind == "vpn_gateway":
        tunnels = as_list(dig_tunnels(r.properties))
        if tunnels:
            node.props["tunnels"] = max(1, min(2, len(tunnels)))
    m.fold(r, gateway)


def dig_tunnels(props: dict[str, Any]) -> Any:
    """The VPN connection's tunnel options, if it lists any."""
    return props.get("VpnTunnelOptionsSpecifications")


def _customer_gateway(m: CfnMapper, r: Resource) -> None:
    m.node(r, "corporate_network", {"description": f"Customer gateway {text(r.properties.get('IpAddress'))}".strip()})


def _transit_attachment(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    gateway = m.get(ref(p.get("TransitGatewayId")))
    if gateway is not None:
        gateway.vpc = gateway.vpc or m.vpc_key(p.get("VpcId"))
    m.fold(r, gateway.key if gateway else m.vpc_key(p.get("VpcId")))


def _hosted_zone(m: CfnMapper, r: Resource) -> None:
    m.node(
        r,
        "route53",
        {"query_logging": bool(r.properties.get("QueryLoggingConfig"))},
        label=text(r.properties.get("Name")).rstrip(".") or r.logical_id,
    )


def _record_set(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    zone = ref(p.get("HostedZoneId"))
    if m.get(zone) is None:
        zone = m.topic("route53").get("default")
        if zone is None:
            node = m.node(r, "route53", label="Route 53 records")
            node.placeholder = True  # the zone is another stack's: its settings, such as query logging, are unknown
            m.topic("route53")["default"] = node.key
            zone = node.key
            m.report.mapped.pop()
            m.report.mapped.append(_entry(r, "route53 (records of a zone defined elsewhere)"))
    zone_node = m.get(zone)
    if zone_node is not None:
        if p.get("Failover"):
            zone_node.props["routing_policy"] = "failover"
        elif p.get("Region"):
            zone_node.props["routing_policy"] = "latency"
        elif p.get("Weight") is not None:
            zone_node.props["routing_policy"] = "weighted"
        elif p.get("GeoLocation"):
            zone_node.props["routing_policy"] = "geolocation"
        if p.get("HealthCheckId") or flag(dig(p, "AliasTarget", "EvaluateTargetHealth"), False):
            zone_node.props["health_checks"] = True
        for target in refs(p.get("AliasTarget")) + refs(p.get("ResourceRecords")):
            m.topic("later_flows").setdefault("items", []).append((zone_node.key, target, "DNS"))
    if zone != r.logical_id:
        m.fold(r, zone)


def _entry(r: Resource, detail: str) -> Any:
    from wadesk.importers.ir import ReportEntry

    return ReportEntry(r.logical_id, r.type, detail)


def _record_set_group(m: CfnMapper, r: Resource) -> None:
    records = as_list(r.properties.get("RecordSets"))
    for record in records:
        if isinstance(record, dict):
            _record_set(
                m, Resource(r.logical_id, r.type, {**record, "HostedZoneId": r.properties.get("HostedZoneId")}, r.line)
            )
            return
    m.fold(r, ref(r.properties.get("HostedZoneId")))


def finish_networks(m: CfnMapper) -> None:
    """Mark subnets public when their route table sends 0.0.0.0/0 to an internet gateway; link placeholders."""
    vpcs = [n for n in m.design.nodes.values() if n.kind == "vpc"]
    for node in m.design.nodes.values():
        if node.kind != "subnet":
            continue
        if not node.placeholder:
            table = m.subnet_routes.get(node.key) or main_table(m, node.vpc)
            node.public = table in m.public_tables if table else False
        elif node.vpc is None and len(vpcs) == 1:
            node.vpc = vpcs[0].key
    for node in m.design.nodes.values():
        if node.kind in ("internet_gateway", "vpn_gateway", "transit_gateway") and node.vpc is None and len(vpcs) == 1:
            node.vpc = vpcs[0].key
    for key in m.topic("restricted_default_groups"):
        vpc = m.get(key)
        if vpc is not None and vpc.kind == "vpc":
            vpc.props["default_sg_restricted"] = True


HANDLERS: HandlerTable = {
    "AWS::EC2::VPC": (0, _vpc),
    "AWS::EC2::Subnet": (0, _subnet),
    "AWS::EC2::InternetGateway": (0, _internet_gateway),
    "AWS::EC2::EgressOnlyInternetGateway": (1, _fold_to_vpc),
    "AWS::EC2::VPCGatewayAttachment": (1, _gateway_attachment),
    "AWS::EC2::RouteTable": (1, _route_table),
    "AWS::EC2::Route": (1, _route),
    "AWS::EC2::SubnetRouteTableAssociation": (1, _subnet_route_association),
    "AWS::EC2::NatGateway": (0, _nat_gateway),
    "AWS::EC2::EIP": (2, _eip),
    "AWS::EC2::EIPAssociation": (1, _eip_association),
    "AWS::EC2::SecurityGroup": (0, _security_group),
    "AWS::EC2::SecurityGroupIngress": (1, _security_group_ingress),
    "AWS::EC2::SecurityGroupEgress": (1, _security_group_egress),
    "AWS::EC2::VPCEndpoint": (0, _vpc_endpoint),
    "AWS::EC2::FlowLog": (1, _flow_log),
    "AWS::EC2::NetworkAcl": (1, _fold_to_vpc),
    "AWS::EC2::NetworkAclEntry": (1, _network_acl_part),
    "AWS::EC2::SubnetNetworkAclAssociation": (1, _network_acl_part),
    "AWS::EC2::VPCCidrBlock": (1, _fold_to_vpc),
    "AWS::EC2::VPCDHCPOptionsAssociation": (1, _fold_to_vpc),
    "AWS::EC2::TransitGateway": (0, _simple("transit_gateway")),
    "AWS::EC2::TransitGatewayAttachment": (1, _transit_attachment),
    "AWS::EC2::TransitGatewayVpcAttachment": (1, _transit_attachment),
    "AWS::EC2::TransitGatewayRouteTable": (1, fold_to("TransitGatewayId")),
    "AWS::EC2::TransitGatewayRouteTableAssociation": (2, fold_to("TransitGatewayRouteTableId")),
    "AWS::EC2::TransitGatewayRouteTablePropagation": (2, fold_to("TransitGatewayRouteTableId")),
    "AWS::EC2::TransitGatewayRoute": (2, fold_to("TransitGatewayRouteTableId")),
    "AWS::EC2::VPNGateway": (0, _vpn_gateway),
    "AWS::EC2::VPNConnection": (1, _vpn_connection),
    "AWS::EC2::CustomerGateway": (0, _customer_gateway),
    "AWS::Route53::HostedZone": (0, _hosted_zone),
    "AWS::Route53::RecordSet": (1, _record_set),
    "AWS::Route53::RecordSetGroup": (1, _record_set_group),
    "AWS::GlobalAccelerator::Accelerator": (0, _simple("global_accelerator")),
    "AWS::DirectConnect::Connection": (0, _simple("direct_connect")),
}
