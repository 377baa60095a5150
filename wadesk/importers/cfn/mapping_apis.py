"""CloudFormation APIs: API Gateway (REST, HTTP and WebSocket APIs, their routes, stages and VPC links) and
AppSync GraphQL APIs."""

from __future__ import annotations

from typing import Any

from wadesk.importers.cfn.api_routes import (
    AUTH_TYPES,
    openapi_default_auth,
    openapi_routes,
    openapi_targets,
    route_name,
)
from wadesk.importers.cfn.iam_grants import trusted_services
from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, flag, ref, refs, text
from wadesk.importers.cfn.values import Resource, ResourceRef


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
    """A VPC link belongs to the load balancer it exposes (REST APIs) or the API whose integrations use it.

    An HTTP API's link places network interfaces in its subnets with its security groups: those groups are in
    use, though no node is drawn in them."""
    for key in m.security_group_keys(r.properties.get("SecurityGroupIds")):
        group = m.get(key)
        if group is not None:
            group.props["attached_elsewhere"] = True
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


#: Resources that map a custom domain name onto an API: type -> the property naming the API.
_DOMAIN_MAPPINGS = {
    "AWS::ApiGateway::BasePathMapping": "RestApiId",
    "AWS::ApiGateway::BasePathMappingV2": "RestApiId",
    "AWS::ApiGatewayV2::ApiMapping": "ApiId",
}


def _domain_mapping(m: CfnMapper, r: Resource) -> None:
    m.fold(r, ref(r.properties.get(_DOMAIN_MAPPINGS[r.type])), "no API drawn")


def _api_of_domain(m: CfnMapper, domain: str | None) -> str | None:
    """The drawn API a custom domain name of the template is mapped to, if any."""
    apis = [
        ref(m.prop(mapping, _DOMAIN_MAPPINGS[m.type_of(mapping)]))
        for mapping in (m.referrers(domain) if domain else [])
        if m.type_of(mapping) in _DOMAIN_MAPPINGS
    ]
    return next((api for api in apis if m.get(api) is not None), None)


def _domain_name(m: CfnMapper, r: Resource) -> None:
    """A custom domain name is the address of the API its mappings point at: part of that API's node."""
    m.fold(r, _api_of_domain(m, r.logical_id), "mapped to no API drawn")


def _domain_part(m: CfnMapper, r: Resource) -> None:
    m.fold(r, _api_of_domain(m, ref(r.properties.get("DomainNameArn"))), "its domain name is mapped to no API drawn")


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


HANDLERS: HandlerTable = {
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
    "AWS::ApiGateway::BasePathMapping": (1, _domain_mapping),
    "AWS::ApiGateway::BasePathMappingV2": (1, _domain_mapping),
    "AWS::ApiGatewayV2::ApiMapping": (1, _domain_mapping),
    "AWS::ApiGateway::DomainName": (2, _domain_name),
    "AWS::ApiGateway::DomainNameV2": (2, _domain_name),
    "AWS::ApiGatewayV2::DomainName": (2, _domain_name),
    "AWS::ApiGateway::DomainNameAccessAssociation": (2, _domain_part),
}
