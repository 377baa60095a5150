"""CloudFormation network interfaces: drawn as part of the instance they are attached to.

A reader of an architecture diagram expects an instance in its subnet behind its security groups, not a
separate box for each of its network cards. An interface attached to an instance (in the instance's
``NetworkInterfaces`` or by an ``AWS::EC2::NetworkInterfaceAttachment``) is folded into that instance: its
security groups become the instance's too, its subnet places an instance that names no subnet of its own (a
secondary interface in another subnet does not move the instance, which sits in its primary subnet), and an
Elastic IP on the interface makes the instance reachable from the internet. An interface attached to nothing
drawn is listed in the report, not drawn.
"""

from __future__ import annotations

from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, ref
from wadesk.importers.cfn.values import Resource


def attached_instance(m: CfnMapper, interface: str) -> str | None:
    """The instance a network interface of the template is attached to, if the template says."""
    for instance in m.referrers(interface, "AWS::EC2::Instance"):
        for item in as_list(m.prop(instance, "NetworkInterfaces")):
            if ref(dig(item, "NetworkInterfaceId")) == interface:
                return instance
    for attachment in m.referrers(interface, "AWS::EC2::NetworkInterfaceAttachment"):
        if ref(m.prop(attachment, "NetworkInterfaceId")) == interface:
            return ref(m.prop(attachment, "InstanceId"))
    return None


def _interface(m: CfnMapper, r: Resource) -> None:
    node = m.get(attached_instance(m, r.logical_id))
    p = r.properties
    if node is None or node.kind != "ec2":
        # The interface exists all the same, and so does its use of its security groups.
        for key in m.security_group_keys(p.get("GroupSet")):
            group = m.get(key)
            if group is not None:
                group.props["attached_elsewhere"] = True
        m.fold(r, None, "attached to no instance drawn")
        return
    if not node.subnets:
        node.subnets = m.subnet_keys(p.get("SubnetId"))
    groups = m.security_group_keys(p.get("GroupSet"))
    node.security_groups = list(dict.fromkeys([*node.security_groups, *groups]))
    m.fold(r, node.key)


def _attachment(m: CfnMapper, r: Resource) -> None:
    m.fold(r, ref(r.properties.get("InstanceId")))


def interface_instance(m: CfnMapper, value: object) -> str | None:
    """The instance a ``NetworkInterfaceId`` value leads to (an Elastic IP on an interface is the instance's)."""
    interface = ref(value)
    if m.type_of(interface) != "AWS::EC2::NetworkInterface":
        return None
    return attached_instance(m, interface) if interface else None


HANDLERS: HandlerTable = {
    "AWS::EC2::NetworkInterface": (1, _interface),
    "AWS::EC2::NetworkInterfaceAttachment": (1, _attachment),
}
