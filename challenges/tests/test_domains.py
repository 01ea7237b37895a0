import pytest

from challenges.domains import DOMAIN_KEYS, DOMAINS, domain_evidence, domain_words, find_domains

# Project texts as candidates write them (title, tags, then a few sentences of the sections).
ADS = (
    "Conversion model for sponsored listings. Tags: marketplace, pCVR, calibration. "
    "Sellers on our marketplace pay per click to promote their listings. I rebuilt the model "
    "that predicts conversion after a click, which feeds the auction with the advertiser's bid, "
    "and added a calibration layer per campaign type. eCPM rose 4% in a two-week test."
)
RECSYS = (
    "Home feed ranking for a short-video app. Tags: ranking, watch time. Candidates come from "
    "three retrieval sources; I owned the ranker that orders about 500 of them by predicted "
    "watch time and a diversity pass that limits repeats from one creator."
)
SEARCH = (
    "Product search relevance for a grocery app. Tags: learning to rank, BM25, LambdaMART. "
    "Shoppers typed short, misspelled queries; I added query rewriting and a LambdaMART "
    "re-ranker over the top 200 BM25 results, judged on NDCG@10 from rater labels."
)
TRUST_SAFETY = (
    "Toxic comment detection for a gaming forum. Tags: moderation, NLP. Moderators could not "
    "keep up with reports of harassment in match chat; the classifier hides likely abuse "
    "pending human review, and appeals go to a separate queue."
)
FORECASTING = (
    "Store-level demand forecasting. Tags: time series, LightGBM, retail. Replenishment "
    "orders for 340 stores were planned from last year's sales; I built a weekly forecast "
    "with a quantile loss and a rolling backtest, cutting WAPE from 31% to 24%."
)
LLM = (
    "Help-centre assistant. Tags: LLM, RAG, GPT-4o. Customers asked questions the help "
    "centre already answered; the assistant retrieves articles and answers with citations. "
    "I cut prompt tokens by half and measured hallucinations on 300 labelled questions."
)
PLATFORM = (
    "Shared feature store. Tags: feature platform, Spark, Redis. Six ML teams each kept "
    "their own pipelines; I designed point-in-time joins, backfills with lineage, and "
    "onboarded four teams in two quarters."
)


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        (ADS, "ads"),
        (RECSYS, "recsys"),
        (SEARCH, "search"),
        (TRUST_SAFETY, "trust_safety"),
        (FORECASTING, "forecasting"),
        (LLM, "llm"),
        (PLATFORM, "platform"),
    ],
    ids=lambda value: value if value in DOMAIN_KEYS else "",
)
def test_find_domains_puts_the_project_domain_first(text, domain):
    assert find_domains(text)[0] == domain


@pytest.mark.parametrize(
    "text",
    [
        # Fraud is not ads, and one weak word decides nothing.
        "Card-payment fraud model: gradient-boosted trees on transaction velocity features cut "
        "fraud losses by 12% at the same review volume.",
        "Churn prediction for a meal-kit subscription with XGBoost; the retention team sends "
        "offers to the riskiest 5% of subscribers each week.",
        "Price ingestion: vendors send us a nightly data feed, which we validate and load.",
        "The login service issues short-lived access tokens; I made key rotation prompt.",
        "We searched the logs and found slow queries in PostgreSQL, then added two indexes.",
        "Our spring email campaign reached 2 million subscribers.",
        "Demand for the internal API grew threefold after the mobile launch.",
        # What an app shows on opening is not what it ranks.
        "The banking app drew its home feed from a local cache, so cold start fell to 1.2 "
        "seconds on older phones.",
    ],
)
def test_find_domains_needs_real_evidence(text):
    assert find_domains(text) == ()


def test_fraud_with_chargebacks_is_trust_and_safety_not_ads():
    text = "Fraud model for a payments app: chargebacks fell 18% while declines stayed flat."

    assert find_domains(text) == ("trust_safety",)


def test_a_project_can_sit_in_two_domains_best_evidenced_first():
    text = (
        "Ads ranking for a news app: CTR and CVR models for advertisers' campaigns, bidding "
        "through a second-price auction, with features served from our feature store."
    )

    assert find_domains(text) == ("ads", "platform")


def test_repeating_a_word_adds_no_evidence():
    once = domain_evidence("fraud")
    many = domain_evidence("fraud " * 20)

    assert once == many
    assert find_domains("fraud " * 20) == ()


def test_acronyms_are_case_sensitive():
    assert find_domains("The rag was wet and the gpt tag meant nothing.") == ()
    assert "llm" in find_domains("A RAG pipeline over GPT-4 answers policy questions.")


def test_find_domains_is_cached():
    find_domains.cache_clear()
    find_domains(SEARCH)
    find_domains(SEARCH)

    assert find_domains.cache_info().hits == 1


def test_every_domain_has_a_label_and_aliases():
    assert {domain.key for domain in DOMAINS} == set(DOMAIN_KEYS)
    assert all(d.label and d.projects and d.strong and d.weak for d in DOMAINS)


def test_the_words_that_place_a_project_in_a_domain_are_quoted_as_written():
    text = (
        "Nightly ETL into Snowflake. We moved the Airflow DAGs and the dbt models; "
        "Snowflake costs fell."
    )
    words = domain_words(text, "platform")
    assert 1 <= len(words) <= 2 and len({w.lower() for w in words}) == len(words)
    assert all(word in text for word in words)  # as the candidate wrote them, capitals and all
