"""Property schemas become pydantic models on first use, the same models as if written as pydantic classes."""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest
from pydantic import BaseModel

from wadesk.catalog import CATALOG
from wadesk.catalog import properties as p
from wadesk.catalog.schema import Props, model_of
from wadesk.model import ModelError


def _declared(spec: type[Props]) -> list[str]:
    """Field names in the order a pydantic class statement would collect them (bases first)."""
    names: dict[str, None] = {}
    for klass in reversed(spec.__mro__):
        for name in klass.__dict__.get("__annotations__", {}):
            if name != "model_config":
                names[name] = None
    return list(names)


@pytest.mark.parametrize("kind", list(CATALOG), ids=lambda kind: kind.id)
def test_each_kind_model_mirrors_its_schema(kind: typing.Any) -> None:
    model = kind.props_schema
    assert issubclass(model, BaseModel) and model is model_of(kind.props_spec)
    assert (model.__name__, model.__module__, model.__doc__) == (
        kind.props_spec.__name__, kind.props_spec.__module__, kind.props_spec.__doc__
    )
    assert list(model.model_fields) == _declared(kind.props_spec)
    assert model.model_config["extra"] == "forbid" and model.model_config["strict"] is True
    # the model's bases are the models of the schema's bases
    assert model.__bases__ == (model_of(kind.props_spec.__bases__[0]),)


def test_nested_schemas_resolve_to_their_models() -> None:
    rules = CATALOG.validate_props("security_group", {"ingress": [{"port_from": 443, "port_to": 443}]}, "sg")
    assert rules["ingress"][0]["cidr"] == "0.0.0.0/0"
    assert typing.get_args(model_of(p.SecurityGroupProps).model_fields["ingress"].annotation) == (
        model_of(p.IngressRule),
    )
    with pytest.raises(ModelError, match=r"property 'ingress\[0\]\.bogus'"):
        CATALOG.validate_props("security_group", {"ingress": [{"bogus": 1}]}, "sg")


def test_a_check_builds_only_the_models_it_meets(tmp_path: typing.Any) -> None:
    template = tmp_path / "bucket.json"
    template.write_text('{"Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}}', encoding="utf-8")
    code = (
        "import sys; from wadesk.app import main; main(['check', sys.argv[1], '--fail-on', 'never']); "
        "from wadesk.catalog import schema; print('BUILT', len(schema._MODELS))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(template)], capture_output=True, text=True, timeout=120)
    built = int(out.stdout.rsplit("BUILT", 1)[1])
    assert 0 < built < len({kind.props_spec for kind in CATALOG}) / 4
