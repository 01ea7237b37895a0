"""Challenges that may be asked of any project (trigger kind "always")."""

from challenges.bank.entry import ALWAYS, BR, ML, PM, SRE, S, W, X, build

# ((slug, "", section, pressure, persona, topic), question, key points)
ENTRIES = build(
    ALWAYS,
    [
        # Problem & Constraints
        (
            ("problem-who-was-hurting", "", "problem", W, PM, ""),
            "Before any architecture: who was hurting, and how did you know this was worth "
            "a quarter of engineering time?",
            (
                "Names the users or the business owner who felt the pain",
                "The signal that showed it: a metric trend, ticket volume or revenue at risk",
                "A rough size of the prize, as a number",
            ),
        ),
        (
            ("problem-shaping-constraint", "", "problem", W, SRE, "tradeoff"),
            "Which single constraint shaped the design more than any other?",
            (
                "Picks one limit and gives its number",
                "Where the limit came from: an SLO, a hardware budget, a launch date",
                "An option that this limit ruled out",
            ),
        ),
        (
            ("problem-budget-origin", "", "problem", S, ML, "latency_budget"),
            "Where did your latency budget come from: a real SLO, or a number somebody picked?",
            (
                "Traces the budget to an upstream SLO or a measured effect on users",
                "Splits the budget across the stages of the request, with a number for each",
            ),
        ),
        (
            ("problem-cost-of-nothing", "", "problem", S, PM, "cost"),
            "If you had shipped nothing, what would the business have lost in six months?",
            (
                "A quantified cost of doing nothing: churn, revenue, incidents or manual effort",
                "Where that estimate came from",
            ),
        ),
        (
            ("problem-solution-seeking-problem", "", "problem", X, BR, ""),
            "This sounds like a solution looking for a problem. Convince me the problem was real.",
            (
                "Evidence gathered before the project began, with numbers",
                "A plateaued metric, an incident count or a complaint volume that showed it",
                "What had already been tried, and how it fell short",
            ),
        ),
        (
            ("problem-wish-list", "", "problem", X, ML, "tradeoff"),
            "Your constraints read like a wish list. Which one would you have broken first, and "
            "what would breaking it have cost?",
            (
                "Ranks the constraints and names the negotiable one",
                "Puts a number on the consequence of relaxing it",
                "Shows why the remaining constraints were truly hard",
            ),
        ),
        (
            ("problem-when-truth-arrives", "", "problem", W, PM, "label_delay"),
            "How long after the model makes a call do you find out whether it was right?",
            (
                "The delay between a prediction and its label, in hours, days or weeks",
                "What the label is, and which process or person produces it",
                "What that delay means for how fresh the training data can be",
            ),
        ),
        (
            ("problem-who-served-worst", "", "problem", S, PM, "fairness"),
            "Which group of users does this serve worst: new users, a language, a region, small "
            "sellers? How big is the gap?",
            (
                "Names the worst-served group",
                "The gap between that group and the average on the main metric, as a figure",
                "What was done about the gap, or why it was accepted",
            ),
        ),
        # Role & Ownership
        (
            ("ownership-team-and-slice", "", "ownership", W, PM, "ownership"),
            "How big was the team, and which slice of the work was yours alone?",
            (
                "The team size and the candidate's title on the project",
                "A first-person list of what the candidate designed, built or decided",
            ),
        ),
        (
            ("ownership-one-decision", "", "ownership", W, BR, "ownership"),
            "Tell me about one decision on this project that would have gone the other way "
            "without you.",
            (
                "A specific decision and the options that were on the table",
                "The argument the candidate made for their option",
                "The evidence that carried the decision",
            ),
        ),
        (
            ("ownership-senior-disagreed", "", "ownership", S, BR, "ownership"),
            "Which of your calls did someone more senior disagree with, and how did it end?",
            (
                "A real disagreement with a more senior person, and what it was about",
                "How the candidate tested their view: a prototype, a metric or an experiment",
                "An honest outcome, including being overruled",
            ),
        ),
        (
            ("ownership-other-teams", "", "ownership", S, PM, "ownership"),
            "Which other teams had to change something for this to ship, and how did you get "
            "them to do it?",
            (
                "Names the other teams and what each had to change",
                "How the candidate aligned them: a doc, a shared metric or a deadline",
                "What those teams got in return",
            ),
        ),
        (
            ("ownership-strip-the-team", "", "ownership", X, BR, "ownership"),
            "Strip out everything your team did. What is left that is unmistakably yours?",
            (
                "Concrete artefacts and decisions stated in the first person",
                "The measurable effect of each",
                "Does not claim the whole team's output",
            ),
        ),
        (
            ("ownership-manager-view", "", "ownership", X, ML, "ownership"),
            "If I called your manager from that time, what would they say you got wrong?",
            (
                "A genuine mistake the candidate owns",
                "What the mistake cost",
                "What the candidate changed in how they work afterwards",
            ),
        ),
        (
            ("ownership-who-carries-the-pager", "", "ownership", W, SRE, "oncall"),
            "Who is on call for this system today, and what can they do at 3 a.m. without "
            "calling you?",
            (
                "Names the on-call owner or rotation",
                "A runbook step that needs no expert: a rollback, a kill switch or a fallback",
                "How often the system has paged, as a rate",
            ),
        ),
        # Architecture & Key Decisions
        (
            ("architecture-one-request", "", "architecture", W, ML, ""),
            "Walk one request through the system, from the event that creates it to what the "
            "user finally sees.",
            (
                "An ordered data flow: ingest, features, model, serving",
                "Each component named on the way",
                "The time or cost each step adds",
            ),
        ),
        (
            ("architecture-weakest-component", "", "architecture", W, SRE, "oncall"),
            "Which component fails most often, and what do users notice when it does?",
            (
                "Names the component and its failure rate or incident count",
                "The fallback that takes over when it fails",
                "The effect users see while it is degraded",
            ),
        ),
        (
            ("architecture-delete-first", "", "architecture", S, ML, "tradeoff"),
            "If you had to remove one component tomorrow, which would it be and what would you "
            "lose?",
            (
                "What each component contributes, in numbers",
                "The component that earns the least for its cost, named",
            ),
        ),
        (
            ("architecture-slow-dependency", "", "architecture", S, SRE, "oncall"),
            "An upstream dependency becomes ten times slower for an hour. Walk me through what "
            "happens.",
            (
                "Timeouts with their values, and a fallback or degraded mode",
                "Load shedding or backpressure that keeps the rest healthy",
                "The alert that fires and the user impact in numbers",
            ),
        ),
        (
            ("architecture-hardest-to-defend", "", "architecture", X, BR, "tradeoff"),
            "We would not build it this way. Defend the decision you think is hardest to defend.",
            (
                "Picks a genuinely contestable choice and states the alternative honestly",
                "The measurement that decided it",
                "The condition under which they would switch",
            ),
        ),
        (
            ("architecture-double-traffic", "", "architecture", X, SRE, "scale"),
            "Traffic doubles tomorrow. Which part breaks first, and how do you know?",
            (
                "Names the bottleneck, from a load test or a capacity model",
                "The numbers behind it: QPS at saturation and current headroom",
                "The cheapest fix for that bottleneck",
            ),
        ),
        (
            ("architecture-feature-exists-yet", "", "architecture", S, ML, "leakage"),
            "Take your most predictive feature. At the instant the model scores in production, "
            "has that value already been written, or is it filled in later by the same process "
            "that produces the label?",
            (
                "Names the top feature and when its value is written relative to the prediction",
                "Says whether the process that creates the label can also touch that feature",
                "A check that proves it: a point-in-time join, a timestamp audit or an ablation",
            ),
        ),
        (
            ("architecture-unlabelled-recent-days", "", "architecture", X, ML, "label_delay"),
            "Your newest examples have not had time to get their labels. In training, did they "
            "count as negatives, get dropped, or wait?",
            (
                "States how unlabelled recent examples were handled: dropped, delayed or weighted",
                "The size of the bias if immature examples were counted as negatives",
                "How the training window was cut so labels had matured, with the wait in days",
            ),
        ),
        (
            ("architecture-what-is-watched", "", "architecture", W, SRE, "drift"),
            "Apart from uptime, what do you watch about this model in production?",
            (
                "Input monitoring: nulls, ranges or distribution shift, with a named statistic",
                "Output monitoring: the score distribution or the rate of positive predictions",
                "Quality measured against labels as they arrive, with an alert threshold",
            ),
        ),
        (
            ("architecture-retrain-labels-source", "", "architecture", W, ML, "feedback_loop"),
            "Where do the labels for the next retrain come from, and were any of them produced by "
            "this model's own decisions?",
            (
                "Names where the retraining labels come from",
                "Says which of those labels the model's own actions influenced",
                "How those labels are handled: excluded, reweighted, or kept for a stated reason",
            ),
        ),
        (
            ("architecture-cost-per-prediction", "", "architecture", S, SRE, "cost"),
            "What does one prediction cost you, all in, and which component is the biggest line "
            "on that bill?",
            (
                "A cost per prediction or per thousand, with its unit",
                "The largest cost component, named with its share of the total",
                "How the figure was derived: billing data, a load test or an estimate",
            ),
        ),
        (
            ("architecture-proxy-inputs", "", "architecture", S, BR, "fairness"),
            "Which of your inputs could stand in for something you must not use, such as a "
            "postcode for ethnicity or a phone's price for income? Did you check what the model "
            "learned from them?",
            (
                "Names the inputs that could proxy a protected or sensitive attribute",
                "A check: outcomes compared across groups, or the model with and without the proxy",
                "The decision taken: a feature removed, a constraint added or a documented risk",
            ),
        ),
        # Alternatives & Trade-offs
        (
            ("tradeoffs-simplest-thing", "", "tradeoffs", W, PM, "baseline"),
            "What was the simplest thing that could have worked, and why was it not enough?",
            (
                "Describes a simple baseline that was actually tried or estimated",
                "The number where the baseline fell short",
            ),
        ),
        (
            ("tradeoffs-runner-up", "", "tradeoffs", W, ML, "tradeoff"),
            "Which option came closest to winning?",
            (
                "Names the runner-up option",
                "What the runner-up did better than the chosen option",
                "The figure that tipped the decision",
            ),
        ),
        (
            ("tradeoffs-price-paid", "", "tradeoffs", S, ML, "tradeoff"),
            "What did you give up with the option you chose? Put a number on it.",
            (
                "The accepted cost (accuracy, latency, money or complexity) with a figure",
                "Why the gain outweighed that cost",
            ),
        ),
        (
            ("tradeoffs-worth-the-complexity", "", "tradeoffs", S, PM, "tradeoff"),
            "Was the extra complexity worth it for the product, not just for the model metric?",
            (
                "Links the technical gain to a product metric, with a figure",
                "Counts the ongoing cost in people or operations",
            ),
        ),
        (
            ("tradeoffs-fair-comparison", "", "tradeoffs", X, BR, "evaluation"),
            "This approach performs poorly next to what we run here. Why should I trust that your "
            "comparison was fair?",
            (
                "Same data, same tuning effort and same evaluation window for every option",
                "The numbers for each option",
                "Admits where the comparison was weak",
            ),
        ),
        (
            ("tradeoffs-straw-man", "", "tradeoffs", X, ML, "baseline"),
            "Your baseline sounds like a straw man. Did you tune it as hard as your own model?",
            (
                "The tuning budget the baseline got, compared with the new model's",
                "The baseline's best result",
                "The remaining gap, set against its noise",
            ),
        ),
        (
            ("tradeoffs-offline-metric-choice", "", "tradeoffs", W, ML, "offline_online"),
            "Which offline metric did you pick models by, and why did you believe it moves with "
            "the online one?",
            (
                "Names the offline metric used to choose between models",
                "Evidence it tracks the online metric, such as past launches where both were read",
                "A case where the two disagreed, and what changed after it",
            ),
        ),
        (
            ("tradeoffs-worth-its-bill", "", "tradeoffs", X, PM, "cost"),
            "Set the gain you measured against what this costs a year in compute and people. Is "
            "it still worth running?",
            (
                "The yearly running cost, compute and headcount together",
                "The measured gain in money, or in a metric the business puts a price on",
                "The ratio or break-even, and what would make it not worth running",
            ),
        ),
        # Results
        (
            ("results-one-number", "", "results", W, PM, ""),
            "What changed for users, in one number?",
            (
                "One headline metric with its unit",
                "The baseline it is compared with",
                "The window over which it was measured",
            ),
        ),
        (
            ("results-how-long", "", "results", W, ML, "significance"),
            "How long did you measure before you called it a win?",
            (
                "The duration of the experiment or measurement",
                "Why that length: weekly cycles or a power calculation",
                "Whether the effect held after the measurement ended",
            ),
        ),
        (
            ("results-offline-online-gap", "", "results", S, ML, "offline_online"),
            "Offline gains rarely survive online. How big was the gap between the two for you?",
            (
                "The offline metric delta and the online metric delta, side by side",
                "An explanation of the difference between them",
            ),
        ),
        (
            ("results-what-got-worse", "", "results", S, PM, "tradeoff"),
            "Which metric got worse, and why did you accept it?",
            (
                "Names a guardrail or secondary metric that regressed, by how much",
                "The judgement that made the regression acceptable",
            ),
        ),
        (
            ("results-looks-like-noise", "", "results", X, BR, "significance"),
            "Those gains look like noise to me. How do you know they are real?",
            (
                "Confidence interval or p-value, with the sample size",
                "The metric's normal variance, set against the effect",
                "A holdout or a repeated experiment that confirmed it",
            ),
        ),
        (
            ("results-cost-per-request", "", "results", X, SRE, "cost"),
            "What did this cost to run per thousand requests, before and after?",
            (
                "A unit cost before and after, per thousand requests or similar",
                "What drove the change: hardware, batching or quantization",
                "How the cost was measured",
            ),
        ),
        (
            ("results-first-week-last-week", "", "results", S, PM, "novelty"),
            "People click on anything new for a while. What did the effect look like in the last "
            "week of the test compared with the first?",
            (
                "The effect broken down by week, or by days since a user's first exposure",
                "Whether it shrank, held or grew, with figures",
                "For a shrinking effect, the steady-state estimate they would quote instead",
            ),
        ),
        (
            ("results-arms-shared-something", "", "results", X, ML, "interference"),
            "Did your test arms draw on anything shared, such as inventory, an ad budget, drivers "
            "or friends' feeds? If the treatment took from control, your lift is inflated.",
            (
                "Names what the arms shared, or shows they shared nothing that matters",
                "How interference would bias the estimate, and in which direction",
                "A design that limits it: cluster, geo or switchback randomisation, split budgets",
            ),
        ),
        (
            ("results-shared-pool", "", "results", S, ML, "interference"),
            "Your users draw on a shared pool: supply, stock, a budget or attention. When you "
            "measured the effect, what did treated and untreated users share, and how much of "
            "the gain could be interference, taken from the others rather than created?",
            (
                "Names what treated and untreated users shared, or shows it did not matter",
                "The direction and rough size of the bias that sharing causes",
                "A design or check that limits it: cluster, geo or switchback randomisation",
            ),
        ),
        (
            ("results-proxy-or-outcome", "", "results", S, ML, "label_delay"),
            "Did you judge success on the outcome you care about, or on a proxy that arrives "
            "sooner? How well does the proxy track it?",
            (
                "Names the proxy and the real outcome it stands for",
                "Evidence the two move together, such as a correlation across past experiments",
                "A case where they disagreed, or how they would check",
            ),
        ),
        (
            ("results-average-hides-a-loser", "", "results", X, BR, "fairness"),
            "Your headline number is an average. Show me the segment where the change made things "
            "worse.",
            (
                "A per-segment breakdown of the main metric",
                "The segment that lost, by how much, and its share of traffic",
                "What was decided about it: a guardrail, a fix or an accepted cost",
            ),
        ),
        # Defense & Hindsight
        (
            ("defense-start-again", "", "defense", W, BR, ""),
            "If you started this project again tomorrow, what would you do differently?",
            (
                "A specific change, not a generic 'more testing'",
                "The reason for the change",
                "The effect they expect it would have had",
            ),
        ),
        (
            ("defense-lesson-kept", "", "defense", W, PM, ""),
            "What did you learn here that changed how you run projects now?",
            (
                "A concrete habit the candidate adopted",
                "A later project where that habit paid off",
            ),
        ),
        (
            ("defense-wrong-assumption", "", "defense", S, ML, ""),
            "Which assumption turned out to be wrong, and when did you find out?",
            (
                "Names the assumption and the data that disproved it",
                "How late it surfaced, and what it cost",
            ),
        ),
        (
            ("defense-worst-incident", "", "defense", S, SRE, "oncall"),
            "What was the worst incident this system caused, and what changed after it?",
            (
                "A timeline and the blast radius in numbers",
                "The root cause, found and stated plainly",
                "The lasting fix: a test, an alert or a guardrail",
            ),
        ),
        (
            ("defense-data-not-conviction", "", "defense", X, BR, ""),
            "We would not do this here. Convince me with data, not conviction.",
            (
                "An experiment or measurement that addresses the objection directly",
                "Concedes what the data does not cover",
                "Says what would change their mind",
            ),
        ),
        (
            ("defense-over-engineered", "", "defense", X, ML, "cost"),
            "Someone says this was over-engineered for your scale. Where is the break-even point, "
            "and were you past it?",
            (
                "A cost model with a break-even: incidents avoided, engineer time or compute",
                "The measured value set against that break-even",
            ),
        ),
        (
            ("defense-learns-from-itself", "", "defense", S, ML, "feedback_loop"),
            "Once this model decides what people see or what gets through, next quarter's "
            "training data is made of its own choices. What keeps it from only ever confirming "
            "itself?",
            (
                "Recognises the loop: the model's actions shape its future labels",
                "A mechanism that breaks it: an exploration slice, a holdout, propensity weights",
                "The size of that slice and what it costs, as a figure",
            ),
        ),
        (
            ("defense-silent-decay", "", "defense", X, SRE, "drift"),
            "Six months after launch the world has moved and nothing has crashed. What tells you "
            "the model has quietly got worse, and how long would that take?",
            (
                "The signal that detects decay, and the lag before it shows",
                "A retraining cadence or trigger, and why that interval",
                "A drift actually caught, or a backtest that sized the decay per month",
            ),
        ),
        (
            ("defense-primacy-killed-a-winner", "", "defense", X, BR, "novelty"),
            "Your regulars had years of habit with the old version. Could the new one have looked "
            "worse at first just because it was different, and would you have noticed?",
            (
                "Explains primacy: experienced users reacting to the change itself",
                "The effect for new users and for existing users, reported separately",
                "How long the test ran before deciding, and why that was long enough",
            ),
        ),
        (
            ("defense-failure-before-alert", "", "defense", X, SRE, "oncall"),
            "Which failure of this system would reach users before any alert fires? How did you "
            "find out it was possible?",
            (
                "Names a failure mode that no alert covers, or that alerts only late",
                "How it would be noticed today, and the time to detect it",
                "The alert or check added since, or why the gap is accepted",
            ),
        ),
    ],
)
