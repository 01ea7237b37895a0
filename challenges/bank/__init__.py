"""The challenge bank as plain data, written for Hotseat.

This package is the source the data migration and ``manage.py load_challenges`` copy into the
``Challenge`` table (an idempotent upsert by slug); after that the table, editable in the
admin, is what the engine reads.

Five kinds of entry:
- ``general``: always, may be asked of any project;
- ``techniques``: asked when the candidate names the technique (keys in
  ``challenges/techniques.py``);
- ``weaknesses``: asked when ``scoring.gaps.find_gaps`` reports that gap code for the section;
- ``red_flags`` and ``evidence``: asked when the claim reader raises that flag (keys in
  ``challenges/flags.py``) on the project's text or an answer; the question quotes the words
  that raised it in place of ``{quote}``;
- ``domains``: a domain pack, asked of projects in that domain (``challenges/domains.py``).

Every entry says what a strong answer contains as two to four checkable key points (the
grader checks answers against them), and may name its topic.

Pressure: ``warmup`` questions clarify, ``standard`` ones push back, ``bar_raiser`` ones
attack ("this performs poorly", "we wouldn't do this") and expect data in return.
"""

from challenges.bank import domains, evidence, general, red_flags, techniques, weaknesses
from challenges.bank.entry import (
    ALWAYS,
    DOMAIN,
    FLAG,
    GENERAL_TOPICS,
    QUOTE,
    TECHNIQUE,
    TOPIC_CHOICES,
    TOPIC_KEYS,
    TOPIC_LABELS,
    TRIGGER_KIND_CHOICES,
    WEAKNESS,
    BankEntry,
    fill_quote,
)

BANK: tuple[BankEntry, ...] = (
    general.ENTRIES
    + techniques.ENTRIES
    + weaknesses.ENTRIES
    + red_flags.ENTRIES
    + evidence.ENTRIES
    + domains.ENTRIES
)

__all__ = [
    "ALWAYS",
    "BANK",
    "DOMAIN",
    "FLAG",
    "GENERAL_TOPICS",
    "QUOTE",
    "TECHNIQUE",
    "TOPIC_CHOICES",
    "TOPIC_KEYS",
    "TOPIC_LABELS",
    "TRIGGER_KIND_CHOICES",
    "WEAKNESS",
    "BankEntry",
    "fill_quote",
]
