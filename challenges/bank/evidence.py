"""Challenges asked when an evidence signal is raised: a believable claim whose evidence does
not show what is claimed (keys in ``challenges/flags.py``). ``{quote}`` becomes the words that
raised it."""

from challenges.bank.entry import BR, FLAG, ML, PM, SRE, S, W, X, build

# ((slug, flag key, section, pressure, persona, topic), question, key points)
ENTRIES = build(
    FLAG,
    [
        # pre_post: calendar periods compared, no control
        (
            ("pre-post-what-else-changed", "pre_post", "results", S, ML, "causality"),
            "{quote} compares two stretches of calendar. What else changed between them: the "
            "season, marketing, prices, a holiday?",
            (
                "Names the calendar effects between the periods: holidays, season, campaigns",
                "The same comparison a year earlier, or for a group that did not get the change",
                "An estimate with those effects removed, with its uncertainty",
            ),
        ),
        (
            ("pre-post-counterfactual", "pre_post", "results", X, BR, "causality"),
            "Without a group that did not get the change, {quote} is a story about time passing. "
            "What is your counterfactual?",
            (
                "A holdout, a staggered rollout or a comparable untreated group",
                "The difference-in-differences or synthetic-control estimate it gives",
                "Admits what the before/after comparison alone cannot show",
            ),
        ),
        (
            ("pre-post-why-no-experiment", "pre_post", "tradeoffs", W, PM, "causality"),
            "Why did you judge the launch by {quote} rather than by an A/B test?",
            (
                "The reason no experiment ran: traffic, legal constraints or a deadline",
                "What was done instead to control for time: a holdout or a staggered launch",
                "How much confidence that leaves, stated honestly",
            ),
        ),
        (
            ("pre-post-rebound", "pre_post", "defense", S, ML, "causality"),
            "Projects often start when a metric is at its worst. Without a control group, how "
            "much of {quote} is the metric drifting back to normal on its own?",
            (
                "Recognises regression to the mean after a bad period",
                "The metric's longer history, showing its usual level",
                "A comparison against an untreated group over the same weeks",
            ),
        ),
        # offline_only: offline gains, nothing measured online
        (
            ("offline-only-live", "offline_only", "results", W, PM, "offline_online"),
            "After {quote}, what changed for users once it was live online?",
            (
                "An online metric after launch: clicks, conversion, retention or time saved",
                "How it was measured online: an A/B test, a holdout or a staged rollout",
                "Whether the offline gain carried over, and by how much",
            ),
        ),
        (
            ("offline-only-what-users-did", "offline_only", "results", S, ML, "offline_online"),
            "{quote} is an offline number. What did users do differently online once it shipped, "
            "and how was that measured?",
            (
                "An online metric measured after launch: CTR, conversion or retention",
                "How it was measured: an A/B test or a holdout",
                "The gap between the offline gain and the online effect, explained",
            ),
        ),
        (
            ("offline-only-shipped-to-all", "offline_only", "tradeoffs", X, BR, "offline_online"),
            "You shipped to everyone on the strength of {quote}. Had it hurt the product online, "
            "how would you have known?",
            (
                "Guardrail metrics watched after launch, with thresholds",
                "A holdout or staged rollout that would have shown harm",
                "What they would do now: an A/B test before a full launch",
            ),
        ),
        (
            ("offline-only-why-it-should-move", "offline_only", "defense", S, ML, "offline_online"),
            "Why should {quote} move the online business metric at all? Which user action does "
            "that offline metric stand for?",
            (
                "Links the offline metric to a specific user action",
                "Evidence from past launches that it moves the online metric",
                "Where the two are known to diverge, such as position effects or stale labels",
            ),
        ),
        # short_test: too short, or no interval
        (
            ("short-test-why-stop", "short_test", "results", W, PM, "significance"),
            "{quote} was a short test. Why did you stop it then, and how many users did it reach?",
            (
                "The reason the test stopped when it did",
                "The number of users or events in each arm",
                "Whether a run of a full week or longer followed",
            ),
        ),
        (
            ("short-test-power", "short_test", "results", S, ML, "significance"),
            "For {quote}: what was the sample size in each arm, the smallest effect the test had "
            "the power to detect, and the confidence interval?",
            (
                "The sample size in each arm",
                "The minimum detectable effect, from a power calculation",
                "The confidence interval of the measured effect",
            ),
        ),
        (
            ("short-test-curiosity", "short_test", "results", S, PM, "novelty"),
            "Take {quote}. A test that short mostly measures curiosity: did the effect shrink "
            "from its first days to its last?",
            (
                "The effect day by day or week by week, not only in total",
                "Whether the effect decayed, with figures",
                "A longer holdout or a follow-up reading after launch",
            ),
        ),
        (
            ("short-test-saturday", "short_test", "defense", X, BR, "significance"),
            "{quote} may never have seen a full week, and weekday users behave differently from "
            "weekend ones. Why should the result hold on a Saturday?",
            (
                "Recognises day-of-week cycles in the traffic",
                "Results by day type, or a rerun covering whole weeks",
                "A duration and decision rule fixed before the test began",
            ),
        ),
        # no_control: an intervention judged without a control group
        (
            ("no-control-anyway", "no_control", "results", S, ML, "causality"),
            "About {quote}: how many of those people would have done it anyway? What did a "
            "control group that got nothing do?",
            (
                "A control or holdout group that did not receive the intervention",
                "The control group's rate, and its difference from the treated rate",
                "The incremental effect stated as that difference, not the treated rate",
            ),
        ),
        (
            ("no-control-likeliest-anyway", "no_control", "results", X, BR, "causality"),
            "If the people who got the intervention were already the likeliest to act, {quote} is"
            " what you would see even if it did nothing. How did you tell the two apart without a"
            " randomised control group?",
            (
                "Distinguishes predicted propensity from the treatment's effect",
                "A randomised holdout within the targeted group",
                "The incremental effect from that holdout, with its interval",
            ),
        ),
        (
            ("no-control-holdout-price", "no_control", "tradeoffs", W, PM, "causality"),
            "What would holding back a 5% control group from the intervention behind {quote} have"
            " cost you, and why was none kept?",
            (
                "The cost of holding out a small group, estimated",
                "The reason no holdout was kept",
                "How the effect could still be measured: a staggered or later holdout",
            ),
        ),
        # attributed_revenue: revenue credited to a feature from orders that touched it
        (
            ("attributed-revenue-counted", "attributed_revenue", "results", W, PM, "causality"),
            "How was {quote} counted: which orders were credited, and would those shoppers have "
            "bought anyway?",
            (
                "The attribution rule: which orders count, and over what window",
                "Whether those orders would have happened anyway, and how that was checked",
                "An incremental figure from a holdout, if there is one",
            ),
        ),
        (
            ("attributed-revenue-anyway", "attributed_revenue", "results", S, PM, "causality"),
            "{quote}: how much of that would have been spent anyway, through search, a category "
            "page or a later visit?",
            (
                "Distinguishes attributed revenue from incremental revenue",
                "An experiment or holdout measuring total revenue per user",
                "The share of attributed revenue displaced from elsewhere",
            ),
        ),
        (
            ("attributed-revenue-per-user", "attributed_revenue", "results", X, BR, "causality"),
            "Counting orders that touched the feature, as {quote} does, credits it for every "
            "shopper who was buying anyway. What was total revenue per user in a group without "
            "it?",
            (
                "Total revenue per user, treatment against control",
                "The attribution rule used, and why it overcounts",
                "The incremental figure stated beside the attributed one",
            ),
        ),
        (
            (
                "attributed-revenue-other-surfaces",
                "attributed_revenue",
                "defense",
                S,
                ML,
                "causality",
            ),
            "If the feature behind {quote} drew clicks away from other parts of the page, how "
            "much of it is cannibalised rather than incremental: which surfaces lost, and by how "
            "much?",
            (
                "Names the surfaces that could lose clicks or orders",
                "Their metrics during the test, with deltas",
                "The net effect across the whole page or session",
            ),
        ),
        # logged_feedback: evaluated on feedback logged under the old system
        (
            ("logged-feedback-who-chose", "logged_feedback", "results", W, ML, "position_bias"),
            "For {quote}: which system chose what people were shown when that feedback was "
            "logged, and could that favour it in your evaluation?",
            (
                "Which system chose what was shown when the feedback was logged",
                "How that choice can favour the old system's picks in the evaluation",
                "A correction or an online check of the result",
            ),
        ),
        (
            ("logged-feedback-old-positions", "logged_feedback", "results", S, ML, "position_bias"),
            "{quote}: those logged clicks happened at the positions the old ranker chose. How did"
            " you correct for position bias, so the new model does not score well just by "
            "agreeing with the old one?",
            (
                "Recognises position and selection bias in logged clicks",
                "A correction: propensity weights, randomised top slots or interleaving",
                "An online check that confirmed the offline ranking",
            ),
        ),
        (
            ("logged-feedback-never-shown", "logged_feedback", "defense", X, BR, "position_bias"),
            "Your evaluation, {quote}, has no logged clicks for items the old system never "
            "showed. How would it score a model that surfaces them?",
            (
                "Recognises that unshown items carry no feedback, which is not negative feedback",
                "A way to evaluate them: exploration traffic, human labels or an online test",
                "The share of the new model's picks that had no logged exposure",
            ),
        ),
        (
            (
                "logged-feedback-narrowing",
                "logged_feedback",
                "architecture",
                S,
                ML,
                "feedback_loop",
            ),
            "{quote} is feedback logged under the old model, which chose what people saw. What "
            "keeps each retrain from learning only its predecessor's choices and narrowing what "
            "users get to see?",
            (
                "Recognises the loop between served rankings and training data",
                "A mechanism: exploration slots, randomised buckets or diversity constraints",
                "A coverage or diversity metric tracked across retrains",
            ),
        ),
        # random_split: a random holdout on data that moves in time
        (
            ("random-split-future-in-train", "random_split", "results", S, ML, "leakage"),
            "With {quote}, the training set holds days that come after days in the test set. What"
            " does the score become on an out-of-time split: train on the past, test on the "
            "future?",
            (
                "Recognises that a random split lets the future inform the past",
                "An out-of-time split: train before a date, test after it",
                "The metric under that split, next to the random-split figure",
            ),
        ),
        (
            ("random-split-next-quarter", "random_split", "tradeoffs", X, BR, "drift"),
            "{quote} tells me how the model does on weeks it trained among. Which out-of-time "
            "number tells me how it will do next quarter?",
            (
                "A backtest over several future windows",
                "How fast the metric decays as the gap since training grows",
                "The retraining cadence that decay justifies",
            ),
        ),
        (
            ("random-split-same-entity", "random_split", "architecture", W, ML, "leakage"),
            "In {quote}, could the same customer, store or device sit on both sides of the split,"
            " and what does the score do when you split by time instead?",
            (
                "Whether entities repeat across the training and test sets",
                "A split grouped by entity, and the metric under it",
                "Which features could memorise an entity",
            ),
        ),
        # tuned_on_eval: tuned on, or hand-assembled for, the evaluation set
        (
            ("tuned-on-eval-untouched-sample", "tuned_on_eval", "results", S, ML, "evaluation"),
            "{quote} was chosen on the same data it is reported on. What does it score on a "
            "sample you never looked at?",
            (
                "A held-out set untouched by threshold or model selection",
                "The metric on that held-out set",
                "The size of the drop from the tuned figure",
            ),
        ),
        (
            ("tuned-on-eval-who-picked", "tuned_on_eval", "tradeoffs", X, BR, "evaluation"),
            "Who picked the examples behind {quote}, and how do you know they look like "
            "production traffic?",
            (
                "How the evaluation set was assembled, and by whom",
                "A comparison with production: the class mix or slices against live traffic",
                "A randomly sampled production set, with the metric measured on it",
            ),
        ),
        (
            ("tuned-on-eval-how-many-tries", "tuned_on_eval", "defense", W, ML, "evaluation"),
            "How many variants did you try before you settled on {quote}?",
            (
                "The number of configurations tried against that set",
                "Why many tries inflate the best score on the same set",
                "A confirmation on fresh data, or an estimate of the optimism",
            ),
        ),
        # no_baseline_metric: a metric with nothing to compare it to
        (
            ("no-baseline-metric-compared", "no_baseline_metric", "results", W, PM, "baseline"),
            "{quote}, compared with what? What did the previous system or a simple rule score on "
            "the same data?",
            (
                "The previous system's or a simple rule's score on the same data",
                "Both measured the same way, on the same sample",
                "Whether the difference is larger than its noise",
            ),
        ),
        (
            (
                "no-baseline-metric-day-one-rule",
                "no_baseline_metric",
                "tradeoffs",
                S,
                ML,
                "baseline",
            ),
            "Before {quote} impresses me: what does the cheapest baseline you could build in a "
            "day score, and how much of your gain is left after it?",
            (
                "A named simple heuristic: a rule, a popularity list or the last value",
                "Its score on the same evaluation",
                "The model's margin over it, and whether that margin pays for the model",
            ),
        ),
        (
            ("no-baseline-metric-good-or-bad", "no_baseline_metric", "results", X, BR, "baseline"),
            "Is {quote} good? Against which baseline: what would a poor score and a great score "
            "look like for this task?",
            (
                "A reference range: the prior system, human agreement or published figures",
                "Where the quoted figure sits within that range",
                "What the figure means for users, in concrete terms",
            ),
        ),
        # given_budget: a budget stated as given, with no origin
        (
            ("given-budget-who-set", "given_budget", "problem", S, SRE, "latency_budget"),
            "Who set {quote}, and what happens to users or revenue if you spend 20% more?",
            (
                "Its origin: a product SLO, an upstream caller's timeout or a measured effect",
                "What breaks above the budget, with a figure",
                "Whether anyone tested the limit, such as with injected latency",
            ),
        ),
        (
            ("given-budget-what-it-killed", "given_budget", "tradeoffs", X, BR, "latency_budget"),
            "Living inside {quote} ruled options out. Who set that limit, and was it worth the "
            "best option it killed?",
            (
                "Names the option the budget ruled out",
                "What that option would have gained, estimated",
                "Who set the budget, and whether it was challenged with evidence",
            ),
        ),
        (
            ("given-budget-split", "given_budget", "architecture", W, SRE, "latency_budget"),
            "How is {quote} split across the stages of a request, and which stage has the least "
            "slack?",
            (
                "A per-stage split of the budget, with numbers",
                "The stage with the least slack, named",
                "What happens when that stage runs over",
            ),
        ),
        # rating_as_quality: a satisfaction rating standing in for correctness
        (
            ("rating-as-quality-how-often-wrong", "rating_as_quality", "results", S, ML, "quality"),
            "{quote} tells me people liked it. What is the error rate: how often does it miss "
            "something or state what the source does not say, and would a rater notice?",
            (
                "An error rate measured against a reference or an expert check",
                "The kinds of error: omissions, factual mistakes or invented content",
                "Why raters could miss errors, such as not reading the source",
            ),
        ),
        (
            ("rating-as-quality-worst-output", "rating_as_quality", "results", X, BR, "quality"),
            "An average like {quote} can hide the one output that was badly wrong. What is your "
            "worst-case check, and what error rate did it find?",
            (
                "A check aimed at serious failures: a missing critical item or a wrong fact",
                "The rate of serious failures, as a figure",
                "What happens to users when one gets through",
            ),
        ),
        (
            ("rating-as-quality-raters", "rating_as_quality", "tradeoffs", W, PM, "quality"),
            "About {quote}: who were the raters, how many outputs did they rate, and did they "
            "check them against the source?",
            (
                "Who the raters were, and how many outputs they rated",
                "Whether raters compared each output with the source material",
                "Agreement between raters, as a figure",
            ),
        ),
        # unit_cost_missing: paid inference at volume, no cost per request
        (
            ("unit-cost-per-request", "unit_cost_missing", "results", S, PM, "cost"),
            "Put a number on {quote}: what is the cost per request in tokens and in dollars, and "
            "what is the monthly bill at today's volume?",
            (
                "The cost per request or per thousand requests, in dollars",
                "Tokens per request, input and output",
                "The monthly bill at current volume, and at expected growth",
            ),
        ),
        (
            ("unit-cost-tenfold", "unit_cost_missing", "tradeoffs", X, SRE, "cost"),
            "If volume grows tenfold, does {quote} still hold? At what cost per request does a "
            "smaller model or your own hardware become cheaper?",
            (
                "The cost at ten times today's volume",
                "The break-even volume for a smaller hosted model or for self-hosting",
                "The quality the cheaper option loses, measured",
            ),
        ),
        (
            ("unit-cost-margin", "unit_cost_missing", "problem", W, PM, "cost"),
            "Next to {quote}, what is one request worth to the business? Is the margin per "
            "request positive?",
            (
                "The value of one request: revenue, time saved or cost avoided",
                "The cost of one request, in dollars",
                "The margin per request, and the volume at which it turns",
            ),
        ),
        # false_alarm_action: the model acts on its positives
        (
            ("false-alarm-downstream", "false_alarm_action", "architecture", S, SRE, "cost"),
            "When the system acts on its own, as in {quote}, how many false alarms a day does that "
            "send downstream, and who absorbs them?",
            (
                "The false positive rate at the threshold, turned into a daily count",
                "The team or process that handles them, and its capacity",
                "The cost of one false alarm, in time or money",
            ),
        ),
        (
            ("false-alarm-stopped-cases", "false_alarm_action", "results", X, BR, "feedback_loop"),
            "Once a case is stopped, as in {quote}, you never see what it would have done. How do"
            " you learn whether the stopped cases were really bad, and how many were false "
            "alarms?",
            (
                "Recognises that acted-on cases lose their true label",
                "A way to recover labels: a small random release, review or a sampled audit",
                "The precision measured on that sample",
            ),
        ),
        (
            ("false-alarm-threshold", "false_alarm_action", "tradeoffs", S, PM, "evaluation"),
            "Who chose the threshold behind {quote}, and what is the trade between missed cases "
            "and false alarms at that point?",
            (
                "Who set the threshold, and on what data",
                "Precision and recall at that threshold",
                "The cost of each error type that justified the choice",
            ),
        ),
        (
            ("false-alarm-innocent-customer", "false_alarm_action", "problem", W, PM, "quality"),
            "Take {quote}. What does a customer caught by a false alarm go through, and how do "
            "they get out of it?",
            (
                "The experience of a false positive: a delay, a block or an extra step",
                "The path out: an appeal, a review or an automatic release",
                "How long that takes, as a figure",
            ),
        ),
    ],
)
