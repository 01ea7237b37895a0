"""The answer framework: the six sections, in order. The one source of truth.

Every other module (models, forms, rubric, challenge bank, transcript format)
imports the keys and titles from here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    prompt: str  # what the interviewer asks to open the section
    guidance: str  # what a strong answer contains
    example: str  # one line that shows the level we mean


SECTIONS: tuple[Section, ...] = (
    Section(
        key="problem",
        title="Problem & Constraints",
        prompt="What problem were you solving, for whom, and under which hard constraints?",
        guidance=(
            "Say the user or business problem in one or two sentences, then the limits you "
            "had to live inside, each with a number: latency or throughput, cost, memory, "
            "privacy, reliability, a launch date."
        ),
        example=(
            "Engagement on the home feed had stalled; ranking had to stay under 80 ms p95 "
            "at more than 120k requests per second without raising serving cost."
        ),
    ),
    Section(
        key="ownership",
        title="Role & Ownership",
        prompt="What was your part in it? What did you decide, lead or build yourself?",
        guidance=(
            "Speak in the first person about the decisions you made and the work you led: "
            "your scope, the size of the team, the other teams you pulled along."
        ),
        example=(
            "I was tech lead for four engineers; I chose the ranker, designed the feature "
            "pipeline and ran the canary and ramp with the platform team."
        ),
    ),
    Section(
        key="architecture",
        title="Architecture & Key Decisions",
        prompt=(
            "Walk me through the architecture. How does data flow, and why is it built that way?"
        ),
        guidance=(
            "Trace the data from ingestion through features and the model to serving, name "
            "the main components, and give the reason behind each key choice."
        ),
        example=(
            "Events land in Kafka, a shared feature store feeds a two-tower retriever and a "
            "DLRM ranker; we quantized to INT8 because the latency budget left 50 ms for ranking."
        ),
    ),
    Section(
        key="tradeoffs",
        title="Alternatives & Trade-offs",
        prompt="What else did you consider, and why did you not pick it?",
        guidance=(
            "Name at least one real alternative, weigh its pros and cons, give the data that "
            "settled the choice and the price you accepted for it."
        ),
        example=(
            "Gradient-boosted trees trained faster but trailed by 0.8 pp AUC; we accepted "
            "a 0.1 pp AUC loss from quantization to save 12% of compute."
        ),
    ),
    Section(
        key="results",
        title="Results",
        prompt="What changed because of your work, and how did you measure it?",
        guidance=(
            "Give outcomes with units and a baseline (before and after: latency, cost, "
            "reliability, revenue, engagement) and say how you measured them: an A/B test, "
            "CUPED, a confidence interval."
        ),
        example=(
            "p95 latency fell from 92 to 74 ms and watch time rose 3.2% in a two-week A/B "
            "test, significant at p < 0.01."
        ),
    ),
    Section(
        key="defense",
        title="Defense & Hindsight",
        prompt="Looking back: would you defend every choice today, and what would you change?",
        guidance=(
            "Answer pushback with evidence rather than opinion, concede what the data does "
            "not support, and say what you would do differently next time."
        ),
        example=(
            "A transformer ranker gained 0.2% watch time but cost 25 ms at p95, so it did "
            "not fit the budget; in hindsight I would calibrate scores much earlier."
        ),
    ),
)

SECTION_KEYS: tuple[str, ...] = tuple(section.key for section in SECTIONS)
SECTION_BY_KEY: dict[str, Section] = {section.key: section for section in SECTIONS}
SECTION_CHOICES: list[tuple[str, str]] = [(section.key, section.title) for section in SECTIONS]
