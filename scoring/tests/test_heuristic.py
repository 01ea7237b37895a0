"""The heuristic grader: report shape, evidence, not-gradable answers, pushback, consistency."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.framework import SECTION_KEYS
from scoring.graders import grade_transcript
from scoring.graders.heuristic import NO_ANSWER, read_section
from scoring.graders.pushback import CAVED, CONCEDED, HELD, judge
from scoring.tests import calibration as c
from scoring.transcript import TranscriptError, Turn


def one_turn(section, answer, kind="prompt", question=None):
    turn = (c.challenge if kind == "challenge" else c.prompt)(
        section, *([question] if kind == "challenge" else []), answer
    )
    return c.transcript({"title": "Solo", "time_budget_seconds": 60, "turns": [turn]})


def test_report_has_the_design_shape_for_every_project():
    report = grade_transcript(c.transcript(c.FEED, c.TOXICITY))
    assert report["grader"] == "heuristic"
    assert 0 <= report["overall"] <= 100
    assert [p["title"] for p in report["projects"]] == [c.FEED["title"], c.TOXICITY["title"]]
    for project in report["projects"]:
        assert 0 <= project["overall"] <= 100
        assert list(project["sections"]) == list(SECTION_KEYS)
        for section in project["sections"].values():
            assert 0 <= section["score"] <= 4
            assert isinstance(section["evidence"], list)
            assert section["feedback"]


def test_evidence_is_quoted_verbatim_from_the_answers():
    report = grade_transcript(c.transcript(c.FEED))
    answers = " ".join(turn["answer"] for turn in c.FEED["turns"])
    for section in report["projects"][0]["sections"].values():
        for quote in section["evidence"]:
            # A long sentence is cut at word boundaries and marked with "…"; the words between
            # the marks are the candidate's own.
            words = re.escape(quote.strip("…"))
            assert re.search(rf"(?<!\w){words}(?!\w)", answers)


def test_section_never_answered_scores_zero():
    report = grade_transcript(one_turn("problem", "Ranking had to stay under 80 ms at p95."))
    sections = report["projects"][0]["sections"]
    assert sections["results"]["score"] == 0
    assert "never answered" in sections["results"]["feedback"]


@pytest.mark.parametrize(
    "answer",
    [
        "",
        "ok",
        "asdf qwrtz xkcdp asdf qwrtz xkcdp asdf",
        "lorem ipsum dolor sit amet consectetur adipiscing elit sed eiusmod",
        "test test test test test test test test",
        "My favourite dinner is pasta with garlic, and on Sundays I cook it slowly for the "
        "whole family while we listen to old records.",
    ],
)
def test_not_gradable_answer_gets_zero_and_says_so(answer):
    report = grade_transcript(one_turn("results", answer))
    section = report["projects"][0]["sections"]["results"]
    assert section["score"] == 0
    assert section["feedback"] == NO_ANSWER
    assert section["evidence"] == []
    assert report["projects"][0]["overall"] == 0


def test_vague_but_real_answer_gets_one_not_zero():
    report = grade_transcript(one_turn("results", "Things improved for our users after launch."))
    assert report["projects"][0]["sections"]["results"]["score"] == 1


def test_repeating_a_number_earns_nothing_more():
    once = "p95 latency fell from 92 ms to 74 ms in a two-week A/B test."
    thrice = " ".join([once] * 3)
    score_once = grade_transcript(one_turn("results", once))["projects"][0]["sections"]
    score_thrice = grade_transcript(one_turn("results", thrice))["projects"][0]["sections"]
    assert score_thrice["results"]["score"] <= score_once["results"]["score"]


def test_hedging_lowers_a_section():
    plain = "I chose the DLRM ranker and I led the rollout with the platform team."
    hedged = (
        "I think I chose the DLRM ranker, maybe, and I guess I led the rollout, probably, "
        "with the platform team."
    )
    plain_score = grade_transcript(one_turn("ownership", plain))["projects"][0]["sections"]
    hedged_score = grade_transcript(one_turn("ownership", hedged))["projects"][0]["sections"]
    assert hedged_score["ownership"]["score"] < plain_score["ownership"]["score"]
    assert "hedges" in hedged_score["ownership"]["feedback"]


def test_feedback_names_what_is_missing():
    report = grade_transcript(one_turn("results", "p95 latency is 74 ms at peak."))
    feedback = report["projects"][0]["sections"]["results"]["feedback"]
    assert "baseline" in feedback


def _turn(question, answer):
    return Turn(
        index=3, section="defense", kind="challenge", question=question, answer=answer, seconds=None
    )


def test_pushback_held_with_evidence():
    outcome = judge(
        _turn(
            "Those gains look like noise. How do you know?",
            "The A/B test ran two weeks; the 95% confidence interval was +2.6% to +3.8% "
            "watch time.",
        )
    )
    assert outcome.outcome == HELD
    assert outcome.turn == 3
    assert "confidence interval" in outcome.reason


def test_pushback_conceded_well():
    outcome = judge(
        _turn(
            "Rules are brittle; we would never mix them with ML.",
            "Fair point for nuanced cases, so the rules only fire on explicit slurs. They cut "
            "false negatives by 6%, and next time I would add per-community thresholds.",
        )
    )
    assert outcome.outcome == CONCEDED


def test_pushback_caved_when_agreeing_without_data():
    outcome = judge(
        _turn(
            "This approach performs poorly; a transformer would be better.",
            "You're right, we should have used a transformer ranker, it performs better.",
        )
    )
    assert outcome.outcome == CAVED
    assert "without data" in outcome.reason


def test_pushback_evaded_when_the_answer_ignores_the_subject():
    outcome = judge(
        _turn(
            "Those gains look like noise. How do you know they are real?",
            "The ranker is a DLRM with 1,000 candidates from a ScaNN index on 8 GPUs.",
        )
    )
    assert outcome.outcome == CAVED
    assert "does not take up" in outcome.reason


def test_evidence_for_another_question_does_not_hold_the_point():
    # The question quotes "noise" and asks where a limit came from; the answer measures the
    # gain instead. Neither the quoted words nor "we measured it" take up what was asked.
    outcome = judge(
        _turn(
            'You said "it broke the 80 ms budget for a gain inside the noise": where did that '
            "limit come from, and what breaks for users when it is missed?",
            "We measured it: a four-week A/B test on 10% of traffic, with a 95% confidence "
            "interval that excluded zero. I would still add a holdout next time.",
        )
    )
    assert outcome.outcome == CAVED
    assert "does not take up" in outcome.reason


def test_defense_that_ignores_the_challenge_scores_low():
    on_subject = c.FEED
    off_subject = c.rewrite(
        c.FEED,
        [t["answer"] for t in c.FEED["turns"][:-1]]
        + [
            "Our feature store has 400 features and the ranker was retrained every 6 hours, and "
            "in hindsight I would add lineage to the feature store."
        ],
    )
    strong = grade_transcript(c.transcript(on_subject))["projects"][0]["sections"]["defense"]
    dodged = grade_transcript(c.transcript(off_subject))["projects"][0]["sections"]["defense"]
    assert dodged["score"] <= strong["score"] - 1


def test_report_lists_pushback_outcomes_per_challenge_turn():
    project = grade_transcript(c.transcript(c.FEED))["projects"][0]
    challenge_turns = [i for i, t in enumerate(c.FEED["turns"]) if t["kind"] == "challenge"]
    assert [p["turn"] for p in project["pushback"]] == challenge_turns
    assert {p["label"] for p in project["pushback"]} == {"Held with evidence"}


RECORD = {
    "title": "Home feed ranking",
    "role": "Tech lead",
    "sections": {"ownership": "I led a team of four engineers.", "results": ""},
    "metrics": [{"name": "p95 latency", "before": 92, "after": 74, "unit": "ms"}],
}


def test_consistency_flags_a_figure_that_differs_from_the_record():
    project = c.rewrite(
        c.MEDIUM_FEED,
        [t["answer"] for t in c.MEDIUM_FEED["turns"][:4]]
        + [
            "p95 latency fell from 92 ms to 80 ms in the A/B test.",
            *[t["answer"] for t in c.MEDIUM_FEED["turns"][5:]],
        ],
    )
    report = grade_transcript(c.transcript(project), project_records=[RECORD])
    flags = report["projects"][0]["consistency"]
    assert [f["kind"] for f in flags] == ["number"]
    assert flags[0]["turn"] == 4
    assert "80 ms" in flags[0]["message"] and "74" in flags[0]["message"]


def test_consistency_accepts_figures_that_match_the_record():
    report = grade_transcript(c.transcript(c.FEED), project_records=[RECORD])
    assert report["projects"][0]["consistency"] == []


def test_consistency_flags_a_role_that_contradicts_the_record():
    record = {**RECORD, "role": "Engineer", "sections": {"ownership": "I supported the lead."}}
    report = grade_transcript(c.transcript(c.FEED), project_records=[record])
    flags = report["projects"][0]["consistency"]
    assert [f["kind"] for f in flags] == ["role"]
    assert "supported" in flags[0]["message"]


def test_top_fixes_point_at_turns_of_the_weakest_sections():
    report = grade_transcript(c.transcript(c.FEED, c.degrade(c.TOXICITY, "results")))
    fixes = report["top_fixes"]
    assert 1 <= len(fixes) <= 3
    first = fixes[0]
    assert (first["project"], first["section"]) == (c.TOXICITY["title"], "results")
    assert c.TOXICITY["turns"][first["turn"]]["section"] == "results"


def test_delivery_rewards_staying_in_budget_and_density():
    on_time = grade_transcript(c.transcript(c.FEED))["projects"][0]["delivery"]
    padded = grade_transcript(c.transcript(c.padded(c.FEED)))["projects"][0]["delivery"]
    assert on_time["score"] == 4
    assert on_time["seconds_used"] == 240 and on_time["budget_seconds"] == 300
    assert padded["score"] < on_time["score"]


def test_grading_is_deterministic():
    data = c.transcript(c.FEED, c.TOXICITY)
    assert grade_transcript(data) == grade_transcript(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "other", "projects": []}, "format"),
        ({"format": "hotseat.transcript/1", "projects": []}, "non-empty"),
        (
            {
                "format": "hotseat.transcript/1",
                "projects": [{"title": "x", "turns": [{"section": "summary", "answer": "x"}]}],
            },
            "projects[0].turns[0].section",
        ),
        (
            {
                "format": "hotseat.transcript/1",
                "projects": [{"title": "x", "turns": [{"section": "problem", "seconds": -1}]}],
            },
            "seconds",
        ),
    ],
)
def test_malformed_transcript_is_rejected_with_where(data, message):
    with pytest.raises(TranscriptError, match=message.replace("[", r"\[").replace("]", r"\]")):
        grade_transcript(data)


def test_unknown_grader_is_rejected():
    with pytest.raises(ValueError, match="unknown grader"):
        grade_transcript(c.transcript(c.FEED), grader="magic")


@settings(max_examples=60, deadline=None)
@given(answer=st.text(max_size=400), section=st.sampled_from(SECTION_KEYS))
def test_any_answer_grades_within_the_scale_without_crashing(answer, section):
    report = grade_transcript(one_turn(section, answer))
    project = report["projects"][0]
    assert 0 <= project["overall"] <= 100
    graded = project["sections"][section]
    assert 0 <= graded["score"] <= 4
    for quote in graded["evidence"]:
        assert quote.strip("…") in answer


def test_an_unanswered_turn_is_named_in_the_section_feedback():
    project = c.rewrite(
        c.FEED,
        [t["answer"] for t in c.FEED["turns"][:5]]
        + ["asdf qwrtz xkcdp asdf"]
        + [t["answer"] for t in c.FEED["turns"][6:]],
    )
    results = grade_transcript(c.transcript(project))["projects"][0]["sections"]["results"]
    assert results["score"] >= 3  # the prompt turn still earns it
    assert "turn 6 with no answer to grade" in results["feedback"]


def test_a_drill_counts_only_the_sections_it_asked_about():
    results = [turn for turn in c.FEED["turns"] if turn["section"] == "results"]
    project = {"title": c.FEED["title"], "time_budget_seconds": 600, "turns": results}
    normal = grade_transcript(c.transcript(project))
    drill = grade_transcript({**c.transcript(project), "session_kind": "drill"})

    assert list(drill["projects"][0]["sections"]) == list(SECTION_KEYS)  # the shape holds
    assert drill["projects"][0]["asked"] == ["results"]
    assert drill["projects"][0]["sections"]["results"]["score"] >= 3
    assert drill["overall"] > 2 * normal["overall"]  # unasked sections are not zeros here
    assert {fix["section"] for fix in drill["top_fixes"]} <= {"results"}
    assert "problem" in {fix["section"] for fix in normal["top_fixes"]}


def test_a_drill_review_shows_only_the_sections_it_asked_about():
    from scoring.reports import build_review

    results = [turn for turn in c.FEED["turns"] if turn["section"] == "results"]
    project = {"title": c.FEED["title"], "time_budget_seconds": 600, "turns": results}
    transcript = {**c.transcript(project), "session_kind": "drill"}
    review = build_review(transcript, grade_transcript(transcript))
    assert [section.key for section in review.projects[0].sections] == ["results"]


@pytest.mark.parametrize(
    "role",
    [
        "I was the tech lead on a small team with two data engineers.",
        "I was a technical lead for three analysts and a designer.",
        "I was the tech lead for the billing team, working with two contractors.",
    ],
)
def test_a_role_is_scope_not_a_decision(role):
    _role_is_scope(role)


@pytest.mark.parametrize(
    "shared",
    [
        # A share of the work is not a decision, nor is a choice made with someone.
        "I did most of the schema work, and the platform lead and I agreed the cut-over.",
        "The designer and I picked the layout. I did a lot of the testing.",
    ],
)
def test_a_share_of_the_work_or_a_choice_made_with_someone_is_not_ones_own_decision(shared):
    answer = "I was on the checkout squad with four engineers. " + shared
    project = grade_transcript(one_turn("ownership", answer))["projects"][0]
    assert project["sections"]["ownership"]["score"] <= 2.0


def test_limits_said_as_requirements_without_numbers_are_a_partial_problem():
    """Rubric level 2: the problem is clear but its limits carry no numbers. "Had to keep
    working offline" and "without new hardware" are such limits; a complaint is not."""
    limits = (
        "Drivers lost their route whenever the signal dropped. The app had to keep working "
        "offline for a whole shift, and without new hardware in the vans."
    )
    complaint = (
        "Drivers lost their route whenever the signal dropped. It annoyed them and the "
        "dispatchers a lot, so we wanted the app to handle it better for everyone."
    )
    scores = [
        grade_transcript(one_turn("problem", text))["projects"][0]["sections"]["problem"]["score"]
        for text in (limits, complaint)
    ]
    assert scores == [2.0, 1.0]


