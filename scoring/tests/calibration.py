"""Our own calibration transcripts: strong answers per project, and variants of them.

Each strong project answers every section; DEGRADED holds, per project and section, a version of
that section's answers with exactly one thing taken away (the numbers, the personal decisions,
the alternative, the evidence in the defense, the limits, the reasons). Medium, weak, stuffed and
padded versions cover the other probes in GRADING.md.
"""

import copy

from scoring.transcript import FORMAT

PROMPTS = {
    "problem": "What problem were you solving, for whom, and under which hard constraints?",
    "ownership": "What was your part in it? What did you decide, lead or build yourself?",
    "architecture": "Walk me through the architecture. How does data flow, and why?",
    "tradeoffs": "What else did you consider, and why did you not pick it?",
    "results": "What changed because of your work, and how did you measure it?",
    "defense": "Looking back: would you defend every choice today, and what would you change?",
}


def prompt(section, answer, seconds=30):
    return {
        "section": section,
        "kind": "prompt",
        "question": PROMPTS[section],
        "answer": answer,
        "seconds": seconds,
    }


def challenge(section, question, answer, seconds=30):
    return {
        "section": section,
        "kind": "challenge",
        "question": question,
        "answer": answer,
        "seconds": seconds,
    }


FEED = {
    "title": "Home feed ranking",
    "time_budget_seconds": 300,
    "turns": [
        prompt(
            "problem",
            "Watch time and click-through on the home feed had been flat for two quarters, "
            "and new users said the feed ignored them. Ranking had to stay under 80 ms at "
            "p95 while serving more than 120k QPS, fit in 4 GB of memory per host and stay "
            "cost-neutral, with p99 errors below 0.1%.",
        ),
        prompt(
            "ownership",
            "I was tech lead for a team of four engineers. I chose the DLRM ranker and "
            "designed the feature pipeline, I owned the serving optimisations, and I ran the "
            "canary and the ramp. I partnered with the data platform team to move our "
            "features into their feature store.",
        ),
        prompt(
            "architecture",
            "Events land in Kafka, Flink writes user and item features into a shared feature "
            "store, a two-tower retriever pulls about 1,000 candidates from a ScaNN index, and "
            "a DLRM ranker scores them before an MMR re-ranker removes near-duplicates. One "
            "feature definition serves training and serving because skew had caused two "
            "regressions the year before. I quantized the ranker to INT8 so that it fit the "
            "50 ms slice of the latency budget.",
        ),
        prompt(
            "tradeoffs",
            "We considered XGBoost with hand-built crosses: it trained faster and was easier "
            "to explain, but it trailed DLRM by 0.8 pp AUC offline and could not handle sparse "
            "IDs at our scale. Wide & Deep was lighter but underfit the long tail. "
            "Quantization cost us about 0.1 pp AUC; we accepted that in exchange for 12% "
            "less compute.",
        ),
        prompt(
            "results",
            "p95 ranking latency fell from 92 ms to 74 ms and p99 from 140 ms to 120 ms. Cost "
            "per thousand requests dropped 12%. In a two-week A/B test against control, watch "
            "time per user rose 3.2% and session length 2.1%, significant at p < 0.01, and the "
            "p99 error rate held at 0.08%.",
        ),
        challenge(
            "results",
            "Those gains could be noise. How do you know they are real?",
            "The test ran for two weeks on 5% of traffic with CUPED, which cut variance by "
            "about 25%. The 95% confidence interval for watch time was +2.6% to +3.8%, and "
            "an A/A check the week before showed no difference.",
        ),
        prompt(
            "defense",
            "I would defend the two-stage design: the retriever kept ranking inside the 80 ms "
            "budget at 120k QPS. In hindsight I would calibrate the scores with isotonic "
            "regression from the start, because the re-ranker depends on them.",
        ),
        challenge(
            "defense",
            "A transformer ranker would perform better. Why did you settle for DLRM?",
            "We prototyped a two-layer transformer ranker. It gained 0.2% watch time but "
            "added 25 ms at p95 and 22% more compute, so it broke the 80 ms budget and the "
            "gain did not pay for it. Next time I would test it again with distillation.",
        ),
    ],
}

