"""Project texts shared by the engine tests: one solid, one whose Results has no figure."""

SOLID = {
    "problem": (
        "Home feed engagement had stalled. Ranking had to stay under 80 ms p95 at 120k QPS "
        "with memory under 4 GB per host."
    ),
    "ownership": (
        "I was tech lead for 4 engineers. I chose the ranker and I designed the feature "
        "pipeline with the platform team."
    ),
    "architecture": (
        "Events land in a queue, then a shared feature table feeds the ranker. We kept the "
        "ranker small because the budget left 50 ms for ranking."
    ),
    "tradeoffs": (
        "We considered a linear ranker with hand-built crosses; it trained faster but trailed "
        "by 0.8 pp AUC, so we accepted the heavier model."
    ),
    "results": (
        "p95 latency went from 92 → 74 ms and watch time rose 3.2% against control in a "
        "two-week A/B test, significant at p < 0.01."
    ),
    "defense": (
        "A bigger ranker added 25 ms at p95 in our prototype, which broke the budget. In "
        "hindsight I would calibrate scores earlier."
    ),
}
WORDS_ONLY_RESULTS = {
    **SOLID,
    "results": "Latency improved a lot and people watched more. Everyone was happy with it.",
}
