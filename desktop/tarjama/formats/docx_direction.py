"""An Arabic paragraph turned into an English one: left to right, with the Latin twins of its Arabic formatting.

Direction. A paragraph's `w:bidi` (set on it, or by its style or the document's defaults: `styles.xml` is copied
unchanged, so a style's direction is overridden with `<w:bidi w:val="0"/>` rather than left to win) is turned off,
and so is `w:rtl` on its runs and `w:bidiVisual` on every table around it.

Alignment. Word and LibreOffice read `w:jc` relative to the paragraph's direction: in a right-to-left paragraph
`left` (or `start`) is its start, drawn on the right, and `right` (or `end`) its end, drawn on the left (checked
with LibreOffice: `<w:bidi/><w:jc w:val="left"/>` draws flush right). So a paragraph that was right to left keeps
its `w:jc`: its start is its start in either direction, and turning the direction mirrors the alignment, as a
translation should (a heading at the Arabic's start, the right, goes to the English's start, the left). A paragraph
that was left to right but aligned `right`/`end` was pushed to the right only because the Arabic reads from there
(Word without right-to-left set up, or a generated file): it becomes `left`. Centred and justified stay.

Formatting. Word draws Arabic with the complex-script properties (`w:bCs`, `w:iCs`, `w:szCs`, the `w:cs` font)
and Latin text with the others, so an Arabic run that is bold only through `w:bCs` would come out as plain English:
each complex-script property becomes its Latin twin where the run has no Latin one, and is dropped where it has.
"""

from __future__ import annotations

from tarjama.formats.docx_xml import W_P, W_PPR, W_R, W_RPR, Element, is_on, w

_BIDI, _JC, _STYLE = w("bidi"), w("jc"), w("pStyle")
_TWINS = (("bCs", "b"), ("iCs", "i"), ("szCs", "sz"))
#: Where each paragraph property goes among its siblings (ECMA-376 CT_PPrBase), to insert one where Word wants it.
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
              "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc")


class ParagraphStyles:
    """The direction and alignment each paragraph style gives (through `w:basedOn`), from `styles.xml`."""

    def __init__(self, styles: Element | None) -> None:
        self._styles: dict[str, Element] = {}
        self._default_style: str | None = None
        self._defaults: Element | None = None
        if styles is None:
            return
        for style in styles.iter(w("style")):
            if style.get(w("type")) == "paragraph" and style.get(w("styleId")):
                self._styles[style.get(w("styleId"))] = style
                if style.get(w("default")) in ("1", "true", "on"):
                    self._default_style = style.get(w("styleId"))
        self._defaults = styles.find(f"{w('docDefaults')}/{w('pPrDefault')}/{W_PPR}")

    def inherited(self, style_id: str | None, name: str) -> Element | None:
        """The paragraph property `name` the style (or, without one, the default style) gives, else the
        document's defaults; None where nothing sets it."""
        seen: set[str] = set()
        current = style_id or self._default_style
        while current and current not in seen and current in self._styles:
            seen.add(current)
            style = self._styles[current]
            found = style.find(f"{W_PPR}/{name}")
            if found is not None:
                return found
            based_on = style.find(w("basedOn"))
            current = based_on.get(w("val")) if based_on is not None else None
        return self._defaults.find(name) if self._defaults is not None else None


def make_left_to_right(paragraph: Element, styles: ParagraphStyles) -> None:
    """Turn one rebuilt paragraph, its runs and the tables around it left to right (see the module docstring)."""
    properties = paragraph.find(W_PPR)
    if properties is None:
        properties = paragraph.makeelement(W_PPR, {})
        paragraph.insert(0, properties)
    style = properties.find(_STYLE)
    style_id = style.get(w("val")) if style is not None else None
    direct_bidi = properties.find(_BIDI)
    was_right_to_left = is_on(direct_bidi) if direct_bidi is not None else is_on(styles.inherited(style_id, _BIDI))
    if direct_bidi is not None:
        properties.remove(direct_bidi)
    if is_on(styles.inherited(style_id, _BIDI)):
        _insert_property(properties, "bidi").set(w("val"), "0")
    if not was_right_to_left:
        alignment = properties.find(_JC)
        if alignment is None:
            alignment = styles.inherited(style_id, _JC)
        if alignment is not None and alignment.get(w("val")) in ("right", "end"):
            (properties.find(_JC) if properties.find(_JC) is not None
             else _insert_property(properties, "jc")).set(w("val"), "left")
    mark = properties.find(W_RPR)
    if mark is not None:
        run_left_to_right(mark)
    for run in paragraph.iter(W_R):
        if next(run.iterancestors(W_P), None) is paragraph:
            found = run.find(W_RPR)
            if found is not None:
                run_left_to_right(found)
    for table in paragraph.iterancestors(w("tbl")):
        for visual in table.findall(f"{w('tblPr')}/{w('bidiVisual')}"):
            visual.getparent().remove(visual)


def run_left_to_right(properties: Element) -> None:
    """Run properties for English: no `w:rtl` or `w:cs`, and each complex-script property as its Latin twin."""
    for name in ("rtl", "cs"):
        for found in properties.findall(w(name)):
            properties.remove(found)
    for complex_name, latin_name in _TWINS:
        complex_script = properties.find(w(complex_name))
        if complex_script is None:
            continue
        if properties.find(w(latin_name)) is None:
            complex_script.tag = w(latin_name)  # the twin's place among the properties is right after the Latin's
        else:
            properties.remove(complex_script)
    fonts = properties.find(w("rFonts"))
    if fonts is not None and fonts.get(w("cs")):
        latin = (w("ascii"), w("hAnsi"), w("asciiTheme"), w("hAnsiTheme"))
        if not any(fonts.get(name) for name in latin):
            fonts.set(w("ascii"), fonts.get(w("cs")))
            fonts.set(w("hAnsi"), fonts.get(w("cs")))


def _insert_property(properties: Element, name: str) -> Element:
    """A new paragraph property `name`, placed among its siblings in the schema's order."""
    element = properties.makeelement(w(name), {})
    rank = _PPR_ORDER.index(name)
    for index, child in enumerate(properties):
        local = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if local not in _PPR_ORDER[: rank + 1]:
            properties.insert(index, element)
            return element
    properties.append(element)
    return element