TOXICITY = {
    "title": "Live chat toxicity filter",
    "time_budget_seconds": 300,
    "turns": [
        prompt(
            "problem",
            "Abuse reports in live chat were climbing and moderators saw messages only after "
            "viewers did. The decision had to take under 50 ms end to end, the classifier "
            "under 20 ms at p95 on CPU-only edge machines, across 10 languages, with the "
            "false-positive rate below 0.5% so we did not silence normal chat.",
        ),
        prompt(
            "ownership",
            "I was the model lead. I designed the teacher-student pipeline, I built the "
            "active-learning loop and the lexicon fallback, and I set the per-language "
            "thresholds. I worked with Trust & Safety and the localization team on labels.",
        ),
        prompt(
            "architecture",
            "Chat messages stream from the edge into a tokenizer, then into a distilled "
            "4-layer TinyBERT student served with ONNX Runtime in INT8, and the verdict goes "
            "back to the chat service. A lexicon of high-precision slurs runs beside the "
            "model because paraphrased abuse slips past rules but explicit slurs should never "
            "slip past the model. Thresholds are calibrated per language with temperature "
            "scaling so that each language meets the 0.5% false-positive cap.",
        ),
        prompt(
            "tradeoffs",
            "I considered TF-IDF with logistic regression: under 2 ms, but recall on "
            "paraphrases and code words was poor. Full multilingual BERT gave the best F1 but "
            "took 35 to 40 ms at p95 on CPU, which broke the budget at peak. The student gave "
            "up about 1.5 pp F1 against the teacher in exchange for 18 ms at p95.",
        ),
        prompt(
            "results",
            "Abusive messages per 10k views fell 28% in the A/B test, p < 0.01. The "
            "classifier runs at 18 ms p95 and 30 ms p99, and serving cost is about $0.42 per "
            "million messages. The appeal success rate stayed flat at 0.3%, up from 0.29% "
            "before launch.",
        ),
        prompt(
            "defense",
            "The hybrid held up. Looking back, I would have started adversarial training on "
            "obfuscated spellings and homoglyphs much earlier.",
        ),
        challenge(
            "defense",
            "Rules are brittle; we would never mix them with ML.",
            "Fair point for nuanced cases, so the rules only fire on high-precision "
            "patterns and never decide alone. In the A/B test the lexicon plus model cut "
            "false negatives on explicit slurs by 6% and added 0.2 ms, so I would keep it, "
            "but I would add per-community thresholds next time.",
        ),
    ],
}

STRONG_PROJECTS = [FEED, TOXICITY]

DEGRADED = {
    "Home feed ranking": {
        "problem": [
            "Watch time on the home feed had stalled and new users felt the feed ignored them. "
            "Ranking needed to be fast, cheap to run and reliable at our scale."
        ],
        "ownership": [
            "We were a small team. We picked the DLRM ranker, we designed the feature pipeline "
            "and we handled the serving work and the rollout with the data platform team."
        ],
        "architecture": [
            "The system has Kafka, Flink, a feature store, a two-tower retriever with a ScaNN "
            "index, a DLRM ranker and an MMR re-ranker. The ranker is INT8 and the index is on "
            "GPU."
        ],
        "tradeoffs": [
            "Every design has trade-offs and this one did too. We talked about them for a long "
            "time and felt that DLRM was the right fit for the feed."
        ],
        "results": [
            "Ranking latency went down noticeably and cost fell too. In the A/B test watch time "
            "and session length went up and errors stayed low.",
            "We ran the test with a control group and the difference looked clearly real to "
            "everyone who reviewed it.",
        ],
        "defense": [
            "I would defend all of it; it was the right call and the team did great work.",
            "I think DLRM is a great model and our team was really proud of it. Honestly the "
            "feed works well and people like it.",
        ],
    },
    "Live chat toxicity filter": {
        "problem": [
            "Abuse reports in live chat were climbing and moderators saw messages only after "
            "viewers did. The filter had to be quick, work on cheap machines and in many "
            "languages, without blocking normal chat."
        ],
        "ownership": [
            "We owned the model side. We made a teacher-student pipeline, we set up active "
            "learning and a lexicon fallback, and we worked with Trust & Safety on labels."
        ],
        "architecture": [
            "There is a tokenizer, a TinyBERT student in ONNX Runtime with INT8, a slur lexicon "
            "and per-language thresholds with temperature scaling."
        ],
        "tradeoffs": [
            "There were trade-offs everywhere, and choosing the student model was a balance "
            "that the whole team discussed at length before settling."
        ],
        "results": [
            "Abusive messages fell a lot in the A/B test. The classifier is fast, serving is "
            "cheap, and appeals stayed flat compared with before launch."
        ],
        "defense": [
            "The hybrid held up well, I believe it was the right design.",
            "Maybe rules are brittle in general, but I think ours were fine and the moderators "
            "were happy with them.",
        ],
    },
}


