from datetime import datetime, timedelta

from scoring import charts
from scoring.charts import SessionScores, day_labels, section_score_chart
from scoring.framework import SECTION_KEYS
from scoring.graders import grade_transcript
from scoring.reports import build_review, highlight, review_markdown
from scoring.tests.review_data import sample_transcript


def test_highlight_marks_each_quote_where_it_occurs():
    segments = highlight("We cut p95 from 92 to 74 ms. Then we shipped.", ["from 92 to 74 ms"])
    assert [(s.text, s.marked) for s in segments] == [
        ("We cut p95 ", False),
        ("from 92 to 74 ms", True),
        (". Then we shipped.", False),
    ]


def test_highlight_merges_overlapping_quotes_and_ignores_missing_ones():
    segments = highlight("abc def ghi", ["abc def", "def ghi", "not there", ""])
    assert [(s.text, s.marked) for s in segments] == [("abc def ghi", True)]


def test_build_review_links_turns_fixes_and_pushback():
    transcript = sample_transcript(turns=7, projects=2)
    review = build_review(transcript, grade_transcript(transcript))
    second = review.projects[1]
    challenge = second.turns[6]
    assert challenge.number == 13 and challenge.label == 7
    assert challenge.over_time and challenge.persona_label == "The sceptical statistician"
    assert challenge.pushback["outcome"] == "caved"
    assert len(review.top_fixes) == 3
    assert all(fix.anchor and fix.anchor.startswith("turn-") for fix in review.top_fixes)


def test_build_review_shows_what_a_four_holds_only_for_weak_sections():
    transcript = sample_transcript(turns=7)
    sections = {
        s.key: s
        for s in build_review(transcript, grade_transcript(transcript)).projects[0].sections
    }
    assert sections["tradeoffs"].weak and "alternatives" in sections["tradeoffs"].exemplary.lower()
    assert sections["tradeoffs"].advice == [
        "Alternatives & Trade-offs names no alternative you considered."
    ]
    assert not sections["ownership"].weak


def test_review_markdown_reads_as_a_report():
    transcript = sample_transcript(turns=7)
    review = build_review(transcript, grade_transcript(transcript))
    text = review_markdown(review, title="Mock onsite review")
    assert text.startswith("# Mock onsite review\n")
    assert "## Top things to fix" in text
    assert "| Alternatives & Trade-offs | 1.0 / 4 | vague |" in text
    assert "#### Turn 7 · Results · Challenge" in text
    assert "Time: 1:35 of 1:00 (over time)" in text
    assert "> Honestly I am not sure, it felt better to everyone." in text


def test_chart_places_scores_on_a_zero_to_four_axis():
    chart = section_score_chart(
        [
            SessionScores("1 Nov", {"problem": 0.0, "results": 4.0}),
            SessionScores("8 Nov", {"problem": 2.0, "results": None}),
        ]
    )
    problem = next(s for s in chart.series if s.key == "problem")
    results = next(s for s in chart.series if s.key == "results")
    assert [p.y for p in problem.points] == [chart.bottom, (chart.top + chart.bottom) / 2]
    assert [p.x for p in problem.points] == [chart.left + charts.EDGE, chart.right - charts.EDGE]
    assert len(results.points) == 1 and results.points[0].y == chart.top
    assert "Latest (8 Nov): Problem & Constraints 2.0" in chart.description
    assert ("Results", ["4.0", "–"]) in chart.rows


def test_chart_is_absent_without_sessions():
    assert section_score_chart([]) is None
    assert charts.delivery_charts([]) is None


def test_pace_and_fillers_charts_shade_where_to_aim_and_stretch_to_fit():
    pace, fillers = charts.delivery_charts(
        [
            SessionScores("1 Nov", {"wpm": 212, "fillers_per_minute": 9.4}),
            SessionScores("8 Nov", {"wpm": 151, "fillers_per_minute": 1.5}),
        ]
    )
    [line] = pace.series
    assert [p.label for p in line.points][-1] == "Pace, 8 Nov: 151 words a minute"
    assert [tick.label for tick in pace.y_ticks][-1] == "250"
    # 130-170 of 0-250 words a minute, on the plot's height.
    assert pace.band.height == round((chart_height := pace.bottom - pace.top) * 40 / 250, 1)
    assert pace.band.y == round(pace.top + chart_height * 80 / 250, 1)
    # Fillers rose past the axis's usual top (8), so the axis goes to the next tick (10).
    assert [tick.label for tick in fillers.y_ticks][-1] == "10"
    assert fillers.rows == [("Fillers", ["9.4", "1.5"])]
    assert "aim for 2 or fewer. Latest (8 Nov): 1.5." in fillers.description


