"""Both importers fill the properties that the rules of issue 11 (item 4) started reading."""

from __future__ import annotations

import textwrap
from pathlib import Path

from cfnkit import template

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
