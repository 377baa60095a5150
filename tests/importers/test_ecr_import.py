"""ECR repositories from both front ends: settings, folded lifecycle and repository policies, registry scanning."""

from __future__ import annotations

import textwrap
from pathlib import Path

from cfnkit import template

from wadesk.importers.cfn.importer import map_template
from wadesk.importers.terraform.importer import import_terraform

REPOSITORIES = """\
resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration { scan_on_push = true }
  encryption_configuration { encryption_type = "KMS" }
}
resource "aws_ecr_lifecycle_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = jsonencode({ rules = [{ rulePriority = 1, action = { type = "expire" } }] })
}
resource "aws_ecr_repository_policy" "app" {
  repository = "app"
  policy     = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "ecr:BatchGetImage" }] })
}
resource "aws_ecr_repository" "worker" { name = "prod-worker" }
resource "aws_ecr_repository" "tools" { name = "tools" }
"""

REGISTRY_SCANNING = """\
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "prod-*"
      filter_type = "WILDCARD"
    }
  }
}
"""


def configuration(folder: Path, text: str) -> Path:
    (folder / "main.tf").write_text(textwrap.dedent(text))
    return folder


def test_a_terraform_repository_is_an_ecr_node_with_its_settings(tmp_path: Path) -> None:
    design = import_terraform(configuration(tmp_path, REPOSITORIES))
    app, worker = design.nodes["aws_ecr_repository.app"], design.nodes["aws_ecr_repository.worker"]
    assert app.kind == worker.kind == "ecr"
    assert app.props == {"scan_on_push": True, "tag_immutability": True, "encryption": "KMS",
                         "lifecycle_policy": True}
    assert worker.props == {"scan_on_push": False, "tag_immutability": False, "encryption": "AES256",
                            "lifecycle_policy": False}
    folded = {entry.key: entry.detail for entry in design.report.folded}
    # The lifecycle policy names the repository by reference, the repository policy by its name.
    assert folded["aws_ecr_lifecycle_policy.app"] == "aws_ecr_repository.app"
    assert folded["aws_ecr_repository_policy.app"] == "aws_ecr_repository.app"


def test_registry_scanning_rules_turn_scanning_on_for_the_repositories_they_match(tmp_path: Path) -> None:
    design = import_terraform(configuration(tmp_path, REPOSITORIES + REGISTRY_SCANNING))
    assert design.nodes["aws_ecr_repository.worker"].props["scan_on_push"] is True
    assert design.nodes["aws_ecr_repository.tools"].props["scan_on_push"] is False  # not matched by prod-*
    assert "aws_ecr_registry_scanning_configuration.this" not in design.nodes


def test_a_manual_scanning_rule_scans_nothing(tmp_path: Path) -> None:
    manual = REGISTRY_SCANNING.replace("ENHANCED", "BASIC").replace("CONTINUOUS_SCAN", "MANUAL")
    design = import_terraform(configuration(tmp_path, REPOSITORIES + manual))
    assert design.nodes["aws_ecr_repository.worker"].props["scan_on_push"] is False


def test_a_cloudformation_repository_maps_the_same_way() -> None:
    design = map_template(template({
        "Images": ("AWS::ECR::Repository", {
            "RepositoryName": "images", "ImageTagMutability": "IMMUTABLE",
            "ImageScanningConfiguration": {"ScanOnPush": "true"},
            "LifecyclePolicy": {"LifecyclePolicyText": "{\"rules\": []}"},
        }),
        "Unnamed": ("AWS::ECR::Repository", {"EncryptionConfiguration": {"EncryptionType": "KMS"}}),
        "Scanning": ("AWS::ECR::RegistryScanningConfiguration", {
            "ScanType": "BASIC",
            "Rules": [{"ScanFrequency": "SCAN_ON_PUSH",
                       "RepositoryFilters": [{"Filter": "*", "FilterType": "WILDCARD"}]}],
        }),
    }))
    assert design.nodes["Images"].props == {"scan_on_push": True, "tag_immutability": True, "encryption": "AES256",
                                            "lifecycle_policy": True}
    # The wildcard matches a repository whose name CloudFormation makes up.
    assert design.nodes["Unnamed"].props["scan_on_push"] is True
    assert design.nodes["Unnamed"].props["encryption"] == "KMS"
