"""Techniques and components a candidate can name, each with the aliases that betray it.

A technique-triggered challenge fires when any alias matches the candidate's text; the
claim ledger lists the same matches as "named choices". Aliases are regular expressions
matched case-insensitively on word boundaries; an alias wrapped in ``(?-i:...)`` is
case-sensitive so that acronyms ("ANN", "RAG") do not match ordinary words.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple


@dataclass(frozen=True)
class Technique:
    key: str
    label: str
    domain: str  # "ml" or "systems"
    aliases: tuple[str, ...]


class TechniqueHit(NamedTuple):
    technique: str
    start: int
    end: int
    text: str


# Users or items with no history yet, said with who or what is new, not an app or a server
# starting up ("a cold start of 3.8 seconds", "I measured cold start on real phones").
COLD_START = (
    r"cold[- ]start(?=[^.]{0,50}\b(?:users?|items?|products?|listings?|sellers?|creators?"
    r"|shows?|episodes?|songs?|videos?|articles?|new|history|histories|problem|embeddings?"
    r"|popular\w*|priors?)\b)"
    r"|(?:users?|items?|new[- ]\w+) cold[- ]start"
)

TECHNIQUES: tuple[Technique, ...] = (
    # Machine learning
    Technique(
        "gbdt",
        "Gradient-boosted trees",
        "ml",
        (
            r"gradient[- ]boost(?:ed|ing)?(?: (?:decision )?trees?)?",
            r"xgboost",
            r"lightgbm",
            r"catboost",
            r"gbdts?",
            r"gbms?",
        ),
    ),
    Technique(
        "two_tower",
        "Two-tower retrieval",
        "ml",
        (r"two[- ]towers?(?: model| retrieval)?", r"dual[- ]encoders?"),
    ),
    Technique(
        "ann",
        "Approximate nearest-neighbour index",
        "ml",
        (
            r"(?-i:ANN)",
            r"approximate nearest[- ]neighbou?rs?",
            r"scann",
            r"faiss",
            r"hnsw",
            r"annoy",
            r"vector (?:index|database|db|search)",
        ),
    ),
    Technique("dlrm", "DLRM", "ml", (r"dlrm", r"deep learning recommendation model")),
    Technique(
        "transformer",
        "Transformers",
        "ml",
        (
            r"transformers?(?: ranker| model| encoder)?",
            r"bert",
            r"mbert",
            r"self[- ]attention",
            # a checkpoint someone else distilled is a transformer you used, not distillation
            r"distilbert",
            r"tinybert",
        ),
    ),
    Technique(
        "llm_finetune",
        "LLM fine-tuning",
        "ml",
        (
            r"fine[- ]?tun(?:e|ed|ing)",
            r"lora",
            r"qlora",
            r"peft",
            r"instruction[- ]tun(?:ed|ing)",
            r"(?-i:SFT)",
        ),
    ),
    Technique(
        "rag",
        "Retrieval-augmented generation",
        "ml",
        (r"(?-i:RAG)", r"retrieval[- ]augmented(?: generation)?"),
    ),
    Technique(
        "distillation",
        "Distillation",
        "ml",
        (r"distill(?:ed|ation|ing)?", r"teacher[- –]student"),
    ),
    Technique(
        "quantization",
        "Quantization",
        "ml",
        (r"quanti[sz](?:e|ed|ation|ing)", r"int8", r"int4", r"fp8", r"(?-i:QAT)"),
    ),
    Technique(
        "feature_store",
        "Feature store",
        "ml",
        (r"feature stores?", r"feast", r"tecton", r"point[- ]in[- ]time joins?"),
    ),
    Technique(
        "rules",
        "Rules and lexicons",
        "ml",
        (
            r"rules?[- ]based",
            r"hand[- ](?:written|crafted) rules",
            r"lexicons?",
            r"regex(?:es)?",
            r"block ?lists?",
            r"keyword lists?",
        ),
    ),
    Technique(
        "ab_test",
        "A/B testing",
        "ml",
        (
            r"a/b(?: tests?| testing| experiments?)?",
            r"ab tests?",
            r"online experiments?",
            r"randomi[sz]ed (?:controlled )?(?:trial|experiment|test)s?",
            r"split tests?",
            r"holdouts?",
        ),
    ),
    Technique("cuped", "CUPED", "ml", (r"cuped", r"variance reduction")),
    Technique(
        "uplift",
        "Uplift modelling",
        "ml",
        (
            r"uplift",
            r"t-learner",
            r"s-learner",
            r"x-learner",
            r"heterogeneous treatment effects?",
            r"(?-i:CATE)",
        ),
    ),
    Technique(
        "bandits",
        "Bandits",
        "ml",
        (
            r"bandits?",
            r"thompson sampling",
            r"(?-i:UCB)",
            r"explore[- /]exploit",
        ),
    ),
    Technique(
        "embeddings",
        "Embeddings",
        "ml",
        (r"embeddings?", r"word2vec", r"item2vec"),
    ),
    Technique(
        "calibration",
        "Calibration",
        "ml",
        (r"calibrat(?:e|ed|ion)", r"isotonic", r"platt scaling", r"temperature scaling"),
    ),
    Technique(
        "active_learning",
        "Active learning",
        "ml",
        (r"active learning", r"uncertainty sampling", r"labell?ing (?:loop|sprints?|queue)"),
    ),
    Technique(
        "class_imbalance",
        "Class imbalance",
        "ml",
        (
            r"class imbalance",
            r"imbalanced (?:classes|data)",
            r"focal loss",
            r"over[- ]?sampl(?:e|ed|ing)",
            r"under[- ]?sampl(?:e|ed|ing)",
            r"smote",
        ),
    ),
    Technique(
        "linear_model",
        "Linear models",
        "ml",
        (r"logistic regression", r"linear models?", r"tf-?idf"),
    ),
    Technique(
        "multi_task",
        "Multi-task learning",
        "ml",
        (r"multi[- ]task(?: learning| model)?", r"(?-i:MMoE)", r"multi[- ]objective"),
    ),
    Technique("gnn", "Graph neural networks", "ml", (r"(?-i:GNNs?)", r"graph neural networks?")),
    Technique("cold_start", "Cold start", "ml", (COLD_START,)),
    # Systems
    Technique(
        "kafka",
        "Kafka and event streams",
        "systems",
        (r"kafka", r"kinesis", r"pub/?sub", r"event bus"),
    ),
    Technique("flink", "Flink", "systems", (r"flink",)),
    Technique("spark", "Spark", "systems", (r"spark", r"pyspark", r"databricks")),
    Technique("redis", "Redis", "systems", (r"redis", r"memcached?")),
    Technique(
        "gpu",
        "GPUs",
        "systems",
        (r"gpus?", r"cuda", r"tensorrt", r"a100s?", r"h100s?", r"(?-i:TPUs?)"),
    ),
    Technique(
        "kubernetes",
        "Kubernetes",
        "systems",
        (r"kubernetes", r"k8s", r"helm charts?", r"(?-i:EKS|GKE|AKS)"),
    ),
    Technique(
        "microservices",
        "Microservices",
        "systems",
        (r"micro[- ]?services?", r"service mesh"),
    ),
    Technique(
        "caching",
        "Caching",
        "systems",
        (r"cach(?:e|es|ed|ing)", r"(?-i:CDN)"),
    ),
    Technique(
        "streaming",
        "Streaming pipelines",
        "systems",
        (
            # Stream processing, not streamed media or a streaming model ("our streaming app",
            # "a streaming Conformer").
            r"stream(?:ing)? (?:pipelines?|processing|jobs?|features?|ingestion|data|events?"
            r"|aggregat\w+|joins?)",
            r"real[- ]time (?:pipelines?|features?|processing|streams?)",
            r"micro[- ]batch(?:es|ing)?",
        ),
    ),
    Technique(
        "batch",
        "Batch pipelines",
        "systems",
        (
            r"nightly (?:batch|jobs?|runs?)",
            r"daily (?:batch|jobs?|runs?)",
            r"hourly (?:batch|jobs?|runs?)",
            r"batch (?:jobs?|pipelines?|scoring|inference|predictions?)",
            r"precomput(?:e|ed|ing)",
        ),
    ),
    Technique(
        "model_serving",
        "Model servers",
        "systems",
        (
            r"onnx(?: runtime)?",
            r"triton",
            r"torchserve",
            r"tf serving",
            r"dynamic batching",
        ),
    ),
    Technique(
        "rollout",
        "Canaries and staged rollouts",
        "systems",
        (
            r"canar(?:y|ies)",
            r"shadow (?:mode|traffic|deployment)",
            r"staged rollouts?",
            r"ramp(?:ed)? up",
        ),
    ),
    Technique(
        "orchestration",
        "Pipeline orchestration",
        "systems",
        (r"airflow", r"dagster", r"prefect", r"kubeflow(?: pipelines)?"),
    ),
    Technique(
        "privacy",
        "Privacy constraints",
        "systems",
        (r"gdpr", r"(?-i:PII)", r"differential privacy", r"federated(?: learning)?", r"ccpa"),
    ),
)

TECHNIQUE_BY_KEY: dict[str, Technique] = {technique.key: technique for technique in TECHNIQUES}
TECHNIQUE_CHOICES: list[tuple[str, str]] = [(t.key, t.label) for t in TECHNIQUES]


_METACHARACTERS = set("[](){}?*+|\\.^$")


def literal_prefix(alias: str) -> str:
    """The literal text every match of ``alias`` starts with, lower-cased ("" if none: also
    when a choice follows it, as in "(?-i:EKS|GKE)" or "autocomplete|typeahead")."""
    alias = alias.removeprefix("(?-i:")
    prefix = ""
    for char in alias:
        if char in _METACHARACTERS:
            if char == "|":
                return ""
            break
        prefix += char
    return prefix.lower() if len(prefix) >= 2 else ""


# Scanning for every technique is the engine's hottest loop, so a technique's pattern runs
# only when one of its literal prefixes occurs in the text (a plain substring test).
_PATTERNS: dict[str, re.Pattern] = {
    technique.key: re.compile(
        r"\b(?:" + "|".join(f"(?:{alias})" for alias in technique.aliases) + r")\b",
        re.IGNORECASE,
    )
    for technique in TECHNIQUES
}
_NEEDLES: tuple[tuple[str, str], ...] = tuple(
    (literal_prefix(alias), technique.key)
    for technique in TECHNIQUES
    for alias in technique.aliases
)


@lru_cache(maxsize=4096)
def find_techniques(text: str) -> tuple[TechniqueHit, ...]:
    """Every mention of a known technique in ``text``, in reading order."""
    lowered = text.lower()
    candidates = {key for needle, key in _NEEDLES if needle in lowered}
    hits = [
        TechniqueHit(key, match.start(), match.end(), match.group(0))
        for key in candidates
        for match in _PATTERNS[key].finditer(text)
    ]
    return tuple(sorted(hits, key=lambda hit: (hit.start, hit.technique)))


def named_techniques(text: str) -> set[str]:
    """The keys of the techniques ``text`` names at least once."""
    return {hit.technique for hit in find_techniques(text)}