def test_chart_labels_tell_sessions_of_one_day_apart():
    moments = [datetime(2026, 11, 3, 9), datetime(2026, 11, 3, 18), datetime(2026, 11, 5, 9)]
    assert day_labels(moments) == ["3 Nov (1)", "3 Nov (2)", "5 Nov"]


def test_chart_thins_session_labels_but_keeps_the_latest():
    sessions = [SessionScores(f"{day} Nov", {"problem": 2.0}) for day in range(1, 11)]
    labels = [tick.label for tick in section_score_chart(sessions).x_ticks]
    assert len(labels) <= 5 and labels[-1] == "10 Nov"


def _extent(tick):
    width = charts._label_width(tick.label)
    start = {"start": tick.position, "end": tick.position - width}.get(
        tick.anchor, tick.position - width / 2
    )
    return start, start + width


def test_chart_sets_a_sessions_equal_scores_side_by_side_inside_the_plot():
    equal = dict.fromkeys(SECTION_KEYS, 2.0)
    chart = section_score_chart([SessionScores("1 Nov", equal), SessionScores("2 Nov", equal)])
    for session in range(2):
        dots = [series.points[session] for series in chart.series]
        xs = sorted(point.x for point in dots)
        assert len({point.y for point in dots}) == 1
        assert all(b - a >= 2 * chart.dot_radius for a, b in zip(xs, xs[1:], strict=False))
        assert chart.left + chart.dot_radius <= xs[0] and xs[-1] <= chart.right - chart.dot_radius


def test_chart_places_sessions_by_time_with_room_between_close_ones():
    day = datetime(2026, 11, 1, 9)
    moments = [day, day + timedelta(minutes=5), day + timedelta(days=1), day + timedelta(days=30)]
    xs = charts.session_positions(
        [SessionScores(str(i), {"problem": 2.0}, moment) for i, moment in enumerate(moments)]
    )
    assert (
        xs[0] == charts.LEFT + charts.EDGE and xs[-1] == charts.WIDTH - charts.RIGHT - charts.EDGE
    )
    assert all(b - a >= charts.MIN_SESSION_GAP for a, b in zip(xs, xs[1:], strict=False))
    # A day in thirty sits near the start (evenly spaced, it would be two thirds along).
    assert xs[2] - xs[0] == 2 * charts.MIN_SESSION_GAP


def test_chart_session_labels_never_collide_and_stay_inside():
    day = datetime(2026, 11, 3, 9)
    moments = [day + timedelta(minutes=20 * i) for i in range(12)] + [day + timedelta(days=4)]
    sessions = [
        SessionScores(label, {"problem": 2.0}, moment)
        for label, moment in zip(day_labels(moments), moments, strict=True)
    ]
    ticks = section_score_chart(sessions).x_ticks
    extents = [_extent(tick) for tick in ticks]
    assert ticks[-1].label == "7 Nov" and len(ticks) >= 2
    assert all(start >= 0 and end <= charts.WIDTH for start, end in extents)
    assert all(end < start for (_, end), (start, _) in zip(extents, extents[1:], strict=False))


def test_llm_feedback_leads_the_advice_but_a_rubric_restatement_does_not():
    transcript = sample_transcript(turns=7)
    report = grade_transcript(transcript)
    report["projects"][0]["sections"]["tradeoffs"]["feedback"] = "Name the rules engine you beat."
    sections = {s.key: s for s in build_review(transcript, report).projects[0].sections}
    assert sections["tradeoffs"].advice[0] == "Name the rules engine you beat."
    assert not any("Solid:" in line for line in sections["results"].advice)


def test_a_section_without_gaps_is_told_what_the_next_level_asks_for():
    transcript = sample_transcript(turns=7)
    report = grade_transcript(transcript)
    report["projects"][0]["sections"]["architecture"] |= {"score": 3.0, "gaps": [], "notes": []}
    sections = {s.key: s for s in build_review(transcript, report).projects[0].sections}
    assert sections["architecture"].advice == [
        "For a 4: The full path with its main components, several reasoned choices, and numbers "
        "that tie them to the limits (a latency split, a memory budget)."
    ]
