"""Both importers fill the properties that the rules of issue 11 (item 4) started reading."""

from __future__ import annotations

import textwrap
from pathlib import Path

from cfnkit import R, template

from wadesk.importers.cfn.importer import map_template
from wadesk.importers.terraform.importer import import_terraform

CLUSTERS_TF = """
resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph"
  iam_database_authentication_enabled = true
  deletion_protection                 = true
}

resource "aws_neptune_cluster_instance" "graph" {
  count              = 2
  cluster_identifier = aws_neptune_cluster.graph.id
  instance_class     = "db.r6g.large"
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier              = "docs"
  enabled_cloudwatch_logs_exports = ["audit"]
}

resource "aws_docdb_cluster_instance" "docs" {
  count              = 3
  cluster_identifier = aws_docdb_cluster.docs.id
  instance_class     = "db.r6g.large"
}

resource "aws_dms_replication_instance" "dms" {
  replication_instance_id    = "dms"
  replication_instance_class = "dms.t3.medium"
  auto_minor_version_upgrade = false
}
"""


def _tf(tmp_path: Path, text: str) -> dict[str, dict[str, object]]:
    (tmp_path / "main.tf").write_text(textwrap.dedent(text))
    design = import_terraform(tmp_path)
    return {key: dict(node.props) for key, node in design.nodes.items()}


def test_terraform_clusters_count_their_instances_and_read_auth_and_audit_logs(tmp_path: Path) -> None:
    props = _tf(tmp_path, CLUSTERS_TF)
    graph = props["aws_neptune_cluster.graph"]
    assert graph["instances"] == 2 and graph["iam_auth"] is True and graph["deletion_protection"] is True
    docs = props["aws_docdb_cluster.docs"]
    assert docs["instances"] == 3 and docs["audit_logs"] is True
    assert props["aws_dms_replication_instance.dms"]["auto_minor_version_upgrade"] is False


def test_cloudformation_neptune_reads_iam_auth_enabled() -> None:
    design = map_template(
        template(
            {"Graph": ("AWS::Neptune::DBCluster", {"IamAuthEnabled": True}), "Plain": ("AWS::Neptune::DBCluster", {})}
        )
    )
    assert design.nodes["Graph"].props["iam_auth"] is True
    assert design.nodes["Plain"].props["iam_auth"] is False


SERVICES_TF = """
resource "aws_wafv2_web_acl" "managed" {
  name  = "managed"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "common"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "common"
      sampled_requests_enabled   = false
    }
  }
}

resource "aws_wafv2_web_acl" "own" {
  name  = "own"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "rate"
    priority = 1
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 1000
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "rate"
      sampled_requests_enabled   = false
    }
  }
}

resource "aws_backup_plan" "copied" {
  name = "copied"
  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-west-1:123456789012:backup-vault:dr"
    }
  }
}

resource "aws_backup_plan" "local" {
  name = "local"
  rule {
    rule_name         = "daily"
    target_vault_name = "main"
  }
}

resource "aws_macie2_account" "macie" {
  status = "PAUSED"
}

resource "aws_emr_cluster" "single" {
  name          = "single"
  release_label = "emr-7.0.0"
  service_role  = "emr"
  master_instance_group {
    instance_type = "m5.xlarge"
  }
}

resource "aws_emr_cluster" "cluster" {
  name          = "cluster"
  release_label = "emr-7.0.0"
  service_role  = "emr"
  master_instance_group {
    instance_type = "m5.xlarge"
  }
  core_instance_group {
    instance_type  = "m5.xlarge"
    instance_count = 2
  }
}

resource "aws_route53_zone" "zone" {
  name = "example.com"
}

resource "aws_route53_record" "primary" {
  zone_id         = aws_route53_zone.zone.zone_id
  name            = "www.example.com"
  type            = "A"
  set_identifier  = "primary"
  records         = ["192.0.2.1"]
  ttl             = 60
  health_check_id = "abc"
  failover_routing_policy {
    type = "PRIMARY"
  }
}

resource "aws_route53_zone" "unchecked" {
  name = "example.org"
}

resource "aws_route53_record" "unchecked" {
  zone_id        = aws_route53_zone.unchecked.zone_id
  name           = "www.example.org"
  type           = "A"
  set_identifier = "primary"
  records        = ["192.0.2.1"]
  ttl            = 60
  failover_routing_policy {
    type = "PRIMARY"
  }
}
"""


