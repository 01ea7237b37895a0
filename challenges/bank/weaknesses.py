"""Challenges asked when ``scoring.gaps.find_gaps`` reports a gap code for the section."""

from challenges.bank.entry import BR, ML, PM, SRE, WEAKNESS, S, W, X, build

# ((slug, gap code, section, pressure, persona, topic), question, key points)
ENTRIES = build(
    WEAKNESS,
    [
        (
            ("empty-problem", "empty", "problem", W, PM, ""),
            "You have not told me what problem this solved. In two sentences: who had it, and "
            "what limits did you work under?",
            (
                "The user or business problem, in a sentence or two",
                "Two or three hard constraints, each with a number",
            ),
        ),
        (
            ("empty-ownership", "empty", "ownership", W, BR, "ownership"),
            "I still do not know what you did on this. What was yours?",
            (
                "What the candidate decided, led and built, in the first person",
                "The size of the team around them",
            ),
        ),
        (
            ("empty-architecture", "empty", "architecture", W, ML, ""),
            "Sketch the system for me: what goes in, what comes out, and what sits in between?",
            (
                "The data flow from ingestion to serving, in order",
                "The main components named along that flow",
            ),
        ),
        (
            ("empty-tradeoffs", "empty", "tradeoffs", W, ML, "tradeoff"),
            "You have not mentioned anything you decided against. What else was on the table?",
            (
                "At least one named alternative",
                "The alternative's pros and cons against the choice made",
                "The figure that decided between them",
            ),
        ),
        (
            ("empty-results", "empty", "results", W, PM, ""),
            "How did it end? What changed after launch?",
            (
                "Outcomes with units and a baseline",
                "How those outcomes were measured",
            ),
        ),
        (
            ("empty-defense", "empty", "defense", W, BR, ""),
            "Suppose I told you this approach performs poorly. What would you say?",
            (
                "Evidence that answers the objection",
                "What the candidate would change today",
            ),
        ),
        (
            ("constraints-in-numbers", "no_constraint_numbers", "problem", W, SRE, ""),
            "What latency, throughput or budget did it have to meet? Give me the numbers.",
            (
                "Each constraint with a number and a unit: p95 in ms, QPS, memory, cost or a date",
                "Which of the constraints was the tightest",
            ),
        ),
        (
            ("constraints-not-adjectives", "no_constraint_numbers", "problem", X, SRE, ""),
            "'Fast' and 'scalable' are not constraints. What were the SLO, the peak QPS and the "
            "budget?",
            (
                "Concrete limits with units: the SLO, the peak QPS and the budget",
                "Where each limit came from",
                "Which one was tightest",
            ),
        ),
        (
            ("results-actual-number", "no_numbers", "results", W, PM, ""),
            "What was the actual number?",
            (
                "A figure with a unit for the main outcome",
                "The baseline that figure is compared with",
            ),
        ),
        (
            ("results-words-only", "no_numbers", "results", S, ML, ""),
            "You described the outcome in words only. What moved, by how much, and in what unit?",
            (
                "Before and after values with units for each claimed improvement",
                "Which metric each value belongs to",
            ),
        ),
        (
            ("results-assume-it-failed", "no_numbers", "results", X, BR, ""),
            "Without a number I have to assume it did not work. What did the metric actually do?",
            (
                "A quantified outcome and its baseline",
                "The method that measured it",
                "Or an honest statement of why it was not measured",
            ),
        ),
        (
            ("results-compared-with-what", "no_baseline", "results", W, PM, "baseline"),
            "Compared with what? What was the number before you started?",
            (
                "The baseline value with its unit",
                "Where the baseline came from and the period it covers",
            ),
        ),
        (
            ("results-baseline-owner", "no_baseline", "results", X, BR, "baseline"),
            "An improvement needs a starting point. What was the baseline, and who measured it?",
            (
                "The baseline with its unit",
                "Measured the same way as the result, ideally as a control group",
                "Who measured it, and when",
            ),
        ),
        (
            ("results-where-measured", "no_measurement", "results", W, PM, "evaluation"),
            "Where did that figure come from: an experiment, a dashboard, or an estimate?",
            (
                "The source of the number",
                "The method behind it, in a sentence or two",
            ),
        ),
        (
            ("results-how-measured", "no_measurement", "results", S, ML, "causality"),
            "How did you measure that: an A/B test, a before-and-after comparison, or a dashboard?",
            (
                "The measurement method",
                "Its duration and sample size",
                "Why the method isolates the change from everything else",
            ),
        ),
        (
            ("results-seasonality", "no_measurement", "results", X, BR, "causality"),
            "A before-and-after chart proves nothing with seasonality in the data. How did you "
            "isolate your change?",
            (
                "A randomised control, a holdout or a credible quasi-experiment",
                "The estimate that design produced, with its uncertainty",
            ),
        ),
        (
            ("results-how-sure", "no_variance", "results", W, ML, "significance"),
            "How sure are you that the gain was not a good week?",
            (
                "The length of the measurement",
                "The metric's usual swing from week to week",
                "A significance check or a repeat of the measurement",
            ),
        ),
        (
            ("results-confidence", "no_variance", "results", S, ML, "significance"),
            "What was the confidence interval, or at least the normal day-to-day noise of that "
            "metric?",
            (
                "An interval or p-value for the effect",
                "The sample size behind it",
                "How the effect compares with normal variation",
            ),
        ),
        (
            ("results-weekly-wobble", "no_variance", "results", X, BR, "significance"),
            "Is that gain bigger than the metric's usual week-to-week wobble? Show me.",
            (
                "The metric's historical variance",
                "The effect size set against that variance",
                "A significance test or a repeat of the experiment",
            ),
        ),
        (
            ("ownership-we-to-i", "only_we", "ownership", W, BR, "ownership"),
            "You keep saying 'we'. Which of those decisions did you personally make?",
            (
                "One or two decisions stated in the first person",
                "The options and the reasoning behind each decision",
            ),
        ),
        (
            ("ownership-own-hands", "only_we", "ownership", S, BR, "ownership"),
            "Name one thing you built yourself and one decision you made on your own.",
            (
                "A concrete artefact built by the candidate",
                "A concrete decision made by the candidate",
                "The effect each of them had",
            ),
        ),
        (
            ("ownership-name-removed", "only_we", "ownership", X, BR, "ownership"),
            "If your name were taken off this project, what would have turned out differently? "
            "Name what you personally decided.",
            (
                "A decision or piece of work only the candidate drove",
                "Its measurable effect",
            ),
        ),
        (
            ("ownership-helped-with", "hedging", "ownership", S, BR, "ownership"),
            "You said you 'helped' and 'were involved'. What exactly did you own?",
            (
                "Plain first-person ownership of a scope",
                "The decisions and deliverables that were the candidate's",
            ),
        ),
        (
            ("results-probably", "hedging", "results", S, PM, ""),
            "You said it 'probably' helped. Did it, or did it not?",
            (
                "A committed answer backed by a measurement",
                "Or an honest 'we did not measure it' with what they would measure",
            ),
        ),
        (
            ("tradeoffs-sounded-unsure", "hedging", "tradeoffs", W, ML, "tradeoff"),
            "You sounded unsure about that comparison. Which part of it do you actually know?",
            (
                "Separates what was measured from what was guessed",
                "The measured part, with its number",
            ),
        ),
        (
            ("defense-stand-behind", "hedging", "defense", S, BR, ""),
            "Lots of 'I think' in that defence. Which claim would you stand behind with data?",
            (
                "One firm claim with its evidence",
                "An honest note on what remains uncertain",
            ),
        ),
        (
            ("architecture-where-data-goes", "no_data_flow", "architecture", W, ML, ""),
            "Where does the data come from, and where does it go next?",
            (
                "The data source, named",
                "The path through features and the model to serving, in order",
            ),
        ),
        (
            (
                "architecture-trace-end-to-end",
                "no_data_flow",
                "architecture",
                X,
                SRE,
                "latency_budget",
            ),
            "I cannot see how a prediction reaches a user. Trace it end to end, with the latency "
            "at each hop.",
            (
                "Each stage in order, with its latency or throughput",
                "Stage latencies that add up to the end-to-end budget",
            ),
        ),
        (
            ("architecture-why-this-piece", "no_rationale", "architecture", W, ML, ""),
            "Pick the most important component and tell me why it is there.",
            (
                "The reason for the component, tied to a constraint or a measurement",
                "What would break without it",
            ),
        ),
        (
            ("architecture-why-not-obvious", "no_rationale", "architecture", S, ML, "tradeoff"),
            "You told me what you built, not why. Why that component instead of the obvious "
            "choice?",
            (
                "The reason behind each key choice",
                "Each reason tied to a constraint or a measurement",
            ),
        ),
        (
            ("architecture-defaults", "no_rationale", "architecture", X, BR, "tradeoff"),
            "Every component here sounds like a default. Which one did you actually choose, and "
            "on what evidence?",
            (
                "One deliberate decision, named",
                "The alternatives that were weighed",
                "The data behind the decision",
            ),
        ),
        (
            ("tradeoffs-what-else", "no_alternative", "tradeoffs", W, ML, "tradeoff"),
            "What else did you consider?",
            (
                "At least one real alternative, named",
                "Its strengths and weaknesses against the choice made",
            ),
        ),
        (
            ("tradeoffs-argue-rejected", "no_alternative", "tradeoffs", S, ML, "tradeoff"),
            "If you had to argue for the option you rejected, what would you say?",
            (
                "A fair case for the alternative",
                "The evidence that still favoured the choice made",
            ),
        ),
        (
            ("tradeoffs-no-decision", "no_alternative", "tradeoffs", X, BR, "tradeoff"),
            "No alternatives means no decision was made. Name one option you ruled out and the "
            "data that ruled it out.",
            (
                "A named alternative that was ruled out",
                "A measured comparison (accuracy, latency or cost) that settled it",
            ),
        ),
        (
            ("tradeoffs-what-tipped-it", "no_comparison", "tradeoffs", W, PM, "tradeoff"),
            "What tipped the decision away from the alternative you mentioned?",
            (
                "The deciding factor: accuracy, latency, cost or time to ship",
                "A figure for that factor",
            ),
        ),
        (
            ("tradeoffs-why-it-lost", "no_comparison", "tradeoffs", S, ML, "tradeoff"),
            "You named an alternative but not why it lost. Which number decided it?",
            (
                "A head-to-head figure on the deciding metric",
                "The trade-off accepted with the choice",
            ),
        ),
        (
            ("tradeoffs-vibes", "no_comparison", "tradeoffs", X, BR, "evaluation"),
            "That comparison sounds like taste. What did you measure on both options?",
            (
                "The same metric measured on both options",
                "Under the same conditions: data, window and load",
                "The result of that comparison",
            ),
        ),
        (
            ("defense-what-showed-it", "no_evidence", "defense", W, PM, ""),
            "What did you see in the data that told you this was the right call?",
            (
                "A metric, an experiment or an incident count that supports the decision",
                "When the candidate saw it, relative to the decision",
            ),
        ),
        (
            ("defense-opinion", "no_evidence", "defense", S, ML, ""),
            "What in the data backs that up: a measurement, an experiment or an incident?",
            (
                "An experiment, a measurement or an incident analysis",
                "How that evidence supports the choice specifically",
            ),
        ),
        (
            ("defense-prove-us-wrong", "no_evidence", "defense", X, BR, ""),
            "We would not do this. Give me one experiment or metric that says we are wrong.",
            (
                "A specific piece of evidence aimed at the objection, with numbers",
                "What that evidence does not prove",
            ),
        ),
        (
            ("defense-change-one-thing", "no_hindsight", "defense", W, PM, ""),
            "What one thing would you change if you did it again?",
            (
                "A specific change, not a generic one",
                "The reason for it, and the effect it would have had",
            ),
        ),
        (
            ("defense-least-proud", "no_hindsight", "defense", S, BR, ""),
            "Nothing you would change? Tell me the decision you are least proud of.",
            (
                "An honest misstep, named",
                "What the misstep cost, roughly",
                "The lesson applied since",
            ),
        ),
    ],
)
