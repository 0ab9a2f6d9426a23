"""The PDF/UA-1 tagging WeasyPrint leaves incomplete, completed on its pydyf objects.

Run as WeasyPrint's documented `finisher` hook (`write_pdf(finisher=...)`): after WeasyPrint has
built the structure tree, before the file is written. What it completes (WeasyPrint 70,
`weasyprint/pdf/tags.py`; its issues #185 and #2482):

- Links: WeasyPrint gives every box inside a link (`<a><strong>…`, `a::after`) an annotation of
  its own, tagged by that box (NonStruct, Span, a Link inside the Link). An annotation its link
  already covers is removed; any other is moved into its Link, so that every link annotation is
  the object of a Link structure element, with an alternate description (/Contents: the link's
  words) and the Print flag.
- List items: a loose list item (`<li><p>…`) gets its paragraphs inside an LBody.
- Running heads and page numbers: WeasyPrint marks the text of the page margins as content tied
  to structure elements outside the tree; here it becomes a pagination artifact.
- Every annotation (link, form field) then belongs to a structure element, or the render fails.

This file's source is part of the PDF cache key (`pdf_cache.RENDERER_SOURCES`).
"""

from __future__ import annotations

import pydyf

from .pdf_unicode import complete_unicode_maps

# What each kind of annotation must be the object of (ISO 14289-1, 7.18.1, 7.18.4, 7.18.5).
ANNOTATION_TAGS = {"/Link": "/Link", "/Widget": "/Form"}
SLACK = 1.0  # points: a box inside a link may overhang it by rounding


class TaggingError(Exception):
    """A PDF whose structure cannot be completed (a render error naming what is wrong)."""


def _number(reference) -> int:
    return int(bytes(reference).split()[0])


class _Tree:
    """The structure tree of a pydyf PDF: elements reachable from the root, and their parents."""

    def __init__(self, pdf: pydyf.PDF):
        self.pdf = pdf
        root = self.get(pdf.catalog["StructTreeRoot"])
        self.nums = self.get(root["ParentTree"])["Nums"]
        self.parent: dict[int, pydyf.Dictionary] = {}
        self.owner: dict[int, pydyf.Dictionary] = {}  # annotation number: its element
        self.elements: list[pydyf.Dictionary] = []
        stack = [self.get(reference) for reference in root["K"]]
        while stack:
            element = stack.pop()
            self.elements.append(element)
            for kid in element["K"]:
                if isinstance(kid, int):
                    continue
                child = self.get(kid)
                if child.get("Type") == "/OBJR":
                    self.owner[_number(child["Obj"])] = element
                else:
                    self.parent[child.number] = element
                    stack.append(child)
        self.reachable = {element.number for element in self.elements}

    def get(self, reference):
        return self.pdf.objects[_number(reference)]

    def ancestor(self, element, tag):
        while (element := self.parent.get(element.number)) is not None:
            if element["S"] == tag:
                return element
        return None

    def parent_tree(self) -> dict[int, int]:
        """Each key of the parent tree: the index of its value in `nums`."""
        return {self.nums[i]: i + 1 for i in range(0, len(self.nums), 2)}


def complete_tags(document, pdf: pydyf.PDF) -> None:
    """The finisher: complete the structure of a tagged PDF (untagged ones are left alone)."""
    complete_unicode_maps(document, pdf)
    if "StructTreeRoot" not in pdf.catalog:
        return
    tree = _Tree(pdf)
    _complete_links(document, tree)
    _complete_list_items(tree)
    _margins_as_artifacts(tree)
    _check_annotations(tree)


def _rectangle(annotation):
    x1, y1, x2, y2 = annotation["Rect"]
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def _target(annotation) -> tuple:
    """Where a link goes, comparable (pydyf strings compare by identity)."""
    action = annotation.get("A") or {}
    return tuple(
        value.data if isinstance(value, pydyf.Object) else value
        for value in (annotation.get("Dest"), action.get("URI"))
    )


def _covers(outer, inner) -> bool:
    a, b = _rectangle(outer), _rectangle(inner)
    inside = a[0] - SLACK <= b[0] and a[1] - SLACK <= b[1]
    return inside and b[2] <= a[2] + SLACK and b[3] <= a[3] + SLACK


def _objr(tree: _Tree, element, annotation):
    for kid in element["K"]:
        if not isinstance(kid, int):
            child = tree.get(kid)
            if child.get("Type") == "/OBJR" and _number(child["Obj"]) == annotation.number:
                return kid, child
    raise TaggingError(f"annotation {annotation.number} is not among its element's kids")


