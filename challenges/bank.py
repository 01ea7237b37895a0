"""The challenge bank as plain data, written for Hotseat.

This module is the source the data migration and ``manage.py load_challenges`` copy into
the ``Challenge`` table (an idempotent upsert by slug); after that the table, editable in
the admin, is what the engine reads.

Three kinds of entry:
- always: may be asked of any project;
- technique: asked when the candidate names the technique (keys in ``techniques.py``);
- weakness: asked when ``scoring.gaps.find_gaps`` reports that gap code for the section.

Pressure: ``warmup`` questions clarify, ``standard`` ones push back, ``bar_raiser`` ones
attack ("this performs poorly", "we wouldn't do this") and expect data in return.
"""

from typing import NamedTuple

from challenges.personas import BAR_RAISER as BR
from challenges.personas import PRODUCT as PM
from challenges.personas import SRE
from challenges.personas import STAFF_ML as ML

ALWAYS = "always"
TECHNIQUE = "technique"
WEAKNESS = "weakness"
TRIGGER_KIND_CHOICES: list[tuple[str, str]] = [
    (ALWAYS, "Always"),
    (TECHNIQUE, "Technique named"),
    (WEAKNESS, "Weakness found"),
]

W, S, X = "warmup", "standard", "bar_raiser"


class BankEntry(NamedTuple):
    """One challenge: the bank's data here, and the rows the engine reads from the database."""

    slug: str
    section: str
    pressure: str
    persona: str
    trigger_kind: str
    trigger: str
    question: str
    strong_answer: str


