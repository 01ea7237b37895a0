"""A round with a peer interviewer: the candidate's side (waiting, revoking, going on alone)
and the peer's (joining by link, the console and its moves)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.text import Truncator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect, HttpResponseClientRefresh

from interviews.models import FINISHED, RUNNING
from interviews.selectors import (
    console_etag,
    console_state,
    get_console_invite,
    get_invite_by_token,
    get_session_for_user,
    peer_invite_of,
    suggestions_for,
)
from interviews.services import InterviewError, peers, rows, sync_session

# How the candidate's pages stand with their peer; a page polls with the state it shows and is
# reloaded when that changes.
WAITING, LIVE, PAUSED, ALONE = "waiting", "live", "paused", "alone"
CONSOLE_POLL_SECONDS = 1.5
CANDIDATE_POLL_SECONDS = 3


def candidate_state(invite) -> str:
    if invite is None or invite.session.status != RUNNING or invite.engine_at is not None:
        return ALONE
    if invite.is_waiting:
        return WAITING
    if invite.revoked_at is not None:
        return ALONE
    return PAUSED if peers.pause_if_dropped(invite) else LIVE


def waiting_page(request, session, invite, state: str):
    """The run page while the round waits for its peer, or is paused by the peer's drop."""
    context = {
        "session": session,
        "invite": invite,
        "state": state,
        "open": peers.invite_is_open(invite, timezone.now()),
        "poll_seconds": CANDIDATE_POLL_SECONDS,
    }
    return render(request, "interviews/peer_wait.html", context)


@login_required
@require_safe
@never_cache
def peer_status(request, pk):
    """The candidate's poll: 204 while the state the page shows holds, else reload the page."""
    session = get_session_for_user(user=request.user, pk=pk)
    if candidate_state(peer_invite_of(session)) == request.GET.get("seen"):
        return HttpResponse(status=204)
    return HttpResponseClientRefresh()


def _peer_round(request, pk):
    """The user's own round with a peer interviewer, or a 404."""
    session = get_session_for_user(user=request.user, pk=pk)
    if peer_invite_of(session) is None:
        raise Http404("This round has no peer interviewer.")
    return session


@login_required
@require_POST
def revoke(request, pk):
    session = _peer_round(request, pk)
    peers.revoke_invite(session=session)
    messages.success(request, "Invite revoked: the link no longer opens this round.")
    return redirect("interviews:run", pk=session.pk)


@login_required
@require_POST
def go_alone(request, pk):
    session = _peer_round(request, pk)
    try:
        peers.carry_on_with_engine(session=session)
    except InterviewError as error:
        messages.warning(request, str(error))
    else:
        messages.info(request, "Carrying on with the engine: it asks the pushback from here.")
    return redirect("interviews:run", pk=session.pk)


# --- The peer ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def join(request, token):
    """The invite link. A used (by someone else), revoked or expired link is a 404."""
    invite = get_invite_by_token(token)
    own = invite.session.user_id == request.user.pk
    if own:  # the candidate checking their own link
        context = {"invite": invite, "own": True, "candidate": request.user}
        status = 400 if request.method == "POST" else 200
        return render(request, "interviews/peer_join.html", context, status=status)
    if invite.peer_id == request.user.pk and invite.revoked_at is None:
        return redirect("interviews:console", pk=invite.session_id)
    if not peers.invite_is_open(invite, timezone.now()):
        raise Http404("This invite is no longer open.")
    if request.method == "POST":
        peers.accept_invite(invite=invite, user=request.user)
        return redirect("interviews:console", pk=invite.session_id)
    context = {"invite": invite, "own": False, "candidate": invite.session.user}
    return render(request, "interviews/peer_join.html", context)


def _open_turn(invite):
    """The open turn as the peer sees it; the clock is not moved while the round waits or
    is paused."""
    session = invite.session
    if invite.is_waiting or invite.is_paused or session.status != RUNNING:
        return rows.turn_at(session, session.current_index)
    return sync_session(session=session)