def test_the_people_around_the_candidate_counted_in_words_are_scope():
    """ "With two mobile engineers and an analyst" says how big the part was, as "a team of
    three" does: with several decisions of one's own, Ownership is exemplary."""
    answer = (
        "I ran the payments rewrite with two mobile engineers and an analyst. I chose to move "
        "card storage to the vault service and I wrote the retry scheduler myself."
    )
    project = grade_transcript(one_turn("ownership", answer))["projects"][0]
    assert project["sections"]["ownership"]["score"] == 4.0


def test_a_list_of_work_done_is_not_exemplary_ownership_without_a_choice():
    """ "I wrote the spec, built the importer and ran the cut-over" is work done; a senior
    interviewer gives the top level when the candidate also says what they chose."""
    work = (
        "I was the tech lead of the billing team of six. I wrote the spec, built the "
        "invoice importer and its retry queue, and ran the cut-over weekend."
    )
    choices = (
        " I picked a nightly batch import over per-invoice webhooks.",
        " Importing in nightly batches, not per invoice, that was my call.",
    )
    scores = [
        grade_transcript(one_turn("ownership", text))["projects"][0]["sections"]["ownership"]
        for text in (work, *(work + choice for choice in choices))
    ]
    assert [section["score"] for section in scores] == [3.0, 4.0, 4.0]


