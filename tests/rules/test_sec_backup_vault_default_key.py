"""SEC-BACKUP-VAULT-DEFAULT-KEY: a backup vault under the AWS managed key."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.backup_vault_default_key import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_the_default_setting_is_reported_on_the_node() -> None:
    assert hits(RULE, design([("a", "backup")])) == {key(RULE, "a")}


def test_the_setting_turned_on_passes() -> None:
    assert hits(RULE, design([("a", "backup", None, {"vault_kms": True})])) == set()
