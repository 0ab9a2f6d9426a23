"""The manual's data files read into their models, and the text type readers are shown.

Every YAML file (checklists, forms, vocabulary, glossary, interface strings, terminology lists) is
read by `yamlfile`, which keeps the line of every key and list entry; `read_model` checks it
against its pydantic model and stops at the first problem with the file, the line and what was
expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from manual import inline, yamlfile
from manual.errors import ManualError

# The shapes every model shares ----------------------------------------------------------------

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
TextField = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Unknown keys are refused: a typo, or a structural key in a translation, is reported."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _explain(error: dict, translation: bool) -> str:
    where = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        if translation:
            return (
                f"'{where}' is not a text a translation may give: the English file defines "
                "the structure (ids, order, stage, roles, kinds); translate only texts"
            )
        return f"unknown key '{where}'"
    if kind == "missing":
        return f"missing required key '{where}'"
    return f"'{where}': {error['msg']}" if where else error["msg"]


def read_model(model: type[BaseModel], path: Path, translation: bool = False) -> tuple[Any, dict]:
    """One YAML file as `model`, and its lines; a ManualError at the first problem's line."""
    data, lines = yamlfile.load_mapping(path)
    return as_model(model, data, lines, path, translation), lines


def as_model(model: type[BaseModel], data: Any, lines: dict, path: Path, translation: bool = False):
    """`data`, read from `path` with `lines`, as `model`; a ManualError at the first problem's line."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = first["loc"]
        if first["type"] == "missing":
            loc = loc[:-1]  # the enclosing entry, which is where the key should have been
        raise ManualError(
            path, yamlfile.line_of(lines, loc), _explain(first, translation)
        ) from None


# What readers are shown -----------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A text in the reader's language, or the English one while the translation lacks it.

    `value` is written escaped, as plain text; `html` is for inline texts (see manual.inline),
    with the glossary's terms of the reader's language marked, as Markdown marks them in pages.
    """

    value: str
    translated: bool = True
    glossary: inline.Glossary | None = field(default=None, compare=False, repr=False)

    @property
    def html(self) -> Markup:
        return inline.to_html(self.value, self.glossary)
