"""Property schemas written as plain classes, each made a strict pydantic model the first time it is used.

Building a pydantic model class costs about a third of a millisecond per schema; with some seventy
schemas that was an eighth of a ``wadesk check`` run, while a design meets a handful of kinds. So the
schemas in :mod:`wadesk.catalog.properties` and :mod:`wadesk.catalog.properties_data` are written as
pydantic models are (annotations and ``Field(...)``), on the light :class:`Props` base and this module's
:func:`Field`, and :func:`model_of` turns one into the pydantic model it describes, with the same name,
module, docstring, bases, fields and configuration, once per process. Nothing here imports pydantic until
a model is asked for.
"""

from __future__ import annotations

import re
import sys
import typing
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel


class FieldSpec:
    """What a :func:`Field` call said, kept until the model is built (then given to pydantic's ``Field``)."""

    __slots__ = ("args", "kwargs")

    def __init__(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.args = args
        self.kwargs = kwargs


def Field(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - spelt as pydantic's, which it stands for
    """Declare a property as pydantic's ``Field`` does (same arguments), for :func:`model_of` to build."""
    return FieldSpec(args, kwargs)


class Props:
    """Base of every property schema: strict types, no unknown names.

    Each schema builds its validator on first use (``defer_build``): building all of them costs
    about a tenth of a second at every start-up, and a check validates only the kinds it meets.
    """

    # The docstring is the pydantic base model's (see :func:`model_of`), kept as it was. Each schema's
    # model is built by model_of on first use; its validator then on first validation (defer_build), so
    # ``wadesk kinds`` and the inspector read fields without building validators.

    #: The configuration of every schema's model (pydantic's ``ConfigDict``).
    model_config: typing.ClassVar[dict[str, Any]] = {
        "extra": "forbid", "strict": True, "frozen": True, "defer_build": True
    }


_MODELS: dict[type[Props], type[BaseModel]] = {}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def model_of(schema: type[Props]) -> type[BaseModel]:
    """The pydantic model that ``schema`` describes, built on first use and the same object afterwards."""
    model = _MODELS.get(schema)
    if model is None:
        model = _build(schema)
        _MODELS[schema] = model
    return model


def _build(schema: type[Props]) -> type[BaseModel]:
    from pydantic import BaseModel, ConfigDict
    from pydantic import Field as PydanticField

    if schema is Props:
        base: type[BaseModel] = BaseModel
    else:
        (parent,) = schema.__bases__  # one base: Props or another schema
        base = model_of(parent)
    namespace: dict[str, Any] = {
        "__module__": schema.__module__,
        "__qualname__": schema.__qualname__,
        "__doc__": schema.__doc__,
    }
    if schema is Props:
        namespace["model_config"] = ConfigDict(**schema.model_config)  # type: ignore[typeddict-item]
    own = schema.__dict__.get("__annotations__", {})
    if own:
        hints = typing.get_type_hints(schema, localns=_nested_models(schema, own), include_extras=True)
        namespace["__annotations__"] = {name: hints[name] for name in own if name != "model_config"}
    for name, value in schema.__dict__.items():
        if isinstance(value, FieldSpec):
            namespace[name] = PydanticField(*value.args, **value.kwargs)
    return type(base)(schema.__name__, (base,), namespace)


def _nested_models(schema: type[Props], annotations: dict[str, Any]) -> dict[str, Any]:
    """The models of the schemas that ``annotations`` name (``list[IngressRule]``), by name, so the
    annotations resolve to models rather than to the plain schema classes."""
    found: dict[str, Any] = {}
    names = vars(sys.modules[schema.__module__])
    for text in annotations.values():
        for name in _NAME.findall(str(text)):
            value = names.get(name)
            if isinstance(value, type) and issubclass(value, Props) and value is not schema:
                found[name] = model_of(value)
    return found