def transcript(*projects):
    return {"format": FORMAT, "projects": [copy.deepcopy(p) for p in projects]}


def degrade(project, section):
    """The project with one section's answers replaced by its degraded version."""
    project = copy.deepcopy(project)
    replacements = iter(DEGRADED[project["title"]][section])
    for turn in project["turns"]:
        if turn["section"] == section:
            turn["answer"] = next(replacements, turn["answer"])
    return project


def rewrite(project, answers):
    project = copy.deepcopy(project)
    for turn, answer in zip(project["turns"], answers, strict=True):
        turn["answer"] = answer
    return project


MEDIUM_FEED = rewrite(
    FEED,
    [
        "Engagement on the home feed had stalled. Ranking had to stay under 80 ms at p95.",
        "We were four engineers and I built the feature pipeline; the team did the rest together.",
        "Events go into Kafka and features go to a feature store, then a DLRM ranker scores "
        "candidates from a retriever.",
        "We also looked at XGBoost. In the end DLRM won.",
        "Latency dropped to 74 ms and watch time went up 3.2% in an A/B test.",
        "The test ran two weeks, so I think it is real.",
        "I would defend it. Maybe I would try calibration earlier.",
        "A transformer was slower for us, about 25 ms worse at p95, so we kept DLRM.",
    ],
)

WEAK_FEED = rewrite(
    FEED,
    [
        "The feed was not good enough and we wanted to fix it.",
        "We worked on the ranking as a team.",
        "It used a model and some data.",
        "There were other ideas but this one was better.",
        "Things improved and people liked it.",
        "It was obviously better.",
        "I think it was fine overall.",
        "I guess the transformer could be better, maybe.",
    ],
)

STUFFED_FEED = rewrite(
    FEED,
    [
        "Problem constraints latency QPS p95 p99 SLA cost memory reliability scalability "
        "business impact low-latency data-driven.",
        "Ownership leadership alignment cross-functional impact stakeholders ownership "
        "end-to-end drive decisions.",
        "Architecture data flow pipeline feature store Kafka Flink retrieval ranking serving "
        "embeddings ANN scalable robust.",
        "Alternatives trade-offs pros cons XGBoost Wide & Deep comparison best practices "
        "state-of-the-art.",
        "Results metrics KPIs A/B test CUPED confidence intervals p-values baselines "
        "significance impact.",
        "Noise variance significance A/B CUPED confidence intervals statistical rigor.",
        "Defense hindsight lessons learned evidence data-driven impact ownership.",
        "Transformer DLRM latency cost trade-offs evidence data best practices.",
    ],
)

_FILLER = (
    " To give a bit of context, this was a really interesting time for the whole organisation."
    " It is worth saying that everyone cared a great deal about doing this well."
    " As I mentioned, there was a lot going on, and we wanted to get it right for everybody."
    " Overall it was a very meaningful piece of work that I remember well."
)


def padded(project):
    project = copy.deepcopy(project)
    for turn in project["turns"]:
        turn["answer"] = _FILLER.strip() + " " + turn["answer"] + _FILLER
        turn["seconds"] = turn["seconds"] * 3
    return project
