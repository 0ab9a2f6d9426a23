"""The shape of documents (a document is a checklist or a form) and of the vocabulary they use.

The English file defines structure (ids, order, stage, roles, critical items, field kinds); a
translation may only give texts for the same ids. Models forbid unknown keys so that a typo or a
structural key in a translation is reported instead of silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from manual.data import Id, Strict, TextField

# English: structure and text -------------------------------------------------------------------


class ChecklistItem(Strict):
    id: Id
    text: TextField
    role: Id
    critical: bool = False
    note: TextField | None = None


class ChecklistSection(Strict):
    id: Id
    title: TextField
    items: list[ChecklistItem] = Field(min_length=1)


class Option(Strict):
    id: Id
    label: TextField


FieldKind = Literal["text", "long-text", "date", "yes-no", "choice", "signature"]


class FormField(Strict):
    id: Id
    label: TextField
    kind: FieldKind
    lines: Annotated[int, Field(ge=1, le=12)] | None = None
    options: list[Option] | None = None
    help: TextField | None = None

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
    title: TextField
    intro: TextField | None = None
    fields: list[FormField] = Field(min_length=1)


class DocumentModel(Strict):
    title: TextField
    stage: Id
    chapter: TextField  # a page of the manual, relative to the language folder
    summary: TextField


class Checklist(DocumentModel):
    sections: list[ChecklistSection] = Field(min_length=1)


class Form(DocumentModel):
    sections: list[FormSection] = Field(min_length=1)


# Translations: the same ids, texts only --------------------------------------------------------


class ItemText(Strict):
    id: Id
    text: TextField | None = None
    note: TextField | None = None


class ChecklistSectionText(Strict):
    id: Id
    title: TextField | None = None
    items: list[ItemText] = []


class OptionText(Strict):
    id: Id
    label: TextField | None = None


class FieldText(Strict):
    id: Id
    label: TextField | None = None
    help: TextField | None = None
    options: list[OptionText] = []


class FormSectionText(Strict):
    id: Id
    title: TextField | None = None
    intro: TextField | None = None
    fields: list[FieldText] = []


Stamps = dict[str, str]  # entry path -> hash of the English text it was translated from


class DocumentText(Strict):
    title: TextField | None = None
    summary: TextField | None = None
    translated_from: Stamps = {}


class ChecklistText(DocumentText):
    sections: list[ChecklistSectionText] = []


class FormText(DocumentText):
    sections: list[FormSectionText] = []


class Vocabulary(Strict):
    stages: dict[Id, TextField]
    roles: dict[Id, TextField]


class VocabularyText(Strict):
    stages: dict[Id, TextField] = {}
    roles: dict[Id, TextField] = {}
    translated_from: Stamps = {}


KINDS = {
    # a document's kind, its folder's name: (English model, translation model)
    "checklists": (Checklist, ChecklistText),
    "forms": (Form, FormText),
}