# (slug, section, pressure, persona, question, strong answer)
_ALWAYS = [
    # Problem & Constraints
    (
        "problem-who-was-hurting",
        "problem",
        W,
        PM,
        "Before any architecture: who was hurting, and how did you know this was worth "
        "a quarter of engineering time?",
        "Names the users or the business owner who felt the pain, the signal that showed it "
        "(a metric trend, ticket volume, revenue at risk) and a rough size of the prize.",
    ),
    (
        "problem-shaping-constraint",
        "problem",
        W,
        SRE,
        "Which single constraint shaped the design more than any other?",
        "Picks one limit, gives its number and where it came from (an SLO, a hardware "
        "budget, a launch date) and shows which options it ruled out.",
    ),
    (
        "problem-budget-origin",
        "problem",
        S,
        ML,
        "Where did your latency budget come from: a real SLO, or a number somebody picked?",
        "Traces the budget to an upstream SLO or a measured effect on users, and splits it "
        "across the stages of the request with a number for each.",
    ),
    (
        "problem-cost-of-nothing",
        "problem",
        S,
        PM,
        "If you had shipped nothing, what would the business have lost in six months?",
        "A quantified cost of doing nothing (churn, revenue, incidents, manual effort) and "
        "where the estimate came from.",
    ),
    (
        "problem-solution-seeking-problem",
        "problem",
        X,
        BR,
        "This sounds like a solution looking for a problem. Convince me the problem was real.",
        "Evidence gathered before the project began: a plateaued metric, incident counts or "
        "complaint volume with numbers, and what had already been tried and failed.",
    ),
    (
        "problem-wish-list",
        "problem",
        X,
        ML,
        "Your constraints read like a wish list. Which one would you have broken first, and "
        "what would breaking it have cost?",
        "Ranks the constraints, names the one that was negotiable and puts a number on the "
        "consequence of relaxing it; shows the hard ones were truly hard.",
    ),
    # Role & Ownership
    (
        "ownership-team-and-slice",
        "ownership",
        W,
        PM,
        "How big was the team, and which slice of the work was yours alone?",
        "Team size, the candidate's title on the project and a first-person list of what "
        "they designed, built or decided.",
    ),
    (
        "ownership-one-decision",
        "ownership",
        W,
        BR,
        "Tell me about one decision on this project that would have gone the other way "
        "without you.",
        "A specific decision, the options on the table, the argument the candidate made and "
        "the evidence that carried it.",
    ),
    (
        "ownership-senior-disagreed",
        "ownership",
        S,
        BR,
        "Which of your calls did someone more senior disagree with, and how did it end?",
        "A real disagreement, how the candidate tested it (a prototype, a metric, an "
        "experiment) and an honest outcome, including being overruled.",
    ),
    (
        "ownership-other-teams",
        "ownership",
        S,
        PM,
        "Which other teams had to change something for this to ship, and how did you get "
        "them to do it?",
        "Names the teams and what they changed, how the candidate aligned them (a doc, a "
        "shared metric, a deadline) and what they gave in return.",
    ),
    (
        "ownership-strip-the-team",
        "ownership",
        X,
        BR,
        "Strip out everything your team did. What is left that is unmistakably yours?",
        "Concrete artefacts and decisions in the first person with their measurable effect, "
        "without claiming the whole team's output.",
    ),
    (
        "ownership-manager-view",
        "ownership",
        X,
        ML,
        "If I called your manager from that time, what would they say you got wrong?",
        "A genuine mistake the candidate owned, what it cost and what they changed in how "
        "they work afterwards.",
    ),
    # Architecture & Key Decisions
    (
        "architecture-one-request",
        "architecture",
        W,
        ML,
        "Walk one request through the system, from the event that creates it to what the "
        "user finally sees.",
        "An ordered data flow (ingest, features, model, serving) naming each component and "
        "the time or cost it adds.",
    ),
    (
        "architecture-weakest-component",
        "architecture",
        W,
        SRE,
        "Which component fails most often, and what do users notice when it does?",
        "Names the component, its failure rate or incident count, the fallback and the "
        "user-visible effect of degrading.",
    ),
    (
        "architecture-delete-first",
        "architecture",
        S,
        ML,
        "If you had to remove one component tomorrow, which would it be and what would you lose?",
        "Knows what each component contributes in numbers and can say which one earns the "
        "least for its cost.",
    ),
    (
        "architecture-slow-dependency",
        "architecture",
        S,
        SRE,
        "An upstream dependency becomes ten times slower for an hour. Walk me through what "
        "happens.",
        "Timeouts and their values, a fallback or a degraded mode, load shedding, the alert "
        "that fires and the user impact in numbers.",
    ),
    (
        "architecture-hardest-to-defend",
        "architecture",
        X,
        BR,
        "We would not build it this way. Defend the decision you think is hardest to defend.",
        "Picks a genuinely contestable choice, states the alternative honestly and gives the "
        "measurement that decided it, plus the condition under which they'd switch.",
    ),
    (
        "architecture-double-traffic",
        "architecture",
        X,
        SRE,
        "Traffic doubles tomorrow. Which part breaks first, and how do you know?",
        "Names the bottleneck from a load test or capacity model with numbers (QPS, "
        "headroom), and the cheapest fix.",
    ),
    # Alternatives & Trade-offs
    (
        "tradeoffs-simplest-thing",
        "tradeoffs",
        W,
        PM,
        "What was the simplest thing that could have worked, and why was it not enough?",
        "Describes a simple baseline, shows it was actually tried or estimated, and gives "
        "the number where it fell short.",
    ),
    (
        "tradeoffs-runner-up",
        "tradeoffs",
        W,
        ML,
        "Which option came closest to winning?",
        "Names the runner-up, what it did better and the figure that tipped the decision.",
    ),
    (
        "tradeoffs-price-paid",
        "tradeoffs",
        S,
        ML,
        "What did you give up with the option you chose? Put a number on it.",
        "States the accepted cost (accuracy, latency, money, complexity) with a figure and "
        "why the gain outweighed it.",
    ),
    (
        "tradeoffs-worth-the-complexity",
        "tradeoffs",
        S,
        PM,
        "Was the extra complexity worth it for the product, not just for the model metric?",
        "Links the technical gain to a product metric, and counts the ongoing cost in people "
        "or operations.",
    ),
    (
        "tradeoffs-fair-comparison",
        "tradeoffs",
        X,
        BR,
        "This approach performs poorly next to what we run here. Why should I trust that your "
        "comparison was fair?",
        "Same data, same tuning effort, same evaluation window for every option; numbers "
        "for each; admits where the comparison was weak.",
    ),
    (
        "tradeoffs-straw-man",
        "tradeoffs",
        X,
        ML,
        "Your baseline sounds like a straw man. Did you tune it as hard as your own model?",
        "Shows the tuning budget given to the baseline, its best result, and the remaining "
        "gap with its noise.",
    ),
    # Results
    (
        "results-one-number",
        "results",
        W,
        PM,
        "What changed for users, in one number?",
        "One headline metric with its unit, baseline and measurement window.",
    ),
    (
        "results-how-long",
        "results",
        W,
        ML,
        "How long did you measure before you called it a win?",
        "The experiment duration, why that length (weekly cycles, power calculation) and "
        "whether the effect held afterwards.",
    ),
    (
        "results-offline-online-gap",
        "results",
        S,
        ML,
        "Offline gains rarely survive online. How big was the gap between the two for you?",
        "Offline metric delta and online metric delta side by side, and an explanation of "
        "the difference.",
    ),
    (
        "results-what-got-worse",
        "results",
        S,
        PM,
        "Which metric got worse, and why did you accept it?",
        "Names a guardrail or secondary metric that regressed, by how much, and the "
        "judgement that made it acceptable.",
    ),
    (
        "results-looks-like-noise",
        "results",
        X,
        BR,
        "Those gains look like noise to me. How do you know they are real?",
        "Confidence interval or p-value, sample size, the metric's normal variance, a "
        "holdout or repeat experiment that confirmed it.",
    ),
    (
        "results-cost-per-request",
        "results",
        X,
        SRE,
        "What did this cost to run per thousand requests, before and after?",
        "A unit cost before and after, what drove the change (hardware, batching, "
        "quantization) and how it was measured.",
    ),
    # Defense & Hindsight
    (
        "defense-start-again",
        "defense",
        W,
        BR,
        "If you started this project again tomorrow, what would you do differently?",
        "A specific change with the reason and the expected effect, not a generic 'more testing'.",
    ),
    (
        "defense-lesson-kept",
        "defense",
        W,
        PM,
        "What did you learn here that changed how you run projects now?",
        "A concrete habit the candidate adopted, and a later project where it paid off.",
    ),
    (
        "defense-wrong-assumption",
        "defense",
        S,
        ML,
        "Which assumption turned out to be wrong, and when did you find out?",
        "Names the assumption, the data that disproved it, how late it surfaced and what it cost.",
    ),
    (
        "defense-worst-incident",
        "defense",
        S,
        SRE,
        "What was the worst incident this system caused, and what changed after it?",
        "Timeline, blast radius in numbers, root cause and the lasting fix (test, alert, "
        "guardrail).",
    ),
    (
        "defense-data-not-conviction",
        "defense",
        X,
        BR,
        "We would not do this here. Convince me with data, not conviction.",
        "Answers with an experiment or measurement that addresses the objection directly, "
        "concedes what the data does not cover, and says what would change their mind.",
    ),
    (
        "defense-over-engineered",
        "defense",
        X,
        ML,
        "Someone says this was over-engineered for your scale. Where is the break-even point, "
        "and were you past it?",
        "A cost model with a break-even (incidents avoided, engineer time, compute) and the "
        "measured value against it.",
    ),
]

