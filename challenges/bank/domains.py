"""Domain packs: challenges asked of projects in one domain (keys in ``challenges/domains.py``),
about the mechanisms that domain's interviewers know fail."""

from challenges.bank.entry import BR, DOMAIN, ML, PM, SRE, S, W, X, build

# ((slug, domain key, section, pressure, persona, topic), question, key points)
ENTRIES = build(
    DOMAIN,
    [
        # Ads
        (
            ("ads-calibration-prices", "ads", "architecture", S, ML, "quality"),
            "In an auction a predicted click rate is multiplied into the bid. How well calibrated "
            "were your predictions for new advertisers, and who pays when they run 10% high?",
            (
                "Calibration measured by segment: a reliability curve or predicted/observed ratio",
                "The effect of over-prediction: advertisers overcharged or the wrong ads winning",
                "A calibration layer or correction, and the ratio after it",
            ),
        ),
        (
            ("ads-shared-budgets", "ads", "results", X, BR, "interference"),
            "Treatment and control spend from the same advertiser budgets. How do you know the "
            "treatment did not simply win budget that control would have spent?",
            (
                "Recognises budget interference between the experiment's arms",
                "A budget-split or advertiser-level design that removes it",
                "The revenue effect under that design, next to the naive estimate",
            ),
        ),
        (
            ("ads-whose-side", "ads", "problem", W, PM, "tradeoff"),
            "Who was this for: users, advertisers or the platform's revenue? When they pulled in "
            "different directions, which won?",
            (
                "Names the objective, and the constraints protecting the other parties",
                "A user guardrail, such as ad load or ad quality, with its value",
                "An example where a revenue gain was given up",
            ),
        ),
        (
            ("ads-late-conversions", "ads", "architecture", X, ML, "label_delay"),
            "Conversions can land days after the click. When you trained, how did the conversion "
            "model treat a click whose conversion had not arrived yet?",
            (
                "The attribution window, and the share of conversions that arrive late",
                "The handling: delayed-feedback modelling, waiting, or importance weights",
                "The bias measured in predicted conversion rate on the most recent days",
            ),
        ),
        (
            ("ads-candidates-before-render", "ads", "tradeoffs", S, SRE, "latency_budget"),
            "The ad has to be chosen before the page renders. How many candidates could you "
            "afford to score, and what did cutting that number cost in revenue?",
            (
                "The end-to-end deadline, and the share of it left for scoring",
                "The number of candidates scored, and how they were pre-filtered",
                "Revenue at several candidate counts, from a test or an auction replay",
            ),
        ),
        (
            ("ads-small-advertisers", "ads", "defense", S, PM, "fairness"),
            "Did the new model move spend away from small advertisers with little history, and "
            "would they have told you before your dashboards did?",
            (
                "Results broken down by advertiser size or history",
                "Exploration or priors that give new advertisers delivery",
                "A monitored metric, such as the share of spend from new advertisers",
            ),
        ),
        (
            ("ads-replay-vs-bidders", "ads", "results", S, ML, "offline_online"),
            "You estimated revenue by replaying auctions offline. Why would live advertisers, "
            "whose bidders adjust to the change, behave the way the replay assumes?",
            (
                "Recognises that advertisers and automated bidders respond to the change",
                "An online test read after bids had time to adjust",
                "The gap between replayed and live revenue, as a figure",
            ),
        ),
        # Recommendations and feeds
        (
            ("recsys-rich-get-richer", "recsys", "results", S, ML, "feedback_loop"),
            "A feed ranks what got engagement, and what ranks high gets engagement. After launch, "
            "did the share of impressions going to the top 1% of items rise?",
            (
                "A concentration metric: the head's share of impressions, or a Gini coefficient",
                "Its value before and after launch",
                "A counterweight: exploration, diversity constraints or popularity correction",
            ),
        ),
        (
            ("recsys-retrieval-ceiling", "recsys", "architecture", S, ML, "evaluation"),
            "Your ranker can only order what retrieval hands it. What share of the items users "
            "went on to engage with was in the candidate set at all?",
            (
                "Recall of the candidate set against later engagement",
                "Which retrieval source supplies most of the useful candidates",
                "A change made to retrieval because of that number",
            ),
        ),
        (
            ("recsys-better-off-or-busier", "recsys", "problem", W, PM, "tradeoff"),
            "What exactly did the feed optimise: clicks, watch time, a satisfied session? How did "
            "you check users were better off and not just busier?",
            (
                "Names the objective, or the blend of objectives with their weights",
                "A long-term or satisfaction guardrail: surveys, return visits or hides",
                "A case where engagement rose but the guardrail fell, and what was decided",
            ),
        ),
        (
            ("recsys-fourth-week", "recsys", "defense", X, BR, "novelty"),
            "People click around when a feed suddenly looks different. What was the effect for "
            "users in their fourth week of seeing the new ranking?",
            (
                "The effect tracked by weeks of exposure",
                "Whether it decayed, held or grew, with figures",
                "A long-term holdout, or a cohort kept on the old ranking",
            ),
        ),
        (
            ("recsys-supply-side", "recsys", "tradeoffs", S, PM, "fairness"),
            "When ranking changed, which creators or sellers lost exposure? Is the supply side "
            "still healthy in six months if that goes on?",
            (
                "Exposure by creator or seller segment, before and after",
                "A supply metric: new creators retained, uploads or active sellers",
                "Guardrails or boosts that protect new supply",
            ),
        ),
        (
            ("recsys-stage-milliseconds", "recsys", "architecture", X, SRE, "latency_budget"),
            "Split the feed's latency budget across retrieval, ranking and re-ranking. Which stage "
            "would you give 10 ms more, and what would it buy?",
            (
                "A per-stage budget, with numbers",
                "The stage where extra time buys the most, with the evidence",
                "The measured quality gain per millisecond, or an estimate of it",
            ),
        ),
        # Search ranking
        (
            ("search-clicks-to-labels", "search", "results", S, ML, "position_bias"),
            "Clicks on search results pile up at the top whatever is there. How did you turn "
            "click logs into relevance labels without learning the old ranking back?",
            (
                "A click model or bias correction: randomised swaps or a cascade model",
                "Human relevance judgments used to check the click-derived labels",
                "The agreement between corrected clicks and human labels",
            ),
        ),
        (
            ("search-ndcg-to-success", "search", "results", X, BR, "offline_online"),
            "NDCG moved offline. Did searchers succeed more often: fewer reformulations, fewer "
            "abandoned sessions, more purchases from search?",
            (
                "A session-level success metric: reformulations, abandonment or conversion",
                "An online test or an interleaving result",
                "How the NDCG gain translated into that metric, with figures",
            ),
        ),
        (
            ("search-tail-queries", "search", "architecture", S, ML, "evaluation"),
            "Head queries are easy; search fails in the long tail. How did the change do on "
            "queries seen fewer than ten times a month?",
            (
                "Results split by query frequency: head, torso and tail",
                "The tail's metric, and its share of traffic",
                "A technique aimed at the tail, such as query rewriting or semantic retrieval",
            ),
        ),
        (
            ("search-who-defines-relevant", "search", "problem", W, PM, "quality"),
            "Who decided what 'relevant' means for your search, and how often did two raters "
            "agree?",
            (
                "The relevance guidelines, and who wrote them",
                "Agreement between raters, as a figure",
                "How disagreements between raters were resolved",
            ),
        ),
        (
            ("search-rerank-depth", "search", "tradeoffs", S, SRE, "latency_budget"),
            "How deep did the expensive re-ranker go: the top 50, the top 200? What did a deeper "
            "cut buy, and what did it cost in latency?",
            (
                "The re-ranking depth that was chosen",
                "Quality measured at several depths",
                "Latency at each depth, and the budget that decided it",
            ),
        ),
        (
            ("search-exact-match", "search", "defense", X, ML, "quality"),
            "Someone searches an exact part number or a person's name and the semantic retriever "
            "returns confident near-misses. What catches that?",
            (
                "Recognises that dense retrieval can miss exact matches",
                "A hybrid with lexical retrieval, or an exact-match rule",
                "The rate of exact-match failures before and after",
            ),
        ),
        (
            ("search-nothing-clicked", "search", "results", W, PM, "evaluation"),
            "What share of searches end with nothing clicked, and what did your change do to it?",
            (
                "The rate of searches with no click, before and after",
                "How abandonment was told apart from an answer shown on the results page",
                "The query segments where that rate changed most",
            ),
        ),
        # Trust & safety
        (
            ("ts-abusers-adapt", "trust_safety", "defense", X, BR, "drift"),
            "Abusers change their behaviour once they notice what gets caught. How quickly did "
            "recall fall after launch, and how did you notice?",
            (
                "Recall tracked over time on freshly labelled samples",
                "How long evasion took to show, with an example of an adaptation",
                "The refresh loop: retraining cadence, new labels or rule updates",
            ),
        ),
        (
            ("ts-prevalence", "trust_safety", "results", S, ML, "evaluation"),
            "How much violating content gets through today? Was that measured on a random sample "
            "of traffic, or only on what users reported?",
            (
                "Prevalence estimated from a random sample of traffic, with its interval",
                "Why reports alone undercount: most people who see abuse never report it",
                "The change in prevalence that the system accounts for",
            ),
        ),
        (
            ("ts-review-queue", "trust_safety", "architecture", S, SRE, "cost"),
            "How many items a day go to human reviewers, how long do they wait, and what happens "
            "when the queue backs up?",
            (
                "Daily review volume against reviewer capacity",
                "The waiting time, and the service level for urgent items",
                "What happens when the queue is full: automatic action, hold or release",
            ),
        ),
        (
            ("ts-removed-by-mistake", "trust_safety", "problem", W, PM, "fairness"),
            "When the system removes something by mistake, who notices, and what can the person "
            "do about it?",
            (
                "An appeal path, with its volume and overturn rate",
                "Who bears the false positives: a language, a community, a kind of creator",
                "A threshold or an action softened because of appeals",
            ),
        ),
        (
            ("ts-action-ladder", "trust_safety", "tradeoffs", S, ML, "tradeoff"),
            "Why remove rather than downrank, warn or hold for review? Which action did you take "
            "at which score?",
            (
                "A ladder of actions by score or severity",
                "The precision required for the hardest action, with its value",
                "The measured effect of the softer actions",
            ),
        ),
        (
            ("ts-language-gap", "trust_safety", "results", X, ML, "fairness"),
            "How does recall differ across languages and dialects, and which community gets the "
            "most false positives?",
            (
                "Recall and false-positive rate per language or dialect",
                "The worst-served group, with its numbers",
                "What was done: more labels, per-language thresholds or human review",
            ),
        ),
        # Forecasting
        (
            ("forecast-seasonal-naive", "forecasting", "results", S, ML, "baseline"),
            "What did a seasonal naive forecast, the same week last year, score on the same "
            "backtest, and how much of your gain is left after it?",
            (
                "A naive or seasonal naive baseline on the same backtest",
                "The error of both, on the same metric",
                "The improvement as a figure, and its stability across windows",
            ),
        ),
        (
            ("forecast-known-on-the-day", "forecasting", "architecture", S, ML, "leakage"),
            "In your backtest, did the features hold only what you knew on the forecast date: "
            "promotions as planned, prices as set, the weather forecast rather than the weather?",
            (
                "Features restricted to what was known when the forecast was made",
                "Forecasted rather than realised outside inputs, such as weather",
                "A rolling-origin backtest that enforces it",
            ),
        ),
        (
            ("forecast-short-or-long", "forecasting", "problem", W, PM, "cost"),
            "Is running out of stock worse than holding too much, and by how much? Did the loss "
            "function reflect that?",
            (
                "The relative cost of under- and over-forecasting",
                "A quantile or asymmetric loss that matches that ratio",
                "The service level or stock-out rate that resulted",
            ),
        ),
        (
            ("forecast-mape-bias", "forecasting", "results", X, BR, "evaluation"),
            "MAPE explodes on low-volume items and rewards forecasting low. Why was it the right "
            "metric, and what does a volume-weighted error say?",
            (
                "Recognises MAPE's instability on small values and its pull towards low forecasts",
                "A weighted or scaled metric, such as WAPE or MASE, reported as well",
                "The business outcome the error is tied to: stock-outs or waste",
            ),
        ),
        (
            ("forecast-level-shift", "forecasting", "defense", S, SRE, "drift"),
            "A shock hits: a competitor's sale, a supply failure, a lockdown. How quickly did the "
            "forecast notice, and who can override it?",
            (
                "How the model reacts to a level shift: the lag, with an example",
                "A human override or adjustment process, and its owner",
                "Monitoring of forecast error that would flag the shift",
            ),
        ),
        (
            ("forecast-hierarchy", "forecasting", "tradeoffs", S, ML, "tradeoff"),
            "Did the store-level forecasts add up to the regional ones? What did you do when they "
            "disagreed?",
            (
                "Whether forecasts are coherent across the hierarchy",
                "A reconciliation method: top-down, bottom-up or an optimal combination",
                "The accuracy effect of reconciliation at each level",
            ),
        ),
        (
            ("forecast-range-coverage", "forecasting", "results", W, PM, "quality"),
            "Did planners get a range or a single number, and how often did the actual fall "
            "inside the range?",
            (
                "Prediction intervals or quantiles provided to planners",
                "Their coverage in a backtest, against the nominal level",
                "How planners used the range in their decisions",
            ),
        ),
        # LLM serving and RAG
        (
            ("llm-unsupported-claims", "llm", "results", S, ML, "quality"),
            "How often does it state something that is not in the source (a hallucination), and "
            "how did you measure that rather than read a few outputs by eye?",
            (
                "A rate of unsupported claims on a labelled set",
                "The method: human annotation, or a checker validated against humans",
                "How that rate moved across model or prompt changes",
            ),
        ),
        (
            ("llm-where-tokens-go", "llm", "architecture", S, SRE, "cost"),
            "Where do the tokens go in one request: system prompt, documents, history, output? "
            "Which did you cut first when the bill arrived?",
            (
                "Tokens per request, broken down by part",
                "The cost per request that results",
                "A reduction made (prompt caching, shorter context, a smaller model) and its "
                "effect on quality",
            ),
        ),
        (
            ("llm-prompt-regressions", "llm", "tradeoffs", X, BR, "evaluation"),
            "A prompt change can fix ten cases and break five. What regression suite runs before a "
            "prompt goes live, and how big is it?",
            (
                "A fixed evaluation set, with its size and source",
                "A scoring method, automatic or human, and its agreement with experts",
                "An example of a change the suite blocked",
            ),
        ),
        (
            ("llm-provider-update", "llm", "defense", X, SRE, "drift"),
            "The provider updates the model behind the same name. How would you know your outputs "
            "changed, and what would you do that day?",
            (
                "A pinned model version, or an evaluation run on every provider update",
                "Production monitoring of output quality or format errors",
                "A fallback model or provider, tested",
            ),
        ),
        (
            ("llm-acted-on-wrong-answer", "llm", "problem", W, PM, "quality"),
            "What happens when the model's answer is wrong and the user acts on it? Who carries "
            "that cost?",
            (
                "The consequence of a wrong answer for the user, concretely",
                "A safeguard: citations, human review or limits on what it may answer",
                "The measured rate of harmful errors",
            ),
        ),
        (
            ("llm-injected-instructions", "llm", "defense", S, SRE, "quality"),
            "Documents and user text both reach the prompt. What stops a document from telling "
            "the model to ignore its rules?",
            (
                "Recognises prompt injection through user input or retrieved content",
                "A mitigation: separated instructions, output filtering or limited tool rights",
                "A red-team test and its result",
            ),
        ),
        (
            ("llm-route-easy-requests", "llm", "tradeoffs", S, ML, "cost"),
            "Which requests actually need the largest model? What happens if the easy ones go to "
            "a small one?",
            (
                "The share of traffic a smaller model handles equally well, measured",
                "A routing rule or classifier, and its error rate",
                "The cost saving, and the change in quality",
            ),
        ),
        # Data and infra platforms
        (
            ("platform-adopted-or-told", "platform", "results", S, PM, "ownership"),
            "How many teams use the platform because it helps them, and how many because they "
            "were told to? What do they still do outside it?",
            (
                "Adoption figures: teams, models or pipelines on the platform",
                "A measure of value to its users: time saved, incidents avoided or a survey",
                "The workloads still outside the platform, and why",
            ),
        ),
        (
            ("platform-bad-backfill", "platform", "architecture", S, SRE, "oncall"),
            "A bad backfill writes wrong feature values for a week of history. Which models "
            "trained on it, and how would you find out?",
            (
                "Lineage from data to features to the models that consumed them",
                "Checks before publishing that catch bad values: ranges, nulls, row counts",
                "A recovery path: versioned data, rollback and retraining",
            ),
        ),
        (
            ("platform-before-it-existed", "platform", "problem", W, PM, "tradeoff"),
            "What did teams do before the platform existed, and what made that unbearable?",
            (
                "The previous way of working, described",
                "Its cost in time, incidents or duplicated work, with a figure",
                "Why a shared platform beat improving each team's own setup",
            ),
        ),
        (
            ("platform-noisy-tenant", "platform", "defense", X, BR, "oncall"),
            "One team's job floods the shared cluster on a Monday morning. What protects everyone "
            "else?",
            (
                "Isolation: quotas, priorities or separate pools",
                "The alert that shows one tenant is starving the others",
                "A real instance, and how it was handled",
            ),
        ),
        (
            ("platform-measured-skew", "platform", "tradeoffs", S, ML, "offline_online"),
            "How do you prove a feature has the same value offline and online? Show me the skew "
            "you measured, not the design that should prevent it.",
            (
                "A skew measurement: logged serving values against offline recomputation",
                "The skew rate per feature, as a figure",
                "What happens when skew passes a threshold",
            ),
        ),
        (
            ("platform-cost-per-team", "platform", "results", X, SRE, "cost"),
            "Who pays for the platform, and could a team tell you what its pipelines cost last "
            "month?",
            (
                "Cost attributed per team or per pipeline",
                "The platform's total cost, and its trend",
                "A saving found because costs were visible",
            ),
        ),
        (
            ("platform-late-data", "platform", "architecture", W, SRE, "drift"),
            "What freshness does the platform promise for each feature, and how does a consumer "
            "find out the data is late?",
            (
                "A freshness target per feature or per table",
                "Monitoring of lateness that consumers can see",
                "What consumers do when data is late: a fallback, a stale value or a failure",
            ),
        ),
    ],
)
