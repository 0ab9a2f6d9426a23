"""The shape of structured guidance data: checklists, forms and the vocabulary they use.

The English file defines structure (ids, order, stage, roles, critical items, field kinds); a
translation may only give texts for the same ids. Models forbid unknown keys so that a typo or a
structural key in a translation is reported instead of silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# English: structure and text -------------------------------------------------------------------


class ChecklistItem(Strict):
    id: Id
    text: Text
    role: Id
    critical: bool = False
    note: Text | None = None


class ChecklistSection(Strict):
    id: Id
    title: Text
    items: list[ChecklistItem] = Field(min_length=1)


class Option(Strict):
    id: Id
    label: Text


FieldKind = Literal["text", "long-text", "date", "yes-no", "choice", "signature"]


class FormField(Strict):
    id: Id
    label: Text
    kind: FieldKind
    lines: Annotated[int, Field(ge=1, le=12)] | None = None
    options: list[Option] | None = None
    help: Text | None = None

    @model_validator(mode="after")
    def _kind_fits(self):
        if self.lines is not None and self.kind != "long-text":
            raise ValueError("'lines' is only for fields of kind 'long-text'")
        if self.kind == "choice" and (not self.options or len(self.options) < 2):
            raise ValueError("a 'choice' field needs 'options' with at least two entries")
        if self.kind != "choice" and self.options is not None:
            raise ValueError("'options' is only for fields of kind 'choice'")
        return self


class FormSection(Strict):
    id: Id
    title: Text
    intro: Text | None = None
    fields: list[FormField] = Field(min_length=1)


class Guidance(Strict):
    title: Text
    stage: Id
    chapter: Text  # a page of the manual, relative to the language folder
    summary: Text


class Checklist(Guidance):
    sections: list[ChecklistSection] = Field(min_length=1)


class Form(Guidance):
    sections: list[FormSection] = Field(min_length=1)


# Translations: the same ids, texts only --------------------------------------------------------


class ItemText(Strict):
    id: Id
    text: Text | None = None
    note: Text | None = None


class ChecklistSectionText(Strict):
    id: Id
    title: Text | None = None
    items: list[ItemText] = []


class OptionText(Strict):
    id: Id
    label: Text | None = None


class FieldText(Strict):
    id: Id
    label: Text | None = None
    help: Text | None = None
    options: list[OptionText] = []


class FormSectionText(Strict):
    id: Id
    title: Text | None = None
    intro: Text | None = None
    fields: list[FieldText] = []


Stamps = dict[str, str]  # entry path -> hash of the English text it was translated from


class GuidanceText(Strict):
    title: Text | None = None
    summary: Text | None = None
    translated_from: Stamps = {}


class ChecklistText(GuidanceText):
    sections: list[ChecklistSectionText] = []


class FormText(GuidanceText):
    sections: list[FormSectionText] = []


class Vocabulary(Strict):
    stages: dict[Id, Text]
    roles: dict[Id, Text]


class VocabularyText(Strict):
    stages: dict[Id, Text] = {}
    roles: dict[Id, Text] = {}
    translated_from: Stamps = {}


KINDS = {
    # folder name: (English model, translation model)
    "checklists": (Checklist, ChecklistText),
    "forms": (Form, FormText),
}
