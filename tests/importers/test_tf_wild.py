"""What configurations written in the wild showed: older type names, values that are not resolved, main route
tables, clusters named by identifier, account-level services. Each input is written here for the test."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.importers.cfnkit import R, template
from wadesk.analysis.engine import analyse
from wadesk.cli import main
from wadesk.importers.api import import_source
from wadesk.importers.cfn.importer import map_template
from wadesk.importers.cfn.values import Unresolved
from wadesk.importers.terraform.importer import import_terraform


def write(folder: Path, text: str) -> Path:
    (folder / "main.tf").write_text(textwrap.dedent(text))
    return folder


def findings(folder: Path) -> dict[str, set[str]]:
    """Rule id -> the nodes it reports, for a configuration imported and checked."""
    result = import_source(folder, variables={}, layout=False)
    found: dict[str, set[str]] = {}
    for finding in analyse(result.built.arch).findings:
        found.setdefault(finding.rule, set()).add(finding.node)
    return found


def test_the_older_alb_type_names_fold_like_the_lb_ones(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, """\
        resource "aws_alb" "web" {
          internal = true
          subnets  = ["subnet-0123456789abcdef0"]
        }
        resource "aws_alb_target_group" "web" {
          port     = 80
          protocol = "HTTP"
        }
        resource "aws_alb_listener" "web" {
          load_balancer_arn = aws_alb.web.id
          port              = 80
          protocol          = "HTTP"
          default_action {
            target_group_arn = aws_alb_target_group.web.id
            type             = "forward"
          }
        }
        resource "aws_instance" "app" {
          instance_type = "t3.micro"
        }
        resource "aws_alb_target_group_attachment" "app" {
          target_group_arn = aws_alb_target_group.web.arn
          target_id        = aws_instance.app.id
        }
    """))
    assert design.report.generic == []
    folded = {entry.key: entry.detail for entry in design.report.folded}
    assert folded["aws_alb_listener.web"] == "aws_alb.web"
    assert folded["aws_alb_target_group.web"] == "aws_alb.web"
    assert ("aws_alb.web", "aws_instance.app") in {(flow.source, flow.target) for flow in design.flows}


RULE_PORT = """\
    variable "port" {{}}
    resource "aws_vpc" "main" {{
      cidr_block = "10.0.0.0/16"
    }}
    resource "aws_security_group" "db" {{
      vpc_id = aws_vpc.main.id
    }}
    resource "aws_security_group_rule" "in" {{
      type              = "ingress"
      from_port         = {port}
      to_port           = {port}
      protocol          = "tcp"
      cidr_blocks       = ["0.0.0.0/0"]
      security_group_id = aws_security_group.db.id
    }}
