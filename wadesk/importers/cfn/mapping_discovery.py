"""CloudFormation Cloud Map types: a service registry is drawn as the services that register in it.

An ``AWS::ServiceDiscovery::Service`` holds the addresses of the tasks of the ECS services that name it in their
``ServiceRegistries``; whoever calls it (an HTTP API's private integration through a VPC link, another service)
reaches those tasks. It is folded into the ECS service that registers with it, so a flow to the registry is
drawn to that service. Namespaces are names, not places traffic goes: they are listed as folded (a private DNS
namespace into its VPC).
"""

from __future__ import annotations

from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, ref
from wadesk.importers.cfn.values import Resource


def _registering_service(m: CfnMapper, registry: str) -> str | None:
    for service in m.referrers(registry, "AWS::ECS::Service"):
        if any(ref(dig(item, "RegistryArn")) == registry for item in as_list(m.prop(service, "ServiceRegistries"))):
            return service
    return None


def _service(m: CfnMapper, r: Resource) -> None:
    service = _registering_service(m, r.logical_id)
    m.fold(r, service, "no ECS service drawn registers with it")


def _instance(m: CfnMapper, r: Resource) -> None:
    m.fold(r, ref(r.properties.get("ServiceId")), "its service is not drawn")


def _private_namespace(m: CfnMapper, r: Resource) -> None:
    m.fold(r, ref(r.properties.get("Vpc")), "a namespace of service names")


def _namespace(m: CfnMapper, r: Resource) -> None:
    m.fold(r, None, "a namespace of service names")


HANDLERS: HandlerTable = {
    "AWS::ServiceDiscovery::Service": (1, _service),
    "AWS::ServiceDiscovery::Instance": (2, _instance),
    "AWS::ServiceDiscovery::PrivateDnsNamespace": (1, _private_namespace),
    "AWS::ServiceDiscovery::PublicDnsNamespace": (1, _namespace),
    "AWS::ServiceDiscovery::HttpNamespace": (1, _namespace),
}
