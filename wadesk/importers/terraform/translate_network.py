"""Translators of network ``aws_*`` types: VPCs, subnets, gateways, routes, security groups, DNS, VPN."""

from __future__ import annotations

from typing import Any

from wadesk.importers.terraform.translate import Context, Fold, Translation, Translator
from wadesk.importers.terraform.translate_common import (
    append_to,
    as_list,
    cfn_props,
    chosen_by_aws,
    merge_into,
    ref,
    simple,
)
from wadesk.importers.terraform.values import TfResource, Unknown, refs_in


def _internet_gateway(c: Context, r: TfResource) -> Translation:
    t = Translation("AWS::EC2::InternetGateway")
    if r.values.get("vpc_id") is not None:
        t.extra.append(("attachment", "AWS::EC2::VPCGatewayAttachment",
                        {"VpcId": c.get(r, "vpc_id"), "InternetGatewayId": ref(r.address)}))
    return t


def _vpn_gateway(c: Context, r: TfResource) -> Translation:
    t = Translation("AWS::EC2::VPNGateway", {"Type": "ipsec.1"})
    if r.values.get("vpc_id") is not None:
        t.extra.append(("attachment", "AWS::EC2::VPCGatewayAttachment",
                        {"VpcId": c.get(r, "vpc_id"), "VpnGatewayId": ref(r.address)}))
    return t


_ROUTE = {
    "DestinationCidrBlock": "cidr_block",
    "DestinationIpv6CidrBlock": "ipv6_cidr_block",
    "GatewayId": "gateway_id",
    "NatGatewayId": "nat_gateway_id",
    "TransitGatewayId": "transit_gateway_id",
    "InstanceId": "instance_id",
    "VpcPeeringConnectionId": "vpc_peering_connection_id",
    "VpcEndpointId": "vpc_endpoint_id",
}


def _route_table(c: Context, r: TfResource) -> Translation:
    t = Translation("AWS::EC2::RouteTable", {"VpcId": c.get(r, "vpc_id")})
    for index, route in enumerate(c.blocks(r, "route")):
        props = {name: route.get(key) for name, key in _ROUTE.items() if route.get(key) not in (None, "")}
        props["RouteTableId"] = ref(r.address)
        t.extra.append((f"route[{index}]", "AWS::EC2::Route", props))
    return t


def _default_route_table(c: Context, r: TfResource) -> Translation:
    # The VPC's main route table, adopted by Terraform: default_route_table_id names the VPC
    # (aws_vpc.x.default_route_table_id), which stands for its main table in the mapping.
    table = c.get(r, "default_route_table_id")
    t = Translation("AWS::EC2::RouteTable", {"VpcId": table})
    for index, route in enumerate(c.blocks(r, "route")):
        props = {name: route.get(key) for name, key in _ROUTE.items() if route.get(key) not in (None, "")}
        props["RouteTableId"] = table
        t.extra.append((f"route[{index}]", "AWS::EC2::Route", props))
    return t


def _route(c: Context, r: TfResource) -> Translation:
    names = {name: key.replace("cidr_block", "destination_cidr_block") for name, key in _ROUTE.items()}
    return Translation("AWS::EC2::Route", {"RouteTableId": c.get(r, "route_table_id"), **cfn_props(c, r, names)})


def _rules(c: Context, r: TfResource, blocks: list[dict[str, Any]], peer: str) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for block in blocks:
        base = {"IpProtocol": block.get("protocol", "-1"), "FromPort": block.get("from_port"),
                "ToPort": block.get("to_port"), "Description": block.get("description")}
        for cidr in as_list(block.get("cidr_blocks")):
            rules.append({**base, "CidrIp": cidr})
        for cidr in as_list(block.get("ipv6_cidr_blocks")):
            rules.append({**base, "CidrIpv6": cidr})
        for group in as_list(block.get("security_groups")):
            rules.append({**base, peer: group})
        if block.get("self") is True:
            rules.append({**base, peer: ref(r.address)})
        for prefix in as_list(block.get("prefix_list_ids")):
            rules.append({**base, "SourcePrefixListId": prefix})
    return rules


def _default_vpc(c: Context, r: TfResource) -> Any:
    """The account's default VPC when the source adopts it (``aws_default_vpc``), for a resource placed there
    because it names no VPC or subnet; None otherwise."""
    value = r.values.get("vpc_id")
    if value is not None and not (isinstance(value, Unknown) and value.provider_default):
        return None
    found = [other for other in c.source.resources.values() if other.type == "aws_default_vpc"]
    same = [other for other in found if other.module == r.module] or found
    return ref(same[0].address) if same else None


