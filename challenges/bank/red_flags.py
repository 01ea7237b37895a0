"""Challenges asked when a red flag is raised: a figure or a reason an interviewer would not
believe (keys in ``challenges/flags.py``). ``{quote}`` becomes the words that raised it."""

from challenges.bank.entry import BR, FLAG, ML, PM, SRE, S, W, X, build

# ((slug, flag key, section, pressure, persona, topic), question, key points)
ENTRIES = build(
    FLAG,
    [
        # near_perfect_metric: leakage, the label's definition, feature timestamps
        (
            ("near-perfect-which-feature", "near_perfect_metric", "results", S, ML, "leakage"),
            "Before I believe {quote}, tell me which single feature contributes most, and whether"
            " its value could only be known after the outcome: is the label leaking into it?",
            (
                "Names the most important feature, found by ablation, SHAP or split gain",
                "When that feature's value is recorded relative to the labelled event",
                "The metric after removing or time-shifting that feature",
            ),
        ),
        (
            (
                "near-perfect-label-definition",
                "near_perfect_metric",
                "architecture",
                X,
                BR,
                "leakage",
            ),
            "Numbers like {quote} usually mean the label leaked into the inputs. Define the label "
            "precisely: which event, in what window after the prediction, and which inputs come "
            "from the same source?",
            (
                "A precise label: the event, and the window after the prediction time",
                "Which inputs share a table or a process with the label",
                "A point-in-time rebuild or out-of-time test showing the metric holds",
            ),
        ),
        (
            ("near-perfect-baseline-too", "near_perfect_metric", "tradeoffs", S, ML, "leakage"),
            "If your model reached {quote}, the comparison with the simpler option tells me "
            "little: both may be reading the same leak. Did the baseline score suspiciously well "
            "too?",
            (
                "The baseline's score on the same split",
                "Whether the baseline used the suspect feature as well",
                "The comparison redone after removing the suspect feature",
            ),
        ),
        (
            ("near-perfect-first-check", "near_perfect_metric", "defense", W, ML, "leakage"),
            "What was the first leakage check you ran when you saw {quote}?",
            (
                "A specific check: shuffled labels, a feature ablation or an out-of-time split",
                "What the check showed, with the metric after it",
                "Whether the metric in production matched the offline one",
            ),
        ),
        # rare_class_accuracy: base rate, the majority-class score, precision and recall
        (
            ("rare-class-always-no", "rare_class_accuracy", "results", S, ML, "baseline"),
            "What would a model that always answers 'no' score on the metric in {quote}? Give me "
            "the base rate, and precision and recall on the rare class.",
            (
                "The base rate of the positive class, as a percentage",
                "The accuracy of always predicting the majority class",
                "Precision and recall on the rare class at the operating threshold",
            ),
        ),
        (
            ("rare-class-per-hundred", "rare_class_accuracy", "tradeoffs", X, BR, "evaluation"),
            "Accuracy hides the cases that matter when they are rare. Out of every hundred real "
            "positives behind {quote}, how many did the model miss (its recall), and how many of "
            "its alarms were false (its precision)?",
            (
                "Recall on the rare class: the share of real positives caught",
                "Precision: the share of alarms that were real",
                "Confusion counts at the operating threshold on a representative sample",
            ),
        ),
        (
            ("rare-class-which-mistake", "rare_class_accuracy", "problem", W, PM, "evaluation"),
            "Behind {quote}: which mistake hurts more, a missed case or a false alarm, and by how "
            "much?",
            (
                "The cost of a missed positive, in money or harm",
                "The cost of a false alarm, in money, time or user trust",
                "How the ratio of those costs set the threshold",
            ),
        ),
        # implausible_lift: Twyman's law, interference, what lasted
        (
            ("implausible-lift-how-measured", "implausible_lift", "results", W, PM, "significance"),
            "{quote} is a big number. How was it measured, and over what period?",
            (
                "How the figure was measured: an A/B test, a dashboard or an estimate",
                "The period and the population it covers",
                "A check that ruled out a logging change or a shift in the traffic mix",
            ),
        ),
        (
            ("implausible-lift-ruled-out", "implausible_lift", "results", X, BR, "significance"),
            "{quote} is bigger than most launches ever see. What did you check to rule out a "
            "logging bug, a broken control or a traffic-mix shift before you believed it?",
            (
                "A sample-ratio check between the arms",
                "A check that the metric was logged the same way in both arms",
                "A breakdown showing the effect is not one segment or traffic source",
                "An A/A test or a replication of the result",
            ),
        ),
        (
            (
                "implausible-lift-taken-from-control",
                "implausible_lift",
                "results",
                S,
                ML,
                "interference",
            ),
            "Could part of {quote} have been taken from the control group rather than created, "
            "through shared inventory, budget or attention?",
            (
                "Names what treatment and control shared, if anything",
                "The control arm's own trend during the test, compared with before it",
                "A design that removes the spillover: geo, cluster or switchback randomisation",
            ),
        ),
        (
            ("implausible-lift-six-months-on", "implausible_lift", "defense", S, PM, "causality"),
            "Where is {quote} now, six months on? Show me the metric at the company level, not "
            "inside the test.",
            (
                "The company-level metric after full rollout, with its trend",
                "A long-running holdout, or the reason there is none",
                "An account of any gap between the test's lift and the lasting one",
            ),
        ),
        # systems_mismatch: latency x throughput x budget
        (
            ("systems-mismatch-machines", "systems_mismatch", "architecture", W, SRE, "scale"),
            "Help me picture {quote}: roughly how many machines served it, and how much load "
            "did each take?",
            (
                "The number of machines or instances behind the figures",
                "The load each machine handled, as requests per second",
                "Which figures were measured and which were targets",
            ),
        ),
        (
            ("systems-mismatch-arithmetic", "systems_mismatch", "architecture", X, SRE, "scale"),
            "Let's do the arithmetic on {quote} together: how many machines, at what cost each, "
            "serve that load at that latency?",
            (
                "Machine count and per-machine throughput that multiply to the stated load",
                "A per-machine cost that multiplies to the stated budget",
                "Which figures were peak, average or target, corrected where needed",
            ),
        ),
        (
            (
                "systems-mismatch-which-was-measured",
                "systems_mismatch",
                "problem",
                S,
                SRE,
                "latency_budget",
            ),
            "The figures in {quote} are hard to meet at once. Which of them were targets, and "
            "which did you measure, under what load?",
            (
                "Which figures were measured and which were goals",
                "The conditions of each measurement: load, percentile and period",
                "One consistent set of figures for the same moment",
            ),
        ),
        # savings_exceed_bill: the saving against the bill it comes from
        (
            ("savings-from-the-bill", "savings_exceed_bill", "results", S, PM, "cost"),
            "Walk me from the bill to {quote}: what did the line items cost before, what after, "
            "and who confirmed it?",
            (
                "The total bill before and after, for the same scope",
                "The line items that changed, adding up to the saving",
                "Who confirmed the figure: finance, a cloud invoice or an estimate",
            ),
        ),
        (
            ("savings-while-volume-grew", "savings_exceed_bill", "results", X, BR, "cost"),
            "Volume grew over the same period. How much of {quote} is your change, and how much "
            "is pricing, discounts or traffic shifts you did not control?",
            (
                "A cost per unit, per request or per GB, before and after",
                "Other causes separated out: price changes, committed-use discounts, volume",
                "Savings counted over a stated period against the spend that would have been",
            ),
        ),
        (
            ("savings-how-counted", "savings_exceed_bill", "defense", W, PM, "cost"),
            "How was {quote} counted: money that left the invoice, or a projection of what you "
            "would otherwise have spent?",
            (
                "Whether the saving is realised on an invoice or projected",
                "The period the saving covers",
                "The engineering cost of building it, set against the saving",
            ),
        ),
        # contradiction: figures or roles that disagree across sections
        (
            ("contradiction-square", "contradiction", "ownership", W, PM, "ownership"),
            "I noted {quote}. Can you help me square the two?",
            (
                "Which figure or role is correct",
                "Why the two differ: period, scope or definition",
                "One consistent account across the sections",
            ),
        ),
        (
            ("contradiction-which-is-right", "contradiction", "ownership", S, BR, "ownership"),
            "I heard {quote}, and those do not fit together. Which is right, and how did the "
            "other version come about?",
            (
                "States which figure or role is correct",
                "Explains the discrepancy: different periods, scopes or definitions",
                "A consistent account across all the sections",
            ),
        ),
        (
            ("contradiction-source-of-truth", "contradiction", "results", X, ML, "evaluation"),
            "{quote} cannot both be true. Which version would your dashboard or your manager "
            "confirm, and where did the other one come from?",
            (
                "Which version the source of truth would confirm",
                "Why the other figure differs: scope, period or definition",
                "The claim restated once, on one definition",
            ),
        ),
        # authority_reason: "state of the art" offered as the reason
        (
            ("authority-reason-for-you", "authority_reason", "tradeoffs", S, ML, "tradeoff"),
            "{quote} asks me to take it on trust. What did you measure on your own data, and "
            "against which alternative, that makes the case?",
            (
                "A reason specific to this project's data, constraints or team",
                "A measurement taken on this project, not a general claim",
                "The alternative they would have picked had the facts been different",
            ),
        ),
        (
            ("authority-reason-under-fire", "authority_reason", "defense", X, BR, "tradeoff"),
            "I push back and you answer {quote}. Suppose our team tried it and it lost. What "
            "evidence of your own would still stand?",
            (
                "A specific experiment or measurement from the project",
                "What that evidence shows, and what it does not",
                "The condition under which they would change their view",
            ),
        ),
        (
            ("authority-reason-second-best", "authority_reason", "architecture", W, PM, "tradeoff"),
            "Setting {quote} aside, what was the second-best option, and why did it lose?",
            (
                "Names a concrete second-best option",
                "The measured or estimated reason it lost",
                "What would have made it win",
            ),
        ),
        # sweeping_ownership: everything claimed, no decision named
        (
            ("sweeping-ownership-one-call", "sweeping_ownership", "ownership", S, BR, "ownership"),
            "{quote} covers a lot of ground. Take one of those decisions and walk me through it: "
            "the options, who pushed back and what settled it.",
            (
                "One specific decision, with the options that were compared",
                "Who disagreed, and how it was settled",
                "The evidence or measurement behind the call",
            ),
        ),
        (
            ("sweeping-ownership-not-yours", "sweeping_ownership", "ownership", X, BR, "ownership"),
            "If {quote} is true, what were the other engineers doing? Name one part of this "
            "project that was not yours.",
            (
                "Names other people's contributions concretely",
                "Draws a clear line around the candidate's own scope",
                "A decision the candidate deferred to someone else",
            ),
        ),
        (
            (
                "sweeping-ownership-handed-off",
                "sweeping_ownership",
                "ownership",
                W,
                PM,
                "ownership",
            ),
            "You said {quote}. What did you hand to someone else, and how did you check their "
            "work?",
            (
                "A piece of work delegated, and to whom",
                "How the candidate reviewed or verified it",
                "What the delegation freed the candidate to do",
            ),
        ),
    ],
)
