"""Translators of the ``aws_*`` types at the edge: load balancers, CloudFront, API Gateway, WAF, certificates."""

from __future__ import annotations

from typing import Any

from wadesk.importers.terraform.translate import Context, Fold, Translation, Translator
from wadesk.importers.terraform.translate_common import (
    append_to,
    as_list,
    cfn_props,
    chosen_by_aws,
    decode_json,
    merge_into,
    nested_blocks,
    ref_to,
    simple,
)
from wadesk.importers.terraform.values import TfResource


def _load_balancer(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"Subnets": "subnets", "SecurityGroups": "security_groups", "Name": "name"})
    props["Type"] = c.get(r, "load_balancer_type", "application")
    props["Scheme"] = "internal" if r.values.get("internal") is True else "internet-facing"
    mappings = [{"SubnetId": m.get("subnet_id"), "AllocationId": m.get("allocation_id")}
                for m in c.blocks(r, "subnet_mapping")]
    if mappings:
        props["SubnetMappings"] = mappings
    if chosen_by_aws(r, "subnets"):
        props.pop("Subnets", None)  # the subnets of its subnet mappings, or the default VPC's
    attributes = []
    logs = c.block(r, "access_logs")
    if logs:
        attributes.append({"Key": "access_logs.s3.enabled", "Value": str(logs.get("enabled", False)).lower()})
        attributes.append({"Key": "access_logs.s3.bucket", "Value": logs.get("bucket")})
    for key, name in (("deletion_protection.enabled", "enable_deletion_protection"),
                      ("routing.http.drop_invalid_header_fields.enabled", "drop_invalid_header_fields")):
        if isinstance(r.values.get(name), bool):
            attributes.append({"Key": key, "Value": str(r.values[name]).lower()})
    props["LoadBalancerAttributes"] = attributes
    return Translation("AWS::ElasticLoadBalancingV2::LoadBalancer", props)


def _actions(c: Context, blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    actions = []
    for block in blocks:
        action: dict[str, Any] = {"Type": block.get("type"), "TargetGroupArn": block.get("target_group_arn")}
        redirect = (block.get("redirect") or [{}])[0]
        if redirect:
            action["RedirectConfig"] = {"Protocol": redirect.get("protocol")}
        forward = (block.get("forward") or [{}])[0]
        if forward:
            action["ForwardConfig"] = {"TargetGroups": [{"TargetGroupArn": g.get("arn")}
                                                        for g in as_list(forward.get("target_group"))]}
        actions.append(action)
    return actions


def _elb(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"Subnets": "subnets", "SecurityGroups": "security_groups", "Instances": "instances",
                          "AvailabilityZones": "availability_zones"})
    if chosen_by_aws(r, "subnets"):
        props.pop("Subnets", None)  # in the default VPC, or in the subnets of the zones it names
    props["Scheme"] = "internal" if r.values.get("internal") is True else "internet-facing"
    props["Listeners"] = [{"LoadBalancerPort": b.get("lb_port"), "InstancePort": b.get("instance_port"),
                           "Protocol": b.get("lb_protocol"), "InstanceProtocol": b.get("instance_protocol")}
                          for b in c.blocks(r, "listener")]
    logs = c.block(r, "access_logs")
    if logs:
        props["AccessLoggingPolicy"] = {"Enabled": logs.get("enabled", True), "S3BucketName": logs.get("bucket")}
    return Translation("AWS::ElasticLoadBalancing::LoadBalancer", props)


