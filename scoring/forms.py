from django import forms

from scoring.models import ReviewComment

COMMENT_LIMITS = {
    "author": ReviewComment._meta.get_field("author").max_length,
    "text": ReviewComment.TEXT_MAX_LENGTH,
}


class CommentForm(forms.Form):
    """A mentor's note on one turn: who wrote it and what they say."""

    author = forms.CharField(label="Your name", max_length=COMMENT_LIMITS["author"])
    text = forms.CharField(
        label="Comment", max_length=COMMENT_LIMITS["text"], widget=forms.Textarea
    )
