"""The one module that talks to the language-model provider (any OpenAI-compatible server).

`structured_completion` sends chat messages, asks for JSON matching a pydantic model, validates
the reply on our side and returns it typed, with the raw text for the record. Every failure comes
out as `LLMError`, whose `retryable` says whether trying again later could help (a timeout, a
429, a 5xx) or not (no configuration, a rejected request, a reply that is not the JSON asked
for). Model, base URL, key and timeout come from settings.
"""

import json
from dataclasses import dataclass
from functools import lru_cache

import openai
import pydantic
from django.conf import settings

# Temperature 0 and a fixed seed: as repeatable as the server allows.
SEED = 7
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2  # the client's own retries, with backoff, on 429, 5xx and timeouts


class LLMError(Exception):
    def __init__(self, message: str, *, retryable: bool):
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True, slots=True)
class Completion[T: pydantic.BaseModel]:
    value: T
    raw: str  # the reply as the server sent it, kept with the report
    model: str


def model_name() -> str:
    return getattr(settings, "OPENAI_MODEL", "") or "gpt-4o-mini"


def is_configured() -> bool:
    return bool(getattr(settings, "OPENAI_API_KEY", "") or getattr(settings, "OPENAI_BASE_URL", ""))


@lru_cache(maxsize=4)
def _client(api_key: str, base_url: str | None, timeout: float, max_retries: int) -> openai.OpenAI:
    # A local server (vLLM, Ollama, llama.cpp) needs no key, but the client insists on one.
    return openai.OpenAI(
        api_key=api_key or "unused",
        base_url=base_url,
        timeout=timeout,
        max_retries=max_retries,
    )


def client() -> openai.OpenAI:
    if not is_configured():
        raise LLMError(
            "No language model is configured (set OPENAI_API_KEY or OPENAI_BASE_URL).",
            retryable=False,
        )
    return _client(
        getattr(settings, "OPENAI_API_KEY", ""),
        getattr(settings, "OPENAI_BASE_URL", None) or None,
        float(getattr(settings, "OPENAI_TIMEOUT", DEFAULT_TIMEOUT)),
        int(getattr(settings, "OPENAI_MAX_RETRIES", DEFAULT_MAX_RETRIES)),
    )


def structured_completion[T: pydantic.BaseModel](
    messages: list[dict], response_model: type[T], *, max_tokens: int | None = None
) -> Completion[T]:
    """Ask for a reply shaped like `response_model`; raises LLMError on any failure."""
    model = model_name()
    options = {"max_tokens": max_tokens} if max_tokens else {}
    try:
        response = client().chat.completions.parse(
            model=model,
            messages=messages,
            response_format=response_model,
            temperature=0,
            seed=SEED,
            **options,
        )
    except openai.APITimeoutError as exc:
        raise LLMError("The language model did not answer in time.", retryable=True) from exc
    except openai.RateLimitError as exc:
        raise LLMError("The language model is rate-limiting us.", retryable=True) from exc
    except openai.InternalServerError as exc:
        raise LLMError(
            f"The language model server failed ({exc.status_code}).", retryable=True
        ) from exc
    except openai.APIConnectionError as exc:
        raise LLMError("Could not reach the language model server.", retryable=True) from exc
    except openai.APIStatusError as exc:
        raise LLMError(
            f"The language model server refused the request ({exc.status_code}).",
            retryable=False,
        ) from exc
    except (
        openai.LengthFinishReasonError,
        openai.ContentFilterFinishReasonError,
        pydantic.ValidationError,
        json.JSONDecodeError,
    ) as exc:
        raise LLMError(
            "The language model's reply was not the JSON asked for.", retryable=False
        ) from exc
    except openai.OpenAIError as exc:
        raise LLMError(f"The language model call failed: {exc}", retryable=False) from exc

    choice = response.choices[0] if response.choices else None
    raw = (choice.message.content or "") if choice else ""
    if not raw:
        raise LLMError("The language model sent an empty reply.", retryable=False)
    # Validated here as well: a lenient server may skip the schema and the client trusts it.
    try:
        value = response_model.model_validate_json(raw)
    except pydantic.ValidationError as exc:
        raise LLMError(
            "The language model's reply was not the JSON asked for.", retryable=False
        ) from exc
    return Completion(value=value, raw=raw, model=response.model or model)
