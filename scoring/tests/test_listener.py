"""The listener: the forms people say figures in, fillers, and the map back to what was said."""

import pytest

from scoring.listener import listen


@pytest.mark.parametrize(
    ("said", "heard"),
    [
        ("about forty milliseconds", "about 40 milliseconds"),
        ("three point one percent", "3.1%"),
        ("point seven eight", "0.78"),
        ("one point oh eight", "1.08"),
        ("two and a half percent", "2.5%"),
        ("half a percent", "0.5%"),
        ("one point nine million forecasts", "1.9M forecasts"),
        ("four hundred thousand QPS", "400k QPS"),
        ("a hundred and twenty thousand requests", "120k requests"),
        ("nineteen hundred dollars a month", "1,900 dollars a month"),
        ("twelve hundred patients", "1,200 patients"),
        ("sixty k", "60k"),
        ("p ninety-nine", "p99"),
        ("p fifty", "p50"),
        ("ten x faster", "10x faster"),
        ("one point six times the throughput", "1.6x the throughput"),
        ("a four-week test", "a 4-week test"),
        ("from sixty-one to seventy-four percent", "from 61% to 74%"),
        ("twenty-nine and twenty-seven percent", "29% and 27%"),
        ("two engineers and six hours", "2 engineers and 6 hours"),
    ],
)
def test_spoken_figures_are_heard_as_written_ones(said, heard):
    assert listen(said).text == heard


@pytest.mark.parametrize(
    "said",
    [
        "one model is easier to run",
        "the one place it lost",
        "a two-tower model",
        "a model like XGBoost",
        "what kind of model",
        "per million inferences",
        "the point is that it held",
        "12 ms at p99 and 3.2% more watch time",
    ],
)
def test_words_that_are_not_figures_or_fillers_stay(said):
    assert listen(said).text == said


@pytest.mark.parametrize(
    ("said", "heard", "fillers"),
    [
        ("So, um, the queue was the problem.", "the queue was the problem.", ["So", "um"]),
        ("I also, uh, ran the test.", "I also ran the test.", ["uh"]),
        ("It was, like, slow.", "It was slow.", ["like"]),
        ("It fell by like twenty percent.", "It fell by ~20%.", ["like"]),
        ("Honestly, it basically halved.", "it halved.", ["Honestly", "basically"]),
        ("We, you know, sort of rebuilt it.", "We rebuilt it.", ["you know", "sort of"]),
    ],
)
def test_fillers_are_dropped_and_counted(said, heard, fillers):
    result = listen(said)
    assert result.text == heard
    assert [said[start:end] for start, end in result.fillers] == fillers


def test_heard_text_maps_back_to_the_words_said():
    said = "under ten milliseconds at p ninety-nine, um, for four hundred thousand QPS"
    heard = listen(said)
    for written, spoken in [
        ("10 milliseconds", "ten milliseconds"),
        ("p99", "p ninety-nine"),
        ("400k QPS", "four hundred thousand QPS"),
    ]:
        start = heard.text.index(written)
        lo, hi = heard.source(start, start + len(written))
        assert said[lo:hi] == spoken


def test_written_text_is_heard_unchanged():
    written = "p95 fell from 92 ms to 74 ms in a two-week A/B test (p < 0.01), cost −12%."
    heard = listen(written)
    assert heard.text == written.replace("two-week", "2-week")
    assert heard.fillers == ()
