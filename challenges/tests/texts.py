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

# An online test that states its control, its length and its interval.
MEASURED = {
    **SOLID,
    "results": (
        "In a two-week A/B test against control, checkout conversion rose 1.8% "
        "(95% CI 0.9% to 2.7%), and refunds did not move."
    ),
}

# A figure nobody would believe, a technique that was never approved and one only wished for.
DOUBTFUL = {
    "problem": (
        "Members cancel their gym subscription without warning; the retention team wanted to "
        "know a month ahead who will leave. Scores had to be ready by 07:00 each Monday."
    ),
    "ownership": "I built the features and the model, and I chose the evaluation.",
    "architecture": (
        "A weekly job joins visits, payments and support calls per member and scores them with "
        "LightGBM. GPUs were not approved, so training runs on CPU."
    ),
    "tradeoffs": (
        "I compared LightGBM with logistic regression; LightGBM was 6 points better in AUC, "
        "so I kept it."
    ),
    "results": "AUC 0.99 on a random 30% split of members, and precision 0.9 in the top decile.",
    "defense": (
        "The AUC shows the model works. In hindsight I would have used a bandit to choose "
        "which offer each member gets."
    ),
}

# A project about a hosted language model.
LLM_PROJECT = {
    "problem": (
        "Sales reps spent 25 minutes writing each account summary. We wanted a large language "
        "model to draft them from CRM notes."
    ),
    "ownership": "I wrote the prompts and the evaluation, and I chose the model provider.",
    "architecture": (
        "CRM notes and the last five emails go into a prompt for a hosted LLM, which returns a "
        "draft the rep edits, because reps must stay accountable for what is sent."
    ),
    "tradeoffs": "I chose GPT-4o over a smaller model because drafts needed fewer edits.",
    "results": "Reps now spend 9 minutes per summary, down from 25, across 40 reps.",
    "defense": "In hindsight I would have logged every edit from the start.",
}
