"""The evaluated-template value types: references are found wherever they sit, and print in ${...} form."""

from __future__ import annotations

from wadesk.importers.cfn.values import External, Interpolated, ResourceRef, Unresolved, externals_in, refs_in


def test_refs_are_found_inside_lists_dicts_and_interpolated_strings() -> None:
    bucket, table = ResourceRef("Bucket"), ResourceRef("Table", "Arn")
    policy = {
        "Statement": [
            {"Resource": Interpolated(("arn:aws:s3:::", bucket, "/*"))},
            {"Resource": [table, bucket]},
        ]
    }
    assert refs_in(policy) == [bucket, table]


def test_externals_are_found_and_plain_data_has_none() -> None:
    vpc = External("SharedVpcId", "import")
    assert externals_in({"VpcId": vpc, "Tags": [{"Key": "a", "Value": "b"}]}) == [vpc]
    assert refs_in({"a": [1, "x", None, True]}) == []


def test_markers_print_as_placeholders() -> None:
    text = Interpolated(("arn:", ResourceRef("Fn", "Arn"), ":", External("Env", "parameter"), Unresolved("Fn::X", "?")))
    assert str(text) == "arn:${Fn.Arn}:${Env}<Fn::X>"
