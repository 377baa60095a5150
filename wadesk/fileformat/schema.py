"""The pydantic schema of a ``.wadesk`` file (SPEC section 1), version by version."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: The longest id, and the longest name or justification, a file may hold (in characters).
MAX_ID_CHARS = 10_000
MAX_TEXT_CHARS = 100_000
#: The longest description (free text), in characters.
MAX_DESCRIPTION_CHARS = 1_000_000

#: The newest file format version this program reads and writes.
CURRENT_VERSION = 3


class _Record(BaseModel):
    # Validators are built when a file is first read or written, not at import: checking a
    # template never needs them.
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)


class NodeRecord(_Record):
    """One node of the design as stored in the file."""

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS, description="Unique in the file, any non-empty string")
    kind: str = Field(min_length=1, description="A kind id of the catalog (SPEC section 2)")
    label: str = Field("", max_length=MAX_TEXT_CHARS, description="The text shown under the icon or on the container")
    parent: str | None = Field(
        None, max_length=MAX_ID_CHARS, description="Id of the container node that holds this node"
    )
    x: float = Field(0.0, allow_inf_nan=False, description="Scene x of the top-left corner")
    y: float = Field(0.0, allow_inf_nan=False, description="Scene y of the top-left corner")
    w: float | None = Field(None, gt=0, allow_inf_nan=False, description="Width (containers)")
    h: float | None = Field(None, gt=0, allow_inf_nan=False, description="Height (containers)")
    props: dict[str, Any] = Field(default_factory=dict, description="The kind's typed properties")
    unknown: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "The properties the design does not know (version 3 and later): each name, a property of the kind, "
            "with the source expression its value would come from; the value stored is only the default"
        ),
    )


class EdgeRecord(_Record):
    """One directed flow as stored in the file."""

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS, description="Unique in the file")
    source: str = Field(min_length=1, description="Id of the node that calls or sends")
    target: str = Field(min_length=1, description="Id of the node that receives")
    label: str = Field("", max_length=MAX_TEXT_CHARS, description="Text shown on the arrow")
    props: dict[str, Any] = Field(
        default_factory=dict, description="protocol, port, encrypted, dead_letter, administrative, upload"
    )


class SuppressionRecord(_Record):
    """An accepted finding with the reason it was accepted."""

    rule: str = Field(min_length=1, max_length=MAX_ID_CHARS, description="Rule id")
    node: str | None = Field(
        None, max_length=MAX_ID_CHARS, description="Node id, or null for a finding about the whole design"
    )
    justification: str = Field("", max_length=MAX_TEXT_CHARS, description="Why the finding is accepted")


class DesignRecord(_Record):
    """A whole design file."""

    format: Literal["wadesk"] = Field(description='Always "wadesk"')
    version: int = Field(ge=1, description="File format version")
    name: str = Field("", max_length=MAX_TEXT_CHARS, description="Design name")
    description: str = Field("", max_length=MAX_DESCRIPTION_CHARS, description="Free text")
    scope: Literal["workload", "account"] = Field(
        "workload",
        description=(
            "What the design stands for: a workload in an account whose baseline (CloudTrail, Config, "
            "GuardDuty) is provided elsewhere, or a whole account (version 2 and later)"
        ),
    )
    nodes: list[NodeRecord] = Field(default_factory=list)
    edges: list[EdgeRecord] = Field(default_factory=list)
    suppressions: list[SuppressionRecord] = Field(default_factory=list)