def _classic_listener_policy(c: Context, r: TfResource) -> Fold:
    """An ``aws_load_balancer_listener_policy`` is the ``Policies`` entry of its Classic Load Balancer's port.

    Each policy it names is looked up among the source's ``aws_load_balancer_policy`` resources (by reference
    in a configuration, by name in a plan); one that is not found is kept as custom, so it is not judged.
    """
    from wadesk.importers.terraform.values import TfRef

    policies = {other.address: other for other in c.source.resources.values()
                if other.type == "aws_load_balancer_policy"}
    by_name = {other.values.get("policy_name"): other for other in policies.values()}
    entries = []
    for name in as_list(r.values.get("policy_names")):
        found = policies.get(name.address) if isinstance(name, TfRef) else by_name.get(name)
        if found is None:
            entries.append({"PolicyName": str(name), "PolicyType": "SSLNegotiationPolicyType"})
            continue
        attributes = [{"Name": a.get("name"), "Value": a.get("value")}
                      for a in as_list(found.values.get("policy_attribute")) if isinstance(a, dict)]
        entries.append({"PolicyName": found.values.get("policy_name"),
                        "PolicyType": found.values.get("policy_type_name"), "Attributes": c.value(attributes)})

    def apply(props: dict[str, Any]) -> None:
        port = r.values.get("load_balancer_port")
        existing = props.get("Policies")
        props["Policies"] = [*(existing if isinstance(existing, list) else []),
                             *({**entry, "LoadBalancerPorts": [port]} for entry in entries)]

    return Fold(c.get(r, "load_balancer_name"), apply)


def _distribution(c: Context, r: TfResource) -> Translation:
    origins = [{"Id": o.get("origin_id"), "DomainName": o.get("domain_name"),
                "OriginAccessControlId": o.get("origin_access_control_id"),
                "S3OriginConfig": (o.get("s3_origin_config") or [None])[0],
                "CustomOriginConfig": (o.get("custom_origin_config") or [None])[0]} for o in c.blocks(r, "origin")]
    default = c.block(r, "default_cache_behavior")

    def behaviour(block: dict[str, Any]) -> dict[str, Any]:
        return {"ViewerProtocolPolicy": block.get("viewer_protocol_policy"),
                "TargetOriginId": block.get("target_origin_id"),
                "CachePolicyId": block.get("cache_policy_id"),
                "OriginRequestPolicyId": block.get("origin_request_policy_id"),
                "ResponseHeadersPolicyId": block.get("response_headers_policy_id"),
                "LambdaFunctionAssociations": [{"LambdaFunctionARN": a.get("lambda_arn")}
                                               for a in as_list(block.get("lambda_function_association"))
                                               if isinstance(a, dict)]}

    config: dict[str, Any] = {
        "Origins": origins,
        "DefaultCacheBehavior": behaviour(default),
        "CacheBehaviors": [behaviour(b) for b in c.blocks(r, "ordered_cache_behavior")],
        "WebACLId": c.get(r, "web_acl_id"),
        "Enabled": c.get(r, "enabled", True),
    }
    logging = c.block(r, "logging_config")
    if logging:
        config["Logging"] = {"Bucket": logging.get("bucket")}
    certificate = c.block(r, "viewer_certificate")
    if certificate:
        config["ViewerCertificate"] = {
            "MinimumProtocolVersion": certificate.get("minimum_protocol_version"),
            "AcmCertificateArn": certificate.get("acm_certificate_arn") or None,  # a plan writes "" for none
            "IamCertificateId": certificate.get("iam_certificate_id") or None,
            "CloudFrontDefaultCertificate": certificate.get("cloudfront_default_certificate"),
        }
    return Translation("AWS::CloudFront::Distribution", {"DistributionConfig": config})


def _integration(c: Context, r: TfResource) -> Fold:
    """An ``aws_api_gateway_integration`` is part of its method in CloudFormation: fold it into that method."""
    target = None
    for other in c.source.resources.values():
        if other.type == "aws_api_gateway_method" and all(
            other.values.get(key) == r.values.get(key) for key in ("rest_api_id", "resource_id", "http_method")
        ):
            target = c.value(ref_to(other))
            break
    integration = {"Integration": {"Uri": c.get(r, "uri"), "Type": c.get(r, "type"),
                                   "IntegrationHttpMethod": c.get(r, "integration_http_method"),
                                   "ConnectionType": c.get(r, "connection_type"),
                                   "ConnectionId": c.get(r, "connection_id")}}
    return Fold(target, merge_into(integration))


