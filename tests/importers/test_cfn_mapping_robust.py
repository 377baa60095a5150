"""Whatever shape an evaluated property takes, mapping never raises: a resource costs its details, not the import."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.importers.cfnkit import R, template
from wadesk.importers.build import build_architecture
from wadesk.importers.cfn.importer import known_types, map_template
from wadesk.importers.cfn.values import External, Unresolved

NAMES = ["Vpc", "Subnet", "Sg", "Fn", "Bucket", "Thing", "Other"]
_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 70000),
    st.text(max_size=8),
    st.sampled_from(["true", "false", "0.0.0.0/0", "HTTPS", "Enabled", "aws:kms", "required", "internal"]),
    st.builds(R, st.sampled_from(NAMES)),
    st.just(External("Net", "import")),
    st.just(Unresolved("Fn::X", "test")),
)
_values = st.recursive(
    _leaves,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.text(max_size=12)
            | st.sampled_from(
                [
                    "VpcId",
                    "SubnetId",
                    "SubnetIds",
                    "SecurityGroupIds",
                    "Properties",
                    "Statement",
                    "Resource",
                    "Action",
                    "Effect",
                    "Targets",
                    "Id",
                    "Arn",
                    "DefaultActions",
                    "TargetGroupArn",
                    "Protocol",
                    "Port",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(known_types()),
    props=st.dictionaries(st.text(max_size=30), _values, max_size=6),
    other=st.sampled_from(known_types()),
    other_props=st.dictionaries(st.text(max_size=30), _values, max_size=4),
)
def test_mapping_any_property_shapes_never_raises(kind: str, props: dict, other: str, other_props: dict) -> None:
    design = map_template(
        template(
            {
                "Thing": (kind, props),
                "Other": (other, other_props),
                "Vpc": ("AWS::EC2::VPC", {}),
                "Sg": ("AWS::EC2::SecurityGroup", {}),
            }
        )
    )
    build_architecture(design, layout=False)
