import json
import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from interviews import peer_views
from interviews.forms import SetupForm
from interviews.models import ANSWER_MAX_CHARS, FINISHED
from interviews.selectors import (
    build_transcript,
    get_session_for_user,
    history_rows,
    peer_invite_of,
    run_state,
    sessions_for_user,
)
from interviews.services import (
    AnswerTooLong,
    InterviewError,
    NothingToDrill,
    SessionClosed,
    StaleDraft,
    TurnClosed,
    abandon_session,
    finish_session,
    save_draft,
    start_drill,
    start_session,
    submit_answer,
    sync_session,
)
from projects.readiness import project_readiness
from projects.selectors import projects_for_user

SESSIONS_PER_PAGE = 20


def _review_url(session) -> str:
    if session.grading_id is None:
        return reverse("interviews:history")
    try:
        return reverse("scoring:review", args=[session.grading_id])
    except NoReverseMatch:  # the review pages are not mounted in this build
        return reverse("interviews:history")


def _go(request, url: str):
    """Navigate the whole page, from a plain request or an htmx one."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _answer(request) -> str:
    # Answers skip Django's form fields, which refuse NUL; PostgreSQL text cannot hold it
    # (a 500), and no one types it: it only arrives in pasted binary junk.
    return request.POST.get("answer", "").replace("\x00", "")


# The browser counts its saves up from the version it was served; a number past the column's
# range is no real count (PostgreSQL refuses it, which was a 500), so it counts as stale.
DRAFT_VERSION_MAX = 2**31 - 1


# Spoken mode sends the dictation's phrase timings with the answer: a list of [start, end]
# seconds. Only the shape is checked here (a page never sends more than this); what cannot be
# true is dropped by the grader, with a note on the review (scoring.delivery).
TIMING_MAX_CHARS = 64_000
TIMING_MAX_PHRASES = 2000


def _timing(request) -> list:
    raw = request.POST.get("timing", "")
    if not raw or len(raw) > TIMING_MAX_CHARS:
        return []
    try:
        phrases = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(phrases, list) or len(phrases) > TIMING_MAX_PHRASES:
        return []
    return [
        [float(start), float(end)]
        for start, end in (p for p in phrases if isinstance(p, list) and len(p) == 2)
        if all(isinstance(x, int | float) and not isinstance(x, bool) for x in (start, end))
        and all(math.isfinite(x) for x in (start, end))
    ]


def _version(request) -> int:
    try:
        version = max(0, int(request.POST.get("draft_version", "0")))
    except ValueError:
        return 0
    return version if version <= DRAFT_VERSION_MAX else 0


@login_required
@require_safe
def history(request):
    page = Paginator(history_rows(request.user), SESSIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )

    def sessions():
        # Read only when the page's cached rows are missing.
        found = sessions_for_user(request.user).in_bulk([pk for pk, *_ in page.object_list])
        return [found[pk] for pk, *_ in page.object_list]

    return render(
        request,
        "interviews/history.html",
        {"page": page, "sessions": SimpleLazyObject(sessions)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def setup(request):
    projects = list(projects_for_user(request.user))
    form = SetupForm(request.POST or None, projects=projects)
    if form.is_valid():
        try:
            session = start_session(user=request.user, **form.start_kwargs())
        except InterviewError as error:
            form.add_error(None, str(error))
        else:
            return redirect("interviews:run", pk=session.pk)
    readiness = [(project, project_readiness(project)) for project in projects]
    return render(
        request,
        "interviews/setup.html",
        {"form": form, "readiness": readiness},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def drill(request):
    try:
        session = start_drill(user=request.user)
    except NothingToDrill as error:
        messages.info(request, str(error))
        return redirect("dashboard")
    return redirect("interviews:run", pk=session.pk)


def _closed(request, session, *, message: str = "", unsaved: str = ""):
    """A session that takes no more answers: say so, and hand back any text that was sent."""
    if session.status == FINISHED and not unsaved and not message:
        return _go(request, _review_url(session))
    template = "interviews/closed.html#closed-panel" if request.htmx else "interviews/closed.html"
    context = {
        "session": session,
        "message": message,
        "unsaved": unsaved,
        "review_url": _review_url(session),
    }
    # A refused post is a conflict for a plain form; htmx only swaps successful responses.
    refused = bool(message or unsaved) and not request.htmx
    return render(request, template, context, status=409 if refused else 200)


def _panel(
    request, session, *, message="", level="info", answer=None, unsaved="", confirmed=None, peer=""
):
    """The run page at the session's open turn (worked out here against the clock), or just
    its panel for htmx. `peer` is how the round stands with a peer interviewer, if any."""
    turn = sync_session(session=session)
    if turn is None:
        return _closed(request, session, message=message, unsaved=unsaved)
    context = {
        "state": run_state(session=session, turn=turn),
        "answer": turn.draft if answer is None else answer,
        "message": message,
        "level": level,
        "unsaved": unsaved,
        "confirmed": confirmed,
        "max_chars": ANSWER_MAX_CHARS,
        "peer": peer,
        "peer_poll_seconds": peer_views.CANDIDATE_POLL_SECONDS,
    }
    template = "interviews/run.html#run-panel" if request.htmx else "interviews/run.html"
    return render(request, template, context)


@login_required
@require_safe
@never_cache
def run(request, pk):
    session = get_session_for_user(user=request.user, pk=pk)
    invite = peer_invite_of(session)
    peer = peer_views.candidate_state(invite)
    if peer in (peer_views.WAITING, peer_views.PAUSED):
        return peer_views.waiting_page(request, session, invite, peer)
    return _panel(request, session, peer=peer)


@login_required
@require_POST
@never_cache
def autosave(request, pk, index):
    version, text = _version(request), _answer(request)
    context = {"saved": True, "version": version}
    try:
        save_draft(
            user=request.user,
            session_pk=pk,
            index=index,
            text=text,
            version=version,
            timing=_timing(request),
        )
    except (AnswerTooLong, StaleDraft) as error:
        context = {"saved": False, "save_message": str(error)}
    except (TurnClosed, SessionClosed) as error:
        # This tab is behind (answered elsewhere, timed out, finished): offer the way forward.
        context = {"saved": False, "save_message": str(error), "moved_on": True, "session_pk": pk}
    # The status line needs nothing of the page shell's context, so none is built for it.
    return HttpResponse(render_to_string("interviews/run.html#save-status", context))


@login_required
@require_POST
@never_cache
def submit(request, pk, index):
    session = get_session_for_user(user=request.user, pk=pk)
    text = _answer(request)
    try:
        submitted = submit_answer(session=session, index=index, text=text, timing=_timing(request))
    except AnswerTooLong as error:
        # The turn stays open and the text goes back into the answer box, untouched.
        response = _panel(request, session, message=str(error), level="error", answer=text)
        if not request.htmx:
            response.status_code = 400
        return response
    except TurnClosed as error:
        recorded = session.turns.filter(index=index).values_list("answer", flat=True).first()
        if recorded == text:  # a double click: the answer is already on record
            return _panel(request, session, confirmed=index)
        return _panel(request, session, message=str(error), level="warning", unsaved=text)
    except SessionClosed as error:
        return _closed(request, session, message=str(error), unsaved=text)
    if submitted.cut_text:
        return _panel(
            request,
            session,
            message=(
                "Time ran out while the answer was over the size limit: the first "
                f"{ANSWER_MAX_CHARS:,} characters were recorded, the rest is below to copy."
            ),
            level="warning",
            unsaved=submitted.cut_text,
        )
    if not request.htmx:
        return redirect("interviews:run", pk=session.pk)
    return _panel(request, session, confirmed=index)


@login_required
@require_POST
def finish(request, pk):
    session = get_session_for_user(user=request.user, pk=pk)
    try:
        finish_session(session=session)
    except SessionClosed as error:
        messages.warning(request, str(error))
        return redirect("interviews:history")
    messages.success(request, "Session finished. Grading has started.")
    return redirect(_review_url(session))


@login_required
@require_POST
def abandon(request, pk):
    session = get_session_for_user(user=request.user, pk=pk)
    try:
        abandon_session(session=session)
    except SessionClosed as error:
        messages.warning(request, str(error))
    else:
        messages.info(request, "Session abandoned. It stays in your history, ungraded.")
    return redirect("interviews:history")


@login_required
@require_safe
@never_cache
def export(request, pk):
    session = get_session_for_user(user=request.user, pk=pk)
    if session.status != FINISHED:
        messages.info(request, "A session can be exported once it is finished.")
        return redirect("interviews:run", pk=session.pk)
    response = HttpResponse(
        json.dumps(build_transcript(session), indent=2, ensure_ascii=False),
        content_type="application/json",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="hotseat-session-{session.pk}-{session.started_at:%Y%m%d}.json"'
    )
    return response
