"""Meaning, not shared words: does an answer say what a key point says?

A small static embedding model (`wordllama`, whose weights ship inside its wheel, so nothing is
downloaded) embeds each sentence of an answer and each key point of a challenge's strong answer;
a key point is covered when some sentence is close enough to it. Measured on our calibration
set: sentences that make a key point score about 0.5-0.65 against it, caved or off-topic answers
0.2-0.3 (see docs/scoring.md).
"""

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

COVERED = 0.45
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")


@lru_cache(maxsize=1)
def _model():
    import wordllama
    from wordllama import WordLlama

    # wordllama 0.4 looks for its weights outside the package; they ship inside it.
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@lru_cache(maxsize=4096)
def _embedding(text: str) -> np.ndarray:
    return _model().embed([text], norm=True)[0]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if len(s.split()) >= 3]


def closeness(text: str, points: tuple[str, ...]) -> list[float]:
    """For each point, how close the nearest sentence of `text` comes to it (cosine, -1..1)."""
    said = sentences(text)
    if not said or not points:
        return [0.0] * len(points)
    answer = np.stack([_embedding(s) for s in said])
    wanted = np.stack([_embedding(p) for p in points])
    return [float(x) for x in (answer @ wanted.T).max(axis=0)]


def covered(text: str, points: tuple[str, ...]) -> list[bool]:
    return [score >= COVERED for score in closeness(text, points)]
