"""Scoring the engine on calibration cases, as the engine dev set's README describes.

A case is a project record with the topics a senior interviewer would certainly push on
(``must_probe``, each ``{topic, any_of: [phrases]}``) and things the candidate only named in
hindsight or used off the shelf (``must_not_probe``). For each case and seed the engine picks
challenges at one pressure level; a must-probe topic is *probed* when any of its phrases occurs,
case-insensitively, in at least one picked question, and a must-not topic is *violated* when any
of its phrases occurs in any picked question. Keyword matching is a proxy: read the questions of
a case that fails before changing the engine, and never add a case's words to it.

Also counted: how the claim questions spread over their templates, since no single template
may make up more than a quarter of them.
"""

from collections import Counter
from dataclasses import dataclass, field

from challenges.engine import CLAIM, Pick
from challenges.records import ProjectRecord, pick_for, read_record

TEMPLATE_CEILING = 0.25  # the most any one claim template may make up of the claim questions
PROBE_TARGET = 0.90  # each must-probe topic, in at least this share of (case, seed) pairs


@dataclass
class CaseRun:
    case_id: str
    seed: int
    picks: list[Pick]
    probed: list[str]
    missed: list[str]
    violated: list[str]


@dataclass
class Report:
    pressure: str
    seeds: tuple[int, ...]
    runs: list[CaseRun] = field(default_factory=list)

    @property
    def topics(self) -> Counter:
        """(case id, topic) -> seeds in which it was probed."""
        counts = Counter()
        for run in self.runs:
            for topic in run.probed:
                counts[(run.case_id, topic)] += 1
            for topic in run.missed:
                counts[(run.case_id, topic)] += 0
        return counts

    @property
    def probed(self) -> int:
        return sum(len(run.probed) for run in self.runs)

    @property
    def must_probe(self) -> int:
        return sum(len(run.probed) + len(run.missed) for run in self.runs)

    @property
    def violations(self) -> int:
        return sum(len(run.violated) for run in self.runs)

    @property
    def lowest_topic_rate(self) -> float:
        rates = [seen / len(self.seeds) for seen in self.topics.values()]
        return min(rates, default=1.0)

    @property
    def templates(self) -> Counter:
        return Counter(p.trigger for run in self.runs for p in run.picks if p.kind == CLAIM)

    @property
    def top_template(self) -> tuple[str, int, int]:
        """The most used claim template, its count and the number of claim questions."""
        templates = self.templates
        total = sum(templates.values())
        if not total:
            return "", 0, 0
        name, count = templates.most_common(1)[0]
        return name, count, total

    @property
    def meets_targets(self) -> bool:
        _, count, total = self.top_template
        return (
            self.lowest_topic_rate >= PROBE_TARGET
            and self.violations == 0
            and (not total or count / total <= TEMPLATE_CEILING)
        )

    def summary(self) -> str:
        name, count, total = self.top_template
        share = f"{name} {count}/{total} ({count / total:.0%})" if total else "none asked"
        probed = f"{self.probed}/{self.must_probe}"
        return (
            f"{self.pressure}, seeds {self.seeds[0]}–{self.seeds[-1]}: probed {probed} "
            f"({self.probed / max(self.must_probe, 1):.0%}) | lowest topic "
            f"{self.lowest_topic_rate:.0%} (target {PROBE_TARGET:.0%}) | must-not violations "
            f"{self.violations} | top claim template {share} (ceiling {TEMPLATE_CEILING:.0%})"
        )


def _contains(questions: list[str], phrases: list[str]) -> bool:
    return any(phrase.lower() in question for question in questions for phrase in phrases)


def run_case(case: dict, *, record: ProjectRecord, pressure: str, seed: int) -> CaseRun:
    picks = pick_for(record, pressure=pressure, seed=seed)
    questions = [p.question.lower() for p in picks]
    probed, missed = [], []
    for topic in case.get("must_probe", []):
        (probed if _contains(questions, topic["any_of"]) else missed).append(topic["topic"])
    violated = [
        topic["topic"]
        for topic in case.get("must_not_probe", [])
        if _contains(questions, topic["any_of"])
    ]
    return CaseRun(case.get("id", record.title), seed, picks, probed, missed, violated)


def score(cases: list[dict], *, pressure: str, seeds: tuple[int, ...]) -> Report:
    """Run every case at every seed at one pressure level."""
    report = Report(pressure, seeds)
    for case in cases:
        record = read_record(case["record"], case_id=case.get("id", ""))
        for seed in seeds:
            report.runs.append(run_case(case, record=record, pressure=pressure, seed=seed))
    return report
