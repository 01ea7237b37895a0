"""Challenges asked when the candidate names a technique (keys in ``challenges/techniques.py``)."""

from challenges.bank.entry import BR, ML, PM, SRE, TECHNIQUE, S, W, X, build

# ((slug, technique key, section, pressure, persona, topic), question, key points)
ENTRIES = build(
    TECHNIQUE,
    [
        # Machine learning
        (
            ("gbdt-high-cardinality", "gbdt", "tradeoffs", S, ML, "tradeoff"),
            "You used gradient-boosted trees. How did they cope with high-cardinality IDs, and "
            "where did adding trees stop helping?",
            (
                "How the IDs were fed in: target encoding, hashing or counts",
                "The point where validation loss flattened as trees were added",
                "A measured comparison against a neural model",
            ),
        ),
        (
            ("gbdt-why-not-deep", "gbdt", "architecture", X, BR, "tradeoff"),
            "Boosted trees feel like yesterday's answer. Why not a deep model?",
            (
                "Data size, latency and cost arguments, each with a figure",
                "An experiment where the deep model did not pay for itself",
                "The conditions under which they would switch",
            ),
        ),
        (
            ("two-tower-negatives", "two_tower", "architecture", S, ML, "evaluation"),
            "How did you choose negatives for the two-tower model, and what did in-batch sampling "
            "do to popular items?",
            (
                "In-batch versus mixed or hard negatives, and which was used",
                "A correction for popularity bias, such as logQ",
                "Recall@K before and after the change",
            ),
        ),
        (
            ("two-tower-no-crosses", "two_tower", "tradeoffs", X, BR, "tradeoff"),
            "A two-tower model never sees user and item features together. Why was that "
            "acceptable?",
            (
                "Retrieval only has to shortlist; the ranker recovers the feature crosses",
                "Recall@K of the retriever, as a figure",
                "The cost of feature crosses at retrieval scale",
            ),
        ),
        (
            ("ann-recall-vs-exact", "ann", "architecture", S, SRE, "tradeoff"),
            "An approximate index trades recall for speed. What recall did you measure against "
            "exact search, and at what latency?",
            (
                "Recall@K against brute-force search on a sample",
                "The parameter sweep behind the chosen setting",
                "p99 latency at that setting, and the rebuild cadence",
            ),
        ),
        (
            ("ann-stale-index", "ann", "defense", X, ML, "drift"),
            "How stale can the index get before new items simply never get retrieved?",
            (
                "The rebuild or incremental insert frequency",
                "A freshness metric for the index, with its value",
                "The path that gives new items exposure before they are indexed",
            ),
        ),
        (
            ("dlrm-what-it-bought", "dlrm", "tradeoffs", S, ML, "offline_online"),
            "What did DLRM buy you over a simpler ranker, offline and online?",
            (
                "The offline AUC or NDCG delta over the simpler ranker",
                "The online metric delta over the simpler ranker",
                "The serving cost of the bigger model",
            ),
        ),
        (
            ("dlrm-embedding-memory", "dlrm", "architecture", X, SRE, "scale"),
            "DLRM embedding tables grow without limit. How did you stay under the memory you had "
            "per host?",
            (
                "Hashing, frequency thresholds, lower precision or sharding",
                "Gigabytes per host before and after",
                "The quality cost of the reduction",
            ),
        ),
        (
            ("transformer-fit-budget", "transformer", "architecture", S, SRE, "latency_budget"),
            "How did you fit a transformer inside your latency budget: sequence length, batching, "
            "hardware?",
            (
                "Concrete sequence length, batch size and hardware",
                "The measured p95 or p99 at peak load",
            ),
        ),
        (
            ("transformer-smaller-model", "transformer", "defense", X, BR, "baseline"),
            "Transformers are everyone's default now. Did you check that a much smaller model "
            "would not have done just as well?",
            (
                "An ablation against a lighter baseline",
                "The gain per unit of compute, with the numbers",
            ),
        ),
        (
            ("finetune-vs-prompting", "llm_finetune", "tradeoffs", S, ML, "tradeoff"),
            "Why fine-tune rather than prompt a stronger base model or feed it retrieved context?",
            (
                "The prompt-only baseline's score on the same evaluation set",
                "Cost per call and latency for each option",
                "Any data-privacy reason that ruled an option out",
            ),
        ),
        (
            ("finetune-memorised-eval", "llm_finetune", "results", X, BR, "evaluation"),
            "How do you know the fine-tuned model did not just memorise your evaluation set?",
            (
                "A held-out split by time or source",
                "A contamination check between training and evaluation data",
                "Human evaluation with inter-rater agreement",
            ),
        ),
        (
            ("rag-retrieval-vs-generation", "rag", "architecture", S, ML, "evaluation"),
            "In your retrieval-augmented pipeline, how did you measure retrieval quality "
            "separately from answer quality?",
            (
                "Recall@k of retrieval on labelled questions",
                "A faithfulness check of answers against the retrieved passages",
                "Failures attributed to the stage that caused them, with counts",
            ),
        ),
        (
            ("rag-nothing-relevant", "rag", "defense", X, SRE, "quality"),
            "When retrieval finds nothing relevant, does the model make something up?",
            (
                "An abstention threshold or an 'I don't know' path",
                "Citation checks and a measured hallucination rate",
                "The fallback the user sees when it abstains",
            ),
        ),
        (
            ("distillation-student-loss", "distillation", "tradeoffs", S, ML, "fairness"),
            "How much quality did the student lose against the teacher, and on which slices did "
            "it lose most?",
            (
                "The overall quality delta between student and teacher",
                "Per-slice deltas: language, segment or rare classes",
                "What was done about the worst slice",
            ),
        ),
        (
            ("distillation-soft-labels", "distillation", "architecture", W, ML, ""),
            "What did the teacher give the student that plain labels could not?",
            (
                "Soft targets that carry the teacher's relative confidences",
                "Use of unlabelled data labelled by the teacher, and the temperature used",
                "A figure for the gain over training on hard labels alone",
            ),
        ),
        (
            ("quantization-saved-and-lost", "quantization", "results", S, SRE, "tradeoff"),
            "What did quantization save in latency or cost, and what did it take away in accuracy?",
            (
                "Latency or cost before and after quantization",
                "The accuracy delta, and how it was measured",
            ),
        ),
        (
            ("quantization-tail-slices", "quantization", "defense", X, ML, "fairness"),
            "Quantization damage hides in the tail. Did you check the slices where it hurt most?",
            (
                "A per-slice evaluation after quantization",
                "The worst slice's delta, as a figure",
                "A mitigation: quantization-aware training or sensitive layers kept in higher "
                "precision",
            ),
        ),
        (
            ("feature-store-point-in-time", "feature_store", "architecture", S, ML, "leakage"),
            "How does your feature store keep future information out of training rows?",
            (
                "As-of joins on event time",
                "A rule such as feature time strictly before label time",
                "A test or an incident that shows the rule works",
            ),
        ),
        (
            ("feature-store-payback", "feature_store", "defense", X, BR, "cost"),
            "A feature store for a team your size sounds over-engineered. What did it pay back?",
            (
                "Skew incidents before and after, as counts",
                "Iteration time saved and adoption across teams",
                "A break-even estimate against the cost of running it",
            ),
        ),
        (
            ("rules-why-keep-them", "rules", "tradeoffs", S, ML, "tradeoff"),
            "Hand-written rules are brittle. Why keep them next to the model at all?",
            (
                "Rules limited to high-precision cases",
                "The recall or precision the rules add, measured",
                "The latency the rules cost",
            ),
        ),
        (
            ("rules-who-maintains", "rules", "defense", X, BR, "oncall"),
            "Who maintains those rules a year from now, and how would you know they still fire "
            "correctly?",
            (
                "A named owner for the rules",
                "Tests or monitoring on rule hit rates",
                "A policy for retiring rules the model has made redundant",
            ),
        ),
        (
            ("ab-primary-metric", "ab_test", "results", W, PM, "significance"),
            "What was the primary metric of your experiment, and was it fixed before launch?",
            (
                "A primary metric registered before launch",
                "The guardrail metrics",
                "The minimum effect the test was powered to detect",
            ),
        ),
        (
            ("ab-randomisation-unit", "ab_test", "results", S, ML, "interference"),
            "How was the experiment randomised, and what was the unit: user, session or request?",
            (
                "The randomisation unit and why it avoids contamination",
                "A sample-ratio check",
                "The size of each arm",
            ),
        ),
        (
            ("ab-peeking", "ab_test", "results", X, BR, "significance"),
            "How long did the test run, and did anyone look at the results before it ended?",
            (
                "A fixed horizon, or a sequential method that allows peeking",
                "The duration, chosen from a power calculation",
            ),
        ),
        (
            ("cuped-covariate", "cuped", "results", S, ML, "significance"),
            "CUPED needs a pre-period covariate. Which one did you use, and how much variance did "
            "it remove?",
            (
                "The covariate, usually the same metric before the test",
                "The variance reduction as a percentage",
                "The shorter test that the reduction allowed",
            ),
        ),
        (
            ("cuped-manufactured-win", "cuped", "defense", X, BR, "significance"),
            "Could variance reduction have manufactured your significant result? Convince me it "
            "did not.",
            (
                "The covariate was measured strictly before assignment",
                "The unadjusted estimate reported alongside the adjusted one",
                "An A/A check on the same pipeline",
            ),
        ),
        (
            ("uplift-offline-evaluation", "uplift", "results", S, ML, "evaluation"),
            "How did you evaluate the uplift model offline when you never see both outcomes for "
            "the same person?",
            (
                "Qini or AUUC computed on a randomised holdout",
                "Predicted against observed uplift, compared per bucket",
            ),
        ),
        (
            ("uplift-too-noisy", "uplift", "defense", X, BR, "causality"),
            "Uplift estimates are too noisy to act on. Why should anyone trust them?",
            (
                "Randomised data used for training or calibration",
                "Shrinkage and minimum sample sizes per segment",
                "Online gains that held across cohorts",
            ),
        ),
        (
            ("bandits-exploration-cost", "bandits", "architecture", S, ML, "tradeoff"),
            "How did your bandit balance exploring and exploiting, and what did exploration cost "
            "you?",
            (
                "The policy: Thompson sampling, UCB or epsilon-greedy",
                "The measured regret or metric cost of exploring",
                "How exploration decays over time",
            ),
        ),
        (
            ("bandits-off-policy", "bandits", "results", X, BR, "position_bias"),
            "How did you evaluate the bandit offline when the logs only hold the actions the old "
            "policy took?",
            (
                "An off-policy estimator such as inverse propensity scoring",
                "Propensities logged at decision time",
                "An online check of the offline estimate",
            ),
        ),
        (
            ("embeddings-versioning", "embeddings", "architecture", S, ML, "oncall"),
            "After a retrain, how did you stop the index and the model from using different "
            "embedding versions?",
            (
                "Versioned embeddings",
                "Atomic index swaps, or serving both versions during the rollout",
                "A check that catches a version mismatch",
            ),
        ),
        (
            ("calibration-why-it-mattered", "calibration", "architecture", S, ML, "quality"),
            "Why did calibration matter downstream, and how did you measure it?",
            (
                "The consumer of the probabilities: thresholds, auctions or blending",
                "A reliability curve or expected calibration error, before and after",
            ),
        ),
        (
            ("active-learning-selection", "active_learning", "architecture", S, ML, "evaluation"),
            "How did you choose which examples to send for labelling, and how much did each round "
            "improve the model?",
            (
                "The selection strategy and the labels per round",
                "The metric gain per round",
                "When further rounds stopped being worth it",
            ),
        ),
        (
            ("imbalance-metric", "class_imbalance", "results", S, ML, "evaluation"),
            "With classes that skewed, why should I trust accuracy or AUC? Which metric did you "
            "report, at which threshold?",
            (
                "Precision and recall, or PR-AUC, at the operating threshold",
                "The base rate of the positive class",
                "The cost of each type of error",
            ),
        ),
        (
            ("linear-baseline-gap", "linear_model", "tradeoffs", W, ML, "baseline"),
            "How far behind was the linear baseline, and what did it cost to run?",
            (
                "The metric gap between the linear baseline and the chosen model",
                "The cost or latency gap between them",
            ),
        ),
        (
            ("multi-task-interference", "multi_task", "tradeoffs", S, ML, "tradeoff"),
            "Did the tasks in your multi-task model help each other, or did one drag the other "
            "down?",
            (
                "Single-task baselines against the multi-task model, per task",
                "How the loss weights were chosen",
            ),
        ),
        (
            ("cold-start-share", "cold_start", "problem", S, PM, "fairness"),
            "How many users or items are cold at any moment, and what do they get today?",
            (
                "The share of traffic that is cold",
                "The experience cold users or items receive",
                "The metric gap against warm users or items",
            ),
        ),
        (
            ("gnn-what-graph-added", "gnn", "tradeoffs", X, ML, "tradeoff"),
            "Graph neural networks are hard to serve. What did the graph add over plain features?",
            (
                "An ablation with and without the graph features",
                "The serving cost of the neighbour lookups",
            ),
        ),
        # Systems
        (
            ("kafka-delivery-guarantee", "kafka", "architecture", S, SRE, "quality"),
            "Which delivery guarantee did you rely on from the event stream, and what happens to "
            "a duplicate or a lost event?",
            (
                "At-least-once delivery with idempotent consumers or keys",
                "How duplicates are removed",
                "Consumer-lag monitoring with thresholds",
            ),
        ),
        (
            ("kafka-lag-at-peak", "kafka", "defense", X, SRE, "oncall"),
            "Consumer lag spikes during a traffic peak. What does the user see, and how fast do "
            "you catch up?",
            (
                "Lag alert thresholds",
                "Partition and consumer scaling",
                "The staleness users tolerate, and the measured recovery time",
            ),
        ),
        (
            ("flink-late-events", "flink", "architecture", S, ML, "quality"),
            "How did you handle late and out-of-order events in Flink? Which watermark did you "
            "pick, and why?",
            (
                "Event-time processing",
                "A watermark delay justified by the measured lateness distribution",
                "What happens to events that arrive later still",
            ),
        ),
        (
            ("flink-why-not-batch", "flink", "tradeoffs", X, SRE, "cost"),
            "Flink is expensive to run well. Why not a batch job every five minutes?",
            (
                "The freshness the product needs",
                "The measured value of fresher features",
                "The operating cost of each option",
            ),
        ),
        (
            ("spark-full-run", "spark", "architecture", W, ML, "scale"),
            "What did the Spark jobs do, and how long did a full run take?",
            (
                "The job's inputs and outputs",
                "The data volume and the runtime of a full run",
                "How the job is scheduled",
            ),
        ),
        (
            ("spark-backfill-cost", "spark", "results", S, SRE, "cost"),
            "How did you stop the backfill from blowing the cluster budget? What did one run cost?",
            (
                "Partitioning, incremental runs and cluster sizing",
                "A cost per run, and the total",
            ),
        ),
        (
            ("redis-node-failure", "redis", "architecture", S, SRE, "oncall"),
            "What happens to serving when a Redis node dies or starts evicting keys under memory "
            "pressure?",
            (
                "Replication and the failover time",
                "The eviction policy, and why it fits the keys",
                "The fallback when a key is missing, and its effect on quality or latency",
            ),
        ),
        (
            ("redis-why-not-existing-db", "redis", "tradeoffs", X, BR, "tradeoff"),
            "Why Redis and not the database you already ran? Show me the numbers that ruled it "
            "out.",
            (
                "Latency and throughput measured on both",
                "The cost of running one more system",
                "Why the measured gap mattered for the product",
            ),
        ),
        (
            ("gpu-utilisation", "gpu", "tradeoffs", S, SRE, "cost"),
            "What GPU utilisation did you actually reach in serving, and was the GPU cheaper than "
            "CPU per request?",
            (
                "Measured GPU utilisation and batch sizes",
                "Cost per thousand requests on GPU and on CPU",
                "The traffic level where one overtakes the other",
            ),
        ),
        (
            ("gpu-region-loss", "gpu", "architecture", X, SRE, "oncall"),
            "If you lose the GPU pool in one region, what serves the traffic?",
            (
                "Cross-region failover or a CPU fallback model",
                "The fallback's quality and latency",
                "How quickly the fallback takes over",
            ),
        ),
        (
            ("kubernetes-autoscaling", "kubernetes", "architecture", S, SRE, "scale"),
            "How did you set resource requests and autoscaling for the model pods, and what "
            "happens during a cold start?",
            (
                "Requests and limits set from profiling",
                "The autoscaling signal",
                "The model load time, and warm pools or readiness checks",
            ),
        ),
        (
            ("kubernetes-needed", "kubernetes", "tradeoffs", X, BR, "cost"),
            "Did this really need Kubernetes? What would a handful of plain VMs have cost you?",
            (
                "An honest comparison of operating cost",
                "The capability that justified it: autoscaling, bin-packing or rollouts",
            ),
        ),
        (
            ("microservices-hops", "microservices", "tradeoffs", S, SRE, "latency_budget"),
            "Every service boundary adds a network hop. How many hops, and how much latency did "
            "they add?",
            (
                "A per-hop latency breakdown",
                "Retries and timeouts on each hop",
                "What was merged or kept apart because of it",
            ),
        ),
        (
            ("microservices-one-service", "microservices", "defense", X, BR, "tradeoff"),
            "We would have built this as a single service. Why split it?",
            (
                "Independent scaling or release needs, with evidence",
                "Team ownership boundaries",
                "The cost accepted for the split",
            ),
        ),
        (
            ("caching-hit-rate", "caching", "architecture", S, SRE, "latency_budget"),
            "What was the cache hit rate, and how did you keep cached results from going stale?",
            (
                "The measured hit rate",
                "The TTL or invalidation strategy",
                "The latency or cost the cache saved",
            ),
        ),
        (
            ("caching-stale-scores", "caching", "defense", X, ML, "quality"),
            "Caching model outputs means users see old scores. How old, and did you measure what "
            "that costs?",
            (
                "The distribution of score staleness",
                "An experiment or estimate of the quality loss",
                "The TTL that loss justified",
            ),
        ),
        (
            ("streaming-moved-product", "streaming", "tradeoffs", S, PM, "offline_online"),
            "Did real-time features move the product metric, or only the dashboards?",
            (
                "An experiment comparing fresh and delayed features",
                "The product metric delta from that experiment",
            ),
        ),
        (
            ("streaming-hourly-instead", "streaming", "tradeoffs", X, SRE, "cost"),
            "What would you lose by computing these features hourly instead of streaming them?",
            (
                "The value of freshness, quantified",
                "The operating cost and failure modes of the streaming path",
            ),
        ),
        (
            ("batch-between-runs", "batch", "architecture", S, ML, "quality"),
            "Your scores come from a batch job. What does anything new between two runs get (a "
            "new user, item or store), and how old can a score be by the time it is used?",
            (
                "A fallback for whatever is new or changed since the last run",
                "The share of traffic or decisions it affects",
                "The age of a score when it is used, and what that costs in quality",
            ),
        ),
        (
            ("batch-fresh-enough", "batch", "tradeoffs", W, PM, "tradeoff"),
            "Why was batch freshness good enough for this product?",
            (
                "How fast the underlying signal changes",
                "A measurement showing fresher data would not have paid off",
            ),
        ),
        (
            ("serving-dynamic-batching", "model_serving", "architecture", S, SRE, "latency_budget"),
            "What did dynamic batching in the model server do to tail latency when traffic was "
            "low?",
            (
                "The maximum queue delay",
                "Batch sizes at low and at high traffic",
                "p99 latency in both regimes",
            ),
        ),
        (
            ("rollout-automatic-stop", "rollout", "defense", S, SRE, "oncall"),
            "What would have stopped the rollout automatically, and did it ever fire?",
            (
                "Guardrail metrics with thresholds",
                "An automated rollback when a guardrail trips",
                "A real instance of it catching a problem",
            ),
        ),
        (
            ("orchestration-half-failed", "orchestration", "architecture", W, SRE, "oncall"),
            "What happens when the nightly pipeline fails halfway? Who gets paged, and what do "
            "users see?",
            (
                "Idempotent, restartable steps",
                "The alert and its owner",
                "The stale-but-safe behaviour users get meanwhile",
            ),
        ),
        (
            ("privacy-what-you-lost", "privacy", "problem", S, PM, "tradeoff"),
            "Which privacy rules constrained the data, and what could you not use because of them?",
            (
                "The regulation or policy that applied",
                "The features or retention it removed",
                "The measured quality cost",
            ),
        ),
    ],
)
