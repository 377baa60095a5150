"""CloudFormation front doors: load balancers, CloudFront, WAF, Shield and certificates."""

from __future__ import annotations

from typing import Any

from wadesk.catalog.tls_policies import ELB_DEFAULT_POLICY, weakest_elb_policy
from wadesk.importers.cfn.mapping import (
    CfnMapper,
    HandlerTable,
    as_list,
    dig,
    externals,
    flag,
    number,
    ref,
    refs,
    text,
)
from wadesk.importers.cfn.values import Resource, Unresolved, refs_in
from wadesk.importers.ir import ImportedNode

_SECURE = ("HTTPS", "TLS", "SSL")
#: A policy value the template does not resolve: rules cannot judge it (never read as "none named").
UNRESOLVED_POLICY = "(not resolved)"


def _named_policy(value: Any) -> str:
    """A listener's ``SslPolicy``: the name, ELB's default when absent, a marker when not resolved."""
    if value is None or value == "":
        return ELB_DEFAULT_POLICY
    return value if isinstance(value, str) else UNRESOLVED_POLICY


# ------------------------------------------------------------------ ELBv2
def _load_balancer(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    attributes = {
        text(a.get("Key")): a.get("Value") for a in as_list(p.get("LoadBalancerAttributes")) if isinstance(a, dict)
    }
    kind = {"network": "nlb", "gateway": "nlb"}.get(text(p.get("Type"), "application").lower(), "alb")
    node = m.node(
        r,
        kind,
        {
            "scheme": "internal" if text(p.get("Scheme")) == "internal" else "internet-facing",
            "access_logs": flag(attributes.get("access_logs.s3.enabled"), False),
            "deletion_protection": flag(attributes.get("deletion_protection.enabled"), False),
        },
    )
    if kind == "alb":
        node.props["drop_invalid_header_fields"] = flag(
            attributes.get("routing.http.drop_invalid_header_fields.enabled"), False
        )
    subnets = m.subnet_keys(p.get("Subnets"))
    for mapping in as_list(p.get("SubnetMappings")):
        subnets += m.subnet_keys(dig(mapping, "SubnetId"))
    node.subnets = list(dict.fromkeys(subnets))
    node.security_groups = m.security_group_keys(p.get("SecurityGroups"))
    m.topic("listeners").setdefault(node.key, [])
    if node.props["access_logs"]:
        # The bucket the access logs go to is a log bucket (its own access is not logged back into it).
        for bucket in refs(attributes.get("access_logs.s3.bucket")):
            m.topic("log_buckets")[bucket] = True


def _forwarded_groups(actions: Any) -> list[str]:
    groups: list[str] = []
    for action in as_list(actions):
        if not isinstance(action, dict):
            continue
        groups += refs(action.get("TargetGroupArn"))
        for item in as_list(dig(action, "ForwardConfig", "TargetGroups")):
            groups += refs(dig(item, "TargetGroupArn"))
    return groups


def _redirects_to_https(actions: Any) -> bool:
    listed = [a for a in as_list(actions) if isinstance(a, dict)]
    return bool(listed) and all(
        text(a.get("Type")) == "redirect"
        and text(dig(a, "RedirectConfig", "Protocol")).upper() == "HTTPS"
        or text(a.get("Type")) == "fixed-response"
        for a in listed
    )


def _listener(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    balancer = ref(p.get("LoadBalancerArn"))
    protocol = text(p.get("Protocol"), "HTTP").upper()
    secure = protocol in _SECURE or _redirects_to_https(p.get("DefaultActions"))
    m.topic("listeners").setdefault(balancer or "", []).append(secure)
    m.topic("listener_ports").setdefault(balancer or "", []).append(number(p.get("Port"), None))
    if protocol in ("HTTPS", "TLS"):
        m.topic("tls_policies").setdefault(balancer or "", []).append(_named_policy(p.get("SslPolicy")))
    m.topic("listener_lb")[r.logical_id] = balancer
    m.topic("listener_plain")[r.logical_id] = protocol not in _SECURE
    for group in _forwarded_groups(p.get("DefaultActions")):
        m.topic("lb_groups").setdefault(balancer or "", []).append(group)
        if balancer is None:
            m.topic("outside_listeners").setdefault(group, _outside_name(p.get("LoadBalancerArn")))
    m.fold(r, balancer)


def _listener_rule(m: CfnMapper, r: Resource) -> None:
    listener = ref(r.properties.get("ListenerArn")) or ""
    balancer = m.topic("listener_lb").get(listener)
    forwarded = _forwarded_groups(r.properties.get("Actions"))
    if forwarded and m.topic("listener_plain").get(listener):
        # A plain HTTP listener whose default is a redirect or a fixed response still serves what its rules forward.
        m.topic("listeners").setdefault(balancer or "", []).append(False)
    for group in forwarded:
        m.topic("lb_groups").setdefault(balancer or "", []).append(group)
        if balancer is None:
            m.topic("outside_listeners").setdefault(group, _outside_name(r.properties.get("ListenerArn")))
    m.fold(r, balancer)


def _target_group(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    for target in as_list(p.get("Targets")):
        for key in refs(dig(target, "Id")):
            m.topic("tg_targets").setdefault(r.logical_id, []).append(key)
    # Folded once every listener is read (see _fold_target_groups): a listener rule may come later.
    m.topic("target_groups")[r.logical_id] = r


def _outside_name(value: Any) -> str:
    """What names a listener or load balancer of another stack: its export or parameter, else its ARN's end."""
    found = externals(value)
    if found:
        return found[0].name
    if isinstance(value, Unresolved):
        return value.expression.removeprefix("Ref ")
    return text(value).rsplit("/", 1)[-1] if "/" in text(value) else text(value)


def _fold_target_groups(m: CfnMapper) -> None:
    """Fold each target group into the load balancer that forwards to it.

    A target group with targets that no load balancer of the template forwards to is registered with one defined
    elsewhere (a shared load balancer's listener in another stack; ECS even refuses a service whose target group
    has no load balancer): that load balancer is drawn as a placeholder, so its targets still read as receiving
    requests through a load balancer, and nothing claims the group forwards nothing.
    """
    drawn = {lb: groups for lb, groups in m.topic("lb_groups").items() if m.get(lb) is not None}
    for key, resource in m.topic("target_groups").items():
        balancers = [lb for lb, groups in drawn.items() if key in groups]
        if not balancers and m.topic("tg_targets").get(key):
            balancers = [_outside_balancer(m, resource)] if _outside_kind(resource) else []
        m.fold(resource, balancers[0] if balancers else None, "no load balancer forwards to it")


def _outside_kind(resource: Resource) -> str | None:
    """The kind of load balancer a target group's protocol needs (None for a Gateway Load Balancer's GENEVE)."""
    protocol = text(resource.properties.get("Protocol")).upper()
    if text(resource.properties.get("TargetType")) == "lambda" or protocol in ("", "HTTP", "HTTPS"):
        return "alb"
    return "nlb" if protocol in ("TCP", "TLS", "UDP", "TCP_UDP") else None


def _outside_balancer(m: CfnMapper, resource: Resource) -> str:
    """The placeholder load balancer that forwards to a target group from outside the template."""
    kind = _outside_kind(resource) or "alb"
    listener = m.topic("outside_listeners").get(resource.logical_id)
    if listener:
        key, label = f"listener:{listener}", f"Load balancer of listener {listener} (defined outside the template)"
    else:
        key, label = f"{resource.logical_id}.balancer", f"Load balancer of {resource.logical_id} (in another stack)"
    existing = m.design.nodes.get(key)
    if existing is None or existing.kind != kind:
        while key in m.design.nodes or key in m.resources:
            key = f"{key}'"
        node = ImportedNode(key=key, kind=kind, label=label, placeholder=True, source_type="")
        # Drawn beside its targets (a load balancer spans the subnets it forwards into, as far as the template
        # tells), else in the target group's VPC.
        targets = [m.get(target) for target in m.topic("tg_targets").get(resource.logical_id, [])]
        node.subnets = list(dict.fromkeys(s for target in targets if target is not None for s in target.subnets))
        if not node.subnets:
            node.vpc = m.vpc_key(resource.properties.get("VpcId"))
        m.design.add(node)
        m.report.assume(
            f"No listener of the template forwards to the target group {resource.logical_id}: a load balancer "
            "defined elsewhere does, drawn as a placeholder"
        )
    m.topic("lb_groups").setdefault(key, []).append(resource.logical_id)
    return key


def finish_load_balancers(m: CfnMapper) -> None:
    """Listener protocols decide ``https_only``; a balancer forwards to the targets of its target groups."""
    _fold_target_groups(m)
    for balancer, secure in m.topic("listeners").items():
        node = m.get(balancer)
        if node is not None and node.kind in ("alb", "nlb", "elb"):
            node.props["https_only"] = bool(secure) and all(secure)
    for balancer, policies in m.topic("tls_policies").items():
        node = m.get(balancer)
        if node is not None and node.kind in ("alb", "nlb"):
            node.props["tls_policy"] = weakest_elb_policy(policies)
    for balancer, groups in m.topic("lb_groups").items():
        for group in dict.fromkeys(groups):
            group_port = number(m.prop(group, "Port"), None)
            protocol = text(m.prop(group, "Protocol"), "HTTP" if m.prop(group, "TargetType") != "lambda" else "")
            for target in m.topic("tg_targets").get(group, []):
                port = m.topic("target_ports").get((group, target), group_port)
                m.design.flow(
                    balancer,
                    target,
                    _web_protocol(protocol, port),
                    port,
                    f"{protocol or 'invoke'}" + (f" :{port}" if port else ""),
                    reason=f"target group {group}",
                )


def finish_outside_targets(m: CfnMapper) -> None:
    """A load balancer that forwards to nothing the template draws, but whose ARN (or a listener's) the template
    outputs, hands its listeners to another stack: that stack registers its targets (``targets_elsewhere``)."""
    # Its ARN or name (what another stack needs to add listeners or rules); a DNS name output is for people.
    named = {
        found.logical_id
        for value in m.template.outputs.values()
        for found in refs_in(value)
        if found.attribute in (None, "LoadBalancerArn", "ListenerArn", "LoadBalancerName")
    }
    sending = {flow.source for flow in m.design.flows}
    listeners: dict[str, list[str]] = {}
    for listener, balancer in m.topic("listener_lb").items():
        listeners.setdefault(balancer or "", []).append(listener)
    for node in m.design.nodes.values():
        if node.kind not in ("alb", "nlb", "elb") or node.placeholder or node.key in sending:
            continue
        if node.key in named or any(listener in named for listener in listeners.get(node.key, [])):
            node.props["targets_elsewhere"] = True
            m.report.assume(
                f"The load balancer {node.key} forwards to no target of the template and is in its Outputs: its "
                "targets are taken as registered by another stack"
            )


def _web_protocol(protocol: str, port: int | None) -> str:
    protocol = protocol.upper()
    if protocol == "HTTPS":
        return "https"
    if protocol == "HTTP":
        return "http"
    if protocol in ("TLS", "SSL"):
        return "tls"
    if protocol in ("TCP", "UDP", "TCP_UDP"):
        return "tcp"
    return "https" if not protocol else "other"


# ------------------------------------------------------------------ Classic ELB
def _classic_balancer(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    listeners = [item for item in as_list(p.get("Listeners")) if isinstance(item, dict)]
    secure = [text(item.get("Protocol"), "HTTP").upper() in _SECURE for item in listeners]
    node = m.node(
        r,
        "elb",
        {
            "scheme": "internal" if text(p.get("Scheme")) == "internal" else "internet-facing",
            "access_logs": flag(dig(p, "AccessLoggingPolicy", "Enabled"), False),
            "https_only": bool(secure) and all(secure),
        },
    )
    m.topic("listener_ports")[node.key] = [number(item.get("LoadBalancerPort"), None) for item in listeners]
    policies = [_classic_policy(p, item) for item in listeners if text(item.get("Protocol")).upper() in _SECURE]
    if policies:
        node.props["tls_policy"] = weakest_elb_policy(policies)
    node.subnets = m.subnet_keys(p.get("Subnets"))
    node.security_groups = m.security_group_keys(p.get("SecurityGroups"))
    if "Subnets" not in p:
        m.topic("default_vpc")[node.key] = True
    if node.props["access_logs"]:
        for bucket in refs(dig(p, "AccessLoggingPolicy", "S3BucketName")):
            m.topic("log_buckets")[bucket] = True
    port = number(listeners[0].get("InstancePort"), None) if listeners else None
    protocol = (
        text(listeners[0].get("InstanceProtocol") or listeners[0].get("Protocol"), "HTTP") if listeners else "HTTP"
    )
    for instance in refs(p.get("Instances")):
        m.design.flow(node.key, instance, _web_protocol(protocol, port), port, f"{protocol} :{port}" if port else "")
    m.topic("elb_ports")[node.key] = (protocol, port)


def _classic_policy(p: dict[str, Any], listener: dict[str, Any]) -> str:
    """The security policy of a Classic Load Balancer's HTTPS or SSL listener.

    An SSL negotiation policy applies when the listener names it or it lists the listener's port; one that
    refers to a predefined policy is that policy, one that lists protocols itself is custom (not judged).
    """
    names = [text(name) for name in as_list(listener.get("PolicyNames"))]
    port = number(listener.get("LoadBalancerPort"), None)
    for policy in as_list(p.get("Policies")):
        if not isinstance(policy, dict) or text(policy.get("PolicyType")) != "SSLNegotiationPolicyType":
            continue
        ports = [number(item, None) for item in as_list(policy.get("LoadBalancerPorts"))]
        if text(policy.get("PolicyName")) not in names and (port is None or port not in ports):
            continue
        for attribute in as_list(policy.get("Attributes")):
            if isinstance(attribute, dict) and text(attribute.get("Name")) == "Reference-Security-Policy":
                return _named_policy(attribute.get("Value"))
        return f"{text(policy.get('PolicyName')) or 'unnamed'} (custom)"
    return ELB_DEFAULT_POLICY


def finish_classic(m: CfnMapper) -> None:
    """Auto scaling groups and ECS services registered with a classic load balancer receive from it."""
    for balancer, targets in m.topic("elb_targets").items():
        protocol, port = m.topic("elb_ports").get(balancer, ("HTTP", None))
        for target in targets:
            m.design.flow(balancer, target, _web_protocol(protocol, port), port, f"{protocol} :{port}" if port else "")


# ------------------------------------------------------------------ CloudFront
def _given(value: Any) -> bool:
    """Whether a property holds something: a non-empty text, or a value computed from other resources."""
    if value is None:
        return False
    return bool(value.strip()) if isinstance(value, str) else True


def _distribution(m: CfnMapper, r: Resource) -> None:
    config = r.properties.get("DistributionConfig") or {}
    behaviours = [config.get("DefaultCacheBehavior") or {}] + as_list(config.get("CacheBehaviors"))
    policies = [text(dig(b, "ViewerProtocolPolicy"), "allow-all") for b in behaviours if isinstance(b, dict)]
    worst = (
        "allow-all"
        if "allow-all" in policies
        else ("redirect-to-https" if "redirect-to-https" in policies else "https-only")
    )
    origins = [o for o in as_list(config.get("Origins")) if isinstance(o, dict)]
    # an origin access identity (legacy, often built with !Sub) restricts the bucket as a control does
    oac = any(
        _given(o.get("OriginAccessControlId")) or _given(dig(o, "S3OriginConfig", "OriginAccessIdentity"))
        for o in origins
    )
    certificate = config.get("ViewerCertificate") if isinstance(config.get("ViewerCertificate"), dict) else {}
    # a certificate named by a parameter left empty is still the template's own certificate, not the default one
    custom = any(certificate.get(name) is not None for name in ("AcmCertificateArn", "IamCertificateId")) and not flag(
        certificate.get("CloudFrontDefaultCertificate"), False
    )
    minimum = certificate.get("MinimumProtocolVersion")
    node = m.node(
        r,
        "cloudfront",
        {
            "viewer_protocol": worst,
            "origin_access_control": oac,
            "access_logs": bool(config.get("Logging")),
            "origin_failover": bool(dig(config, "OriginGroups", "Items")),
            "custom_certificate": custom,
            "minimum_protocol_version": (minimum if isinstance(minimum, str) else UNRESOLVED_POLICY)
            if custom and minimum
            else "TLSv1",
        },
    )
    for bucket in refs(dig(config, "Logging", "Bucket")):
        m.topic("log_buckets")[bucket] = True
    for origin in origins:
        for target in refs(origin.get("DomainName")):
            m.topic("later_flows").setdefault("items", []).append((node.key, target, "Origin"))
    for behaviour in behaviours:
        for association in as_list(dig(behaviour, "LambdaFunctionAssociations")):
            for function in refs(dig(association, "LambdaFunctionARN")):
                m.topic("later_flows").setdefault("items", []).append((node.key, function, "Lambda@Edge"))
    for acl in refs(config.get("WebACLId")):
        m.topic("waf_fronts").setdefault(node.key, []).append(acl)
    m.topic("internet_entries")[node.key] = "HTTPS"


# ------------------------------------------------------------------ WAF, Shield, ACM
def _web_acl(m: CfnMapper, r: Resource) -> None:
    rules = as_list(r.properties.get("Rules"))
    managed = any(dig(rule, "Statement", "ManagedRuleGroupStatement") is not None for rule in rules)
    m.node(r, "waf", {"managed_rules": managed})


def _web_acl_association(m: CfnMapper, r: Resource) -> None:
    acl = ref(r.properties.get("WebACLArn")) or ref(r.properties.get("WebACLId"))
    for front in refs(r.properties.get("ResourceArn")):
        m.topic("waf_fronts").setdefault(front, []).append(acl or "")
    m.fold(r, acl)


def _waf_logging(m: CfnMapper, r: Resource) -> None:
    acl = m.get(ref(r.properties.get("ResourceArn")))
    if acl is not None:
        acl.props["logging"] = True
    m.fold(r, acl.key if acl else None)


def finish_waf(m: CfnMapper) -> None:
    """A web ACL associated with an entry point sits in front of it."""
    for front, acls in m.topic("waf_fronts").items():
        for acl in acls:
            if m.get(acl) is not None and m.get(front) is not None:
                m.topic("protected")[m.get(front).key] = m.get(acl).key  # type: ignore[union-attr]


def _shield(m: CfnMapper, r: Resource) -> None:
    m.node(r, "shield", {"advanced": True})


def _certificate(m: CfnMapper, r: Resource) -> None:
    m.node(r, "acm", label=text(r.properties.get("DomainName")) or r.logical_id)


HANDLERS: HandlerTable = {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": (0, _load_balancer),
    "AWS::ElasticLoadBalancingV2::Listener": (1, _listener),
    "AWS::ElasticLoadBalancingV2::ListenerRule": (2, _listener_rule),
    "AWS::ElasticLoadBalancingV2::ListenerCertificate": (
        2,
        lambda m, r: m.fold(r, m.topic("listener_lb").get(ref(r.properties.get("ListenerArn")) or "")),
    ),
    "AWS::ElasticLoadBalancingV2::TargetGroup": (2, _target_group),
    "AWS::ElasticLoadBalancing::LoadBalancer": (0, _classic_balancer),
    "AWS::CloudFront::Distribution": (0, _distribution),
    "AWS::CloudFront::OriginAccessControl": (1, lambda m, r: _fold_to_user(m, r, "AWS::CloudFront::Distribution")),
    "AWS::CloudFront::CloudFrontOriginAccessIdentity": (
        1,
        lambda m, r: _fold_to_user(m, r, "AWS::CloudFront::Distribution"),
    ),
    "AWS::CloudFront::CachePolicy": (1, lambda m, r: _fold_to_user(m, r, "AWS::CloudFront::Distribution")),
    "AWS::CloudFront::OriginRequestPolicy": (1, lambda m, r: _fold_to_user(m, r, "AWS::CloudFront::Distribution")),
    "AWS::CloudFront::ResponseHeadersPolicy": (1, lambda m, r: _fold_to_user(m, r, "AWS::CloudFront::Distribution")),
    "AWS::CloudFront::Function": (1, lambda m, r: _fold_to_user(m, r, "AWS::CloudFront::Distribution")),
    "AWS::WAFv2::WebACL": (0, _web_acl),
    "AWS::WAF::WebACL": (0, _web_acl),
    "AWS::WAFRegional::WebACL": (0, _web_acl),
    "AWS::WAFv2::WebACLAssociation": (1, _web_acl_association),
    "AWS::WAFRegional::WebACLAssociation": (1, _web_acl_association),
    "AWS::WAFv2::LoggingConfiguration": (1, _waf_logging),
    "AWS::Shield::Protection": (0, _shield),
    "AWS::CertificateManager::Certificate": (0, _certificate),
}


def _fold_to_user(m: CfnMapper, r: Resource, user_type: str) -> None:
    users = m.referrers(r.logical_id, user_type)
    m.fold(r, users[0] if users else None, "used by nothing drawn")
