"""Updating a design from a changed source keeps every surviving node in place, as one undoable edit."""

from __future__ import annotations

from tests.importers.cfnkit import R, network, template
from wadesk.importers.build import build_architecture
from wadesk.importers.cfn.importer import map_template
from wadesk.importers.update import plan_update


def _built(resources):  # type: ignore[no-untyped-def]
    return build_architecture(map_template(template(resources))).arch


def test_survivors_keep_geometry_new_nodes_fit_their_container_gone_ones_leave_and_undo_restores() -> None:
    before = network() | {
        "Web": ("AWS::EC2::Instance", {"SubnetId": R("SubnetA")}),
        "Old": ("AWS::SQS::Queue", {}),
    }
    after = network() | {
        "Web": ("AWS::EC2::Instance", {"SubnetId": R("SubnetA"), "InstanceType": "m5.large"}),
        "Api": ("AWS::EC2::Instance", {"SubnetId": R("SubnetA")}),
        "Bucket": ("AWS::S3::Bucket", {}),
    }
    current = _built(before)
    current.move_node("Web", 1234, 567)
    snapshot = {n.id: (n.parent, n.x, n.y, n.w, n.h, dict(n.props)) for n in current.nodes()}
    plan = plan_update(current, _built(after))
    assert sorted(plan.added) == ["Api", "Bucket"] and plan.removed == ["Old"]
    plan.edit.apply(current)
    web = current.node("Web")
    assert (web.x, web.y) == (1234, 567) and web.props["instance_type"] == "m5.large"
    assert "Old" not in current and current.parent_of("Api") == "SubnetA"
    api, subnet = current.node("Api"), current.node("SubnetA")
    assert subnet.x <= api.x and api.x + 64 <= subnet.x + (subnet.w or 0)
    assert subnet.y <= api.y and api.y + 64 <= subnet.y + (subnet.h or 0)
    others = [n for n in current.nodes() if n.id not in ("Api", "Bucket") and n.w is None]
    assert all((n.x, n.y) != (api.x, api.y) for n in others)
    plan.edit.revert(current)
    assert {n.id: (n.parent, n.x, n.y, n.w, n.h, dict(n.props)) for n in current.nodes()} == snapshot


def test_an_unchanged_source_changes_nothing() -> None:
    resources = network() | {"Web": ("AWS::EC2::Instance", {"SubnetId": R("SubnetB")})}
    current = _built(resources)
    plan = plan_update(current, _built(resources))
    assert plan.edit.edits == [] and not plan.added and not plan.removed
