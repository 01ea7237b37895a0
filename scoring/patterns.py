"""Patterns for lowercased text: the readers' one trick for speed.

Matching with re.IGNORECASE is two to four times slower than matching a lowercase pattern
against lowercased text, and the readers run hundreds of patterns over every answer. Offsets
are kept: a match on lowered text is a match at the same place in the text itself.
"""

import re
from functools import lru_cache

# Escapes and named groups keep their case; everything else in a pattern is lowered.
_ESCAPE_OR_RUN = re.compile(r"\\.|\(\?P<\w+>|\(|[^\\(]+")


def compile_lowered(pattern: str) -> re.Pattern:
    """Compile a pattern to run on lowercased text (see `lowered`): matching with re.IGNORECASE
    is about four times slower, and grading runs these over every answer. Escapes such as
    \\S keep their case."""
    lowered = _ESCAPE_OR_RUN.sub(
        lambda m: m.group(0) if m.group(0).startswith(("\\", "(?P")) else m.group(0).lower(),
        pattern,
    )
    return re.compile(lowered)


@lru_cache(maxsize=4096)
def lowered(text: str) -> str:
    """The text in lower case, every character at its original offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters (the Turkish dotted I) grow when lowered; those stay as they are.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