def _default_vpc_of_source(c: Context) -> Any:
    found = [other for other in c.source.resources.values() if other.type == "aws_default_vpc"]
    return ref(found[0].address) if found else None


def _adopted_vpc(c: Context, r: TfResource) -> Translation:
    """The account's default VPC, adopted by Terraform. It has an internet gateway, and its main route table sends
    0.0.0.0/0 there (so its default subnets are public) unless the source rewrites that table's routes."""
    t = Translation("AWS::EC2::VPC", {"CidrBlock": c.get(r, "cidr_block", "172.31.0.0/16")})
    rewritten = any(
        other.type == "aws_default_route_table" and any(
            found.address == r.address for found in refs_in(other.values.get("default_route_table_id")))
        for other in c.source.resources.values())
    gateway = f"{r.address}/internet_gateway"
    t.extra.append(("internet_gateway", "AWS::EC2::InternetGateway", {}))
    t.extra.append(("internet_gateway_attachment", "AWS::EC2::VPCGatewayAttachment",
                    {"VpcId": ref(r.address), "InternetGatewayId": ref(gateway)}))
    if not rewritten:
        t.extra.append(("internet_route", "AWS::EC2::Route", {
            "RouteTableId": ref(r.address), "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": ref(gateway)}))
    return t


def _adopted_subnet(c: Context, r: TfResource) -> Translation:
    """A default subnet, adopted by Terraform: in the default VPC, giving instances public addresses unless the
    source says otherwise (AWS creates default subnets so)."""
    return Translation("AWS::EC2::Subnet", {
        "VpcId": _default_vpc_of_source(c),
        "CidrBlock": c.get(r, "cidr_block"),
        "AvailabilityZone": c.get(r, "availability_zone"),
        "MapPublicIpOnLaunch": c.get(r, "map_public_ip_on_launch", True),
    })


def _security_group(c: Context, r: TfResource) -> Translation:
    return Translation("AWS::EC2::SecurityGroup", {
        "GroupDescription": c.get(r, "description"),
        "GroupName": c.get(r, "name"),
        # A group that names no VPC is created in the default VPC (the one the source adopts, if it does).
        "VpcId": _default_vpc(c, r) or (None if chosen_by_aws(r, "vpc_id") else c.get(r, "vpc_id")),
        "SecurityGroupIngress": _rules(c, r, c.blocks(r, "ingress"), "SourceSecurityGroupId"),
        "SecurityGroupEgress": _rules(c, r, c.blocks(r, "egress"), "DestinationSecurityGroupId"),
    })


def _default_security_group(c: Context, r: TfResource) -> Translation:
    # Terraform adopts the VPC's default group: named "default" whatever the plan says, and with no ingress or
    # egress blocks it removes every rule AWS created the group with.
    t = _security_group(c, r)
    t.properties["GroupName"] = "default"
    return t


def _security_group_rule(c: Context, r: TfResource) -> Translation:
    egress = r.values.get("type") == "egress"
    peer = "DestinationSecurityGroupId" if egress else "SourceSecurityGroupId"
    block = {key: r.values.get(key) for key in ("protocol", "from_port", "to_port", "description", "cidr_blocks",
                                                  "ipv6_cidr_blocks", "prefix_list_ids")}
    block = c.value(block)
    source = r.values.get("source_security_group_id")
    # The provider fills source_security_group_id in when the configuration leaves it out: no peer group then.
    if source is not None and not (isinstance(source, Unknown) and source.provider_default):
        block["security_groups"] = [c.get(r, "source_security_group_id")]
    if r.values.get("self") is True:
        block["security_groups"] = [c.get(r, "security_group_id")]
    rules = _rules(c, r, [block], peer)
    kind = "AWS::EC2::SecurityGroupEgress" if egress else "AWS::EC2::SecurityGroupIngress"
    group = c.get(r, "security_group_id")
    if not rules:
        return Translation(kind, {"GroupId": group, "IpProtocol": block.get("protocol", "-1")})
    t = Translation(kind, {"GroupId": group, **rules[0]})
    for index, rule in enumerate(rules[1:], start=1):
        t.extra.append((f"rule[{index}]", kind, {"GroupId": group, **rule}))
    return t


