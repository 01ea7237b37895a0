import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from scoring import drills, llm, peer_scores, review_services, selectors
from scoring.forms import COMMENT_LIMITS, CalibrationConsentForm, CommentForm, PeerScorecardForm
from scoring.models import GRADED, PeerScorecard
from scoring.reports import attach_comments, review_json, review_markdown
from scoring.services import retry_grading


@login_required
def dashboard(request):
    """Progress across sessions. Its body is a cached fragment keyed by the sessions it is
    worked out from and by the drill due times passed, so their figures are read again only
    when a session is added or graded, or a drill falls due."""
    sessions = selectors.dashboard_sessions(request.user)
    context = {
        "sessions": sessions,
        "drill_times_passed": drills.due_moments_passed(
            (created_at for _, _, created_at, *_ in sessions), timezone.now()
        ),
        "progress": selectors.lazy_progress_for_user(request.user, sessions),
        # Read (inside the cached body) only if a peer interviewer scored one of the sessions.
        "peer_agreement": SimpleLazyObject(lambda: peer_scores.agreement(request.user))
        if any(peer_scored for *_, peer_scored in sessions)
        else None,
    }
    return render(request, "scoring/dashboard.html", context)


@login_required
@require_safe
@never_cache
def review(request, pk):
    grading = selectors.get_review_grading_for_user(request.user, pk)
    if request.htmx and request.GET.get("seen") == grading.status:
        # Nothing changed since the last poll: htmx swaps nothing on a 204 and keeps polling,
        # so the status line is not re-read to screen-reader users every second.
        return HttpResponse(status=204)
    graded = grading.status == GRADED
    context = {
        "grading": grading,
        # The report is a cached fragment keyed by the grading, when it was graded and its
        # comments; the review behind it is read only when that fragment is missing.
        "review": SimpleLazyObject(lambda: selectors.owner_review(grading)),
        "share_links": (
            selectors.active_share_links(grading) if graded and grading.has_share_links else []
        ),
        "can_regrade": graded and llm.is_configured(),
    }
    if request.htmx:
        # The polling region: while grading runs it carries its own trigger; once done it
        # comes back without one, which is what stops the polling.
        return render(request, "scoring/review.html#review-body", context)
    regrade_of, regrades = selectors.regrade_family(grading) if grading.has_regrades else (None, [])
    scorecard = getattr(grading, "peer_scorecard", None)
    context |= {
        "peer_scorecard": scorecard,
        "peer_gap": peer_scores.GAP,
        "peer_comparisons": SimpleLazyObject(lambda: peer_scores.compare(grading, scorecard)),
        "turn_count": selectors.turn_count(grading),
        "regrade_of": regrade_of,
        "regrades": regrades,
    }
    return render(request, "scoring/review.html", context)


@login_required
@require_POST
def retry(request, pk):
    grading = selectors.get_grading_for_user(request.user, pk)
    retry_grading(grading=grading)
    return redirect("scoring:review", grading.pk)


@login_required
@require_POST
def regrade(request, pk):
    grading = selectors.get_grading_for_user(request.user, pk)
    if grading.status != GRADED or not llm.is_configured():
        messages.error(request, "Regrading needs a finished grading and a configured LLM grader.")
        return redirect("scoring:review", grading.pk)
    again = review_services.regrade(grading=grading)
    messages.success(request, "Grading again with the LLM grader; the earlier review is kept.")
    return redirect("scoring:review", again.pk)


def _graded_for_user(request, pk):
    grading = selectors.get_grading_for_user(request.user, pk)
    if grading.status != GRADED:
        raise Http404("This session has not been graded yet.")
    return grading


