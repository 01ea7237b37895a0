"""Meaning, not only shared words: does an answer say what a key point says?

A small static embedding model (`wordllama`, whose weights ship inside its wheel, so nothing is
downloaded) embeds each sentence of an answer and each key point of a challenge's strong answer.
Static embeddings catch paraphrase only partly, so a key point's closeness is the nearest
sentence's cosine plus half the share of the key point's content words the answer uses. On our
calibration pairs (docs/scoring.md) answers that make the point score 0.22-0.83, caves and
off-topic answers -0.06-0.36; 0.3 separates most of them, and the graders never rest a verdict
on this alone: an answer must also bring evidence to hold.
"""

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from scoring.graders.text import content_stems

COVERED = 0.3
ON_TOPIC = 0.3  # an answer this close to the question itself takes up its subject
_WORD_SHARE_WEIGHT = 0.5
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


def similarity(text: str, points: tuple[str, ...]) -> list[float]:
    """For each point, how close the nearest sentence of `text` comes to it (cosine, -1..1)."""
    said = sentences(text)
    if not said or not points:
        return [0.0] * len(points)
    answer = np.stack([_embedding(s) for s in said])
    wanted = np.stack([_embedding(p) for p in points])
    return [float(x) for x in (answer @ wanted.T).max(axis=0)]


def closeness(text: str, points: tuple[str, ...]) -> list[float]:
    """For each point: the nearest sentence's similarity plus half the share of its words used."""
    used = content_stems(text)
    scores = []
    for point, cosine in zip(points, similarity(text, points), strict=True):
        wanted = content_stems(point)
        share = len(wanted & used) / len(wanted) if wanted else 0.0
        scores.append(cosine + _WORD_SHARE_WEIGHT * share)
    return scores


def covered(text: str, points: tuple[str, ...]) -> list[bool]:
    return [score >= COVERED for score in closeness(text, points)]
