"""Which settings of an imported node the source leaves unresolved: they are marked unknown, not taken as AWS's default.

A setting written as a parameter with no default, a Terraform variable with no value, ``Fn::ImportValue``, a data
source's attribute or a value known only after apply cannot be read from the source, but the mapping still gives
the node's property a value (the catalog's default, what AWS does when a template is silent). Rules must not judge
that value as a fact. Rather than teach each of the mapping's hundreds of reads about unresolved values, the
template is mapped again a few times with every such value replaced by a stand-in (true, false, a number, a string
equal to any string); a property of a node that comes out differently in some run depends on an unresolved value,
and the node records it as unknown with the expression it comes from. Only templates that hold such values pay.

Left alone: list properties (security-group rules, subnets), whose unresolved parts the mapping already drops item
by item (a rule whose port is not resolved opens no port range), and placeholders, which are not judged at all.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable
from wadesk.importers.cfn.values import External, ResourceRef, Template, Unresolved
from wadesk.importers.ir import ImportedDesign, UnresolvedEntry

#: Keys whose values name other resources (ids, ARNs, names): a stand-in there changes where a node is drawn,
#: not one of its settings, so values under them are left as they are.
_NAMING = re.compile(
    r"(Ids?|Arns?|Names?|Identifier|Subnets|Groups?|Role|Zones?|Key|Url|Uri|Endpoint|Address|Policy|Document|"
    r"Tags?|Code|Image|Location|Bucket|Queue|Topic|Target|Destination|Source)$"
)
#: Properties never marked: structure the builder decides, and where a password comes from (read apart).
_NEVER = frozenset({"defined_elsewhere", "copy_of", "resource_type", "master_password", "subnets"})
#: The numbers stand-in strings start at: each unresolved value gets its own, so a property that quotes it
#: names its expression exactly.
_MARK_BASE = 7_000_000


class _AnyText(str):
    """A stand-in string equal to every string, so a comparison the mapping makes (``== "Enabled"``) goes the way
    a plain stand-in would not."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str)

    def __ne__(self, other: object) -> bool:
        return not isinstance(other, str)

    __hash__ = str.__hash__

    def lower(self) -> _AnyText:  # type: ignore[override]
        return self

    def upper(self) -> _AnyText:  # type: ignore[override]
        return self

    def strip(self, chars: str | None = None) -> _AnyText:  # type: ignore[override]
        return self

    def startswith(self, *args: Any) -> bool:  # type: ignore[override]
        return True

    def endswith(self, *args: Any) -> bool:  # type: ignore[override]
        return True


@dataclass(frozen=True)
class _Site:
    """One unresolved value inside a resource's properties."""

    owner: str
    path: tuple[str | int, ...]
    expression: str
    reason: str
    #: Already in the import report (an unresolved value is; an import or a data source's attribute is not).
    reported: bool
    #: What the value sets, for telling which property it decides: its key, or for a ``Key``/``Value`` pair (a
    #: load balancer's attributes) the key's text.
    hint: str = ""


def _site_of(owner: str, path: tuple[str | int, ...], value: Any, resources: dict[str, Any]) -> _Site | None:
    if isinstance(value, Unresolved):
        if value.chosen_by_aws:
            return None
        return _Site(owner, path, value.expression, value.reason, True)
    if isinstance(value, External) and value.source == "import":
        return _Site(owner, path, f"Fn::ImportValue {value.name}", "exported by another stack: known at deployment",
                     False)
    if isinstance(value, ResourceRef) and value.logical_id.startswith("data.") and value.logical_id not in resources:
        attribute = re.sub(r"(?<!^)([A-Z])", r"_\1", value.attribute or "id").lower()
        return _Site(owner, path, f"{value.logical_id}.{attribute}",
                     "a data source's attribute is known only when Terraform reads it", False)
    return None