def _method_settings(c: Context, r: TfResource) -> Fold:
    """A REST API stage's method settings, folded into the stage as CloudFormation's ``MethodSettings``.

    The provider writes -1 for a throttling limit that is not set (the account's limits apply): not a limit.
    """
    settings = c.block(r, "settings")
    rate = settings.get("throttling_rate_limit")
    entry = {"CachingEnabled": settings.get("caching_enabled"),
             "ThrottlingRateLimit": rate if not isinstance(rate, int | float) or rate >= 0 else None,
             "MetricsEnabled": settings.get("metrics_enabled"), "LoggingLevel": settings.get("logging_level")}
    stage = c.get(r, "stage_name")
    if isinstance(stage, str):
        # A stage named by its name: the stage of the source with that name on the same API.
        api = r.values.get("rest_api_id")
        for other in c.source.resources.values():
            if other.type == "aws_api_gateway_stage" and other.values.get("stage_name") == stage and (
                    other.values.get("rest_api_id") == api):
                stage = c.value(ref_to(other))
    return Fold(stage, append_to("MethodSettings", {key: value for key, value in entry.items() if value is not None}))


def _graphql_api(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"Name": "name", "AuthenticationType": "authentication_type",
                             "Visibility": "visibility", "XrayEnabled": "xray_enabled"})
    providers = [{"AuthenticationType": block.get("authentication_type")}
                 for block in c.blocks(r, "additional_authentication_provider")]
    if providers:
        props["AdditionalAuthenticationProviders"] = providers
    if c.blocks(r, "log_config"):
        props["LogConfig"] = {"FieldLogLevel": c.block(r, "log_config").get("field_log_level")}
    return Translation("AWS::AppSync::GraphQLApi", props)


def _appsync_data_source(c: Context, r: TfResource) -> Translation:
    """Where an AppSync API's resolvers read and write, in CloudFormation's data-source properties."""
    def first(name: str, key: str) -> Any:
        return c.block(r, name).get(key) if c.blocks(r, name) else None

    database = c.block(r, "relational_database_config")
    endpoint = next(iter(nested_blocks(database, "http_endpoint_config")), {})
    props: dict[str, Any] = {"ApiId": c.get(r, "api_id"), "Type": c.get(r, "type"),
                             "ServiceRoleArn": c.get(r, "service_role_arn")}
    for cfn_name, block, key, cfn_key in (
        ("DynamoDBConfig", "dynamodb_config", "table_name", "TableName"),
        ("LambdaConfig", "lambda_config", "function_arn", "LambdaFunctionArn"),
        ("OpenSearchServiceConfig", "opensearchservice_config", "endpoint", "Endpoint"),
        ("ElasticsearchConfig", "elasticsearch_config", "endpoint", "Endpoint"),
        ("EventBridgeConfig", "event_bridge_config", "event_bus_arn", "EventBusArn"),
    ):
        value = first(block, key)
        if value is not None:
            props[cfn_name] = {cfn_key: value}
    if endpoint:
        props["RelationalDatabaseConfig"] = {"RdsHttpEndpointConfig": {
            "DbClusterIdentifier": endpoint.get("db_cluster_identifier")}}
    return Translation("AWS::AppSync::DataSource", props)


