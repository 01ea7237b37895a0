import pytest
from django.urls import reverse

from challenges.forms import ANSWER_MAX_CHARS
from challenges.models import Challenge

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
BROWSE = reverse("challenges:browse")
NOISE = reverse("challenges:practise", args=["results-looks-like-noise"])


def test_browse_requires_login(client):
    response = client.get(BROWSE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_browse_logged_out_htmx_request_is_sent_to_log_in(client):
    response = client.get(BROWSE, {"section": "results"}, **HTMX)

    assert response["HX-Redirect"].startswith(reverse("accounts:login"))


def test_practise_requires_login(client):
    response = client.post(NOISE, {"answer": "It was real."})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_browse_lists_the_bank_with_persona_and_trigger(client_user):
    response = client_user.get(BROWSE)
    html = response.content.decode()

    assert f"{Challenge.objects.count()} challenges" in html
    assert "Those gains look like noise to me." in html
    assert "Infra / SRE" in html
    assert "When you name Kafka and event streams" in html
    assert 'aria-current="page">Challenges</a>' in html


def test_browse_shows_topic_key_points_and_the_new_triggers(client_user):
    html = client_user.get(BROWSE).content.decode()

    assert '<span class="badge badge-topic">Leakage</span>' in html
    assert "<summary>What a strong answer contains</summary>" in html
    assert "<li>Confidence interval or p-value, with the sample size</li>" in html
    assert "When a metric looks near-perfect" in html
    assert "In forecasting projects" in html
    # A flag question quotes an example where a round quotes the candidate; no placeholder.
    assert "{quote}" not in html
    assert "Before I believe &quot;an AUC of 0.99 on next month&#x27;s cancellations&quot;" in html


def test_browse_filters_by_section_and_persona(client_user):
    response = client_user.get(BROWSE, {"section": "results", "persona": "sre"})
    html = response.content.decode()
    expected = Challenge.objects.filter(section="results", persona="sre").count()

    assert f"{expected} challenges" in html
    assert "What did this cost to run per thousand requests" in html
    assert "Those gains look like noise to me." not in html  # results, but a bar raiser's


def test_browse_htmx_returns_only_the_list_fragment(client_user):
    response = client_user.get(BROWSE, {"section": "defense"}, **HTMX)
    html = response.content.decode()

    assert html.lstrip().startswith('<section id="challenge-list"')
    assert "<html" not in html
    assert "Convince me with data, not conviction." in html
    assert "Those gains look like noise to me." not in html


def test_browse_ignores_an_unknown_filter_value(client_user):
    response = client_user.get(BROWSE, {"section": "<script>"})
    html = response.content.decode()

    assert f"{Challenge.objects.count()} challenges" in html
    assert "<script>" not in html


def test_browse_query_count_does_not_grow_with_the_bank(client_user, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # session, user, challenges
        client_user.get(BROWSE)


def test_practise_shows_question_persona_and_answer_box(client_user):
    html = client_user.get(NOISE).content.decode()

    assert "Those gains look like noise to me." in html
    assert "Bar raiser" in html
    assert 'name="answer"' in html
    assert "What a strong answer contains" not in html


def test_practise_a_domain_pack_challenge_shows_its_domain_and_topic(client_user):
    html = client_user.get(reverse("challenges:practise", args=["forecast-mape-bias"])).content
    html = html.decode()

    assert "<dt>Domain</dt><dd>Forecasting</dd>" in html
    assert "<dt>Topic</dt><dd>Evaluation design</dd>" in html
    assert "<dt>Comes up</dt><dd>In forecasting projects</dd>" in html


def test_practise_a_flag_challenge_quotes_an_example(client_user):
    url = reverse("challenges:practise", args=["unit-cost-per-request"])

    html = client_user.get(url).content.decode()

    assert "Put a number on &quot;GPT-4 on every ticket; costs were acceptable&quot;" in html
    assert "here it is an example of what raises the question" in html
    assert "When paid inference has no unit cost" in html


def test_practise_answer_without_numbers_gets_the_missing_number_follow_up(client_user):
    answer = "Honestly it felt a lot better after launch and people were happy."

    html = client_user.post(NOISE, {"answer": answer}).content.decode()

    assert "The interviewer follows up" in html
    assert "Your Results has no number with a unit" in html
    assert "What a strong answer contains" in html
    assert "<li>Confidence interval or p-value, with the sample size</li>" in html  # a key point
    assert answer in html  # the answer stays in the box


def test_practise_answer_with_a_claim_gets_asked_about_it(client_user):
    answer = "p95 went from 92 → 74 ms in a two-week A/B test, significant at p &lt; 0.01."

    html = client_user.post(NOISE, {"answer": answer.replace("&lt;", "<")}).content.decode()

    assert "You said &quot;p95 went from 92 → 74 ms" in html


def test_practise_htmx_post_returns_the_practice_fragment(client_user):
    response = client_user.post(NOISE, {"answer": "It went up."}, **HTMX)
    html = response.content.decode()

    assert html.lstrip().startswith('<div id="practice">')
    assert "<html" not in html
    assert "The interviewer follows up" in html


def test_practise_empty_answer_is_refused_with_a_message(client_user):
    html = client_user.post(NOISE, {"answer": "   "}).content.decode()

    assert "Write an answer first" in html
    assert "The interviewer follows up" not in html


def test_practise_oversized_answer_is_refused_and_kept(client_user):
    answer = "word " * (ANSWER_MAX_CHARS // 4)

    html = client_user.post(NOISE, {"answer": answer}).content.decode()

    assert f"Keep it under {ANSWER_MAX_CHARS} characters" in html
    assert answer.strip() in html


def test_practise_escapes_html_in_the_answer(client_user):
    html = client_user.post(NOISE, {"answer": "<script>alert(1)</script> it worked"}).content
    html = html.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_practise_switched_off_or_unknown_challenge_is_404(client_user):
    Challenge.objects.filter(slug="results-looks-like-noise").update(active=False)

    assert client_user.get(NOISE).status_code == 404
    assert client_user.get(reverse("challenges:practise", args=["nope"])).status_code == 404


def test_practise_answer_query_count_is_small(client_user, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # session, user, the challenge, the bank
        client_user.post(NOISE, {"answer": "It went up a lot."}, **HTMX)
