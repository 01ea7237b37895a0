"""A finished session's transcript, as the mock onsite hands it to grading, for review tests."""

from scoring.framework import SECTIONS

ANSWERS = {
    "problem": (
        "Checkout fraud cost us 1.2% of revenue; scoring had to stay under 50 ms p99 at "
        "8k requests per second and launch before the holiday freeze."
    ),
    "ownership": (
        "I led a team of 4 engineers; I chose the gradient-boosted model and I designed the "
        "feature pipeline with the payments team."
    ),
    "architecture": (
        "Events flow from Kafka into a feature store, then the model, then the serving API; "
        "we cached merchant features because the latency budget left 20 ms for lookups."
    ),
    "tradeoffs": "We thought about some options but went with what we had.",
    "results": (
        "Fraud losses fell from 1.2% to 0.7% of revenue in a four-week A/B test, and p99 "
        "latency went from 61 to 42 ms."
    ),
    "defense": "I think it was fine, maybe it could be better.",
}
CHALLENGE = {
    "section": "results",
    "kind": "challenge",
    "question": "Those gains look like noise. How do you know they are real?",
    "answer": "Honestly I am not sure, it felt better to everyone.",
    "seconds": 95,
    "budget_seconds": 60,
    "over_time": True,
    "persona": "skeptic",
    "persona_label": "The sceptical statistician",
    "reason": "Your results named no confidence interval.",
    "challenge": "results-noise",
}


def sample_transcript(
    *, turns: int = 7, projects: int = 1, title: str = "Fraud scoring", spoken: bool = False
) -> dict:
    """`turns` turns per project: the six sections in order, then challenges, repeating;
    `spoken`: each answer said in one 30-second phrase after 2 s."""
    number = 0
    out = []
    for p in range(projects):
        rows = []
        for i in range(turns):
            if i % 7 == 6:
                row = dict(CHALLENGE)
            else:
                section = SECTIONS[i % 7]
                row = {
                    "section": section.key,
                    "kind": "prompt",
                    "question": section.prompt,
                    "answer": ANSWERS[section.key],
                    "seconds": 40,
                    "budget_seconds": 90,
                    "over_time": False,
                }
            row["turn"] = number
            if spoken:
                row["timing"] = [[2.0, 32.0]]
            number += 1
            rows.append(row)
        out.append(
            {
                "title": f"{title} {p + 1}" if projects > 1 else title,
                "time_budget_seconds": 600,
                "turns": rows,
            }
        )
    transcript = {"format": "hotseat.transcript/1", "projects": out}
    return {**transcript, "answer_mode": "spoken"} if spoken else transcript


def make_grading(
    user, *, turns: int = 7, projects: int = 1, graded: bool = True, spoken: bool = False
):
    """A grading row as finishing a session leaves it; graded inline unless asked not to."""
    from scoring.models import Grading
    from scoring.services import run_grading

    grading = Grading.objects.create(
        user=user, transcript=sample_transcript(turns=turns, projects=projects, spoken=spoken)
    )
    if graded:
        run_grading(grading_id=grading.pk)
        grading.refresh_from_db()
    return grading
