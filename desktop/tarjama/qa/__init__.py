"""Quality assurance of translations: checks on each segment that return findings (`QaIssue`), never raise.

Arabic→English specific: no case checks (Arabic has no case), and ؟ ↔ ?, ، ↔ ,, ٣ ↔ 3 count as the same.
The window and the CLI use only the names below.
"""

from tarjama.qa.checks import SEVERITIES
from tarjama.qa.context import QaContext, TermSource
from tarjama.qa.issues import CheckName, QaIssue, Severity
from tarjama.qa.messages import CHECK_TITLES
from tarjama.qa.runner import check_project, check_segment
from tarjama.qa.settings import QaSettings

__all__ = [
    "CHECK_TITLES",
    "SEVERITIES",
    "CheckName",
    "QaContext",
    "QaIssue",
    "QaSettings",
    "Severity",
    "TermSource",
    "check_project",
    "check_segment",
]
