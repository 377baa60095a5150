"""Walking evaluated values, shared by both front ends: plain JSON data with marker objects anywhere inside."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def walk_values(value: Any, parts: Callable[[Any], Sequence[Any]]) -> Iterator[Any]:
    """Every value inside ``value`` (itself included), depth first: list and tuple items, dict values, and what
    ``parts`` says a marker holds (an empty sequence for anything else)."""
    stack = [value]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, dict):
            stack.extend(reversed(list(current.values())))
        elif isinstance(current, list | tuple):
            stack.extend(reversed(current))
        else:
            stack.extend(reversed(parts(current)))


def distinct(items: Iterable[Any], cls: type[T]) -> list[T]:
    """The items that are instances of ``cls``, in order, without repeats."""
    seen: dict[T, None] = {}
    for item in items:
        if isinstance(item, cls):
            seen.setdefault(item, None)
    return list(seen)
