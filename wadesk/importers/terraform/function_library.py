"""Terraform's built-in functions on known values (collections, strings, numbers, networks, encodings).

``functions.py`` dispatches a call to them; those named in :data:`MARKER_AWARE` are also given values that hold
markers and keep the markers where the answer does not depend on them.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import math
import re
from collections.abc import Callable
from typing import Any

from wadesk.importers.terraform.operations import (
    MAX_ITEMS,
    EvalError,
    Namespace,
    is_marker,
    normalize_number,
    to_bool,
    to_number,
    to_string,
    type_name,
    unresolved_from,
)
from wadesk.importers.terraform.values import Interpolated, ModuleOutput


def _length(value: Any) -> Any:
    if isinstance(value, list | dict):
        return len(value)
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Namespace):
        raise EvalError("length() of an object that is not a collection")
    if is_marker(value):
        return unresolved_from("length()", "length() of a value known only after apply", value)
    raise EvalError(f"length() of a {type_name(value)}")


def _element(collection: Any, position: Any) -> Any:
    if isinstance(collection, ModuleOutput) and collection.key is None and not is_marker(position):
        return ModuleOutput(collection.module, collection.output, int(to_number(position)))
    if is_marker(collection) or is_marker(position):
        return unresolved_from("element()", "element() of a value known only after apply", collection, position)
    if not isinstance(collection, list) or not collection:
        raise EvalError("element() needs a list that is not empty")
    return collection[int(to_number(position)) % len(collection)]


def _concat(*lists: Any) -> Any:
    result: list[Any] = []
    for item in lists:
        if is_marker(item):
            return unresolved_from("concat()", "concat() of a list known only after apply", *lists)
        if not isinstance(item, list):
            raise EvalError(f"concat() takes lists, not a {type_name(item)}")
        result.extend(item)
    return result


def _flatten(value: Any) -> Any:
    if is_marker(value):
        return value
    if not isinstance(value, list):
        raise EvalError("flatten() takes a list")
    result: list[Any] = []
    for item in value:
        if isinstance(item, list):
            flat = _flatten(item)
            if is_marker(flat):
                return flat
            result.extend(flat)
        elif isinstance(item, ModuleOutput) and item.key is None:
            return unresolved_from("flatten()", "flatten() of a list known only after apply", value)
        else:
            result.append(item)
    return result


def _merge(*maps: Any) -> Any:
    result: dict[str, Any] = {}
    for item in maps:
        if item is None:
            continue
        if is_marker(item):
            return unresolved_from("merge()", "merge() of an object known only after apply", *maps)
        if not isinstance(item, dict):
            raise EvalError(f"merge() takes objects, not a {type_name(item)}")
        result.update(item)
    return result


def _lookup(mapping: Any, key: Any, *default: Any) -> Any:
    if is_marker(mapping) or is_marker(key):
        return unresolved_from("lookup()", "lookup() in a value known only after apply", mapping, key)
    if not isinstance(mapping, dict):
        raise EvalError("lookup() needs an object")
    text = to_string(key)
    if text in mapping:
        return mapping[text]
    if default:
        return default[0]
    raise EvalError(f"lookup(): the key {text!r} does not exist")


def _cidrsubnet(prefix: str, newbits: Any, netnum: Any) -> str:
    network = ipaddress.ip_network(to_string(prefix), strict=False)
    new_prefix = network.prefixlen + int(to_number(newbits))
    if new_prefix > network.max_prefixlen:
        raise EvalError("cidrsubnet(): not enough bits")
    number = int(to_number(netnum))
    if not 0 <= number < 2 ** int(to_number(newbits)):
        raise EvalError(f"cidrsubnet(): {number} does not fit in {newbits} bits")
    size = 2 ** (network.max_prefixlen - new_prefix)
    address = network.network_address + number * size
    return f"{address}/{new_prefix}"


def _cidrhost(prefix: str, hostnum: Any) -> str:
    network = ipaddress.ip_network(to_string(prefix), strict=False)
    number = int(to_number(hostnum))
    if number < 0:
        number += network.num_addresses
    if not 0 <= number < network.num_addresses:
        raise EvalError("cidrhost(): the host number is out of range")
    return str(network.network_address + number)


def _format(spec: str, *args: Any) -> str:
    values = list(args)
    position = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal position
        verb = match.group(2)
        if verb == "%":
            return "%"
        if position >= len(values):
            raise EvalError("format(): not enough arguments")
        value = values[position]
        position += 1
        if verb == "d":
            return ("%" + (match.group(1) or "") + "d") % int(to_number(value))
        if verb in {"f", "g", "e"}:
            return ("%" + (match.group(1) or "") + verb) % float(to_number(value))
        if verb == "q":
            return json.dumps(to_string(value))
        if verb == "t":
            return "true" if to_bool(value) else "false"
        if verb == "v" and isinstance(value, list | dict):
            return json.dumps(value)
        text = to_string(value)
        width = match.group(1) or ""
        return ("%" + width + "s") % text

    return re.sub(r"%([-+ 0#]*\d*(?:\.\d+)?)?([sdvqftge%])", replace, to_string(spec))


def _join(separator: str, *lists: Any) -> str:
    items: list[str] = []
    for item in lists:
        if not isinstance(item, list):
            raise EvalError("join() takes lists")
        items.extend(to_string(value) for value in item)
    return to_string(separator).join(items)


def _replace(text: str, search: str, replacement: str) -> str:
    text, search, replacement = to_string(text), to_string(search), to_string(replacement)
    if len(search) > 1 and search.startswith("/") and search.endswith("/"):
        pattern = re.compile(search[1:-1])
        return pattern.sub(re.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", replacement), text)
    return text.replace(search, replacement)


def _range(*args: Any) -> list[Any]:
    numbers = [to_number(arg) for arg in args]
    if len(numbers) == 1:
        start, stop, step = 0, numbers[0], 1
    else:
        start, stop, step = numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 1
    if step == 0:
        raise EvalError("range(): the step cannot be zero")
    count = max(0, math.ceil((stop - start) / step))
    if count > MAX_ITEMS:
        raise EvalError(f"range() makes more than {MAX_ITEMS} items")
    return [normalize_number(start + step * index) for index in range(count)]


def _slice(items: Any, start: Any, end: Any) -> Any:
    if is_marker(items) or is_marker(start) or is_marker(end):
        return unresolved_from("slice()", "slice() of a value known only after apply", items, start, end)
    if not isinstance(items, list):
        raise EvalError("slice() takes a list")
    first, last = int(to_number(start)), int(to_number(end))
    if not 0 <= first <= last <= len(items):
        raise EvalError(f"slice(): the range {first}..{last} is outside the list of {len(items)}")
    return items[first:last]


def _coalesce(*values: Any) -> Any:
    for value in values:
        if is_marker(value):
            return unresolved_from("coalesce()", "coalesce() of a value known only after apply", *values)
        if value is not None and value != "":
            return value
    raise EvalError("coalesce(): no argument is set")


def _coalescelist(*values: Any) -> Any:
    for value in values:
        if is_marker(value):
            return unresolved_from("coalescelist()", "coalescelist() of a list known only after apply", *values)
        if isinstance(value, list) and value:
            return value
    raise EvalError("coalescelist(): every list is empty")


def _one(value: Any) -> Any:
    if isinstance(value, ModuleOutput) and value.key is None:
        return ModuleOutput(value.module, value.output, 0)
    if is_marker(value):
        return unresolved_from("one()", "one() of a list known only after apply", value)
    if not isinstance(value, list) or len(value) > 1:
        raise EvalError("one() takes a list of at most one item")
    return value[0] if value else None


def json_encode(value: Any) -> Any:
    """JSON text; references inside (an IAM policy naming a bucket) stay markers in an :class:`Interpolated`."""
    markers: list[Any] = []

    def swap(item: Any) -> Any:
        if isinstance(item, Interpolated):
            return "".join(swap(part) if not isinstance(part, str) else part for part in item.parts)
        if is_marker(item):
            markers.append(item)
            return f"\ue000{len(markers) - 1}\ue001"
        if isinstance(item, list):
            return [swap(element) for element in item]
        if isinstance(item, dict):
            return {key: swap(element) for key, element in item.items()}
        return item

    text = json.dumps(swap(value), separators=(",", ":"), ensure_ascii=False)
    if not markers:
        return text
    parts: list[Any] = []
    for number, piece in enumerate(re.split("\ue000(\\d+)\ue001", text)):
        if number % 2:
            parts.append(markers[int(piece)])
        elif piece:
            parts.append(piece)
    return Interpolated(tuple(parts))


def _jsondecode(text: str) -> Any:
    try:
        return json.loads(to_string(text))
    except json.JSONDecodeError as error:
        raise EvalError(f"jsondecode(): {error.msg}") from None


def _distinct(items: Any) -> list[Any]:
    result: list[Any] = []
    for item in items:
        if item not in result:
            result.append(item)
    return result


def _zipmap(keys: Any, values: Any) -> dict[str, Any]:
    if len(keys) != len(values):
        raise EvalError("zipmap(): the lists differ in length")
    return {to_string(key): value for key, value in zip(keys, values, strict=True)}


def _sort(items: Any) -> list[str]:
    return sorted(to_string(item) for item in items)


def _setunion(*sets: Any) -> list[Any]:
    return _distinct([item for items in sets for item in items])


def _setintersection(first: Any, *others: Any) -> list[Any]:
    return [item for item in _distinct(first) if all(item in other for other in others)]


def _chunklist(items: Any, size: Any) -> list[Any]:
    width = int(to_number(size))
    if width <= 0:
        return [list(items)]
    return [items[start:start + width] for start in range(0, len(items), width)]


def _substr(text: str, offset: Any, length: Any) -> str:
    value, start, count = to_string(text), int(to_number(offset)), int(to_number(length))
    if start < 0:
        start += len(value)
    return value[start:] if count == -1 else value[start:start + count]


def _regex(pattern: str, text: str) -> Any:
    match = re.search(to_string(pattern), to_string(text))
    if match is None:
        raise EvalError("regex(): no match")
    if match.groupdict():
        return match.groupdict()
    if match.groups():
        return list(match.groups())
    return match.group(0)


def _contains(items: Any, value: Any) -> bool:
    if not isinstance(items, list | dict):
        raise EvalError("contains() takes a list")
    return value in items


def _keys(mapping: Any) -> Any:
    if is_marker(mapping):
        return unresolved_from("keys()", "keys() of an object known only after apply", mapping)
    if not isinstance(mapping, dict):
        raise EvalError("keys() takes an object")
    return sorted(mapping)


def _values(mapping: Any) -> Any:
    # The values may be references (the instances of a resource with for_each): they stay references.
    if is_marker(mapping):
        return unresolved_from("values()", "values() of an object known only after apply", mapping)
    if not isinstance(mapping, dict):
        raise EvalError("values() takes an object")
    return [mapping[key] for key in sorted(mapping)]


def _index_of(items: Any, value: Any) -> int:
    if value not in items:
        raise EvalError("index(): the value is not in the list")
    return int(items.index(value))

FUNCTIONS: dict[str, Callable[..., Any]] = {
    "length": _length,
    "element": _element,
    "concat": _concat,
    "flatten": _flatten,
    "merge": _merge,
    "lookup": _lookup,
    "cidrsubnet": _cidrsubnet,
    "cidrhost": _cidrhost,
    "cidrnetmask": lambda prefix: str(ipaddress.ip_network(to_string(prefix), strict=False).netmask),
    "format": _format,
    "formatlist": lambda spec, *lists: [_format(spec, *row) for row in zip(*lists, strict=True)],
    "join": _join,
    "split": lambda separator, text: to_string(text).split(to_string(separator)),
    "tostring": lambda value: None if value is None else to_string(value),
    "tonumber": lambda value: None if value is None else to_number(value),
    "tobool": lambda value: None if value is None else to_bool(value),
    "keys": _keys,
    "values": _values,
    "coalesce": _coalesce,
    "coalescelist": _coalescelist,
    "compact": lambda items: [item for item in items if item not in (None, "")],
    "distinct": _distinct,
    "contains": _contains,
    "index": _index_of,
    "jsonencode": lambda value: json_encode(value),
    "jsondecode": _jsondecode,
    "lower": lambda text: to_string(text).lower(),
    "upper": lambda text: to_string(text).upper(),
    "title": lambda text: to_string(text).title(),
    "trimspace": lambda text: to_string(text).strip(),
    "trim": lambda text, chars: to_string(text).strip(to_string(chars)),
    "trimprefix": lambda text, prefix: to_string(text).removeprefix(to_string(prefix)),
    "trimsuffix": lambda text, suffix: to_string(text).removesuffix(to_string(suffix)),
    "replace": _replace,
    "substr": _substr,
    "startswith": lambda text, prefix: to_string(text).startswith(to_string(prefix)),
    "endswith": lambda text, suffix: to_string(text).endswith(to_string(suffix)),
    "strcontains": lambda text, part: to_string(part) in to_string(text),
    "regex": _regex,
    "min": lambda *numbers: normalize_number(min(to_number(n) for n in numbers)),
    "max": lambda *numbers: normalize_number(max(to_number(n) for n in numbers)),
    "sum": lambda items: normalize_number(sum(to_number(n) for n in items)),
    "abs": lambda number: normalize_number(abs(to_number(number))),
    "ceil": lambda number: math.ceil(to_number(number)),
    "floor": lambda number: math.floor(to_number(number)),
    "pow": lambda base, exponent: normalize_number(to_number(base) ** to_number(exponent)),
    "signum": lambda number: (to_number(number) > 0) - (to_number(number) < 0),
    "range": _range,
    "slice": _slice,
    "zipmap": _zipmap,
    "sort": _sort,
    "reverse": lambda items: list(reversed(items)),
    "one": _one,
    "setunion": _setunion,
    "setintersection": _setintersection,
    "setsubtract": lambda first, second: [item for item in _distinct(first) if item not in second],
    "chunklist": _chunklist,
    "alltrue": lambda items: all(to_bool(item) for item in items),
    "anytrue": lambda items: any(to_bool(item) for item in items),
    "base64encode": lambda text: base64.b64encode(to_string(text).encode()).decode(),
    "base64decode": lambda text: base64.b64decode(to_string(text)).decode("utf-8", "replace"),
    "md5": lambda text: hashlib.md5(to_string(text).encode()).hexdigest(),
    "sha1": lambda text: hashlib.sha1(to_string(text).encode()).hexdigest(),
    "sha256": lambda text: hashlib.sha256(to_string(text).encode()).hexdigest(),
    "basename": lambda path: to_string(path).rstrip("/").rsplit("/", 1)[-1],
    "dirname": lambda path: to_string(path).rstrip("/").rsplit("/", 1)[0] if "/" in to_string(path) else ".",
    "list": lambda *items: list(items),
    "map": lambda *items: {to_string(items[i]): items[i + 1] for i in range(0, len(items) - 1, 2)},
}

#: Functions that look at markers themselves instead of giving up when an argument holds one.
MARKER_AWARE = {
    "length", "element", "concat", "flatten", "merge", "lookup", "coalesce", "coalescelist", "compact",
    "jsonencode", "distinct", "reverse", "slice", "list", "map", "one", "setunion", "keys", "values",
}