def _vpc_rule(egress: bool) -> Translator:
    def translate(c: Context, r: TfResource) -> Translation:
        peer = "DestinationSecurityGroupId" if egress else "SourceSecurityGroupId"
        kind = "AWS::EC2::SecurityGroupEgress" if egress else "AWS::EC2::SecurityGroupIngress"
        props = cfn_props(c, r, {"GroupId": "security_group_id", "IpProtocol": "ip_protocol", "FromPort": "from_port",
                              "ToPort": "to_port", "CidrIp": "cidr_ipv4", "CidrIpv6": "cidr_ipv6",
                              peer: "referenced_security_group_id", "Description": "description"})
        return Translation(kind, props)

    return translate


def _flow_log(c: Context, r: TfResource) -> Translation:
    target = next((key for key in ("vpc_id", "subnet_id", "eni_id") if r.values.get(key) is not None), "vpc_id")
    kind = {"vpc_id": "VPC", "subnet_id": "Subnet", "eni_id": "NetworkInterface"}[target]
    props = cfn_props(c, r, {"LogDestination": "log_destination", "LogGroupName": "log_group_name",
                          "TrafficType": "traffic_type"})
    return Translation("AWS::EC2::FlowLog", {"ResourceId": c.get(r, target), "ResourceType": kind, **props})


def _record(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"HostedZoneId": "zone_id", "Name": "name", "Type": "type", "ResourceRecords": "records",
                          "SetIdentifier": "set_identifier", "HealthCheckId": "health_check_id"})
    alias = c.block(r, "alias")
    if alias:
        props["AliasTarget"] = {"DNSName": alias.get("name"), "HostedZoneId": alias.get("zone_id"),
                                "EvaluateTargetHealth": alias.get("evaluate_target_health")}
    failover = c.block(r, "failover_routing_policy")
    if failover:
        props["Failover"] = failover.get("type")
    return Translation("AWS::Route53::RecordSet", props)


def _network_interface(c: Context, r: TfResource) -> Translation:
    """An elastic network interface; its ``attachment`` blocks are attachments of their own, as in CloudFormation."""
    t = Translation("AWS::EC2::NetworkInterface", cfn_props(c, r, {
        "SubnetId": "subnet_id", "GroupSet": "security_groups", "PrivateIpAddress": "private_ip"}))
    for position, block in enumerate(c.blocks(r, "attachment")):
        t.extra.append((f"attachment[{position}]", "AWS::EC2::NetworkInterfaceAttachment", {
            "InstanceId": block.get("instance"), "NetworkInterfaceId": ref(r.address),
            "DeviceIndex": block.get("device_index")}))
    return t


