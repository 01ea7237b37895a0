from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.validators import MaxLengthValidator


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        required=False, help_text="Optional. Only used if you ask us to reset your password."
    )

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")


class LoginForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets the username's max_length after the field is built, so nothing checks
        # it: an overlong name reached authenticate(), and axes failed to store it (a 500).
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class DeleteAccountForm(forms.Form):
    confirmation = forms.CharField(
        label="Type your username to confirm",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirmation(self):
        typed = self.cleaned_data["confirmation"].strip()
        if typed != self.user.get_username():
            raise forms.ValidationError(
                "That is not your username. Type it exactly to delete your account."
            )
        return typed