def _sites(template: Template) -> list[_Site]:
    """Every unresolved value held directly under a key that is a setting (not a name of something else)."""
    found: list[_Site] = []
    resources = template.resources

    def visit(owner: str, path: tuple[str | int, ...], value: Any, hint: str = "") -> None:
        if isinstance(value, dict):
            named = value.get("Key") if isinstance(value.get("Key"), str) else None
            for key, item in value.items():
                if isinstance(key, str) and not _NAMING.search(key):
                    visit(owner, (*path, key), item, named if key == "Value" and named else key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    visit(owner, (*path, index), item)
        elif path and isinstance(path[-1], str):
            site = _site_of(owner, path, value, resources)
            if site is not None:
                found.append(replace(site, hint=hint))

    for logical_id, resource in resources.items():
        visit(logical_id, ("Properties",), resource.properties)
    return found


def _substituted(template: Template, sites: list[_Site], stand_in: Callable[[int], Any]) -> Template:
    resources = copy.deepcopy(template.resources)
    for index, site in enumerate(sites):
        holder: Any = resources[site.owner].properties
        for step in site.path[1:-1]:
            holder = holder[step]
        holder[site.path[-1]] = stand_in(index)
    return replace(template, resources=resources, unresolved=[], assumptions=list(template.assumptions))


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float | str)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return str.__eq__(a, b) is True  # a stand-in equal to every string is not the same value
    return type(a) is type(b) and a == b


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def map_marking_unknowns(
    template: Template, tables: Iterable[HandlerTable], finishers: Iterable[Callable[[CfnMapper], None]]
) -> ImportedDesign:
    """Map ``template`` and mark each node's properties that rest on an unresolved value as unknown."""
    tables, finishers = list(tables), list(finishers)
    sites = _sites(template)
    pristine = _substituted(template, [], lambda _: None) if sites else template  # the mapping may change it
    mapper = CfnMapper(template, tables, finishers)
    design = mapper.run()
    if not sites:
        return design
    stand_ins: list[Callable[[int], Any]] = [
        lambda _: True,
        lambda _: False,
        lambda index: str(_MARK_BASE + index),
        lambda _: _AnyText("wadesk-unknown"),
    ]
    changed: dict[tuple[str, str], set[int]] = {}
    for run, stand_in in enumerate(stand_ins):
        try:
            variant = CfnMapper(_substituted(pristine, sites, stand_in), tables, finishers).run()
        except Exception:  # noqa: BLE001 - a stand-in the mapping chokes on tells nothing; the other runs still do
            continue
        for key, node in design.nodes.items():
            other = variant.nodes.get(key)
            if other is None or other.kind != node.kind or node.placeholder:
                continue
            for name in node.props.keys() | other.props.keys():
                mine, theirs = node.props.get(name), other.props.get(name)
                if name in _NEVER or not (_scalar(mine) and _scalar(theirs)) or _same(mine, theirs):
                    continue
                quoted = changed.setdefault((key, name), set())
                if run == 2:
                    quoted.update(i for i in range(len(sites)) if str(_MARK_BASE + i) in str(theirs))
    _record(design, mapper, sites, changed)
    return design


def _record(
    design: ImportedDesign, mapper: CfnMapper, sites: list[_Site], changed: dict[tuple[str, str], set[int]]
) -> None:
    """Set each node's ``unknown`` and add to the report what an unreported value made unknown."""
    def drawn_as(owner: str) -> str | None:
        node = mapper.get(owner)
        return node.key if node is not None else None

    by_node: dict[str, list[int]] = {}
    for index, site in enumerate(sites):
        key = drawn_as(site.owner)
        if key is not None:
            by_node.setdefault(key, []).append(index)
    reported = {(u.key, u.path, u.expression) for u in design.report.unresolved}
    for (key, name), quoted in changed.items():
        candidates = by_node.get(key) or list(range(len(sites)))
        chosen = sorted(quoted)
        if not chosen:
            named = [i for i in candidates if _words(name) and _words(name)[:6] in _words(sites[i].hint)]
            chosen = named or candidates
        expressions = list(dict.fromkeys(sites[i].expression for i in chosen))
        text = " or ".join(expressions[:3]) + (" ..." if len(expressions) > 3 else "")
        design.nodes[key].unknown[name] = text
        for i in chosen:
            site = sites[i]
            path = ".".join(str(step) if isinstance(step, str) else f"[{step}]" for step in site.path)
            path = path.replace(".[", "[")
            if "." in site.owner:  # a Terraform address: name the attribute as its configuration does
                path = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", path.removeprefix("Properties.")).lower()
            if not site.reported and (site.owner, path, site.expression) not in reported:
                reported.add((site.owner, path, site.expression))
                design.report.unresolved.append(UnresolvedEntry(site.owner, path, site.expression, site.reason))