def _scorecard_url(session) -> str | None:
    if session.status != FINISHED or session.grading_id is None:
        return None
    try:
        return reverse("scoring:peer-review", args=[session.grading_id])
    except NoReverseMatch:  # the review pages are not mounted in this build
        return None


def _console_context(invite, turn) -> dict:
    return {
        "console": console_state(invite, turn),
        "suggestions": suggestions_for(turn) if turn is not None and turn.opened_at else [],
        "poll_ms": int(CONSOLE_POLL_SECONDS * 1000),
        "question_max_chars": peers.QUESTION_MAX_CHARS,
        "more_time_seconds": peers.MORE_TIME_SECONDS,
        "scorecard_url": _scorecard_url(invite.session),
    }


@login_required
@require_safe
@never_cache
def console(request, pk):
    invite = get_console_invite(user=request.user, pk=pk)
    peers.mark_seen(invite)
    turn = _open_turn(invite)
    context = _console_context(invite, turn) | {
        "projects": list(invite.session.projects.all()),
        "candidate": invite.session.user,
        # The first poll sends this back, so it too is a 304 while nothing has changed.
        "etag": console_etag(invite, turn),
    }
    return render(request, "interviews/peer_console.html", context)


@login_required
@require_safe
@never_cache
def console_live(request, pk):
    """The console's poll: 304 Not Modified while nothing it shows has changed (the browser
    sends back the ETag it was given), so an idle round costs three small queries a poll."""
    invite = get_console_invite(user=request.user, pk=pk)
    peers.mark_seen(invite)
    turn = _open_turn(invite)
    etag = console_etag(invite, turn)
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    if request.htmx and (url := _scorecard_url(invite.session)):
        return HttpResponseClientRedirect(url)
    response = render(
        request, "interviews/peer_console.html#console-live", _console_context(invite, turn)
    )
    response["ETag"] = etag
    return response


@login_required
@require_safe
@never_cache
def console_actions(request, pk):
    invite = get_console_invite(user=request.user, pk=pk)
    turn = _open_turn(invite)
    return render(
        request, "interviews/peer_console.html#console-actions", _console_context(invite, turn)
    )


def _peer_move(request, pk, move, done):
    """Make a move and say how it went: `done` is the message, or makes it from the move's
    result."""
    invite = get_console_invite(user=request.user, pk=pk)
    try:
        result = move(invite)
    except InterviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done(result) if callable(done) else done)
    return redirect(reverse("interviews:console", args=[pk]) + "#console-live")


@login_required
@require_POST
def ask(request, pk):
    text = request.POST.get("question", "").replace("\x00", "")
    slug = request.POST.get("slug", "")[:80]
    return _peer_move(
        request,
        pk,
        lambda invite: peers.send_question(invite=invite, text=text, slug=slug),
        "Sent: it is the candidate's next question.",
    )


def _moved_on(dropped: list[str]) -> str:
    if not dropped:
        return "Moved on: their answer was kept as it stood."
    questions = "; ".join(f"“{Truncator(question).chars(80)}”" for question in dropped)
    return (
        f"Skipped to the next section: their answer was kept as it stood, and "
        f"{len(dropped)} question{pluralize(len(dropped))} you queued will not be asked: "
        f"{questions}"
    )


@login_required
@require_POST
def next_section(request, pk):
    """Move on; the peer's queued questions come next unless they chose to drop them too."""
    drop_queued = request.POST.get("queued") == "drop"
    return _peer_move(
        request,
        pk,
        lambda invite: peers.next_section(invite=invite, drop_queued=drop_queued),
        _moved_on,
    )


@login_required
@require_POST
def withdraw(request, pk, turn_pk):
    return _peer_move(
        request,
        pk,
        lambda invite: peers.withdraw_question(invite=invite, pk=turn_pk),
        lambda question: f"Taken back: “{Truncator(question).chars(80)}” will not be asked.",
    )


@login_required
@require_POST
def more_time(request, pk):
    return _peer_move(
        request,
        pk,
        lambda invite: peers.give_more_time(invite=invite),
        f"Added {peers.MORE_TIME_SECONDS} s to this answer.",
    )
