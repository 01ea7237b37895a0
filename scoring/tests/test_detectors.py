"""Each detector rewards a claim and ignores the bare keyword."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import detectors as d


def texts(spans):
    return [span.text for span in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("p95 latency stayed at 74 ms", ["74 ms"]),
        ("it had to run in 4 GB per host", ["4 GB"]),
        ("we served 120k QPS at peak", ["120k QPS"]),
        ("watch time rose +3.2% over control", ["+3.2%"]),
        ("it costs about $0.42 per million inferences", ["$0.42"]),
        ("AUC of 0.81 on the holdout", ["AUC of 0.81"]),
        # a share whose verb says what it measures: the cases caught
        ("at the same review load the old rule only flagged sixty-two percent", ["62%"]),
        # storage and bandwidth as they are said aloud
        ("the watch app had to fit in, uh, eight megs", ["8 megs"]),
        ("it ran fine on three-gig tablets", ["3-gig"]),
        # a fraction said as a word, of something named
        ("roughly two-thirds of refunds came from the north", ["two-thirds of refunds"]),
        # a count of the domain's own things, under a thousand
        ("the audit turned up 38 mislabelled pallets", ["38 mislabelled pallets"]),
        ("in the first week 60 tenants hit the new quota", ["60 tenants"]),
    ],
)
def test_numbers_with_units_finds_claims(text, expected):
    assert texts(d.numbers_with_units(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It improved by 20%.",  # a percentage measuring nothing named
        "We shipped it in 2021.",  # a year is not a measurement
        "We had 3 of them in the end.",  # a count of nothing named
        "The shop opens at 6 and shuts at 9 most days.",
        "We moved to INT8 and used p95 as the target.",  # digits inside names
        "There were 3 of them.",
        "It took a quarter of an hour.",  # a span of time, not a share
    ],
)
def test_numbers_with_units_ignores_bare_numbers(text):
    assert d.numbers_with_units(text) == []


@pytest.mark.parametrize(
    "said",
    [
        "The archive held 3,400 scanned contracts.",
        "The archive held 3.4k scanned contracts.",
        "The archive held thirty-four hundred scanned contracts.",
        "Reviewers cleared 25,000 appeals.",
        "Reviewers cleared twenty-five thousand appeals.",
    ],
)
def test_a_count_in_the_thousands_is_a_figure_however_it_is_written_or_said(said):
    assert len(d.numbers_with_units(said)) == 1


def test_span_offsets_point_at_the_text():
    text = "latency fell to 74 ms"
    (span,) = d.numbers_with_units(text)
    assert text[span.start : span.end] == span.text
    assert span.kind == "numbers_with_units"


@pytest.mark.parametrize(
    "text",
    [
        "p95 went from 92 ms to 74 ms",
        "p95 92 ms → 74 ms",
        "iteration cycle 14 days -> 6 days",
        "cost per 1k requests –12%",
        "we cut p95 latency by 18 ms",
        "session length +2.1% vs control",
        "skew incidents from 10/quarter → 2/quarter",
        "MTTR from days to hours",
        # a change verb, then what was counted between the two figures, or "zero" at the end
        "escalations fell from 42 in the spring term to 9 in the autumn term",
        "failed nightly exports went from about 30 a week to 3",
        "duplicate shipments dropped from 11 in the first month to zero",
    ],
)
def test_before_after_finds_changes_with_a_baseline(text):
    assert d.before_after(text)


@pytest.mark.parametrize(
    "text",
    [
        "It improved by 20%.",
        "Latency is 74 ms.",
        "We went from idea to launch quickly.",
        "The workshop ran from 9 to 5 on Fridays.",  # a span of hours is not a change
    ],
)
def test_before_after_ignores_values_without_a_baseline(text):
    assert d.before_after(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "in a two-week A/B test",
        "CUPED cut the variance",
        "against a randomized holdout",
        "measured with a load test at peak traffic",
        "we measured it over four weeks",
        # what was measured named first, then how; a silent run; a comparison group in words
        "I measured dropped calls with the carrier's own logs",
        "after three months in silent mode on two floors",
        "compared with warehouses that had not switched yet",
        # the comparison group and the test named by the units the business runs on
        "against twelve control clinics that kept paper forms",
        "we ran it as a branch-level trial across the county",
    ],
)
def test_measurement_finds_a_method(text):
    assert d.measurement(text)


@pytest.mark.parametrize("text", ["It was much better.", "Users loved it and so did we."])
def test_measurement_ignores_claims_without_a_method(text):
    assert d.measurement(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "significant at p < 0.01",
        "95% CI [0.4, 1.1]",
        "±0.3 pp",
        "a confidence interval of 1 pp",
        "a 90% interval of 1.2 to 3.4 days",
    ],
)
def test_variance_finds_noise_estimates(text):
    assert d.variance(text)


def test_variance_ignores_plain_results():
    assert d.variance("Watch time rose 3.2% in the test.") == []


@pytest.mark.parametrize(
    "text",
    [
        "I chose DLRM over gradient-boosted trees",
        "I decided to quantize the ranker",
        "I personally led the canary rollout",
        "I was responsible for the feature pipeline",
        "My decision was to keep Redis",
    ],
)
def test_decisions_finds_first_person_decisions_with_an_object(text):
    assert d.decisions(text)


@pytest.mark.parametrize(
    "text",
    ["I decided.", "I built it.", "We chose DLRM and we built the pipeline.", "I think so."],
)
def test_decisions_ignores_we_and_objectless_i(text):
    assert d.decisions(text) == []


def test_we_statements_finds_we_and_stays_in_the_sentence():
    assert texts(d.we_statements("We built the pipeline. Then it shipped.")) == [
        "We built the pipeline"
    ]
    assert d.we_statements("I built the pipeline.") == []


@pytest.mark.parametrize(
    "text",
    [
        "We considered XGBoost with engineered crosses",
        "Alternative A: Wide & Deep",
        "instead of a managed vendor",
        "I prototyped a two-layer transformer ranker",
        "rather than per-team pipelines",
        # A path not taken named as the subject of its own figures, decimals included.
        "A gradient-boosted ranker got 0.412 against 0.431 NDCG for ours.",
        "Quantile regression cut interval width by 18% but doubled the training time.",
        # A path not taken said as what it would have done, or as how it looked before it lost.
        "Sharding the database would have bought us a year but tripled the on-call load.",
        "A rules-only matcher looked attractive on paper, but it missed 30% of renamed SKUs.",
        # ... or as what it had going for it, with how it is built, before why it lost
        "Polling every device each minute was simple, and it needed no broker, but it tripled "
        "the battery drain.",
        "Rendering every chart on the server, with a cache per dashboard, gave exact pixels but "
        "took 2.3 seconds a page.",
        "Leaving the cron jobs as they were cost nothing, but two of them overlapped nightly.",
    ],
)
def test_alternatives_finds_named_alternatives(text):
    assert d.alternatives(text)


@pytest.mark.parametrize(
    "text",
    [
        "We considered other options.",
        "We looked at alternatives.",
        "It got better over time.",
        "We compared it to the baseline.",
        # A count of unnamed things is not a name.
        "We weighed several different approaches before settling.",
        "I tried a couple of options first.",
        # The chosen option's own price is not a rival option.
        "Pruning cost us about 0.3 points of recall but halved the index.",
        # A person is not an option.
        "We would have saved a month with more reviewers.",
        # A merit of nothing named.
        "It was simple, but slow.",
    ],
)
def test_alternatives_ignores_unnamed_alternatives(text):
    assert d.alternatives(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "at the cost of 0.1 pp AUC",
        "the trade-off was latency",
        "it was faster but trailed on NDCG",
        "we accepted a small loss",
    ],
)
def test_tradeoff_language_finds_costs(text):
    assert d.tradeoff_language(text)


def test_tradeoff_language_ignores_plain_description():
    assert d.tradeoff_language("The ranker is a DLRM served on CPU.") == []


@pytest.mark.parametrize(
    "text",
    [
        "INT8 because the budget left 50 ms for ranking",
        "a shared feature store so that training and serving agree",
        "CPU inference, which meant no GPU queueing",
        # A purpose said with whoever it serves, written or contracted.
        "a per-shard queue so dispatchers only see their own region's jobs",
        "we cache the menu at the edge so riders load it in one round trip",
        "prices are snapshotted nightly, so they're stable during a campaign",
        # a benefit with a figure is a reason
        "it is partitioned by region so it keeps up with 30k writes a second",
        # a failure the design prevents, or a mechanism it allows, told of what it happens to
        "uploads go through a spool so a flaky scanner never stalls the front desk",
        "each region has its own worker pool so one region's backlog can't crowd out the rest",
        "every import writes a manifest first so a half-finished import can be rolled back",
    ],
)
def test_rationale_finds_reasons_with_content(text):
    assert d.rationale(text)


@pytest.mark.parametrize(
    "text",
    [
        "It worked because.",
        "We have used Kafka since 2019.",
        "Since then, fine.",
        "It was so far so good.",
        # reasons about the telling, not the system
        "Let me back up a little, because the rest only makes sense with the whole picture.",
        "Hold on to that, since it comes back later in the story.",
        "So, since I covered a lot of ground there, here is the short version.",
        # familiarity, convention, a benefit with no mechanism
        "We went with Postgres since everyone else uses it.",
        "The indexer is rebuilt weekly so it doesn't get out of date.",
        # a result said with "so ... that", and a bluff's boast, are not reasons
        "The nightly export got so slow that reports would time out.",
        "We rewrote it in Zig, which is why it's so fast.",
    ],
)
def test_rationale_ignores_empty_reasons(text):
    assert d.rationale(text) == []


def test_consequence_finds_a_choice_justified_by_what_it_removed():
    said = "Orders are batched per courier, which cut map lookups by about a half."
    assert texts(d.consequence(said)) == ["which cut map lookups by about a half"]
    assert d.rationale(said) == []  # a reason for the design, not an explanation of a figure
    assert d.consequence("The batch job cut costs.") == []


@pytest.mark.parametrize(
    "text",
    [
        "ingest -> features -> model -> serving",
        "Events land in Kafka and Flink writes features to Redis",
        "the ranker reads from the feature store",
        # a request's path told with the verbs of the services it passes through
        "each kiosk leases a batch of ticket numbers from the central counter",
        "the worker looks up the customer's tier in a local cache",
        "receipt photos upload in the background over Wi-Fi",
        "readings come out of the monitor into a buffer on the ward server",
    ],
)
def test_data_flow_finds_the_path_of_data(text):
    assert d.data_flow(text)


@pytest.mark.parametrize(
    "text",
    [
        "We used Kafka, Flink and Redis.",
        "MTTR from days → hours",
        "It was a big system.",
        "I'll go through the moving parts in order.",  # the answer's own path, not the data's
    ],
)
def test_data_flow_ignores_component_lists_and_durations(text):
    assert d.data_flow(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "p95 latency ≤ 80 ms",
        "at more than 120k QPS",
        "memory had to stay under 4 GB per host",
        "we had to launch by March",
        "200M comments a day",
        "a budget of $2M",
        # a target stated as what was needed or aimed at
        "the clinic needed 95% of scans read the same day",
        "we were targeting 30% fewer manual checks",
        "aiming for 2 minutes per call",
        # a bound whose figure is the article
        "every backup had to be restorable in under an hour",
    ],
)
def test_constraints_finds_limits_with_numbers(text):
    assert d.constraints(text)


@pytest.mark.parametrize(
    "text",
    [
        "It had to be fast and cheap.",
        "Latency mattered a lot.",
        "Cost: –12%",
        "We needed the whole team to agree.",
    ],
)
def test_constraints_ignores_limits_without_numbers(text):
    assert d.constraints(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "the checkout conversion rate must not get worse",
        "the weekly payroll run could not slip",
        "it could not reject more valid claims than the manual team did",
        "we couldn't let reorder accuracy drop",
    ],
)
def test_constraints_finds_a_limit_said_as_what_must_not_get_worse(text):
    assert d.constraints(text)


def test_constraints_does_not_read_a_plain_outcome_as_a_limit():
    assert d.constraints("Sales did not fall after the launch.") == []


@pytest.mark.parametrize(
    "text", ["I think it was faster", "maybe it helped", "I'm not sure it worked"]
)
def test_hedging_finds_hedges(text):
    assert d.hedging(text)


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, p95 fell from 92 ms to 74 ms.",
        "It basically halved the cost.",
        "To be honest, the holdout settled it.",
    ],
)
def test_hedging_ignores_fillers(text):
    assert d.hedging(text) == []


def test_hedging_ignores_plain_statements():
    assert d.hedging("p95 fell from 92 ms to 74 ms.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In hindsight I would calibrate scores earlier",
        "next time I'd invest in negative sampling",
        "I should have narrowed the scope",
        # A would-clause marked as a change of course, whatever the verb.
        "I'd now freeze the vocabulary before labelling",
        "we would instead deduplicate the queue upstream",
        # ... and with an adverb before "have": "would also have", "would probably have".
        "I would also have tested the fallback path first",
    ],
)
def test_hindsight_finds_reflection(text):
    assert d.hindsight(text)


def test_hindsight_ignores_plain_past():
    assert d.hindsight("We shipped the ranker in May.") == []


def test_detect_all_runs_every_detector():
    found = d.detect_all("I chose DLRM because p95 had to stay under 80 ms.")
    assert set(found) == set(d.DETECTORS)
    assert found["decisions"] and found["rationale"] and found["constraints"]


_CLAIMY_TEXT = st.lists(
    st.sampled_from(
        [
            "I chose",
            "we",
            "from 92 ms to 74 ms",
            "İstanbul",
            "p95",
            "→",
            "because",
            "+3.2%",
            "A/B",
            "maybe",
            "$2M",
            "in hindsight",
            "ß",
            "ﬁ",
            "\n",
            ". ",
            "QPS",
            "vs control",
        ]
    )
    | st.text(max_size=12),
    max_size=30,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), _CLAIMY_TEXT))
def test_every_span_points_at_its_text_whatever_the_input(text):
    for kind, spans in d.detect_all(text).items():
        for span in spans:
            assert text[span.start : span.end] == span.text
            assert span.kind == kind