# (slug, technique key, section, pressure, persona, question, strong answer)
_TECHNIQUE = [
    (
        "gbdt-high-cardinality",
        "gbdt",
        "tradeoffs",
        S,
        ML,
        "You used gradient-boosted trees. How did they cope with high-cardinality IDs, and "
        "where did adding trees stop helping?",
        "Target encoding or hashing for IDs, the point where validation loss flattened, and "
        "a comparison against a neural model with a figure.",
    ),
    (
        "gbdt-why-not-deep",
        "gbdt",
        "architecture",
        X,
        BR,
        "Boosted trees feel like yesterday's answer. Why not a deep model?",
        "Data size, latency and cost arguments, an experiment where the deep model did not "
        "pay for itself, and the conditions under which they would switch.",
    ),
    (
        "two-tower-negatives",
        "two_tower",
        "architecture",
        S,
        ML,
        "How did you choose negatives for the two-tower model, and what did in-batch sampling "
        "do to popular items?",
        "In-batch versus mixed negatives, a correction for popularity bias, and recall@K "
        "before and after the change.",
    ),
    (
        "two-tower-no-crosses",
        "two_tower",
        "tradeoffs",
        X,
        BR,
        "A two-tower model never sees user and item features together. Why was that acceptable?",
        "Retrieval only has to shortlist; the ranker recovers the crosses; recall@K numbers "
        "and the cost of crosses at retrieval scale.",
    ),
    (
        "ann-recall-vs-exact",
        "ann",
        "architecture",
        S,
        SRE,
        "An approximate index trades recall for speed. What recall did you measure against "
        "exact search, and at what latency?",
        "Recall@K against brute force on a sample, the parameter sweep behind the chosen "
        "setting, p99 latency and the rebuild cadence.",
    ),
    (
        "ann-stale-index",
        "ann",
        "defense",
        X,
        ML,
        "How stale can the index get before new items simply never get retrieved?",
        "Rebuild or incremental insert frequency, a freshness metric, and the path that "
        "gives new items exposure.",
    ),
    (
        "dlrm-what-it-bought",
        "dlrm",
        "tradeoffs",
        S,
        ML,
        "What did DLRM buy you over a simpler ranker, offline and online?",
        "Offline AUC or NDCG delta, online metric delta, and the serving cost of the bigger model.",
    ),
    (
        "dlrm-embedding-memory",
        "dlrm",
        "architecture",
        X,
        SRE,
        "DLRM embedding tables grow without limit. How did you stay under the memory you had "
        "per host?",
        "Hashing, frequency thresholds, lower precision or sharding, with gigabytes before "
        "and after and the quality cost.",
    ),
    (
        "transformer-fit-budget",
        "transformer",
        "architecture",
        S,
        SRE,
        "How did you fit a transformer inside your latency budget: sequence length, batching, "
        "hardware?",
        "Concrete sequence length, batch size, hardware and the measured p95/p99 at peak load.",
    ),
    (
        "transformer-smaller-model",
        "transformer",
        "defense",
        X,
        BR,
        "Transformers are everyone's default now. Did you check that a much smaller model "
        "would not have done just as well?",
        "An ablation against a lighter baseline and the gain per unit of compute, with the "
        "numbers.",
    ),
    (
        "finetune-vs-prompting",
        "llm_finetune",
        "tradeoffs",
        S,
        ML,
        "Why fine-tune rather than prompt a stronger base model or feed it retrieved context?",
        "An evaluation set, cost per call, latency and data-privacy reasons, with the "
        "prompt-only baseline's score.",
    ),
    (
        "finetune-memorised-eval",
        "llm_finetune",
        "results",
        X,
        BR,
        "How do you know the fine-tuned model did not just memorise your evaluation set?",
        "A held-out split by time or source, a contamination check, and human evaluation "
        "with inter-rater agreement.",
    ),
    (
        "rag-retrieval-vs-generation",
        "rag",
        "architecture",
        S,
        ML,
        "In your retrieval-augmented pipeline, how did you measure retrieval quality "
        "separately from answer quality?",
        "Recall@k on labelled questions, a faithfulness check on answers, and failures "
        "attributed to the stage that caused them.",
    ),
    (
        "rag-nothing-relevant",
        "rag",
        "defense",
        X,
        SRE,
        "When retrieval finds nothing relevant, does the model make something up?",
        "An abstention threshold, citation checks, a measured hallucination rate and the "
        "fallback the user sees.",
    ),
    (
        "distillation-student-loss",
        "distillation",
        "tradeoffs",
        S,
        ML,
        "How much quality did the student lose against the teacher, and on which slices did "
        "it lose most?",
        "Overall delta plus per-slice deltas (language, segment, rare classes) and what was "
        "done about the worst slice.",
    ),
    (
        "distillation-soft-labels",
        "distillation",
        "architecture",
        W,
        ML,
        "What did the teacher give the student that plain labels could not?",
        "Soft targets and dark knowledge, use of unlabelled data, temperature, with a figure "
        "for the gain over training on labels alone.",
    ),
    (
        "quantization-saved-and-lost",
        "quantization",
        "results",
        S,
        SRE,
        "What did quantization save in latency or cost, and what did it take away in accuracy?",
        "Latency or cost before and after, the accuracy delta, and how it was measured.",
    ),
    (
        "quantization-tail-slices",
        "quantization",
        "defense",
        X,
        ML,
        "Quantization damage hides in the tail. Did you check the slices where it hurt most?",
        "Per-slice evaluation, the worst slice's delta, and a mitigation such as "
        "quantization-aware training or keeping sensitive layers in higher precision.",
    ),
    (
        "feature-store-point-in-time",
        "feature_store",
        "architecture",
        S,
        ML,
        "How does your feature store keep future information out of training rows?",
        "As-of joins on event time, a rule like feature time before label time, and a test "
        "or incident that shows it works.",
    ),
    (
        "feature-store-payback",
        "feature_store",
        "defense",
        X,
        BR,
        "A feature store for a team your size sounds over-engineered. What did it pay back?",
        "Skew incidents before and after, iteration time saved, adoption across teams, and a "
        "break-even estimate.",
    ),
    (
        "kafka-delivery-guarantee",
        "kafka",
        "architecture",
        S,
        SRE,
        "Which delivery guarantee did you rely on from the event stream, and what happens to "
        "a duplicate or a lost event?",
        "At-least-once delivery with idempotent consumers or keys, deduplication, and "
        "consumer-lag monitoring with thresholds.",
    ),
    (
        "kafka-lag-at-peak",
        "kafka",
        "defense",
        X,
        SRE,
        "Consumer lag spikes during a traffic peak. What does the user see, and how fast do "
        "you catch up?",
        "Lag alert thresholds, partition and consumer scaling, the staleness users tolerate "
        "and the measured recovery time.",
    ),
    (
        "flink-late-events",
        "flink",
        "architecture",
        S,
        ML,
        "How did you handle late and out-of-order events in Flink? Which watermark did you "
        "pick, and why?",
        "Event-time processing, a watermark delay justified by the measured lateness "
        "distribution, and what happens to events that arrive later still.",
    ),
    (
        "flink-why-not-batch",
        "flink",
        "tradeoffs",
        X,
        SRE,
        "Flink is expensive to run well. Why not a batch job every five minutes?",
        "The freshness the product needs, measured value of fresher features, and the "
        "operating cost of each option.",
    ),
    (
        "spark-full-run",
        "spark",
        "architecture",
        W,
        ML,
        "What did the Spark jobs do, and how long did a full run take?",
        "The job's inputs and outputs, data volume, runtime and how it is scheduled.",
    ),
    (
        "spark-backfill-cost",
        "spark",
        "results",
        S,
        SRE,
        "How did you stop the backfill from blowing the cluster budget? What did one run cost?",
        "Partitioning, incremental runs, cluster sizing, and a cost per run with the total.",
    ),
    (
        "redis-node-failure",
        "redis",
        "architecture",
        S,
        SRE,
        "What happens to serving when a Redis node dies or starts evicting keys under memory "
        "pressure?",
        "Replication and failover time, eviction policy, the fallback when a key is missing "
        "and its effect on quality or latency.",
    ),
    (
        "redis-why-not-existing-db",
        "redis",
        "tradeoffs",
        X,
        BR,
        "Why Redis and not the database you already ran? Show me the numbers that ruled it out.",
        "Latency and throughput measured on both, the cost of running one more system, and "
        "why the gap mattered.",
    ),
    (
        "rules-why-keep-them",
        "rules",
        "tradeoffs",
        S,
        ML,
        "Hand-written rules are brittle. Why keep them next to the model at all?",
        "Rules limited to high-precision cases, measured recall or precision they add, and "
        "the latency they cost.",
    ),
    (
        "rules-who-maintains",
        "rules",
        "defense",
        X,
        BR,
        "Who maintains those rules a year from now, and how would you know they still fire "
        "correctly?",
        "An owner, tests or monitoring on rule hit rates, and a retirement policy for rules "
        "the model has made redundant.",
    ),
    (
        "ab-primary-metric",
        "ab_test",
        "results",
        W,
        PM,
        "What was the primary metric of your experiment, and was it fixed before launch?",
        "A pre-registered primary metric, guardrails, and the minimum effect the test was "
        "powered to detect.",
    ),
    (
        "ab-randomisation-unit",
        "ab_test",
        "results",
        S,
        ML,
        "How was the experiment randomised, and what was the unit: user, session or request?",
        "The unit, why it avoids contamination, a sample-ratio check, and the size of each arm.",
    ),
    (
        "ab-peeking",
        "ab_test",
        "results",
        X,
        BR,
        "How long did the test run, and did anyone look at the results before it ended?",
        "A fixed horizon or a sequential method that allows peeking, and the duration chosen "
        "from a power calculation.",
    ),
    (
        "cuped-covariate",
        "cuped",
        "results",
        S,
        ML,
        "CUPED needs a pre-period covariate. Which one did you use, and how much variance did "
        "it remove?",
        "The covariate (usually the same metric before the test), the variance reduction as a "
        "percentage and the shorter test it allowed.",
    ),
    (
        "cuped-manufactured-win",
        "cuped",
        "defense",
        X,
        BR,
        "Could variance reduction have manufactured your significant result? Convince me it "
        "did not.",
        "Covariate measured strictly before assignment, the unadjusted estimate alongside the "
        "adjusted one, and an A/A check.",
    ),
    (
        "uplift-offline-evaluation",
        "uplift",
        "results",
        S,
        ML,
        "How did you evaluate the uplift model offline when you never see both outcomes for "
        "the same person?",
        "Qini or AUUC on a randomised holdout, calibration of predicted against observed "
        "uplift per bucket.",
    ),
    (
        "uplift-too-noisy",
        "uplift",
        "defense",
        X,
        BR,
        "Uplift estimates are too noisy to act on. Why should anyone trust them?",
        "Randomised data for training or calibration, shrinkage, minimum sample sizes per "
        "segment, and online gains that held across cohorts.",
    ),
    (
        "bandits-exploration-cost",
        "bandits",
        "architecture",
        S,
        ML,
        "How did your bandit balance exploring and exploiting, and what did exploration cost you?",
        "The policy (Thompson sampling, UCB, epsilon), the measured regret or metric cost of "
        "exploring, and how it decays.",
    ),
    (
        "bandits-off-policy",
        "bandits",
        "results",
        X,
        BR,
        "How did you evaluate the bandit offline when the logs only hold the actions the old "
        "policy took?",
        "Off-policy estimators such as inverse propensity scoring, logged propensities, and "
        "an online check of the estimate.",
    ),
    (
        "gpu-utilisation",
        "gpu",
        "tradeoffs",
        S,
        SRE,
        "What GPU utilisation did you actually reach in serving, and was the GPU cheaper than "
        "CPU per request?",
        "Measured utilisation, batch sizes, cost per thousand requests on both, and the "
        "traffic level where one overtakes the other.",
    ),
    (
        "gpu-region-loss",
        "gpu",
        "architecture",
        X,
        SRE,
        "If you lose the GPU pool in one region, what serves the traffic?",
        "Cross-region failover or a CPU fallback model, its quality and latency, and how "
        "quickly it takes over.",
    ),
    (
        "kubernetes-autoscaling",
        "kubernetes",
        "architecture",
        S,
        SRE,
        "How did you set resource requests and autoscaling for the model pods, and what "
        "happens during a cold start?",
        "Requests and limits from profiling, the scaling signal, model load time, and "
        "warm pools or readiness checks.",
    ),
    (
        "kubernetes-needed",
        "kubernetes",
        "tradeoffs",
        X,
        BR,
        "Did this really need Kubernetes? What would a handful of plain VMs have cost you?",
        "An honest comparison of operating cost and the specific capability (autoscaling, "
        "bin-packing, rollout) that justified it.",
    ),
    (
        "microservices-hops",
        "microservices",
        "tradeoffs",
        S,
        SRE,
        "Every service boundary adds a network hop. How many hops, and how much latency did "
        "they add?",
        "A per-hop latency breakdown, retries and timeouts, and what was merged or kept "
        "apart because of it.",
    ),
    (
        "microservices-one-service",
        "microservices",
        "defense",
        X,
        BR,
        "We would have built this as a single service. Why split it?",
        "Independent scaling or release needs with evidence, team ownership boundaries, and "
        "the cost accepted.",
    ),
    (
        "caching-hit-rate",
        "caching",
        "architecture",
        S,
        SRE,
        "What was the cache hit rate, and how did you keep cached results from going stale?",
        "Measured hit rate, TTL or invalidation strategy, and the latency or cost saved.",
    ),
    (
        "caching-stale-scores",
        "caching",
        "defense",
        X,
        ML,
        "Caching model outputs means users see old scores. How old, and did you measure what "
        "that costs?",
        "Staleness distribution, an experiment or estimate of the quality loss, and the TTL "
        "it justified.",
    ),
    (
        "streaming-moved-product",
        "streaming",
        "tradeoffs",
        S,
        PM,
        "Did real-time features move the product metric, or only the dashboards?",
        "An experiment comparing fresh and delayed features with the product metric delta.",
    ),
    (
        "streaming-hourly-instead",
        "streaming",
        "tradeoffs",
        X,
        SRE,
        "What would you lose by computing these features hourly instead of streaming them?",
        "Quantified freshness value against the operating cost and failure modes of the "
        "streaming path.",
    ),
    (
        "batch-between-runs",
        "batch",
        "architecture",
        S,
        ML,
        "Your scores come from a batch job. What does a user who arrives between runs get?",
        "A fallback for new or changed users, the share of traffic affected and the quality "
        "it gets.",
    ),
    (
        "batch-fresh-enough",
        "batch",
        "tradeoffs",
        W,
        PM,
        "Why was batch freshness good enough for this product?",
        "How fast the underlying signal changes, and a measurement that fresher data would "
        "not have paid off.",
    ),
    (
        "embeddings-versioning",
        "embeddings",
        "architecture",
        S,
        ML,
        "After a retrain, how did you stop the index and the model from using different "
        "embedding versions?",
        "Versioned embeddings, atomic index swaps or dual-serving during rollout, and a check "
        "that catches a mismatch.",
    ),
    (
        "calibration-why-it-mattered",
        "calibration",
        "architecture",
        S,
        ML,
        "Why did calibration matter downstream, and how did you measure it?",
        "The consumer of the probabilities (thresholds, auctions, blending), a reliability "
        "curve or expected calibration error before and after.",
    ),
    (
        "rollout-automatic-stop",
        "rollout",
        "defense",
        S,
        SRE,
        "What would have stopped the rollout automatically, and did it ever fire?",
        "Guardrail metrics with thresholds, automated rollback, and a real instance of it "
        "catching a problem.",
    ),
    (
        "active-learning-selection",
        "active_learning",
        "architecture",
        S,
        ML,
        "How did you choose which examples to send for labelling, and how much did each round "
        "improve the model?",
        "The selection strategy, labels per round, the metric gain per round and when it "
        "stopped being worth it.",
    ),
    (
        "imbalance-metric",
        "class_imbalance",
        "results",
        S,
        ML,
        "With classes that skewed, why should I trust accuracy or AUC? Which metric did you "
        "report, at which threshold?",
        "Precision and recall or PR-AUC at the operating threshold, with the base rate and "
        "the cost of each error type.",
    ),
    (
        "linear-baseline-gap",
        "linear_model",
        "tradeoffs",
        W,
        ML,
        "How far behind was the linear baseline, and what did it cost to run?",
        "The metric gap and the cost or latency gap, which together justify the heavier "
        "model (or do not).",
    ),
    (
        "serving-dynamic-batching",
        "model_serving",
        "architecture",
        S,
        SRE,
        "What did dynamic batching in the model server do to tail latency when traffic was low?",
        "The maximum queue delay, batch sizes at low and high traffic, and p99 in both regimes.",
    ),
    (
        "multi-task-interference",
        "multi_task",
        "tradeoffs",
        S,
        ML,
        "Did the tasks in your multi-task model help each other, or did one drag the other down?",
        "Single-task baselines against the multi-task model per task, and how the loss "
        "weights were chosen.",
    ),
    (
        "cold-start-share",
        "cold_start",
        "problem",
        S,
        PM,
        "How many users or items are cold at any moment, and what do they get today?",
        "The share of traffic that is cold, the experience it receives and the metric gap "
        "against warm users.",
    ),
    (
        "gnn-what-graph-added",
        "gnn",
        "tradeoffs",
        X,
        ML,
        "Graph neural networks are hard to serve. What did the graph add over plain features?",
        "An ablation with and without graph features, and the serving cost of the neighbour "
        "lookups.",
    ),
    (
        "privacy-what-you-lost",
        "privacy",
        "problem",
        S,
        PM,
        "Which privacy rules constrained the data, and what could you not use because of them?",
        "The regulation or policy, the features or retention it removed, and the measured "
        "quality cost.",
    ),
    (
        "orchestration-half-failed",
        "orchestration",
        "architecture",
        W,
        SRE,
        "What happens when the nightly pipeline fails halfway? Who gets paged, and what do "
        "users see?",
        "Idempotent, restartable steps, the alert and its owner, and the stale-but-safe "
        "behaviour users get meanwhile.",
    ),
]

