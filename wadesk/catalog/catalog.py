"""The catalog of kinds: metadata, icons, responsibility and property validation."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from wadesk.catalog import properties as p
from wadesk.catalog.kinds import CATEGORIES, ROWS, KindRow
from wadesk.catalog.responsibility import Responsibility, base_responsibility
from wadesk.catalog.schema import model_of
from wadesk.model.errors import ModelError


@dataclass(frozen=True)
class Kind:
    """Everything the product knows about one kind of node."""

    id: str
    name: str
    category: str
    container: bool
    diagrams_class: str
    #: The kind's property schema as written (:mod:`wadesk.catalog.properties`); see :attr:`props_schema`.
    props_spec: type[p.Props]
    responsibility: Responsibility

    @property
    def props_schema(self) -> type[BaseModel]:
        """The pydantic model of the kind's properties (built the first time any caller asks)."""
        return model_of(self.props_spec)

    @cached_property
    def _diagrams_cls(self) -> type:
        module_name, class_name = self.diagrams_class.rsplit(".", 1)
        cls: type = getattr(importlib.import_module(module_name), class_name)
        return cls

    @property
    def icon_file(self) -> str:
        """The icon path relative to the diagrams resources root, e.g. ``aws/compute/ec2.png``."""
        cls = self._diagrams_cls
        # diagrams stores the folder as "resources/aws/compute"; read the attributes, never instantiate.
        folder = str(getattr(cls, "_icon_dir", "")).removeprefix("resources/")
        return f"{folder}/{getattr(cls, '_icon', '')}"

    @property
    def icon_path(self) -> Path:
        """Absolute path of the AWS icon shipped with the installed diagrams package."""
        return _resources_root() / self.icon_file

    def defaults(self) -> dict[str, Any]:
        """Every property of this kind at its default value."""
        return self.props_schema().model_dump()


@lru_cache(maxsize=1)
def _resources_root() -> Path:
    import diagrams

    return Path(diagrams.__file__).resolve().parent.parent / "resources"