EDGE: dict[str, Translator] = {
    "aws_lb": _load_balancer,
    "aws_alb": _load_balancer,
    "aws_lb_listener": lambda c, r: Translation("AWS::ElasticLoadBalancingV2::Listener", {
        **cfn_props(c, r, {"LoadBalancerArn": "load_balancer_arn", "Port": "port", "Protocol": "protocol",
                        "SslPolicy": "ssl_policy", "CertificateArn": "certificate_arn"}),
        "DefaultActions": _actions(c, c.blocks(r, "default_action")),
    }),
    "aws_lb_listener_rule": lambda c, r: Translation("AWS::ElasticLoadBalancingV2::ListenerRule", {
        "ListenerArn": c.get(r, "listener_arn"), "Actions": _actions(c, c.blocks(r, "action"))}),
    "aws_lb_listener_certificate": simple("AWS::ElasticLoadBalancingV2::ListenerCertificate",
                                          ListenerArn="listener_arn"),
    "aws_lb_target_group": simple("AWS::ElasticLoadBalancingV2::TargetGroup", Port="port", Protocol="protocol",
                                  TargetType="target_type", VpcId="vpc_id"),
    "aws_lb_target_group_attachment": lambda c, r: Fold(c.get(r, "target_group_arn"), append_to(
        "Targets", {"Id": c.get(r, "target_id"), "Port": c.get(r, "port")})),
    "aws_elb": _elb,
    "aws_elb_attachment": lambda c, r: Fold(c.get(r, "elb"), append_to("Instances", c.get(r, "instance"))),
    "aws_load_balancer_listener_policy": _classic_listener_policy,
    "aws_load_balancer_policy": lambda c, r: Fold(c.get(r, "load_balancer_name"), lambda props: None),
    "aws_cloudfront_distribution": _distribution,
    "aws_cloudfront_origin_access_control": simple("AWS::CloudFront::OriginAccessControl"),
    "aws_cloudfront_origin_access_identity": simple("AWS::CloudFront::CloudFrontOriginAccessIdentity"),
    "aws_cloudfront_cache_policy": simple("AWS::CloudFront::CachePolicy"),
    "aws_cloudfront_origin_request_policy": simple("AWS::CloudFront::OriginRequestPolicy"),
    "aws_cloudfront_response_headers_policy": simple("AWS::CloudFront::ResponseHeadersPolicy"),
    "aws_cloudfront_function": simple("AWS::CloudFront::Function"),
    "aws_api_gateway_rest_api": lambda c, r: Translation("AWS::ApiGateway::RestApi", {
        "Name": c.get(r, "name"), "Body": decode_json(c.get(r, "body")),
        "EndpointConfiguration": {"Types": c.block(r, "endpoint_configuration").get("types")}}),
    "aws_api_gateway_resource": simple("AWS::ApiGateway::Resource", RestApiId="rest_api_id", ParentId="parent_id",
                                       PathPart="path_part"),
    "aws_api_gateway_method": simple("AWS::ApiGateway::Method", RestApiId="rest_api_id", HttpMethod="http_method",
                                     AuthorizationType="authorization", ResourceId="resource_id"),
    "aws_api_gateway_integration": _integration,
    "aws_api_gateway_deployment": simple("AWS::ApiGateway::Deployment", RestApiId="rest_api_id"),
    "aws_api_gateway_stage": lambda c, r: Translation("AWS::ApiGateway::Stage", {
        **cfn_props(c, r, {"RestApiId": "rest_api_id", "TracingEnabled": "xray_tracing_enabled",
                        "CacheClusterEnabled": "cache_cluster_enabled", "StageName": "stage_name"}),
        **({"AccessLogSetting": {"DestinationArn": c.block(r, "access_log_settings").get("destination_arn")}}
           if c.blocks(r, "access_log_settings") else {}),
    }),
    "aws_api_gateway_authorizer": simple("AWS::ApiGateway::Authorizer", RestApiId="rest_api_id"),
    "aws_api_gateway_model": simple("AWS::ApiGateway::Model", RestApiId="rest_api_id"),
    "aws_api_gateway_request_validator": simple("AWS::ApiGateway::RequestValidator", RestApiId="rest_api_id"),
    "aws_api_gateway_gateway_response": simple("AWS::ApiGateway::GatewayResponse", RestApiId="rest_api_id"),
    "aws_api_gateway_method_response": lambda c, r: Fold(c.get(r, "rest_api_id"), merge_into({})),
    "aws_api_gateway_integration_response": lambda c, r: Fold(c.get(r, "rest_api_id"), merge_into({})),
    "aws_api_gateway_method_settings": _method_settings,
    "aws_api_gateway_account": simple("AWS::ApiGateway::Account"),
    "aws_api_gateway_usage_plan": simple("AWS::ApiGateway::UsagePlan"),
    "aws_apigatewayv2_api": lambda c, r: Translation("AWS::ApiGatewayV2::Api", {
        "ProtocolType": c.get(r, "protocol_type"), "Name": c.get(r, "name"), "Body": decode_json(c.get(r, "body"))}),
    "aws_apigatewayv2_integration": simple("AWS::ApiGatewayV2::Integration", ApiId="api_id",
                                           IntegrationUri="integration_uri", IntegrationType="integration_type",
                                           ConnectionType="connection_type", ConnectionId="connection_id"),
    "aws_apigatewayv2_vpc_link": simple("AWS::ApiGatewayV2::VpcLink", Name="name", SubnetIds="subnet_ids",
                                        SecurityGroupIds="security_group_ids"),
    "aws_api_gateway_vpc_link": simple("AWS::ApiGateway::VpcLink", Name="name", TargetArns="target_arns"),
    "aws_appsync_graphql_api": _graphql_api,
    "aws_appsync_datasource": _appsync_data_source,
    "aws_appsync_api_cache": simple("AWS::AppSync::ApiCache", ApiId="api_id"),
    "aws_appsync_api_key": simple("AWS::AppSync::ApiKey", ApiId="api_id"),
    "aws_appsync_resolver": simple("AWS::AppSync::Resolver", ApiId="api_id"),
    "aws_appsync_function": simple("AWS::AppSync::FunctionConfiguration", ApiId="api_id"),
    "aws_appsync_domain_name_api_association": simple("AWS::AppSync::DomainNameApiAssociation", ApiId="api_id"),
    "aws_apigatewayv2_route": simple("AWS::ApiGatewayV2::Route", ApiId="api_id", Target="target",
                                     RouteKey="route_key", AuthorizationType="authorization_type"),
    "aws_apigatewayv2_stage": lambda c, r: Translation("AWS::ApiGatewayV2::Stage", {
        "ApiId": c.get(r, "api_id"),
        **({"AccessLogSettings": {"DestinationArn": c.block(r, "access_log_settings").get("destination_arn")}}
           if c.blocks(r, "access_log_settings") else {}),
        **({"DefaultRouteSettings": {"ThrottlingRateLimit": c.block(r, "default_route_settings").get(
            "throttling_rate_limit")}} if c.blocks(r, "default_route_settings") else {}),
    }),
    "aws_apigatewayv2_deployment": simple("AWS::ApiGatewayV2::Deployment", ApiId="api_id"),
    "aws_apigatewayv2_authorizer": simple("AWS::ApiGatewayV2::Authorizer", ApiId="api_id"),
    "aws_wafv2_web_acl": lambda c, r: Translation("AWS::WAFv2::WebACL", {
        **cfn_props(c, r, {"Scope": "scope", "Name": "name"}),
        "Rules": [{"Statement": {"ManagedRuleGroupStatement": statement}}
                  if (statement := next(iter(nested_blocks(next(iter(nested_blocks(rule, "statement")), {}),
                                                     "managed_rule_group_statement")), None)) is not None
                  else {"Statement": {}} for rule in c.blocks(r, "rule")]}),
    "aws_waf_web_acl": simple("AWS::WAF::WebACL", Name="name"),
    "aws_wafregional_web_acl": simple("AWS::WAFRegional::WebACL", Name="name"),
    "aws_wafregional_web_acl_association": simple("AWS::WAFRegional::WebACLAssociation", ResourceArn="resource_arn",
                                                  WebACLId="web_acl_id"),
    "aws_wafv2_web_acl_association": simple("AWS::WAFv2::WebACLAssociation", ResourceArn="resource_arn",
                                            WebACLArn="web_acl_arn"),
    "aws_wafv2_web_acl_logging_configuration": simple("AWS::WAFv2::LoggingConfiguration",
                                                      ResourceArn="resource_arn"),
    "aws_shield_protection": simple("AWS::Shield::Protection", ResourceArn="resource_arn"),
    "aws_acm_certificate": simple("AWS::CertificateManager::Certificate", DomainName="domain_name"),
    "aws_acm_certificate_validation": lambda c, r: Fold(c.get(r, "certificate_arn"), merge_into({})),
    "aws_globalaccelerator_accelerator": simple("AWS::GlobalAccelerator::Accelerator", Name="name"),
}

# The provider's older names of the load-balancer types (still accepted, and common in configurations written
# before 2018) translate as the new ones.
EDGE.update({f"aws_alb_{suffix}": EDGE[f"aws_lb_{suffix}"] for suffix in (
    "listener", "listener_rule", "listener_certificate", "target_group", "target_group_attachment")})