#: The network types.
NETWORK: dict[str, Translator] = {
    "aws_vpc": simple("AWS::EC2::VPC", CidrBlock="cidr_block"),
    "aws_default_vpc": _adopted_vpc,
    "aws_default_subnet": _adopted_subnet,
    "aws_subnet": simple("AWS::EC2::Subnet", VpcId="vpc_id", CidrBlock="cidr_block",
                         AvailabilityZone="availability_zone", AvailabilityZoneId="availability_zone_id",
                         MapPublicIpOnLaunch="map_public_ip_on_launch"),
    "aws_internet_gateway": _internet_gateway,
    "aws_internet_gateway_attachment": simple("AWS::EC2::VPCGatewayAttachment", VpcId="vpc_id",
                                              InternetGatewayId="internet_gateway_id"),
    "aws_egress_only_internet_gateway": simple("AWS::EC2::EgressOnlyInternetGateway", VpcId="vpc_id"),
    "aws_route_table": _route_table,
    "aws_route": _route,
    "aws_route_table_association": simple("AWS::EC2::SubnetRouteTableAssociation", SubnetId="subnet_id",
                                          RouteTableId="route_table_id"),
    "aws_default_route_table": _default_route_table,
    "aws_main_route_table_association": lambda c, r: Fold(c.get(r, "vpc_id"), merge_into(
        {"MainRouteTable": c.get(r, "route_table_id")})),
    "aws_nat_gateway": simple("AWS::EC2::NatGateway", SubnetId="subnet_id", AllocationId="allocation_id"),
    "aws_eip": simple("AWS::EC2::EIP", InstanceId="instance", NetworkInterfaceId="network_interface"),
    "aws_eip_association": simple("AWS::EC2::EIPAssociation", InstanceId="instance_id", AllocationId="allocation_id",
                                  NetworkInterfaceId="network_interface_id"),
    "aws_network_interface": _network_interface,
    "aws_ec2_transit_gateway_route_table": simple("AWS::EC2::TransitGatewayRouteTable",
                                                  TransitGatewayId="transit_gateway_id"),
    "aws_ec2_transit_gateway_route_table_association": simple(
        "AWS::EC2::TransitGatewayRouteTableAssociation", TransitGatewayRouteTableId="transit_gateway_route_table_id",
        TransitGatewayAttachmentId="transit_gateway_attachment_id"),
    "aws_ec2_transit_gateway_route_table_propagation": simple(
        "AWS::EC2::TransitGatewayRouteTablePropagation", TransitGatewayRouteTableId="transit_gateway_route_table_id",
        TransitGatewayAttachmentId="transit_gateway_attachment_id"),
    "aws_ec2_transit_gateway_route": simple(
        "AWS::EC2::TransitGatewayRoute", TransitGatewayRouteTableId="transit_gateway_route_table_id",
        TransitGatewayAttachmentId="transit_gateway_attachment_id", DestinationCidrBlock="destination_cidr_block"),
    "aws_network_interface_attachment": simple("AWS::EC2::NetworkInterfaceAttachment", InstanceId="instance_id",
                                               NetworkInterfaceId="network_interface_id",
                                               DeviceIndex="device_index"),
    "aws_network_interface_sg_attachment": lambda c, r: Fold(c.get(r, "network_interface_id"), append_to(
        "GroupSet", c.get(r, "security_group_id"))),
    "aws_security_group": _security_group,
    "aws_default_security_group": _default_security_group,
    "aws_security_group_rule": _security_group_rule,
    "aws_vpc_security_group_ingress_rule": _vpc_rule(egress=False),
    "aws_vpc_security_group_egress_rule": _vpc_rule(egress=True),
    "aws_vpc_endpoint": simple("AWS::EC2::VPCEndpoint", VpcId="vpc_id", ServiceName="service_name",
                               VpcEndpointType="vpc_endpoint_type", SubnetIds="subnet_ids",
                               SecurityGroupIds="security_group_ids", RouteTableIds="route_table_ids"),
    "aws_flow_log": _flow_log,
    "aws_network_acl": simple("AWS::EC2::NetworkAcl", VpcId="vpc_id"),
    "aws_network_acl_association": simple("AWS::EC2::SubnetNetworkAclAssociation", SubnetId="subnet_id",
                                          NetworkAclId="network_acl_id"),
    "aws_vpc_ipv4_cidr_block_association": simple("AWS::EC2::VPCCidrBlock", VpcId="vpc_id",
                                                  CidrBlock="cidr_block"),
    "aws_vpc_dhcp_options_association": simple("AWS::EC2::VPCDHCPOptionsAssociation", VpcId="vpc_id"),
    "aws_dx_connection": simple("AWS::DirectConnect::Connection", ConnectionName="name"),
    "aws_network_acl_rule": simple("AWS::EC2::NetworkAclEntry", NetworkAclId="network_acl_id",
                                   RuleNumber="rule_number", Egress="egress", Protocol="protocol",
                                   RuleAction="rule_action", CidrBlock="cidr_block"),
    "aws_vpn_gateway": _vpn_gateway,
    "aws_customer_gateway": simple("AWS::EC2::CustomerGateway", BgpAsn="bgp_asn", IpAddress="ip_address",
                                   Type="type"),
    "aws_vpn_connection": simple("AWS::EC2::VPNConnection", VpnGatewayId="vpn_gateway_id",
                                 CustomerGatewayId="customer_gateway_id", TransitGatewayId="transit_gateway_id",
                                 Type="type"),
    "aws_ec2_transit_gateway": simple("AWS::EC2::TransitGateway", Description="description"),
    "aws_ec2_transit_gateway_vpc_attachment": simple("AWS::EC2::TransitGatewayVpcAttachment",
                                                     TransitGatewayId="transit_gateway_id", VpcId="vpc_id",
                                                     SubnetIds="subnet_ids"),
    "aws_route53_zone": simple("AWS::Route53::HostedZone", Name="name"),
    "aws_route53_query_log": lambda c, r: Fold(c.get(r, "zone_id"), merge_into(
        {"QueryLoggingConfig": {"CloudWatchLogsLogGroupArn": c.get(r, "cloudwatch_log_group_arn")}})),
    "aws_route53_record": _record,
}
