"""CloudFormation front doors: load balancers, CloudFront, API Gateway, WAF, Shield and certificates."""

from __future__ import annotations

from typing import Any

from wadesk.catalog.tls_policies import ELB_DEFAULT_POLICY, weakest_elb_policy
from wadesk.importers.cfn.api_routes import (
    AUTH_TYPES,
    openapi_default_auth,
    openapi_routes,
    openapi_targets,
    route_name,
)
from wadesk.importers.cfn.iam_grants import trusted_services
from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, flag, number, ref, refs, text
from wadesk.importers.cfn.values import Resource, ResourceRef

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
    if protocol in ("HTTPS", "TLS"):
        m.topic("tls_policies").setdefault(balancer or "", []).append(_named_policy(p.get("SslPolicy")))
    m.topic("listener_lb")[r.logical_id] = balancer
    m.topic("listener_plain")[r.logical_id] = protocol not in _SECURE
    for group in _forwarded_groups(p.get("DefaultActions")):
        m.topic("lb_groups").setdefault(balancer or "", []).append(group)
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
    m.fold(r, balancer)


def _target_group(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    for target in as_list(p.get("Targets")):
        for key in refs(dig(target, "Id")):
            m.topic("tg_targets").setdefault(r.logical_id, []).append(key)
    balancers = [lb for lb, groups in m.topic("lb_groups").items() if r.logical_id in groups]
    m.fold(r, balancers[0] if balancers else None, "no load balancer forwards to it")


def finish_load_balancers(m: CfnMapper) -> None:
    """Listener protocols decide ``https_only``; a balancer forwards to the targets of its target groups."""
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


# ------------------------------------------------------------------ API Gateway
def _rest_api(m: CfnMapper, r: Resource) -> None:
    types = [text(t).upper() for t in as_list(dig(r.properties, "EndpointConfiguration", "Types"))]
    endpoint = types[0] if types and types[0] in ("EDGE", "REGIONAL", "PRIVATE") else "EDGE"
    if r.type == "AWS::ApiGatewayV2::Api":
        endpoint = "REGIONAL"
    node = m.node(r, "api_gateway", {"endpoint_type": endpoint})
    if endpoint != "PRIVATE":
        m.topic("internet_entries")[node.key] = "HTTPS"
    routes = openapi_routes(r.properties.get("Body"))
    if not routes:
        # a definition without paths (SAM's, when the paths are in an included file) still names the authorizer
        # every route uses by default
        routes = [("(default authorizer)", kind) for kind in openapi_default_auth(r.properties.get("Body"))]
    m.topic("api_auth").setdefault(node.key, []).extend(routes)
    for target in refs(r.properties.get("Target")):
        m.topic("later_flows").setdefault("items", []).append((node.key, target, "Integration"))
    for target, label in openapi_targets(r.properties.get("Body")):
        m.topic("later_flows").setdefault("items", []).append((node.key, target, label))


def _resource_path(m: CfnMapper, value: Any, depth: int = 0) -> str | None:
    """The path of an ``AWS::ApiGateway::Resource`` (``/orders/{id}``); None when the template does not say."""
    if isinstance(value, ResourceRef) and value.attribute == "RootResourceId":
        return "/"
    key = ref(value)
    if key is None or m.type_of(key) != "AWS::ApiGateway::Resource" or depth > 30:
        return None
    parent = _resource_path(m, m.prop(key, "ParentId"), depth + 1)
    part = text(m.prop(key, "PathPart"))
    if parent is None or not part:
        return None
    return parent.rstrip("/") + "/" + part


def _method(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    api = ref(p.get("RestApiId")) or ref(p.get("ApiId"))
    kind = text(p.get("AuthorizationType"), "NONE").upper()
    if r.type == "AWS::ApiGatewayV2::Route":
        route = text(p.get("RouteKey")) or r.logical_id
        method = route.split(" ", 1)[0]
    else:
        method = text(p.get("HttpMethod"), "ANY")
        path = _resource_path(m, p.get("ResourceId"))
        route = route_name(method, path) if path else f"{method.upper()} ({r.logical_id})"
    if method.upper() != "OPTIONS":
        m.topic("api_auth").setdefault(api or "", []).append((route, AUTH_TYPES.get(kind, "none")))
    targets = refs(dig(p, "Integration", "Uri"))
    if text(dig(p, "Integration", "ConnectionType")).upper() == "VPC_LINK":
        # a private integration reaches the network load balancers of its VPC link, not the address it names
        targets = _vpc_link_targets(m, dig(p, "Integration", "ConnectionId")) or targets
    for target in targets:
        m.topic("later_flows").setdefault("items", []).append((api, target, "Integration"))
    if api:  # an AWS-service integration calls DynamoDB, SQS, Kinesis... with the role it names
        m.uses_role(api, dig(p, "Integration", "Credentials"))
    m.fold(r, api)


def _vpc_link_targets(m: CfnMapper, connection: Any) -> list[str]:
    """The load balancers behind the VPC link a private integration uses: the one it names, or the template's
    only VPC link when it names one through a stage variable."""
    link = ref(connection)
    if link is None or m.type_of(link) != "AWS::ApiGateway::VpcLink":
        links = [key for key, res in m.resources.items() if res.type == "AWS::ApiGateway::VpcLink"]
        link = links[0] if len(links) == 1 else None
    return refs(m.prop(link, "TargetArns")) if link else []


def _vpc_link(m: CfnMapper, r: Resource) -> None:
    """A VPC link belongs to the load balancer it exposes (REST APIs) or the API whose integrations use it."""
    drawn = [key for key in refs(r.properties.get("TargetArns")) if m.get(key) is not None]
    if not drawn:
        drawn = [key for key in m.referrers(r.logical_id) if m.get(key) is not None]
        drawn += [
            api for key in m.referrers(r.logical_id, "AWS::ApiGatewayV2::Integration")
            if (api := ref(m.prop(key, "ApiId"))) and m.get(api) is not None
        ]
    m.fold(r, drawn[0] if drawn else None, "used by nothing drawn")


def _integration_v2(m: CfnMapper, r: Resource) -> None:
    api = ref(r.properties.get("ApiId"))
    for target in refs(r.properties.get("IntegrationUri")):
        m.topic("later_flows").setdefault("items", []).append((api, target, "Integration"))
    if api:
        m.uses_role(api, r.properties.get("CredentialsArn"))
    m.fold(r, api)


# ------------------------------------------------------------------ AppSync
#: AppSync's authentication types -> the catalog's authorization (an API key identifies, it authorizes no one).
_APPSYNC_AUTH = {
    "API_KEY": "none",
    "AWS_IAM": "iam",
    "AMAZON_COGNITO_USER_POOLS": "cognito",
    "OPENID_CONNECT": "cognito",
    "AWS_LAMBDA": "lambda",
}


def _graphql_api(m: CfnMapper, r: Resource) -> None:
    """An AppSync GraphQL API is drawn as an API endpoint: requests reach it from the internet unless it is
    private; a caller may use any of its authentication types, so the weakest one counts."""
    p = r.properties
    providers = as_list(p.get("AdditionalAuthenticationProviders"))
    kinds = [text(p.get("AuthenticationType")).upper()] + [
        text(dig(provider, "AuthenticationType")).upper() for provider in providers
    ]
    found = [_APPSYNC_AUTH[k] for k in kinds if k in _APPSYNC_AUTH]
    private = text(p.get("Visibility")).upper() == "PRIVATE"
    node = m.node(
        r,
        "api_gateway",
        {
            "authorization": "none" if not found or "none" in found else found[0],
            "endpoint_type": "PRIVATE" if private else "REGIONAL",
            "access_logs": bool(p.get("LogConfig")),
            "tracing": flag(p.get("XrayEnabled"), False),
            # AppSync has no per-API throttling setting to turn on: its service quota limits every API
            "throttling": True,
        },
        label=f"{r.logical_id} (AppSync)",
    )
    if not private:
        m.topic("internet_entries")[node.key] = "HTTPS"


def _appsync_part(m: CfnMapper, r: Resource) -> None:
    m.fold(r, ref(r.properties.get("ApiId")), "no API drawn")


def _appsync_cache(m: CfnMapper, r: Resource) -> None:
    api = m.get(ref(r.properties.get("ApiId")))
    if api is not None:
        api.props["caching"] = True
    m.fold(r, api.key if api else None, "no API drawn")


def _appsync_data_source(m: CfnMapper, r: Resource) -> None:
    """A data source is where the API's resolvers read and write: a flow from the API to it."""
    p = r.properties
    api = ref(p.get("ApiId"))
    targets = refs(
        [
            dig(p, "DynamoDBConfig", "TableName"),
            dig(p, "LambdaConfig", "LambdaFunctionArn"),
            dig(p, "OpenSearchServiceConfig", "Endpoint"),
            dig(p, "ElasticsearchConfig", "Endpoint"),
            dig(p, "RelationalDatabaseConfig", "RdsHttpEndpointConfig", "DbClusterIdentifier"),
            dig(p, "EventBridgeConfig", "EventBusArn"),
        ]
    )
    for target in targets:
        m.topic("later_flows").setdefault("items", []).append((api, target, "Data source"))
    if api:
        m.uses_role(api, p.get("ServiceRoleArn"))
    m.fold(r, api, "no API drawn")


def _stage(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    api = m.get(ref(p.get("RestApiId")) or ref(p.get("ApiId")))
    if api is not None:
        if p.get("AccessLogSetting") or p.get("AccessLogSettings"):
            api.props["access_logs"] = True
        if flag(p.get("TracingEnabled"), False):
            api.props["tracing"] = True
        settings = [s for s in as_list(p.get("MethodSettings")) if isinstance(s, dict)]
        if flag(p.get("CacheClusterEnabled"), False) or any(flag(s.get("CachingEnabled"), False) for s in settings):
            api.props["caching"] = True
        if (
            any(s.get("ThrottlingRateLimit") is not None for s in settings)
            or dig(p, "DefaultRouteSettings", "ThrottlingRateLimit") is not None
        ):
            api.props["throttling"] = True
    m.fold(r, api.key if api else None)


def _usage_plan(m: CfnMapper, r: Resource) -> None:
    apis = [ref(stage.get("ApiId")) for stage in as_list(r.properties.get("ApiStages")) if isinstance(stage, dict)]
    apis = [a for a in apis if a and m.get(a) is not None]
    if r.properties.get("Throttle"):
        for api in apis:
            m.get(api).props["throttling"] = True  # type: ignore[union-attr]
    m.fold(r, apis[0] if apis else None, "no API drawn")


def _fold_api(m: CfnMapper, r: Resource) -> None:
    api = ref(r.properties.get("RestApiId")) or ref(r.properties.get("ApiId"))
    m.fold(r, api, "no API drawn")


def finish_apis(m: CfnMapper) -> None:
    """An API's authorization is its protected routes' (none when every route is open); its open routes listed.

    A role only API Gateway may assume, used by no integration the template shows, belongs to the template's
    only API when there is one: its integrations are then written where the importer does not read them (an
    OpenAPI file included from outside the template)."""
    apis = [n.key for n in m.design.nodes.values() if n.kind == "api_gateway" and n.source_type.startswith(
        "AWS::ApiGateway")]
    if len(apis) == 1:
        logging_roles = {
            key for res in m.resources.values() if res.type == "AWS::ApiGateway::Account"
            for key in refs(res.properties.get("CloudWatchRoleArn"))
        }
        for role in m.resources.values():
            if (
                role.type == "AWS::IAM::Role"
                and role.logical_id not in m.role_users
                and role.logical_id not in logging_roles
                and trusted_services(role.properties.get("AssumeRolePolicyDocument")) == {"apigateway.amazonaws.com"}
            ):
                m.role_users.setdefault(role.logical_id, []).append(apis[0])
    for api, routes in m.topic("api_auth").items():
        node = m.get(api)
        if node is None or not routes:
            continue
        protected = [kind for _, kind in routes if kind != "none"]
        node.props["authorization"] = max(protected, key=protected.count) if protected else "none"
        node.props["open_routes"] = sorted({route for route, kind in routes if kind == "none"})


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
    "AWS::ApiGateway::RestApi": (0, _rest_api),
    "AWS::ApiGatewayV2::Api": (0, _rest_api),
    "AWS::ApiGateway::Method": (1, _method),
    "AWS::ApiGatewayV2::Route": (1, _method),
    "AWS::ApiGatewayV2::Integration": (1, _integration_v2),
    "AWS::ApiGateway::Stage": (1, _stage),
    "AWS::ApiGatewayV2::Stage": (1, _stage),
    "AWS::ApiGateway::UsagePlan": (1, _usage_plan),
    "AWS::AppSync::GraphQLApi": (0, _graphql_api),
    "AWS::AppSync::DataSource": (1, _appsync_data_source),
    "AWS::AppSync::ApiCache": (1, _appsync_cache),
    "AWS::AppSync::ApiKey": (1, _appsync_part),
    "AWS::AppSync::GraphQLSchema": (1, _appsync_part),
    "AWS::AppSync::Resolver": (1, _appsync_part),
    "AWS::AppSync::FunctionConfiguration": (1, _appsync_part),
    "AWS::AppSync::DomainNameApiAssociation": (1, _appsync_part),
    "AWS::ApiGateway::Resource": (1, _fold_api),
    "AWS::ApiGateway::VpcLink": (2, _vpc_link),
    "AWS::ApiGatewayV2::VpcLink": (2, _vpc_link),
    "AWS::ApiGateway::Deployment": (1, _fold_api),
    "AWS::ApiGateway::Model": (1, _fold_api),
    "AWS::ApiGateway::Authorizer": (1, _fold_api),
    "AWS::ApiGateway::RequestValidator": (1, _fold_api),
    "AWS::ApiGateway::GatewayResponse": (1, _fold_api),
    "AWS::ApiGatewayV2::Deployment": (1, _fold_api),
    "AWS::ApiGatewayV2::Authorizer": (1, _fold_api),
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