# (slug, gap code, section, pressure, persona, question, strong answer)
_WEAKNESS = [
    (
        "empty-problem",
        "empty",
        "problem",
        W,
        PM,
        "You have not told me what problem this solved. In two sentences: who had it, and "
        "what limits did you work under?",
        "The user or business problem, and two or three hard constraints with numbers.",
    ),
    (
        "empty-ownership",
        "empty",
        "ownership",
        W,
        BR,
        "I still do not know what you did on this. What was yours?",
        "First-person scope: what the candidate decided, led and built, and the team size.",
    ),
    (
        "empty-architecture",
        "empty",
        "architecture",
        W,
        ML,
        "Sketch the system for me: what goes in, what comes out, and what sits in between?",
        "The data flow from ingestion to serving with the main components named.",
    ),
    (
        "empty-tradeoffs",
        "empty",
        "tradeoffs",
        W,
        ML,
        "You have not mentioned anything you decided against. What else was on the table?",
        "At least one named alternative with its pros, cons and the figure that decided it.",
    ),
    (
        "empty-results",
        "empty",
        "results",
        W,
        PM,
        "How did it end? What changed after launch?",
        "Outcomes with units and a baseline, and how they were measured.",
    ),
    (
        "empty-defense",
        "empty",
        "defense",
        W,
        BR,
        "Suppose I told you this approach performs poorly. What would you say?",
        "Evidence that answers the objection, and what the candidate would change today.",
    ),
    (
        "constraints-in-numbers",
        "no_constraint_numbers",
        "problem",
        W,
        SRE,
        "What latency, throughput or budget did it have to meet? Give me the numbers.",
        "Each constraint with a number and a unit: p95 in ms, QPS, memory per host, cost, a date.",
    ),
    (
        "constraints-not-adjectives",
        "no_constraint_numbers",
        "problem",
        X,
        SRE,
        "'Fast' and 'scalable' are not constraints. What were the SLO, the peak QPS and the "
        "budget?",
        "Concrete limits with units and where they came from, and which one was tightest.",
    ),
    (
        "results-actual-number",
        "no_numbers",
        "results",
        W,
        PM,
        "What was the actual number?",
        "A figure with a unit for the main outcome, with its baseline.",
    ),
    (
        "results-words-only",
        "no_numbers",
        "results",
        S,
        ML,
        "You described the outcome in words only. What moved, by how much, and in what unit?",
        "Before and after values with units for each claimed improvement.",
    ),
    (
        "results-assume-it-failed",
        "no_numbers",
        "results",
        X,
        BR,
        "Without a number I have to assume it did not work. What did the metric actually do?",
        "A quantified outcome, its baseline and its measurement method, or an honest "
        "statement of why it was not measured.",
    ),
    (
        "results-compared-with-what",
        "no_baseline",
        "results",
        W,
        PM,
        "Compared with what? What was the number before you started?",
        "The baseline value, where it came from and the period it covers.",
    ),
    (
        "results-baseline-owner",
        "no_baseline",
        "results",
        X,
        BR,
        "An improvement needs a starting point. What was the baseline, and who measured it?",
        "The baseline with its unit, measured the same way as the result, ideally a control group.",
    ),
    (
        "results-where-measured",
        "no_measurement",
        "results",
        W,
        PM,
        "Where did that figure come from: an experiment, a dashboard, or an estimate?",
        "The source of the number and the method behind it, in one or two sentences.",
    ),
    (
        "results-how-measured",
        "no_measurement",
        "results",
        S,
        ML,
        "How did you measure that: an A/B test, a before-and-after comparison, or a dashboard?",
        "The method, its duration and sample, and why it isolates the change.",
    ),
    (
        "results-seasonality",
        "no_measurement",
        "results",
        X,
        BR,
        "A before-and-after chart proves nothing with seasonality in the data. How did you "
        "isolate your change?",
        "A randomised control or holdout, or a credible quasi-experiment, with the estimate "
        "it produced.",
    ),
    (
        "results-how-sure",
        "no_variance",
        "results",
        W,
        ML,
        "How sure are you that the gain was not a good week?",
        "The length of the measurement, the metric's usual swing, and a significance check "
        "or a repeat.",
    ),
    (
        "results-confidence",
        "no_variance",
        "results",
        S,
        ML,
        "What was the confidence interval, or at least the normal day-to-day noise of that metric?",
        "An interval or p-value, the sample size, and how the effect compares with normal "
        "variation.",
    ),
    (
        "results-weekly-wobble",
        "no_variance",
        "results",
        X,
        BR,
        "Is that gain bigger than the metric's usual week-to-week wobble? Show me.",
        "The metric's historical variance, the effect size against it, and a significance "
        "test or repeat.",
    ),
    (
        "ownership-we-to-i",
        "only_we",
        "ownership",
        W,
        BR,
        "You keep saying 'we'. Which of those decisions were yours?",
        "One or two decisions in the first person, with the options and the reasoning.",
    ),
    (
        "ownership-own-hands",
        "only_we",
        "ownership",
        S,
        BR,
        "Name one thing you built yourself and one decision you made on your own.",
        "A concrete artefact and a concrete decision, both in the first person, with their effect.",
    ),
    (
        "ownership-name-removed",
        "only_we",
        "ownership",
        X,
        BR,
        "If your name were taken off this project, what would have turned out differently?",
        "A decision or piece of work only the candidate drove, and its measurable effect.",
    ),
    (
        "ownership-helped-with",
        "hedging",
        "ownership",
        S,
        BR,
        "You said you 'helped' and 'were involved'. What exactly did you own?",
        "Plain first-person ownership: the scope, the decisions, the deliverables.",
    ),
    (
        "results-probably",
        "hedging",
        "results",
        S,
        PM,
        "You said it 'probably' helped. Did it, or did it not?",
        "A committed answer backed by a measurement, or an honest 'we did not measure it' "
        "with what they would measure.",
    ),
    (
        "tradeoffs-sounded-unsure",
        "hedging",
        "tradeoffs",
        W,
        ML,
        "You sounded unsure about that comparison. Which part of it do you actually know?",
        "Separates what was measured from what was guessed, and gives the measured part "
        "with its number.",
    ),
    (
        "defense-stand-behind",
        "hedging",
        "defense",
        S,
        BR,
        "Lots of 'I think' in that defence. Which claim would you stand behind with data?",
        "One firm claim with its evidence, and an honest note on what remains uncertain.",
    ),
    (
        "architecture-where-data-goes",
        "no_data_flow",
        "architecture",
        W,
        ML,
        "Where does the data come from, and where does it go next?",
        "The path from the source through features and the model to serving, in order.",
    ),
    (
        "architecture-trace-end-to-end",
        "no_data_flow",
        "architecture",
        X,
        SRE,
        "I cannot see how a prediction reaches a user. Trace it end to end, with the latency "
        "at each hop.",
        "Each stage in order with its latency or throughput, adding up to the end-to-end budget.",
    ),
    (
        "architecture-why-this-piece",
        "no_rationale",
        "architecture",
        W,
        ML,
        "Pick the most important component and tell me why it is there.",
        "The reason for the component, tied to a constraint or a measurement, and what "
        "would break without it.",
    ),
    (
        "architecture-why-not-obvious",
        "no_rationale",
        "architecture",
        S,
        ML,
        "You told me what you built, not why. Why that component instead of the obvious choice?",
        "The reason behind each key choice, tied to a constraint or a measurement.",
    ),
    (
        "architecture-defaults",
        "no_rationale",
        "architecture",
        X,
        BR,
        "Every component here sounds like a default. Which one did you actually choose, and "
        "on what evidence?",
        "One deliberate decision, the alternatives weighed and the data behind it.",
    ),
    (
        "tradeoffs-what-else",
        "no_alternative",
        "tradeoffs",
        W,
        ML,
        "What else did you consider?",
        "At least one real alternative with its strengths and weaknesses.",
    ),
    (
        "tradeoffs-argue-rejected",
        "no_alternative",
        "tradeoffs",
        S,
        ML,
        "If you had to argue for the option you rejected, what would you say?",
        "A fair case for the alternative, then the evidence that still favoured the choice made.",
    ),
    (
        "tradeoffs-no-decision",
        "no_alternative",
        "tradeoffs",
        X,
        BR,
        "No alternatives means no decision was made. Name one option you ruled out and the "
        "data that ruled it out.",
        "A named alternative and a measured comparison (accuracy, latency, cost) that settled it.",
    ),
    (
        "tradeoffs-what-tipped-it",
        "no_comparison",
        "tradeoffs",
        W,
        PM,
        "What tipped the decision away from the alternative you mentioned?",
        "The deciding factor with a figure: accuracy, latency, cost or time to ship.",
    ),
    (
        "tradeoffs-why-it-lost",
        "no_comparison",
        "tradeoffs",
        S,
        ML,
        "You named an alternative but not why it lost. Which number decided it?",
        "A head-to-head figure on the deciding metric and the trade-off accepted.",
    ),
    (
        "tradeoffs-vibes",
        "no_comparison",
        "tradeoffs",
        X,
        BR,
        "That comparison sounds like taste. What did you measure on both options?",
        "The same metric measured on both options under the same conditions, with the result.",
    ),
    (
        "defense-what-showed-it",
        "no_evidence",
        "defense",
        W,
        PM,
        "What did you see in the data that told you this was the right call?",
        "A metric, an experiment or an incident count that supports the decision.",
    ),
    (
        "defense-opinion",
        "no_evidence",
        "defense",
        S,
        ML,
        "That is an opinion. What data backs it up?",
        "An experiment, a measurement or an incident analysis that supports the choice.",
    ),
    (
        "defense-prove-us-wrong",
        "no_evidence",
        "defense",
        X,
        BR,
        "We would not do this. Give me one experiment or metric that says we are wrong.",
        "A specific piece of evidence aimed at the objection, with numbers, plus what it does "
        "not prove.",
    ),
    (
        "defense-change-one-thing",
        "no_hindsight",
        "defense",
        W,
        PM,
        "What one thing would you change if you did it again?",
        "A specific change, the reason, and the effect it would have had.",
    ),
    (
        "defense-least-proud",
        "no_hindsight",
        "defense",
        S,
        BR,
        "Nothing you would change? Tell me the decision you are least proud of.",
        "An honest misstep, its cost, and the lesson applied since.",
    ),
]


def _build() -> tuple[BankEntry, ...]:
    entries = [
        BankEntry(slug, section, pressure, persona, ALWAYS, "", question, strong)
        for slug, section, pressure, persona, question, strong in _ALWAYS
    ]
    entries += [
        BankEntry(slug, section, pressure, persona, TECHNIQUE, trigger, question, strong)
        for slug, trigger, section, pressure, persona, question, strong in _TECHNIQUE
    ]
    entries += [
        BankEntry(slug, section, pressure, persona, WEAKNESS, trigger, question, strong)
        for slug, trigger, section, pressure, persona, question, strong in _WEAKNESS
    ]
    return tuple(entries)


BANK: tuple[BankEntry, ...] = _build()