"""


def test_a_rule_whose_port_is_not_resolved_opens_no_guessed_range(tmp_path: Path) -> None:
    # The port is a variable with no value: which port the world reaches is not known, so no rule may claim
    # that SSH, RDP or every port is open.
    (tmp_path / "unknown").mkdir()
    found = findings(write(tmp_path / "unknown", RULE_PORT.format(port="var.port")))
    assert not {"SEC-SG-OPEN-ADMIN", "SEC-SG-OPEN-PORTS"} & set(found)
    design = import_terraform(tmp_path / "unknown")
    assert design.nodes["aws_security_group.db"].props["ingress"] == []
    assert ("aws_security_group_rule.in", "from_port") in {(u.key, u.path) for u in design.report.unresolved}
    # The near miss: the same rule on a literal port 22 is reported.
    (tmp_path / "known").mkdir()
    assert "aws_security_group.db" in findings(write(tmp_path / "known", RULE_PORT.format(port=22)))[
        "SEC-SG-OPEN-ADMIN"]


def test_a_source_group_rule_with_an_unresolved_port_still_gives_a_flow_without_a_port() -> None:
    design = map_template(template({
        "Vpc": ("AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"}),
        "AppSg": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc")}),
        "DbSg": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc"), "SecurityGroupIngress": [
            {"IpProtocol": "tcp", "FromPort": Unresolved("Ref DbPort", "no value"),
             "ToPort": Unresolved("Ref DbPort", "no value"), "SourceSecurityGroupId": R("AppSg")},
            {"IpProtocol": "tcp", "FromPort": Unresolved("Ref DbPort", "no value"),
             "ToPort": Unresolved("Ref DbPort", "no value"), "CidrIp": "0.0.0.0/0"},
        ]}),
        "App": ("AWS::EC2::Instance", {"InstanceType": "t3.micro", "SecurityGroupIds": [R("AppSg")]}),
        "Db": ("AWS::EC2::Instance", {"InstanceType": "t3.micro", "SecurityGroupIds": [R("DbSg")]}),
    }))
    assert design.nodes["DbSg"].props["ingress"] == []
    flows = [flow for flow in design.flows if (flow.source, flow.target) == ("App", "Db")]
    assert [(flow.port, flow.label) for flow in flows] == [(None, "TCP (port not resolved)")]


def test_an_instance_type_that_is_not_resolved_is_not_taken_for_m1_small(tmp_path: Path) -> None:
    (tmp_path / "unknown").mkdir()
    folder = write(tmp_path / "unknown", """\
        variable "instance_type" {}
        resource "aws_instance" "app" {
          instance_type = var.instance_type
        }
    """)
    design = import_terraform(folder)
    assert design.nodes["aws_instance.app"].props["instance_type"] == ""
    assert not any("m1.small" in text for text in design.report.assumptions)
    found = findings(folder)
    assert not {"PERF-EC2-PREVIOUS-GEN", "SUS-EC2-NOT-GRAVITON"} & set(found)
    # Absent, it is EC2's default, as before.
    (tmp_path / "absent").mkdir()
    design = import_terraform(write(tmp_path / "absent", 'resource "aws_instance" "app" {}\n'))
    assert design.nodes["aws_instance.app"].props["instance_type"] == "m1.small"


def test_db_parameter_and_option_groups_fold_into_the_instance_that_names_them(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, """\
        resource "aws_db_parameter_group" "pg" {
          family = "mysql8.0"
        }
        resource "aws_db_option_group" "og" {
          engine_name = "mysql"
        }
        resource "aws_rds_cluster_parameter_group" "cpg" {
          family = "aurora-mysql8.0"
        }
        resource "aws_db_instance" "db" {
          engine               = "mysql"
          instance_class       = "db.t3.micro"
          parameter_group_name = aws_db_parameter_group.pg.name
          option_group_name    = aws_db_option_group.og.name
        }
        resource "aws_rds_cluster" "aurora" {
          engine                          = "aurora-mysql"
          db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.cpg.name
        }
    """))
    folded = {entry.key: entry.detail for entry in design.report.folded}
    assert folded["aws_db_parameter_group.pg"] == "aws_db_instance.db"
    assert folded["aws_db_option_group.og"] == "aws_db_instance.db"
    assert folded["aws_rds_cluster_parameter_group.cpg"] == "aws_rds_cluster.aurora"


CLUSTER = """\
    resource "aws_rds_cluster" "main" {{
      cluster_identifier = "orders-db"
      engine             = "aurora-postgresql"
      storage_encrypted  = true
    }}
    resource "aws_rds_cluster_instance" "one" {{
      count              = 2
      cluster_identifier = "{name}"
      instance_class     = "db.r6g.large"
      engine             = "aurora-postgresql"
    }}
"""


def test_cluster_instances_naming_their_cluster_by_identifier_join_it(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, CLUSTER.format(name="Orders-DB")))
    folded = {entry.key: entry.detail for entry in design.report.folded}
    assert folded["aws_rds_cluster_instance.one[0]"] == "aws_rds_cluster.main"
    assert folded["aws_rds_cluster_instance.one[1]"] == "aws_rds_cluster.main"
    cluster = design.nodes["aws_rds_cluster.main"].props
    assert (cluster["multi_az"], cluster["instance_class"]) == (True, "db.r6g.large")
    # An identifier no cluster of the source has: the instances stay nodes of their own.
    (tmp_path / "other").mkdir()
    design = import_terraform(write(tmp_path / "other", CLUSTER.format(name="billing-db")))
    assert {"aws_rds_cluster_instance.one[0]", "aws_rds_cluster_instance.one[1]"} <= set(design.nodes)


def test_a_cloudformation_instance_naming_its_cluster_by_identifier_joins_it() -> None:
    design = map_template(template({
        "Cluster": ("AWS::RDS::DBCluster", {"DBClusterIdentifier": "orders", "Engine": "aurora-mysql"}),
        "First": ("AWS::RDS::DBInstance", {"DBClusterIdentifier": "orders", "DBInstanceClass": "db.r6g.large",
                                           "Engine": "aurora-mysql"}),
    }))
    assert "First" not in design.nodes
    assert design.nodes["Cluster"].props["instance_class"] == "db.r6g.large"


MAIN_TABLE = """\
    resource "aws_vpc" "main" {{
      cidr_block = "10.0.0.0/16"
    }}
    resource "aws_internet_gateway" "gw" {{
      vpc_id = aws_vpc.main.id
    }}
    resource "aws_subnet" "web" {{
      vpc_id     = aws_vpc.main.id
      cidr_block = "10.0.1.0/24"
    }}
    resource "aws_subnet" "app" {{
      vpc_id     = aws_vpc.main.id
      cidr_block = "10.0.2.0/24"
    }}
    resource "aws_route_table" "private" {{
      vpc_id = aws_vpc.main.id
    }}
    resource "aws_route_table_association" "app" {{
      subnet_id      = aws_subnet.app.id
      route_table_id = aws_route_table.private.id
    }}
    {routes}