def _describe_type(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind in ("bool_type", "bool_parsing"):
        return "true or false"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "a whole number"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return "a finite number"
    if kind in ("string_type",):
        return "a string"
    if kind in ("list_type",):
        return "a list"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "an object"
    if kind == "literal_error":
        return f"one of {ctx.get('expected', '')}"
    if kind == "extra_forbidden":
        return "no such property"
    if kind == "greater_than_equal":
        return f"a number >= {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"a number <= {ctx.get('le')}"
    if kind == "none_required":
        return "null"
    if kind == "value_error" and ctx.get("error") is not None:
        return str(ctx["error"])
    return str(error.get("msg", "a valid value"))


def _validation_message(where: str, exc: ValidationError, allowed: list[str]) -> str:
    lines = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        # pydantic adds the union member name to the location (e.g. "int"); drop those.
        loc = [part for part in loc if part not in ("int", "str", "bool", "float", "none", "list[str]")]
        name = loc[0] if loc else "?"
        path = name + "".join(f"[{part}]" if part.isdigit() else f".{part}" for part in loc[1:])
        value = error.get("input")
        if error.get("type") == "extra_forbidden":
            lines.append(f"{where}: unknown property {path!r} (known: {', '.join(allowed) or 'none'})")
        elif error.get("type") == "missing":
            lines.append(f"{where}: property {path!r} is required")
        else:
            lines.append(f"{where}: property {path!r}: expected {_describe_type(error)}, got {_short(value)}")
    return "\n".join(dict.fromkeys(lines))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Catalog:
    """All kinds, looked up by id; also the model's :class:`~wadesk.model.KindSchema`."""

    def __init__(self, rows: tuple[KindRow, ...] = ROWS) -> None:
        self._kinds: dict[str, Kind] = {}
        for row in rows:
            self._kinds[row.id] = Kind(
                id=row.id,
                name=row.name,
                category=row.category,
                container=row.container,
                diagrams_class=row.diagrams_class,
                props_spec=row.props,
                responsibility=base_responsibility(row.id),
            )
        self._defaults: dict[str, dict[str, Any]] = {}
        # Validated property sets keyed by their scalar content: designs repeat the same few
        # property combinations thousands of times, and pydantic need check each only once.
        self._checked: dict[tuple[Any, ...], dict[str, Any]] = {}

    def __iter__(self) -> Iterator[Kind]:
        return iter(self._kinds.values())

    def __len__(self) -> int:
        return len(self._kinds)

    def __contains__(self, kind: object) -> bool:
        return kind in self._kinds

    def get(self, kind: str) -> Kind:
        """The kind with id ``kind``.

        Raises:
            ModelError: no such kind.
        """
        try:
            return self._kinds[kind]
        except KeyError:
            raise ModelError(f"unknown kind {kind!r}") from None

    def by_category(self) -> dict[str, list[Kind]]:
        """Kinds grouped by palette category, in palette order."""
        groups: dict[str, list[Kind]] = {category: [] for category in CATEGORIES}
        for kind in self:
            groups[kind.category].append(kind)
        return groups

    # KindSchema protocol -------------------------------------------------
    def has_kind(self, kind: str) -> bool:
        """Whether ``kind`` is a known kind id."""
        return kind in self._kinds

    def is_container(self, kind: str) -> bool:
        """Whether nodes of ``kind`` hold other nodes."""
        return self.get(kind).container

    def defaults(self, kind: str) -> dict[str, Any]:
        """Every property of ``kind`` at its default (a fresh copy)."""
        if kind not in self._defaults:
            self._defaults[kind] = self.get(kind).defaults()
        return {key: _copy_value(value) for key, value in self._defaults[kind].items()}

    def validate_props(self, kind: str, props: Mapping[str, Any], where: str) -> dict[str, Any]:
        """``props`` checked against the schema of ``kind`` and completed with defaults.

        Raises:
            ModelError: naming ``where``, the property and what was expected.
        """
        schema = self.get(kind).props_schema
        if not isinstance(props, Mapping):
            raise ModelError(f"{where}: props must be an object, got {_short(props)}")
        key = _scalar_key(kind, props)
        if key is not None and key in self._checked:
            return dict(self._checked[key])
        try:
            model = schema.model_validate(dict(props))
        except ValidationError as exc:
            raise ModelError(_validation_message(where, exc, list(schema.model_fields))) from None
        checked = model.model_dump()
        if key is not None and len(self._checked) < _CACHE_LIMIT:
            self._checked[key] = dict(checked)
        return checked

    def validate_edge_props(self, props: Mapping[str, Any], where: str) -> dict[str, Any]:
        """Flow properties checked and completed; ``encrypted`` follows the protocol unless given."""
        if not isinstance(props, Mapping):
            raise ModelError(f"{where}: props must be an object, got {_short(props)}")
        given = dict(props)
        key = _scalar_key("<edge>", given)
        if key is not None and key in self._checked:
            return dict(self._checked[key])
        schema = model_of(p.EdgeProps)
        try:
            model = schema.model_validate(given)
        except ValidationError as exc:
            raise ModelError(_validation_message(where, exc, list(schema.model_fields))) from None
        checked = model.model_dump()
        if "encrypted" not in given:
            checked["encrypted"] = p.default_encrypted(checked["protocol"])
        if key is not None and len(self._checked) < _CACHE_LIMIT:
            self._checked[key] = dict(checked)
        return checked


_CACHE_LIMIT = 4096
_SCALARS = (str, int, float, bool, type(None))


def _scalar_key(kind: str, props: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """A hashable key for props made only of scalars (types included: True is not 1), else None."""
    items = []
    for name, value in props.items():
        if not isinstance(value, _SCALARS):
            return None
        items.append((name, type(value).__name__, value))
    return (kind, *sorted(items, key=lambda item: (item[0], item[1])))


def _copy_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _copy_value(item) for key, item in value.items()}
    return value
