"""The core's error messages in the UI's language: the one place the window turns an exception into text.

The core keeps each message as an English template and its values (`tarjama.errors.Message`) and marks every
template for lupdate, so `translations/tarjama_ar.ts` holds them under the context "Errors". Here the template is
looked up, and the values (file names, numbers, the system's own reasons) are put in untranslated and isolated, so
a Latin path keeps its left-to-right order inside an Arabic sentence; a value that is a message of its own (the
problem in "{path}: {problem}") is translated the same way. A translation that lost or invented a
placeholder would fail or show the wrong thing, so the English template is used instead.
"""

from __future__ import annotations

import string

from PySide6.QtCore import QCoreApplication

from tarjama.errors import Message
from tarjama.ui.common.bidi import isolated


def error_text(error: BaseException) -> str:
    """What to show for `error`: its message translated when it carries one, else its own text (a bug's)."""
    message = getattr(error, "message", None)
    return message_text(message) if isinstance(message, Message) else str(error)


def message_text(message: Message) -> str:
    """`message` in the UI's language, its values isolated in their own direction."""
    template = QCoreApplication.translate("Errors", message.template)
    if _fields(template) != _fields(message.template):
        template = message.template
    if not message.values:  # as `Message.__str__`: a template without values is already the text
        return template
    values = {name: _Value(value) for name, value in message.values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a format spec the translation changed
        return message.template.format(**values)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


class _Value:
    """A value as a translated template shows it: formatted with the template's spec and isolated; a value that is
    itself a message ("none", a reason) is translated instead, and then reads in the sentence's own direction."""

    def __init__(self, value: object) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        if isinstance(self.value, Message):
            return message_text(self.value)
        return isolated(format(self.value, spec))