def test_terraform_fills_managed_rules_copies_macie_emr_and_failover(tmp_path: Path) -> None:
    props = _tf(tmp_path, SERVICES_TF)
    assert props["aws_wafv2_web_acl.managed"]["managed_rules"] is True
    assert props["aws_wafv2_web_acl.own"]["managed_rules"] is False
    assert props["aws_backup_plan.copied"]["cross_region_copy"] is True
    assert props["aws_backup_plan.local"]["cross_region_copy"] is False
    assert props["aws_macie2_account.macie"]["enabled"] is False
    assert props["aws_emr_cluster.single"]["instance_count"] == 1
    assert props["aws_emr_cluster.cluster"]["instance_count"] == 3
    zone = props["aws_route53_zone.zone"]
    assert zone["routing_policy"] == "failover" and zone["health_checks"] is True
    unchecked = props["aws_route53_zone.unchecked"]
    assert unchecked["routing_policy"] == "failover" and not unchecked.get("health_checks", False)


SETTINGS_TF = """
resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "network"
  enable_deletion_protection = true
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 2
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2"]
  }
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  node_type          = "ra3.xlplus"
  number_of_nodes    = 1
}

resource "aws_cloudtrail" "trail" {
  name                       = "trail"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:trail:*"
}

resource "aws_config_configuration_recorder" "recorder" {
  name     = "recorder"
  role_arn = "arn:aws:iam::123456789012:role/config"
  recording_group {
    all_supported = false
  }
}

resource "aws_sagemaker_notebook_instance" "nb" {
  name          = "nb"
  role_arn      = "arn:aws:iam::123456789012:role/nb"
  instance_type = "ml.t3.medium"
  kms_key_id    = "arn:aws:kms:eu-west-1:123456789012:key/k"
}

resource "aws_dms_replication_instance" "dms" {
  replication_instance_id    = "dms"
  replication_instance_class = "dms.t3.medium"
  publicly_accessible        = false
  multi_az                   = true
}

resource "aws_cognito_user_pool" "pool" {
  name = "pool"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}
"""


def test_terraform_fills_the_other_settings_the_new_rules_read(tmp_path: Path) -> None:
    props = _tf(tmp_path, SETTINGS_TF)
    assert props["aws_lb.web"]["deletion_protection"] is True
    assert props["aws_msk_cluster.events"]["broker_count"] == 2
    assert props["aws_redshift_cluster.dw"]["node_count"] == 1
    assert props["aws_cloudtrail.trail"]["cloudwatch_logs"] is True
    assert props["aws_config_configuration_recorder.recorder"]["all_resources"] is False
    assert props["aws_sagemaker_notebook_instance.nb"]["kms_encryption"] is True
    dms = props["aws_dms_replication_instance.dms"]
    assert dms["publicly_accessible"] is False and dms["multi_az"] is True
    assert props["aws_cognito_user_pool.pool"]["advanced_security"] is True


def test_cloudformation_macie_alias_health_and_emr_fleets() -> None:
    design = map_template(
        template(
            {
                "Paused": ("AWS::Macie::Session", {"Status": "PAUSED"}),
                "Zone": ("AWS::Route53::HostedZone", {"Name": "example.com"}),
                "Primary": (
                    "AWS::Route53::RecordSet",
                    {
                        "HostedZoneId": R("Zone"),
                        "Name": "www.example.com",
                        "Type": "A",
                        "Failover": "PRIMARY",
                        "AliasTarget": {"DNSName": "lb.example.com", "EvaluateTargetHealth": True},
                    },
                ),
                "Fleets": (
                    "AWS::EMR::Cluster",
                    {"Instances": {"MasterInstanceFleet": {"TargetOnDemandCapacity": 1}, "CoreInstanceFleet": {}}},
                ),
            }
        )
    )
    assert design.nodes["Paused"].props["enabled"] is False
    zone = design.nodes["Zone"].props
    assert zone["routing_policy"] == "failover" and zone["health_checks"] is True
    assert design.nodes["Fleets"].props["instance_count"] >= 2


