"""Both importers fill the properties of the TLS, header, Enhanced Monitoring, rule-description and log-key rules."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from tests.importers.cfnkit import R, template
from wadesk.importers.cfn.importer import map_template
from wadesk.importers.terraform.importer import import_terraform


def write(folder: Path, text: str) -> Path:
    (folder / "main.tf").write_text(textwrap.dedent(text))
    return folder


def _listener(protocol: str, **extra: Any) -> tuple[str, dict[str, Any]]:
    return ("AWS::ElasticLoadBalancingV2::Listener", {"LoadBalancerArn": R("Lb"), "Protocol": protocol, **extra})


# ------------------------------------------------------------------ CloudFormation
def test_cfn_load_balancer_attribute_and_the_weakest_listener_policy() -> None:
    design = map_template(template({
        "Lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"LoadBalancerAttributes": [
            {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"}]}),
        "Strong": _listener("HTTPS", SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06"),
        "Weak": _listener("HTTPS", SslPolicy="ELBSecurityPolicy-TLS-1-1-2017-01"),
        "Plain": _listener("HTTP"),
    }))
    props = design.nodes["Lb"].props
    assert props["drop_invalid_header_fields"] is True
    assert props["tls_policy"] == "ELBSecurityPolicy-TLS-1-1-2017-01"


def test_cfn_an_https_listener_without_a_policy_gets_aws_s_default_and_http_only_gets_none() -> None:
    design = map_template(template({
        "Lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {}),
        "Secure": _listener("HTTPS"),
        "Other": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Type": "network"}),
        "Tcp": ("AWS::ElasticLoadBalancingV2::Listener", {"LoadBalancerArn": R("Other"), "Protocol": "TCP"}),
    }))
    assert design.nodes["Lb"].props["tls_policy"] == "ELBSecurityPolicy-2016-08"
    assert design.nodes["Lb"].props["drop_invalid_header_fields"] is False
    assert "tls_policy" not in design.nodes["Other"].props
    assert "drop_invalid_header_fields" not in design.nodes["Other"].props


def test_cfn_classic_listener_policies() -> None:
    def classic(policies: list[dict[str, Any]]) -> dict[str, Any]:
        listener = {"LoadBalancerPort": "443", "InstancePort": "80", "Protocol": "HTTPS", "PolicyNames": ["Tls"]}
        design = map_template(template({"Elb": ("AWS::ElasticLoadBalancing::LoadBalancer", {
            "Listeners": [listener], "Policies": policies})}))
        return design.nodes["Elb"].props

    reference = [{"PolicyName": "Tls", "PolicyType": "SSLNegotiationPolicyType",
                  "Attributes": [{"Name": "Reference-Security-Policy", "Value": "ELBSecurityPolicy-TLS-1-2-2017-01"}]}]
    assert classic(reference)["tls_policy"] == "ELBSecurityPolicy-TLS-1-2-2017-01"
    assert classic([])["tls_policy"] == "ELBSecurityPolicy-2016-08"
    custom = [{"PolicyName": "Tls", "PolicyType": "SSLNegotiationPolicyType",
               "Attributes": [{"Name": "Protocol-TLSv1.2", "Value": "true"}]}]
    assert classic(custom)["tls_policy"] == "Tls (custom)"


def test_cfn_cloudfront_certificate_and_minimum_protocol() -> None:
    def distribution(certificate: dict[str, Any] | None) -> dict[str, Any]:
        config: dict[str, Any] = {"DefaultCacheBehavior": {"ViewerProtocolPolicy": "https-only"}}
        if certificate is not None:
            config["ViewerCertificate"] = certificate
        design = map_template(template({"Cdn": ("AWS::CloudFront::Distribution", {"DistributionConfig": config})}))
        return design.nodes["Cdn"].props

    assert distribution(None)["custom_certificate"] is False
    assert distribution({"CloudFrontDefaultCertificate": True, "MinimumProtocolVersion": "TLSv1.2_2021"}) == {
        **distribution(None)}
    own = distribution({"AcmCertificateArn": "arn:aws:acm:us-east-1:1:certificate/x",
                        "MinimumProtocolVersion": "TLSv1.2_2021", "SslSupportMethod": "sni-only"})
    assert own["custom_certificate"] is True and own["minimum_protocol_version"] == "TLSv1.2_2021"
    silent = distribution({"AcmCertificateArn": "arn:aws:acm:us-east-1:1:certificate/x"})
    assert silent["minimum_protocol_version"] == "TLSv1"


def test_cfn_enhanced_monitoring_of_instances_and_of_a_cluster_s_least_monitored_instance() -> None:
    design = map_template(template({
        "Db": ("AWS::RDS::DBInstance", {"Engine": "postgres", "MonitoringInterval": 30}),
        "Plain": ("AWS::RDS::DBInstance", {"Engine": "postgres"}),
        "Cluster": ("AWS::RDS::DBCluster", {"Engine": "aurora-postgresql"}),
        "One": ("AWS::RDS::DBInstance", {"DBClusterIdentifier": R("Cluster"), "MonitoringInterval": "60"}),
        "Two": ("AWS::RDS::DBInstance", {"DBClusterIdentifier": R("Cluster")}),
        "Watched": ("AWS::RDS::DBCluster", {"Engine": "aurora-mysql"}),
        "Three": ("AWS::RDS::DBInstance", {"DBClusterIdentifier": R("Watched"), "MonitoringInterval": 5}),
    }))
    assert design.nodes["Db"].props["monitoring_interval"] == 30
    assert design.nodes["Plain"].props["monitoring_interval"] == 0
    assert design.nodes["Cluster"].props["monitoring_interval"] == 0
    assert design.nodes["Watched"].props["monitoring_interval"] == 5


def test_cfn_rule_descriptions_and_log_group_keys() -> None:
    design = map_template(template({
        "Sg": ("AWS::EC2::SecurityGroup", {"GroupDescription": "web", "SecurityGroupIngress": [
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0", "Description": "users"},
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"},
        ], "SecurityGroupEgress": [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0", "Description": "anywhere"}]}),
        "Out": ("AWS::EC2::SecurityGroupEgress", {"GroupId": R("Sg"), "IpProtocol": "tcp", "FromPort": 443,
                                                  "ToPort": 443, "CidrIp": "10.1.0.0/16"}),
        "ToGroup": ("AWS::EC2::SecurityGroupEgress", {"GroupId": R("Sg"), "IpProtocol": "tcp", "FromPort": 5432,
                                                      "ToPort": 5432, "DestinationSecurityGroupId": R("Sg")}),
        "Logs": ("AWS::Logs::LogGroup", {"KmsKeyId": "arn:aws:kms:us-east-1:1:key/k"}),
        "Plain": ("AWS::Logs::LogGroup", {}),
    }))
    ingress = design.nodes["Sg"].props["ingress"]
    assert [rule.get("description", "") for rule in ingress] == ["users", ""]
    egress = design.nodes["Sg"].props["egress"]
    assert [(rule["cidr"], rule.get("description", "")) for rule in egress] == [
        ("0.0.0.0/0", "anywhere"), ("10.1.0.0/16", "")]
    assert design.nodes["Logs"].props["kms_key"] is True
    assert design.nodes["Plain"].props["kms_key"] is False


# ------------------------------------------------------------------ Terraform
TERRAFORM = """\
resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
}
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-FS-1-2-Res-2020-10"
  default_action {
    type = "fixed-response"
  }
}
resource "aws_lb" "api" {
  name = "api"
}
resource "aws_lb_listener" "api" {
  load_balancer_arn = aws_lb.api.arn
  port              = 443
  protocol          = "HTTPS"
  default_action {
    type = "fixed-response"
  }
}
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
    target_origin_id       = "o"
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:1:certificate/x"
    minimum_protocol_version = "TLSv1.1_2016"
    ssl_support_method       = "sni-only"
  }
}
resource "aws_db_instance" "db" {
  engine              = "mysql"
  instance_class      = "db.t3.small"
  monitoring_interval = 15
}
resource "aws_rds_cluster" "aurora" {
  engine = "aurora-postgresql"
}
resource "aws_rds_cluster_instance" "one" {
  cluster_identifier = aws_rds_cluster.aurora.id
  instance_class     = "db.r6g.large"
}
resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
    description = "users"
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_cloudwatch_log_group" "keyed" {
  name       = "/app/keyed"
  kms_key_id = "arn:aws:kms:us-east-1:1:key/k"
}
resource "aws_cloudwatch_log_group" "plain" {
  name = "/app/plain"
}
"""


def test_terraform_fills_the_same_properties(tmp_path: Path) -> None:
    nodes = import_terraform(write(tmp_path, TERRAFORM)).nodes
    web, api = nodes["aws_lb.web"].props, nodes["aws_lb.api"].props
    assert web["drop_invalid_header_fields"] is True and web["tls_policy"] == "ELBSecurityPolicy-FS-1-2-Res-2020-10"
    assert api["drop_invalid_header_fields"] is False and api["tls_policy"] == "ELBSecurityPolicy-2016-08"
    cdn = nodes["aws_cloudfront_distribution.cdn"].props
    assert cdn["custom_certificate"] is True and cdn["minimum_protocol_version"] == "TLSv1.1_2016"
    assert nodes["aws_db_instance.db"].props["monitoring_interval"] == 15
    assert nodes["aws_rds_cluster.aurora"].props["monitoring_interval"] == 0
    ingress = nodes["aws_security_group.web"].props["ingress"]
    assert sorted(rule.get("description", "") for rule in ingress) == ["", "users"]
    assert [(rule["cidr"], rule["protocol"]) for rule in nodes["aws_security_group.web"].props["egress"]] == [
        ("0.0.0.0/0", "-1")]
    assert nodes["aws_cloudwatch_log_group.keyed"].props["kms_key"] is True
    assert nodes["aws_cloudwatch_log_group.plain"].props["kms_key"] is False


CLASSIC = """\
resource "aws_elb" "web" {
  availability_zones = ["us-east-1a"]
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:us-east-1:1:certificate/x"
  }
}
resource "aws_load_balancer_policy" "tls" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "tls"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-1-2017-01"
  }
}
resource "aws_load_balancer_listener_policy" "https" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls.policy_name]
}
"""


def test_terraform_classic_listener_policy_reaches_its_load_balancer(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, CLASSIC))
    assert design.nodes["aws_elb.web"].props["tls_policy"] == "ELBSecurityPolicy-TLS-1-1-2017-01"
    folded = {entry.key: entry.detail for entry in design.report.folded}
    assert folded["aws_load_balancer_policy.tls"] == "aws_elb.web"
    assert folded["aws_load_balancer_listener_policy.https"] == "aws_elb.web"


def test_terraform_plan_cloudfront_default_certificate(tmp_path: Path) -> None:
    values = {"enabled": True, "default_cache_behavior": [{"viewer_protocol_policy": "https-only"}],
              "viewer_certificate": [{"cloudfront_default_certificate": True, "minimum_protocol_version": "TLSv1",
                                      "acm_certificate_arn": None, "iam_certificate_id": None}]}
    plan = {"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        {"address": "aws_cloudfront_distribution.d", "mode": "managed", "type": "aws_cloudfront_distribution",
         "name": "d", "values": values, "provider_name": "registry.terraform.io/hashicorp/aws"}]}}}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    assert import_terraform(path).nodes["aws_cloudfront_distribution.d"].props["custom_certificate"] is False


def test_cfn_a_plain_listener_whose_rules_forward_is_not_https_only() -> None:
    def balancer(rule_action: dict[str, Any]) -> dict[str, Any]:
        design = map_template(template({
            "Lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {}),
            "Http": _listener("HTTP", DefaultActions=[{"Type": "fixed-response"}]),
            "Rule": ("AWS::ElasticLoadBalancingV2::ListenerRule", {"ListenerArn": R("Http"), "Actions": [rule_action]}),
            "Tg": ("AWS::ElasticLoadBalancingV2::TargetGroup", {"Port": 80, "Protocol": "HTTP"}),
        }))
        return design.nodes["Lb"].props

    assert balancer({"Type": "forward", "TargetGroupArn": R("Tg")})["https_only"] is False
    redirect = {"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS"}}
    assert balancer(redirect)["https_only"] is True
