"""The message for an XML file (TMX, TBX) that does not parse, shared so every format says it the same way."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError


def malformed_xml(path: Path, exc: etree.XMLSyntaxError) -> BadInputError:
    """libxml2's last error names the line that broke, which is what a translator can report or check."""
    last = exc.error_log.last_error if exc.error_log else None
    line = last.line if last is not None else exc.lineno
    reason = last.message if last is not None else exc.msg
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not well-formed XML (line {line}: {reason}); the file "
                                                           "may be damaged or cut short — export it again from the "
                                                           "tool that made it"),
                         line=line, reason=reason)