def _complete_links(document, tree: _Tree) -> None:
    boxes = {
        id(box.link_annotation): box
        for page in document.pages
        for *_, box in page.links
        if box.link_annotation is not None
    }
    keys = tree.parent_tree()
    for number, element in list(tree.owner.items()):
        annotation = tree.pdf.objects[number]
        if annotation.get("Subtype") != "/Link":
            continue
        link = tree.ancestor(element, "/Link")
        if link is not None:
            reference, objr = _objr(tree, element, annotation)
            element["K"].remove(reference)
            covering = [
                tree.get(kid["Obj"])
                for kid in (tree.get(k) for k in link["K"] if not isinstance(k, int))
                if kid.get("Type") == "/OBJR"
            ]
            if any(
                _target(other) == _target(annotation) and _covers(other, annotation)
                for other in covering
            ):
                _remove_annotation(tree, annotation, objr, keys)
            else:
                link["K"].append(reference)
                tree.nums[keys[annotation["StructParent"]]] = link.reference
                tree.owner[number] = link
            if element["S"] == "/Link":
                element["S"] = "/Span"  # what a link's own pseudo-element is inside it
        elif element["S"] != "/Link":
            element["S"] = "/Link"  # the box that carries the link is the link
    for number in tree.owner:
        annotation = tree.pdf.objects[number]
        if annotation.get("Subtype") == "/Link":
            box = boxes.get(id(annotation))
            words = " ".join("".join(box.element.itertext()).split()) if box else ""
            if words:
                annotation["Contents"] = pydyf.String(words)
            annotation.setdefault("F", 4)  # printed as shown


def _remove_annotation(tree: _Tree, annotation, objr, keys) -> None:
    page = tree.get(objr["Pg"])
    page["Annots"].remove(annotation.reference)
    if not page["Annots"]:
        del page["Annots"]
    index = keys.pop(annotation["StructParent"])
    tree.nums[index - 1 : index + 1] = []
    for key, value in keys.items():  # the pairs after it move down by one
        if value > index:
            keys[key] = value - 2
    del tree.owner[annotation.number]
    annotation.clear()  # referenced by nothing any more: an empty object
    objr.clear()


def _complete_list_items(tree: _Tree) -> None:
    """Kids of a list item other than its label and body go into a body (ISO 32000-1, 14.8.4.3.3)."""
    pages = {_number(reference): i for i, reference in enumerate(tree.pdf.page_references)}
    keys = None
    for item in [element for element in tree.elements if element["S"] == "/LI"]:
        kids, body = pydyf.Array(), None
        for kid in item["K"]:
            child = None if isinstance(kid, int) else tree.get(kid)
            if child is not None and child.get("S") in ("/Lbl", "/LBody"):
                kids.append(kid)
                body = None
                continue
            if body is None:
                body = pydyf.Dictionary(
                    {"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array(), "P": item.reference}
                )
                if "Pg" in item:
                    body["Pg"] = item["Pg"]
                tree.pdf.add_object(body)
                tree.reachable.add(body.number)
                kids.append(body.reference)
            body["K"].append(kid)
            if isinstance(kid, int):
                tree.nums[2 * pages[_number(item["Pg"])] + 1][kid] = body.reference
            elif child.get("Type") == "/OBJR":
                keys = keys or tree.parent_tree()
                annotation = tree.get(child["Obj"])
                tree.nums[keys[annotation["StructParent"]]] = body.reference
                tree.owner[annotation.number] = body
            else:
                child["P"] = body.reference
        item["K"] = kids


def _margins_as_artifacts(tree: _Tree) -> None:
    """Marked content tied to no element of the tree (the page margins') becomes an artifact."""
    for i, reference in enumerate(tree.pdf.page_references):
        mcids = tree.nums[2 * i + 1]
        loose = set()
        for mcid, owner in enumerate(mcids):
            if isinstance(owner, bytes) and _number(owner) not in tree.reachable:
                loose.add(mcid)
                mcids[mcid] = "null"
        if not loose:
            continue
        stream = tree.get(tree.get(reference)["Contents"]).stream
        for j, operand in enumerate(stream):
            if isinstance(operand, pydyf.Dictionary) and operand.get("MCID") in loose:
                if stream[j - 1] != "/Span" or stream[j + 1] != b"BDC":
                    raise TaggingError(f"page {i + 1}: marked content {operand['MCID']} unexpected")
                loose.discard(operand["MCID"])
                stream[j - 1] = "/Artifact"
                operand.clear()
                operand["Type"] = "/Pagination"
        if loose:
            raise TaggingError(f"page {i + 1}: marked content {sorted(loose)} not in its stream")
    for element in tree.pdf.objects:  # the elements WeasyPrint left outside the tree
        is_element = isinstance(element, pydyf.Dictionary) and element.get("Type") == "/StructElem"
        if is_element and element.number not in tree.reachable:
            element.clear()


def _check_annotations(tree: _Tree) -> None:
    """Every annotation is the object of an element of its kind (ISO 14289-1, 7.18.1)."""
    for i, reference in enumerate(tree.pdf.page_references):
        for annotation in tree.get(reference).get("Annots", ()):
            annotation = tree.get(annotation)
            element = tree.owner.get(annotation.number)
            wanted = ANNOTATION_TAGS.get(annotation.get("Subtype"), "/Annot")
            if element is None or element["S"] != wanted:
                found = "no structure element" if element is None else element["S"]
                raise TaggingError(
                    f"page {i + 1}: {annotation.get('Subtype')} annotation in {found}, not {wanted}"
                )
