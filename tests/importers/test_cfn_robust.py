"""Whatever shape a template's intrinsic functions take, reading it gives a Template or an ImportSourceError."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wadesk.importers.cfn.template import load_template
from wadesk.importers.errors import ImportSourceError

FUNCTIONS = [
    "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If", "Fn::Equals", "Fn::And",
    "Fn::Or", "Fn::Not", "Fn::FindInMap", "Fn::ImportValue", "Fn::Base64", "Fn::Cidr", "Fn::GetAZs",
    "Fn::Transform", "Fn::Length", "Fn::ToJsonString", "Fn::Unknown", "Condition",
]
NAMES = ["Env", "Count", "Subnets", "Vpc", "Bucket", "Queue", "IsProd", "Sizes", "AWS::Region", "AWS::NoValue",
         "Missing", "Bucket.Arn", "", "prod", "10.0.0.0/16"]

scalars = st.one_of(
    st.sampled_from(NAMES), st.integers(-3, 300), st.booleans(), st.none(), st.text(max_size=8),
    st.sampled_from(["${Env}", "${Bucket.Arn}-${!x}", "${Missing}", "${", "a,b", "${AWS::NoValue}"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["A", "B", "Condition", "DefaultValue"]), inner, max_size=3),
        st.builds(lambda name, argument: {name: argument}, st.sampled_from(FUNCTIONS), inner),
    ),
    max_leaves=12,
)

BASE: dict[str, Any] = {
    "Parameters": {
        "Env": {"Type": "String", "Default": "prod"},
        "Count": {"Type": "Number", "Default": 2},
        "Subnets": {"Type": "List<AWS::EC2::Subnet::Id>"},
        "Vpc": {"Type": "AWS::EC2::VPC::Id"},
    },
    "Mappings": {"Sizes": {"prod": {"A": "big"}}},
    "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
    "Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}},
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(properties=values, condition=values, output=values)
def test_any_intrinsic_shape_reads_or_is_refused(properties: Any, condition: Any, output: Any) -> None:
    template = json.loads(json.dumps(BASE))
    template["Conditions"]["Odd"] = condition
    template["Resources"]["Queue"] = {"Type": "AWS::SQS::Queue", "Properties": {"P": properties}, "DependsOn": output}
    template["Outputs"] = {"Out": {"Value": output, "Condition": "IsProd"}}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.json"
        path.write_text(json.dumps(template), encoding="utf-8")
        try:
            result = load_template(path)
        except ImportSourceError as error:
            assert str(error).startswith(str(path))
        else:
            assert "Bucket" in result.resources