def _role_is_scope(role):
    """Naming the role and the team says how big the part was, not what was decided: with the
    choices made together ("we"), Ownership stays partial."""
    shared = " We picked the storage format together and we wrote the loaders as a group."
    with_role = grade_transcript(one_turn("ownership", role + shared))["projects"][0]
    decided = role + " I chose the storage format and wrote the loaders myself."
    with_choices = grade_transcript(one_turn("ownership", decided))["projects"][0]
    assert with_role["sections"]["ownership"]["score"] <= 2.0
    assert with_choices["sections"]["ownership"]["score"] >= 3.0


def test_two_limits_in_one_clause_count_as_two():
    both = (
        "About 600 home-care nurses use the app. A full day of visits had to sync in under a "
        "minute on a weak 3G connection, and the app had to run on phones with 2 GB of memory."
    )
    one = both.replace(" in under a minute", "")
    assert read_section("problem", both).score == 4
    assert read_section("problem", one).score == 3


def test_padding_around_counted_things_still_reads_as_padding():
    """Counts of a domain's own things are figures ("12 sorting centres"), which must not let
    an answer three times longer with the same facts escape the filler penalty."""
    said = (
        "Each depot sends its scan events to a regional queue, because a depot loses its link "
        "about twice a week",
        "A consumer writes them into one parcel table keyed by barcode, so all 12 sorting "
        "centres read the same record.",
    )
    plain = ". ".join(said)
    padded = " ".join(
        [
            "Sure, happy to go into that, and I want to take it slowly, so let me start from the "
            "top and work my way down through it piece by piece for you.",
            said[0] + ". That is worth holding on to for a moment, I think, as we go on, and it "
            "matters for everything else.",
            said[1],
            "And that brings me neatly to the end of the story I wanted to share with you today. "
            "So, to bring it together once more and wrap up where I started:",
            said[0].lower() + ".",
            said[1],
            "I hope that gives a good picture, and I am happy to expand on any part of it.",
        ]
    )
    assert read_section("architecture", padded).score < read_section("architecture", plain).score


