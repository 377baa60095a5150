"""Every template of the shared corpus imports, checks, and keeps its resources of well-known types as nodes."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse

_ROOT = Path(__file__).resolve().parents[2]
#: ../shared/corpus/cfn beside the repository (CI), or two levels up for a worktree under the workplace.
CORPUS = next(
    (p for p in (_ROOT.parent / "shared/corpus/cfn", _ROOT.parent.parent / "shared/corpus/cfn") if p.is_dir()),
    _ROOT.parent / "shared/corpus/cfn",
)
TEMPLATES = sorted(p for p in CORPUS.glob("*") if p.suffix in (".yaml", ".yml", ".json", ".template"))

#: Types that always become a node of their own, under their logical id.
WELL_KNOWN = frozenset(
    {
        "AWS::EC2::VPC",
        "AWS::EC2::Subnet",
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::Instance",
        "AWS::EC2::NatGateway",
        "AWS::EC2::InternetGateway",
        "AWS::S3::Bucket",
        "AWS::Lambda::Function",
        "AWS::DynamoDB::Table",
        "AWS::SQS::Queue",
        "AWS::SNS::Topic",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AWS::AutoScaling::AutoScalingGroup",
        "AWS::ECS::Cluster",
        "AWS::ECS::Service",
        "AWS::EKS::Cluster",
        "AWS::RDS::DBCluster",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::EFS::FileSystem",
        "AWS::CloudFront::Distribution",
        "AWS::ApiGateway::RestApi",
        "AWS::KMS::Key",
        "AWS::DMS::ReplicationInstance",
        "AWS::Neptune::DBCluster",
        "AWS::CloudWatch::Alarm",
        "AWS::Logs::LogGroup",
        "AWS::IAM::Role",
        "AWS::SecretsManager::Secret",
        "AWS::KinesisFirehose::DeliveryStream",
    }
)


@pytest.mark.skipif(not TEMPLATES, reason="the shared corpus is not checked out beside the repository")
@pytest.mark.parametrize("path", TEMPLATES, ids=[p.name for p in TEMPLATES])
def test_corpus_template_imports_checks_and_keeps_its_resources(path: Path) -> None:
    pytest.importorskip("wadesk.importers.cfn.template", reason="the template reader has not landed yet")
    from wadesk.importers.api import import_source
    from wadesk.importers.cfn.template import load_template

    result = import_source(path)
    arch = result.built.arch
    analyse(arch)
    evaluated = load_template(path)
    expected = [key for key, res in evaluated.resources.items() if isinstance(res.type, str) and res.type in WELL_KNOWN]
    missing = [key for key in expected if key not in arch]
    assert not missing, f"{path.name}: resources not drawn: {missing}"
    every = set(evaluated.resources)
    listed = {
        e.key
        for e in result.design.report.mapped
        + result.design.report.folded
        + result.design.report.generic
        + result.design.report.omitted
    }
    assert every <= listed, f"{path.name}: resources the report does not mention: {sorted(every - listed)}"
    assert result.built.layout_engine in ("dot", "grid")