ZONES_TF = """
resource "aws_route53_zone" "logged" {
  name = "example.com"
}

resource "aws_route53_query_log" "logged" {
  zone_id                  = aws_route53_zone.logged.zone_id
  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com"
}

resource "aws_route53_zone" "quiet" {
  name = "example.org"
}

resource "aws_route53_record" "elsewhere" {
  zone_id = "Z0123456789"
  name    = "api.example.net"
  type    = "CNAME"
  ttl     = 60
  records = ["api.example.org"]
}
"""


def test_terraform_query_logging_folds_into_its_zone_and_foreign_zones_are_placeholders(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(ZONES_TF))
    nodes = import_terraform(tmp_path).nodes
    assert nodes["aws_route53_zone.logged"].props["query_logging"] is True
    assert nodes["aws_route53_zone.quiet"].props.get("query_logging", False) is False
    foreign = [node for key, node in nodes.items() if key not in ("aws_route53_zone.logged", "aws_route53_zone.quiet")]
    assert [(node.kind, node.placeholder) for node in foreign] == [("route53", True)]


def test_cloudformation_records_of_a_zone_elsewhere_are_a_placeholder() -> None:
    design = map_template(
        template(
            {
                "Zone": ("AWS::Route53::HostedZone", {"Name": "example.com", "QueryLoggingConfig": {"x": "y"}}),
                "Record": ("AWS::Route53::RecordSet", {"HostedZoneId": "Z0123", "Name": "a.example.net", "Type": "A"}),
            }
        )
    )
    assert design.nodes["Zone"].props["query_logging"] is True
    assert design.nodes["Record"].placeholder


def test_a_checked_template_reports_query_logging_on_its_own_zone_only(tmp_path: Path) -> None:
    from wadesk.analysis.engine import analyse
    from wadesk.importers.api import import_source

    path = tmp_path / "dns.yaml"
    path.write_text(
        textwrap.dedent(
            """
            Resources:
              Zone:
                Type: AWS::Route53::HostedZone
                Properties:
                  Name: example.com
              Api:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneId: Z0123456789
                  Name: api.example.net
                  Type: CNAME
                  TTL: "60"
                  ResourceRecords: [api.example.com]
            """
        )
    )
    arch = import_source(path, layout=False).built.arch
    keys = {f.key for f in analyse(arch).findings if f.rule == "SEC-DNS-NO-QUERY-LOGS"}
    assert keys == {"SEC-DNS-NO-QUERY-LOGS@Zone"}
    assert arch.props_of("Api")["defined_elsewhere"] is True


FSX_TF = """
resource "aws_fsx_windows_file_system" "single" {
  storage_capacity    = 32
  subnet_ids          = ["subnet-1"]
  throughput_capacity = 8
}

resource "aws_fsx_ontap_file_system" "ha" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-1", "subnet-2"]
  preferred_subnet_id = "subnet-1"
  deployment_type     = "MULTI_AZ_1"
  throughput_capacity = 512
}

resource "aws_fsx_lustre_file_system" "scratch" {
  storage_capacity = 1200
  subnet_ids       = ["subnet-1"]
  deployment_type  = "SCRATCH_2"
}
"""


def test_terraform_file_systems_carry_their_type_and_deployment(tmp_path: Path) -> None:
    props = _tf(tmp_path, FSX_TF)
    single = props["aws_fsx_windows_file_system.single"]
    assert (single["file_system_type"], single["deployment"]) == ("WINDOWS", "single-az")
    ha = props["aws_fsx_ontap_file_system.ha"]
    assert (ha["file_system_type"], ha["deployment"]) == ("ONTAP", "multi-az")
    assert props["aws_fsx_lustre_file_system.scratch"]["file_system_type"] == "LUSTRE"


def test_cloudformation_file_system_type_is_read() -> None:
    design = map_template(
        template(
            {
                "Lustre": ("AWS::FSx::FileSystem", {"FileSystemType": "LUSTRE", "LustreConfiguration": {}}),
                "Zfs": (
                    "AWS::FSx::FileSystem",
                    {"FileSystemType": "OPENZFS", "OpenZFSConfiguration": {"DeploymentType": "MULTI_AZ_1"}},
                ),
            }
        )
    )
    assert design.nodes["Lustre"].props["file_system_type"] == "LUSTRE"
    assert (design.nodes["Zfs"].props["file_system_type"], design.nodes["Zfs"].props["deployment"]) == (
        "OPENZFS",
        "multi-az",
    )