"""


def test_a_route_in_the_main_route_table_makes_the_subnets_without_an_association_public(tmp_path: Path) -> None:
    for name, routes in {
        "route": """resource "aws_route" "out" {
              route_table_id         = aws_vpc.main.main_route_table_id
              destination_cidr_block = "0.0.0.0/0"
              gateway_id             = aws_internet_gateway.gw.id
            }""",
        "default_table": """resource "aws_default_route_table" "main" {
              default_route_table_id = aws_vpc.main.default_route_table_id
              route {
                cidr_block = "0.0.0.0/0"
                gateway_id = aws_internet_gateway.gw.id
              }
            }""",
    }.items():
        (tmp_path / name).mkdir()
        design = import_terraform(write(tmp_path / name, MAIN_TABLE.format(routes=routes)))
        assert design.nodes["aws_subnet.web"].public is True, name
        assert design.nodes["aws_subnet.app"].public is not True, name
        assert "nothing drawn" not in " ".join(entry.detail for entry in design.report.folded)
    # Without the route, no subnet is public.
    (tmp_path / "none").mkdir()
    design = import_terraform(write(tmp_path / "none", MAIN_TABLE.format(routes="")))
    assert design.nodes["aws_subnet.web"].public is not True


def test_a_main_route_table_association_gives_unassociated_subnets_that_table(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, MAIN_TABLE.format(routes="""\
        resource "aws_route_table" "public" {
          vpc_id = aws_vpc.main.id
          route {
            cidr_block = "0.0.0.0/0"
            gateway_id = aws_internet_gateway.gw.id
          }
        }
        resource "aws_main_route_table_association" "main" {
          vpc_id         = aws_vpc.main.id
          route_table_id = aws_route_table.public.id
        }
    """)))
    assert design.nodes["aws_subnet.web"].public is True
    assert design.nodes["aws_subnet.app"].public is not True


def test_an_inspector_enabler_is_an_enabled_inspector_of_the_account(tmp_path: Path) -> None:
    folder = write(tmp_path, """\
        data "aws_caller_identity" "current" {}
        resource "aws_inspector2_enabler" "this" {
          account_ids    = [data.aws_caller_identity.current.account_id]
          resource_types = ["EC2", "ECR", "LAMBDA"]
        }
        resource "aws_instance" "app" {
          instance_type = "t3.micro"
        }
    """)
    design = import_terraform(folder)
    node = design.nodes["aws_inspector2_enabler.this"]
    assert (node.kind, node.props["enabled"]) == ("inspector", True)
    assert "SEC-INSPECTOR-DISABLED" not in findings(folder)


def test_a_domain_policy_folds_into_its_domain_by_reference_or_name(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, """\
        resource "aws_elasticsearch_domain" "logs" {
          domain_name = "logs"
        }
        resource "aws_opensearch_domain" "search" {
          domain_name = "search"
        }
        resource "aws_elasticsearch_domain_policy" "logs" {
          domain_name     = aws_elasticsearch_domain.logs.domain_name
          access_policies = "{}"
        }
        resource "aws_opensearch_domain_policy" "search" {
          domain_name     = "search"
          access_policies = "{}"
        }
    """))
    folded = {entry.key: entry.detail for entry in design.report.folded}
    assert folded["aws_elasticsearch_domain_policy.logs"] == "aws_elasticsearch_domain.logs"
    assert folded["aws_opensearch_domain_policy.search"] == "aws_opensearch_domain.search"


def test_the_bucket_a_load_balancer_logs_to_is_a_log_bucket(tmp_path: Path) -> None:
    folder = write(tmp_path, """\
        resource "aws_s3_bucket" "logs" {
          bucket = "lb-logs"
        }
        resource "aws_s3_bucket" "data" {
          bucket = "data"
        }
        resource "aws_lb" "web" {
          subnets = ["subnet-0123456789abcdef0"]
          access_logs {
            bucket  = aws_s3_bucket.logs.bucket
            enabled = true
          }
        }
        resource "aws_elb" "old" {
          availability_zones = ["us-east-1a"]
          listener {
            lb_port           = 80
            lb_protocol       = "http"
            instance_port     = 80
            instance_protocol = "http"
          }
          access_logs {
            bucket = aws_s3_bucket.data.id
          }
        }
    """)
    design = import_terraform(folder)
    assert design.nodes["aws_s3_bucket.logs"].props.get("log_bucket") is True
    assert design.nodes["aws_s3_bucket.data"].props.get("log_bucket") is True
    assert "SEC-S3-NO-ACCESS-LOGS" not in findings(folder)


def test_a_cloudformation_load_balancer_log_bucket_is_a_log_bucket() -> None:
    design = map_template(template({
        "Logs": ("AWS::S3::Bucket", {}),
        "Other": ("AWS::S3::Bucket", {}),
        "Lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"LoadBalancerAttributes": [
            {"Key": "access_logs.s3.enabled", "Value": "true"},
            {"Key": "access_logs.s3.bucket", "Value": R("Logs")}]}),
        # Logging switched off: the bucket it names receives nothing.
        "Quiet": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"LoadBalancerAttributes": [
            {"Key": "access_logs.s3.enabled", "Value": "false"},
            {"Key": "access_logs.s3.bucket", "Value": R("Other")}]}),
    }))
    assert design.nodes["Logs"].props.get("log_bucket") is True
    assert not design.nodes["Other"].props.get("log_bucket")


def test_optional_attributes_of_a_variable_type_take_their_defaults(tmp_path: Path) -> None:
    (tmp_path / "modules" / "store").mkdir(parents=True)
    (tmp_path / "modules" / "store" / "main.tf").write_text(textwrap.dedent("""\
        variable "settings" {
          type = object({
            encrypted = optional(bool, true)
            size      = optional(number)
            nested    = optional(object({ flag = optional(bool, true) }), {})
          })
        }
        resource "aws_ebs_volume" "v" {
          availability_zone = "eu-west-1a"
          encrypted         = var.settings.encrypted
          size              = var.settings.size == null ? 8 : var.settings.size
          type              = var.settings.nested.flag ? "gp3" : "gp2"
        }
    """))
    design = import_terraform(write(tmp_path, """\
        variable "buckets" {
          type = map(object({
            versioned = optional(bool, false)
          }))
          default = {
            plain = {}
            kept  = { versioned = true }
          }
        }
        resource "aws_s3_bucket" "b" {
          for_each = var.buckets
          bucket   = each.key
        }
        resource "aws_s3_bucket_versioning" "b" {
          for_each = { for name, settings in var.buckets : name => settings if settings.versioned }
          bucket   = aws_s3_bucket.b[each.key].id
          versioning_configuration {
            status = "Enabled"
          }
        }
        module "store" {
          source   = "./modules/store"
          settings = {}
        }
    """))
    assert design.report.unresolved == []
    assert design.nodes['aws_s3_bucket.b["kept"]'].props["versioning"] is True
    assert design.nodes['aws_s3_bucket.b["plain"]'].props["versioning"] is False
    volume = design.nodes["module.store.aws_ebs_volume.v"].props
    assert (volume["encrypted"], volume["volume_type"]) == (True, "gp3")


def test_values_of_a_resource_with_for_each_gives_its_instances(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, """\
        resource "aws_vpc" "main" {
          cidr_block = "10.0.0.0/16"
        }
        resource "aws_subnet" "db" {
          for_each          = { a = "10.0.1.0/24", b = "10.0.2.0/24" }
          vpc_id            = aws_vpc.main.id
          cidr_block        = each.value
          availability_zone = "eu-west-1${each.key}"
        }
        resource "aws_db_subnet_group" "db" {
          subnet_ids = values(aws_subnet.db)[*].id
        }
        resource "aws_db_instance" "db" {
          engine               = "postgres"
          instance_class       = "db.t4g.micro"
          db_subnet_group_name = aws_db_subnet_group.db.name
        }
    """))
    assert design.nodes["aws_db_instance.db"].subnets == ['aws_subnet.db["a"]', 'aws_subnet.db["b"]']
    assert design.report.unresolved == []


def test_wadesk_check_takes_variables_and_variable_files_as_import_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, RULE_PORT.format(port="var.port"))
    assert main(["check", str(tmp_path), "--format", "json"]) == 0
    assert "SEC-SG-OPEN-ADMIN" not in capsys.readouterr().out
    assert main(["check", str(tmp_path), "--var", "port=22", "--format", "json"]) == 1
    assert "SEC-SG-OPEN-ADMIN" in capsys.readouterr().out
    (tmp_path / "prod.tfvars").write_text("port = 3389\n")
    assert main(["check", str(tmp_path), "--var-file", str(tmp_path / "prod.tfvars"), "--format", "sarif"]) == 1
    assert "SEC-SG-OPEN-ADMIN" in capsys.readouterr().out
    # A variable the configuration does not declare, or a pair without "=": exit 2 with the reason.
    assert main(["check", str(tmp_path), "--var", "nosuch=1"]) == 2
    assert "declares no variable 'nosuch'" in capsys.readouterr().err
    assert main(["check", str(tmp_path), "--var", "port"]) == 2
    assert "expected name=value" in capsys.readouterr().err


def test_an_rds_proxy_sits_in_its_subnets_with_its_parts_folded_into_it(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, """\
        resource "aws_vpc" "main" {
          cidr_block = "10.0.0.0/16"
        }
        resource "aws_subnet" "app" {
          vpc_id     = aws_vpc.main.id
          cidr_block = "10.0.1.0/24"
        }
        resource "aws_security_group" "db" {
          vpc_id = aws_vpc.main.id
        }
        resource "aws_rds_cluster" "db" {
          engine = "aurora-mysql"
        }
        resource "aws_db_proxy" "proxy" {
          name                   = "orders"
          engine_family          = "MYSQL"
          require_tls            = true
          role_arn               = "arn:aws:iam::123456789012:role/proxy"
          vpc_subnet_ids         = [aws_subnet.app.id]
          vpc_security_group_ids = [aws_security_group.db.id]
        }
        resource "aws_db_proxy_default_target_group" "proxy" {
          db_proxy_name = aws_db_proxy.proxy.name
        }
        resource "aws_db_proxy_target" "db" {
          db_proxy_name         = aws_db_proxy.proxy.name
          target_group_name     = aws_db_proxy_default_target_group.proxy.name
          db_cluster_identifier = aws_rds_cluster.db.id
        }
        resource "aws_db_proxy_endpoint" "read" {
          db_proxy_name          = "orders"
          db_proxy_endpoint_name = "read"
          vpc_subnet_ids         = [aws_subnet.app.id]
        }
    """))
    proxy = design.nodes["aws_db_proxy.proxy"]
    assert (proxy.kind, proxy.props["resource_type"]) == ("aws_resource", "AWS::RDS::DBProxy")
    assert (proxy.subnets, proxy.security_groups) == (["aws_subnet.app"], ["aws_security_group.db"])
    assert design.report.generic == []
    folded = {entry.key: entry.detail for entry in design.report.folded}
    for part in ("aws_db_proxy_default_target_group.proxy", "aws_db_proxy_target.db", "aws_db_proxy_endpoint.read"):
        assert folded[part] == "aws_db_proxy.proxy"
    # How the proxy reaches the database (TLS or not) is not written anywhere: no flow claims either.
    assert [flow for flow in design.flows if flow.source == "aws_db_proxy.proxy"] == []


def test_a_cloudformation_rds_proxy_is_placed_and_its_parts_fold() -> None:
    design = map_template(template({
        "Vpc": ("AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"}),
        "Subnet": ("AWS::EC2::Subnet", {"VpcId": R("Vpc"), "CidrBlock": "10.0.1.0/24"}),
        "Proxy": ("AWS::RDS::DBProxy", {"DBProxyName": "orders", "VpcSubnetIds": [R("Subnet")]}),
        "Targets": ("AWS::RDS::DBProxyTargetGroup", {"DBProxyName": R("Proxy"), "TargetGroupName": "default"}),
        "Reader": ("AWS::RDS::DBProxyEndpoint", {"DBProxyName": R("Proxy"), "VpcSubnetIds": [R("Subnet")]}),
    }))
    assert design.nodes["Proxy"].subnets == ["Subnet"]
    assert {entry.key: entry.detail for entry in design.report.folded} == {"Targets": "Proxy", "Reader": "Proxy"}


def test_an_inline_bucket_policy_of_provider_v3_is_read_as_a_bucket_policy(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, """\
        resource "aws_s3_bucket" "site" {
          bucket = "site"
          website {
            index_document = "index.html"
          }
          policy = <<POLICY
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                         "Resource": "arn:aws:s3:::site/*"}]
        }
        POLICY
        }
    """))
    assert {entry.key: entry.detail for entry in design.report.folded} == {
        "aws_s3_bucket.site/policy": "aws_s3_bucket.site"}
    assert ("HTTP (website)", "aws_s3_bucket.site") in {(flow.label, flow.target) for flow in design.flows}


def test_a_heredoc_closing_marker_followed_by_spaces_ends_the_heredoc(tmp_path: Path) -> None:
    # Terraform accepts "POLICY  " as the closing line; python-hcl2 alone would read on to the end of the file.
    (tmp_path / "main.tf").write_text(
        'resource "aws_iam_role" "r" {\n'
        "  assume_role_policy = <<POLICY\n"
        '{"Version": "2012-10-17", "Statement": []}\n'
        "POLICY  \n"
        "}\n"
        'resource "aws_sqs_queue" "q" {\n'
        "  policy = <<-EOT\n"
        "    {}\n"
        "    EOT\t\n"
        "}\n"
        "# a marker word inside a heredoc that is not alone on its line stays text\n"
        'resource "aws_sns_topic" "t" {\n'
        "  name = \"topic\"\n"
        "}\n"
    )
    design = import_terraform(tmp_path)
    assert {"aws_iam_role.r", "aws_sqs_queue.q", "aws_sns_topic.t"} <= set(design.nodes)
    assert design.nodes["aws_sns_topic.t"].location.line == 12


def test_method_settings_fold_into_their_stage_and_a_limit_of_minus_one_is_no_limit(tmp_path: Path) -> None:
    for name, rate, throttled in (("limited", 100, True), ("unset", -1, False)):
        (tmp_path / name).mkdir()
        design = import_terraform(write(tmp_path / name, f"""\
            resource "aws_api_gateway_rest_api" "api" {{
              name = "api"
            }}
            resource "aws_api_gateway_deployment" "d" {{
              rest_api_id = aws_api_gateway_rest_api.api.id
            }}
            resource "aws_api_gateway_stage" "prod" {{
              rest_api_id   = aws_api_gateway_rest_api.api.id
              deployment_id = aws_api_gateway_deployment.d.id
              stage_name    = "prod"
            }}
            resource "aws_api_gateway_method_settings" "all" {{
              rest_api_id = aws_api_gateway_rest_api.api.id
              stage_name  = "prod"
              method_path = "*/*"
              settings {{
                throttling_rate_limit = {rate}
              }}
            }}
            resource "aws_api_gateway_account" "account" {{
              cloudwatch_role_arn = "arn:aws:iam::123456789012:role/apigw-logs"
            }}
        """))
        folded = {entry.key: entry.detail for entry in design.report.folded}
        assert folded["aws_api_gateway_method_settings.all"] == "aws_api_gateway_stage.prod"
        assert bool(design.nodes["aws_api_gateway_rest_api.api"].props.get("throttling")) is throttled, name
        omitted = {entry.key: entry.source_type for entry in design.report.omitted}
        assert omitted == {"aws_api_gateway_account.account": "aws_api_gateway_account"}


def test_exclusive_policy_attachments_fold_into_the_role_and_a_key_pair_is_not_drawn(tmp_path: Path) -> None:
    folder = write(tmp_path, """\
        resource "aws_iam_role" "app" {
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
          })
        }
        resource "aws_iam_role_policy_attachments_exclusive" "app" {
          role_name   = aws_iam_role.app.name
          policy_arns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]
        }
        resource "aws_key_pair" "admin" {
          key_name   = "admin"
          public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample admin"
        }
    """)
    design = import_terraform(folder)
    assert {entry.key: entry.detail for entry in design.report.folded} == {
        "aws_iam_role_policy_attachments_exclusive.app": "aws_iam_role.app"}
    assert [(entry.key, entry.source_type) for entry in design.report.omitted] == [
        ("aws_key_pair.admin", "aws_key_pair")]
    assert design.report.generic == []
    assert "aws_iam_role.app" in findings(folder)["SEC-IAM-SERVICE-WILDCARD"]


def test_more_types_fold_or_draw_as_their_cloudformation_twins(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, """\
        resource "aws_vpc" "main" {
          cidr_block = "10.0.0.0/16"
        }
        resource "aws_subnet" "a" {
          vpc_id     = aws_vpc.main.id
          cidr_block = "10.0.1.0/24"
        }
        resource "aws_neptune_subnet_group" "graph" {
          subnet_ids = [aws_subnet.a.id]
        }
        resource "aws_neptune_cluster_parameter_group" "graph" {
          family = "neptune1.3"
        }
        resource "aws_neptune_cluster" "graph" {
          neptune_subnet_group_name            = aws_neptune_subnet_group.graph.name
          neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.graph.name
        }
        resource "aws_network_acl" "main" {
          vpc_id = aws_vpc.main.id
        }
        resource "aws_network_acl_association" "a" {
          network_acl_id = aws_network_acl.main.id
          subnet_id      = aws_subnet.a.id
        }
        resource "aws_vpc_ipv4_cidr_block_association" "more" {
          vpc_id     = aws_vpc.main.id
          cidr_block = "10.1.0.0/16"
        }
        resource "aws_cloudwatch_composite_alarm" "down" {
          alarm_name    = "down"
          alarm_rule    = "ALARM(a) OR ALARM(b)"
          alarm_actions = [aws_sns_topic.oncall.arn]
        }
        resource "aws_sns_topic" "oncall" {
          name = "oncall"
        }
        resource "aws_lambda_function" "f" {
          function_name = "f"
          runtime       = "python3.12"
        }
        resource "aws_lambda_function_event_invoke_config" "f" {
          function_name = aws_lambda_function.f.function_name
        }
        resource "aws_cloudfront_origin_request_policy" "p" {
          name = "p"
        }
        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true
          origin {
            domain_name = "example.com"
            origin_id   = "o"
          }
          default_cache_behavior {
            target_origin_id         = "o"
            viewer_protocol_policy   = "redirect-to-https"
            origin_request_policy_id = aws_cloudfront_origin_request_policy.p.id
          }
        }
    """))
    assert design.report.generic == []
    folded = {entry.key: entry.detail for entry in design.report.folded}
    assert folded["aws_neptune_subnet_group.graph"] == "aws_neptune_cluster.graph"
    assert folded["aws_neptune_cluster_parameter_group.graph"] == "aws_neptune_cluster.graph"
    assert design.nodes["aws_neptune_cluster.graph"].subnets == ["aws_subnet.a"]
    assert folded["aws_network_acl_association.a"] == "aws_subnet.a"
    assert folded["aws_vpc_ipv4_cidr_block_association.more"] == "aws_vpc.main"
    assert folded["aws_lambda_function_event_invoke_config.f"] == "aws_lambda_function.f"
    assert folded["aws_cloudfront_origin_request_policy.p"] == "aws_cloudfront_distribution.cdn"
    assert design.nodes["aws_cloudwatch_composite_alarm.down"].kind == "cloudwatch_alarm"


def test_a_dms_task_joins_its_endpoints_to_the_replication_instance(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, """\
        resource "aws_s3_bucket" "lake" {
          bucket = "lake"
        }
        resource "aws_dms_replication_instance" "dms" {
          replication_instance_id    = "dms"
          replication_instance_class = "dms.t3.medium"
        }
        resource "aws_dms_endpoint" "target" {
          endpoint_id   = "lake"
          endpoint_type = "target"
          engine_name   = "s3"
          s3_settings {
            bucket_name = aws_s3_bucket.lake.bucket
          }
        }
        resource "aws_dms_endpoint" "source" {
          endpoint_id   = "orders"
          endpoint_type = "source"
          engine_name   = "postgres"
          server_name   = "orders.example.com"
        }
        resource "aws_dms_replication_task" "copy" {
          replication_task_id      = "copy"
          migration_type           = "full-load"
          replication_instance_arn = aws_dms_replication_instance.dms.replication_instance_arn
          source_endpoint_arn      = aws_dms_endpoint.source.endpoint_arn
          target_endpoint_arn      = aws_dms_endpoint.target.endpoint_arn
          table_mappings           = "{}"
        }
    """))
    folded = {entry.key: entry.detail for entry in design.report.folded}
    assert folded["aws_dms_replication_task.copy"] == "aws_dms_replication_instance.dms"
    assert folded["aws_dms_endpoint.target"] == "aws_dms_replication_instance.dms"
    assert ("aws_dms_replication_instance.dms", "aws_s3_bucket.lake") in {(f.source, f.target) for f in design.flows}


def test_the_registry_elb_module_is_a_placeholder_classic_load_balancer_in_front_of_its_instances(
    tmp_path: Path,
) -> None:
    result = import_source(write(tmp_path, """\
        resource "aws_instance" "app" {
          count         = 2
          instance_type = "t3.micro"
        }
        module "elb" {
          source    = "terraform-aws-modules/elb/aws"
          name      = "web"
          internal  = false
          subnets   = ["subnet-0123456789abcdef0"]
          instances = aws_instance.app[*].id
          listener = [{
            instance_port     = "80"
            instance_protocol = "HTTP"
            lb_port           = "80"
            lb_protocol       = "HTTP"
          }]
        }
    """), variables={}, layout=False)
    design = result.design
    assert (design.nodes["module.elb"].kind, design.nodes["module.elb"].placeholder) == ("elb", True)
    flows = {(flow.source, flow.target) for flow in design.flows}
    assert {("module.elb", "aws_instance.app[0]"), ("module.elb", "aws_instance.app[1]")} <= flows
    assert [f.rule for f in analyse(result.built.arch).findings if f.node == "module.elb"] == []


def test_override_files_merge_into_the_blocks_they_override(tmp_path: Path) -> None:
    write(tmp_path, """\
        locals {
          engine = "mysql"
        }
        resource "aws_db_instance" "db" {
          engine            = local.engine
          instance_class    = "db.t4g.micro"
          storage_encrypted = false
          tags = {
            team = "a"
          }
        }
    """)
    (tmp_path / "override.tf").write_text(textwrap.dedent("""\
        locals {
          engine = "postgres"
        }
        resource "aws_db_instance" "db" {
          storage_encrypted = true
        }
    """))
    (tmp_path / "zz_override.tf").write_text('resource "aws_sqs_queue" "never_declared" {}\n')
    design = import_terraform(tmp_path)
    props = design.nodes["aws_db_instance.db"].props
    assert (props["storage_encrypted"], props["engine"]) == (True, "postgres")
    assert design.nodes["aws_db_instance.db"].props["instance_class"] == "db.t4g.micro"
    # An override of a block that does not exist overrides nothing.
    assert "aws_sqs_queue.never_declared" not in design.nodes


def test_a_folder_without_tf_files_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("nothing here\n")
    assert main(["check", str(tmp_path)]) == 2
    assert "no .tf or .tf.json files in this folder" in capsys.readouterr().err
    assert main(["import", str(tmp_path), "-o", str(tmp_path / "x.wadesk")]) == 2
    assert "no .tf or .tf.json files in this folder" in capsys.readouterr().err


def test_a_terraform_db_instance_is_private_unless_it_says_otherwise(tmp_path: Path) -> None:
    # The provider sends publicly_accessible = false when it is left out; CloudFormation's RDS default (public in
    # a default VPC) does not apply.
    folder = write(tmp_path, """\
        resource "aws_db_instance" "quiet" {
          engine         = "postgres"
          instance_class = "db.t4g.micro"
        }
        resource "aws_db_instance" "open" {
          engine              = "postgres"
          instance_class      = "db.t4g.micro"
          publicly_accessible = true
        }
    """)
    design = import_terraform(folder)
    assert design.nodes["aws_db_instance.quiet"].props["publicly_accessible"] is False
    assert design.nodes["aws_db_instance.open"].props["publicly_accessible"] is True
    assert findings(folder)["SEC-DB-PUBLICLY-ACCESSIBLE"] == {"aws_db_instance.open"}


TF_JSON = {
    "//": "written by a tool",
    "variable": {"cidr": {"type": "string", "default": "10.0.0.0/16"}},
    "locals": {"name": "shop"},
    "resource": {
        "aws_vpc": {"main": {"cidr_block": "${var.cidr}", "tags": {"Name": "${local.name}"}}},
        "aws_subnet": {"a": {"vpc_id": "${aws_vpc.main.id}", "cidr_block": "${cidrsubnet(var.cidr, 8, 1)}",
                             "availability_zone": "eu-west-1a"}},
        "aws_security_group": {"web": {
            "vpc_id": "${aws_vpc.main.id}",
            "dynamic": {"ingress": {"for_each": [80, 443], "content": {
                "from_port": "${ingress.value}", "to_port": "${ingress.value}", "protocol": "tcp",
                "cidr_blocks": ["0.0.0.0/0"]}}},
        }},
        "aws_instance": {"web": {
            "instance_type": "t3.micro", "subnet_id": "${aws_subnet.a.id}",
            "vpc_security_group_ids": ["${aws_security_group.web.id}"],
            "metadata_options": {"http_tokens": "required"},
            "depends_on": ["aws_subnet.a"],
        }},
    },
}


def test_a_folder_in_terraform_json_syntax_imports_like_hcl(tmp_path: Path) -> None:
    import json as json_module

    (tmp_path / "cdk.tf.json").write_text(json_module.dumps(TF_JSON, indent=2))
    design = import_terraform(tmp_path)
    assert design.nodes["aws_subnet.a"].props["cidr"] == "10.0.1.0/24"
    assert design.nodes["aws_subnet.a"].vpc == "aws_vpc.main"
    web = design.nodes["aws_instance.web"]
    assert (web.subnets, web.security_groups, web.props["imdsv2_required"]) == (
        ["aws_subnet.a"], ["aws_security_group.web"], True)
    ports = {rule["port_from"] for rule in design.nodes["aws_security_group.web"].props["ingress"]}
    assert ports == {80, 443}
    assert design.nodes["aws_instance.web"].location.file.endswith("cdk.tf.json")
    assert design.report.unresolved == []


def test_a_tf_json_file_with_a_syntax_error_exits_2_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "main.tf.json").write_text('{"resource": {\n  "aws_s3_bucket": {"b": {"bucket": "b",}}\n}}\n')
    assert main(["check", str(tmp_path)]) == 2
    assert "main.tf.json:2: JSON syntax error" in capsys.readouterr().err
