"""SEC-DYNAMODB-DEFAULT-KEY: a DynamoDB table under the AWS owned key."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.dynamodb_default_key import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_the_default_setting_is_reported_on_the_node() -> None:
    assert hits(RULE, design([("a", "dynamodb")])) == {key(RULE, "a")}


def test_the_setting_turned_on_passes() -> None:
    assert hits(RULE, design([("a", "dynamodb", None, {"kms_encryption": True})])) == set()


def test_a_flow_to_a_kms_key_says_the_table_uses_it() -> None:
    arch = design([("a", "dynamodb"), ("key", "kms")], [("a", "key")])
    assert hits(RULE, arch) == set()


def test_a_kms_key_drawn_elsewhere_does_not_cover_the_table() -> None:
    arch = design([("a", "dynamodb"), ("b", "dynamodb"), ("key", "kms")], [("b", "key")])
    assert hits(RULE, arch) == {key(RULE, "a")}