def test_a_choice_justified_by_what_it_removed_is_a_reason_but_explains_no_figure():
    flow = (
        "Readings come out of the monitors into a queue, and a scorer reads from it every "
        "minute, because nurses act within 15 minutes."
    )
    removed = " Two readings in a row must agree, which cut alerts from one noisy reading by half."
    assert read_section("architecture", flow).score == 3
    assert read_section("architecture", flow + removed).score == 4
    # A doubtful figure stays doubtful beside it; only a reason for the figure explains it.
    doubtful = (
        "Monthly churn fell from 3.1% to 2.6% in a randomized A/B test over 8 weeks, with a 95% "
        "confidence interval of 0.3 to 0.7 points, and the churn model reached an AUC of 0.99"
    )
    assert read_section("results", doubtful + ", which cut wasted discounts by half.").score == 1
    reason = ", because the label was fixed a month before any feature."
    assert read_section("results", doubtful + reason).score > 1


@pytest.mark.parametrize(
    "reason",
    [
        "We picked the queue because the team already knew it well.",
        "We put a queue in front since that is the usual setup most teams run.",
        "The queue sits there so it fits in with the rest of our stack.",
        "The worker is restarted every hour so that it stays up to date.",
        "The ledger is split out so it is easier to look after.",
        "The ledger sits behind a queue, which is why it is so fast.",
    ],
)
def test_familiarity_convention_or_a_vague_benefit_is_not_a_technical_reason(reason):
    """A data flow with "because the team knew it", "because it's standard" or "so it is
    easier" is still a flow with no reason: only a reason about the system lifts Architecture."""
    flow = (
        "Orders go from the checkout service into a queue, and a worker writes them to the "
        "ledger database. "
    )
    technical = "The queue is there so that checkout never waits on a slow ledger write."
    assert read_section("architecture", flow + reason).score == 2.0
    assert read_section("architecture", flow + technical).score == 3.0


@pytest.mark.parametrize(
    "reason",
    [
        "The queue sits between them so a stuck ledger replica can't stall checkout.",
        "Each order is logged before the write, so a crashed worker's orders can be replayed.",
    ],
)
def test_a_failure_the_design_prevents_is_a_technical_reason(reason):
    """A benefit that names the failure it prevents or the mechanism it allows lifts a data
    flow to a reasoned design, with no figure needed."""
    flow = (
        "Orders go from the checkout service into a queue, and a worker writes them to the "
        "ledger database. "
    )
    assert read_section("architecture", flow).score == 2.0
    assert read_section("architecture", flow + reason).score == 3.0
