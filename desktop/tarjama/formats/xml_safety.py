"""Reading XML that comes from somewhere else (TMX memories, TBX termbases): one guard every XML format uses.

Such a file may carry an entity declaration, which is how the XXE attack (an entity naming a local file or an
address, expanded into the text) and the "billion laughs" attack (entities expanding into each other until memory
runs out) work. No memory or termbase needs one, so the guard has three lines of defence:

1. `refuse_entities_in_prolog`: the raw bytes before the root element are scanned for `<!ENTITY` before libxml2
   sees any of them, in whatever encoding the file is (BOM or not), skipping comments, processing instructions and
   quoted literals so that a lookalike hides nothing and costs nothing;
2. `untrusted_iterparse`: the parser itself never loads a DTD, resolves an entity or touches the network, whatever
   the file says;
3. `refuse_parsed_entities`: the DTD as parsed is checked once more, for a prolog padded beyond what (1) reads.

Each format words the refusal itself (`refused` below), so the translator is told what kind of file to export
again; `malformed_xml` is the one message for XML that does not parse.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from lxml import etree

from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError

#: The message a format refuses an entity-declaring file with, for the file at that path.
Refusal = Callable[[Path], BadInputError]

#: How far into the file to look for entity declarations before the root element. Real prologs are a few hundred
#: bytes; one padded beyond this is left to the parser's flags and the check of the parsed DTD.
PROLOG_BYTES = 1 << 20
# The prolog's tokens that matter, leftmost first: comments, processing instructions and quoted literals are
# skipped whole (so "<!ENTITY" or "<tmx" inside them count for nothing); then an entity declaration, or the
# start of the root element, which ends the prolog.
_PROLOG_TOKEN = re.compile(r"""<!--.*?-->|<\?.*?\?>|"[^"]*"|'[^']*'|(<!ENTITY)|(<[^!?])""",
                           re.DOTALL | re.IGNORECASE)

# XML 1.0 Appendix F: how a file without a BOM starts tells its code unit size; anything else is read as
# Latin-1, which keeps every ASCII markup character of any ASCII-compatible encoding (UTF-8 included).
_BOMLESS_STARTS: tuple[tuple[bytes, str], ...] = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def refuse_entities_in_prolog(path: Path, head: bytes, refused: Refusal) -> None:
    """Raise `refused(path)` if the file's first bytes (`head`, up to PROLOG_BYTES of them) declare an entity before
    the root element; checked on the raw bytes, before libxml2 parses any."""
    for token in _PROLOG_TOKEN.finditer(_decode_prolog(head[:PROLOG_BYTES])):
        entity, root = token.groups()
        if entity:
            raise refused(path)
        if root:
            return


def _decode_prolog(head: bytes) -> str:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="replace")
    for start, encoding in _BOMLESS_STARTS:
        if head.startswith(start):
            return head.decode(encoding, errors="replace")
    return head.decode("latin-1")


def untrusted_iterparse(source: IO[bytes], **options: Any) -> etree.iterparse:
    """`lxml.etree.iterparse` over `source` (`events`, `tag`, ... as `options`) that loads no DTD, expands no
    entity, reaches no network and drops comments and processing instructions."""
    return etree.iterparse(source, resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                           remove_pis=True, huge_tree=False, **options)


def refuse_parsed_entities(path: Path, tree: etree._ElementTree, refused: Refusal) -> None:
    """Raise `refused(path)` if the document's internal DTD, as parsed, declares any entity."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and next(dtd.iterentities(), None) is not None:
        raise refused(path)


def malformed_xml(path: Path, exc: etree.XMLSyntaxError) -> BadInputError:
    """libxml2's last error names the line that broke, which is what a translator can report or check."""
    last = exc.error_log.last_error if exc.error_log else None
    line = last.line if last is not None else exc.lineno
    reason = last.message if last is not None else exc.msg
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not well-formed XML (line {line}: {reason}); the file "
                                                           "may be damaged or cut short — export it again from the "
                                                           "tool that made it"),
                         line=line, reason=reason)