def _download(content: str, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(grading, extension: str) -> str:
    return f"hotseat-review-{grading.pk}-{grading.created_at:%Y%m%d}.{extension}"


@login_required
@require_safe
@never_cache
def export_markdown(request, pk):
    grading = _graded_for_user(request, pk)
    title = f"Mock onsite review, {grading.created_at:%-d %B %Y}"
    return _download(
        review_markdown(selectors.review_for(grading), title=title),
        content_type="text/markdown; charset=utf-8",
        filename=_filename(grading, "md"),
    )


@login_required
@require_safe
@never_cache
def export_json(request, pk):
    grading = _graded_for_user(request, pk)
    about = {
        "id": grading.pk,
        "status": grading.status,
        "grader": grading.produced_by,
        "created_at": grading.created_at.isoformat(),
        "graded_at": grading.graded_at.isoformat() if grading.graded_at else None,
    }
    return _download(
        review_json(transcript=grading.transcript, report=grading.report, grading=about),
        content_type="application/json",
        filename=_filename(grading, "json"),
    )


@login_required
@require_POST
def create_share(request, pk):
    grading = _graded_for_user(request, pk)
    review_services.create_share_link(grading=grading)
    messages.success(request, "Mentor link created. Copy it from the list below.")
    return redirect(reverse("scoring:review", args=[grading.pk]) + "#share-heading")


@login_required
@require_POST
def revoke_share(request, pk, link_pk):
    grading = selectors.get_grading_for_user(request.user, pk)
    link = get_object_or_404(grading.share_links, pk=link_pk)
    review_services.revoke_share_link(link=link)
    messages.success(request, "Mentor link revoked: it no longer opens the review.")
    return redirect(reverse("scoring:review", args=[grading.pk]) + "#share-heading")


def _no_index(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def _shared_context(link, review, **extra) -> dict:
    return {
        "grading": link.grading,
        "review": review,
        "can_comment": True,
        "share_token": link.token,
        "comment_limits": COMMENT_LIMITS,
        **extra,
    }


@require_safe
def shared_review(request, token):
    link = selectors.get_active_share_link(token)
    review = selectors.review_for(link.grading)
    return _no_index(render(request, "scoring/shared.html", _shared_context(link, review)))


@require_POST
def add_comment(request, token, turn):
    link = selectors.get_active_share_link(token)
    review = selectors.review_for(link.grading)
    target = next((t for t in review.turns if t.number == turn), None)
    if target is None:
        raise Http404("No such turn.")
    form = CommentForm(request.POST)
    if form.is_valid():
        comment = review_services.add_review_comment(link=link, turn=turn, **form.cleaned_data)
        if not request.htmx:
            return redirect(reverse("scoring:shared", args=[token]) + f"#turn-{turn}")
        attach_comments(review, [comment])
        form = None
    context = _shared_context(link, review, comment_form=form, comment_turn=turn)
    if request.htmx:
        # htmx swaps only 2xx answers, so the form comes back with its errors as a 200.
        return _no_index(render(request, "scoring/_comments.html", {**context, "turn": target}))
    return _no_index(render(request, "scoring/shared.html", context, status=400))


# --- A peer interviewer's scores ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def peer_review(request, pk):
    """The peer's page for a round they interviewed: the scorecard until they submit it, then
    their scores beside the grader's and the review, until the candidate revokes access."""
    scorecard = peer_scores.get_scorecard_for_peer(request.user, pk)
    if request.method == "POST" or not scorecard.is_submitted:
        return _score_the_round(request, scorecard)
    grading = scorecard.grading
    graded = grading.status == GRADED
    context = {
        "grading": grading,
        "scorecard": scorecard,
        "comparisons": peer_scores.compare(grading, scorecard) if graded else [],
        "review": selectors.review_for(grading) if graded else None,
        "peer_gap": peer_scores.GAP,
    }
    return render(request, "scoring/peer_review.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def peer_scores_edit(request, pk):
    """The scorecard again, as the peer last saved it, while they may read the review."""
    return _score_the_round(request, peer_scores.get_scorecard_for_peer(request.user, pk))


def _score_the_round(request, scorecard):
    grading = scorecard.grading
    form = PeerScorecardForm(
        peer_scores.projects_to_score(grading.transcript),
        request.POST if request.method == "POST" else None,
        scorecard=scorecard,
    )
    if form.is_valid():
        first = not scorecard.is_submitted
        peer_scores.save_scorecard(scorecard=scorecard, **form.scorecard())
        messages.success(
            request,
            "Scores saved. The candidate sees them beside the grader's."
            if first
            else "Changes saved. The candidate's review shows your new scores.",
        )
        return redirect("scoring:peer-review", grading.pk)
    context = {"grading": grading, "scorecard": scorecard, "form": form}
    status = 400 if form.errors else 200
    return render(request, "scoring/peer_review.html", context, status=status)


@login_required
@require_POST
def revoke_peer_access(request, pk):
    grading = selectors.get_grading_for_user(request.user, pk)
    scorecard = get_object_or_404(PeerScorecard, grading=grading)
    peer_scores.revoke_peer_access(scorecard=scorecard)
    messages.success(request, "Your interviewer can no longer read this review; their scores stay.")
    return redirect(reverse("scoring:review", args=[grading.pk]) + "#peer-heading")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def calibration_export(request):
    """Graded rounds that a peer scored, as JSON, once the candidate ticks their consent."""
    form = CalibrationConsentForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        return _download(
            json.dumps(peer_scores.calibration_export(request.user), indent=2, ensure_ascii=False),
            content_type="application/json",
            filename=f"hotseat-calibration-{timezone.now():%Y%m%d}.json",
        )
    context = {"form": form, "agreement": peer_scores.agreement(request.user)}
    return render(request, "scoring/calibration.html", context, status=400 if form.errors else 200)
