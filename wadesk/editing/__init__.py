"""Undo units: one reversible edit per model mutation, pure and free of Qt."""

from __future__ import annotations

from wadesk.editing.units import (
    AddNode,
    AddSuppression,
    Compound,
    Connect,
    Disconnect,
    Edit,
    MoveNodes,
    RemoveNode,
    RemoveSuppression,
    Reparent,
    SetDesignMeta,
    SetEdgeLabel,
    SetEdgeProperty,
    SetLabel,
    SetProperty,
    SetScope,
    SetUnknown,
)

__all__ = [
    "AddNode",
    "AddSuppression",
    "Compound",
    "Connect",
    "Disconnect",
    "Edit",
    "MoveNodes",
    "RemoveNode",
    "RemoveSuppression",
    "Reparent",
    "SetEdgeLabel",
    "SetDesignMeta",
    "SetEdgeProperty",
    "SetLabel",
    "SetProperty",
    "SetUnknown",
    "SetScope",
]
