"""The one answer shape every triage provider must produce."""
from __future__ import annotations

import copy
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Urgency = Literal["emergency", "urgent", "routine", "self_care"]
MAX_ADVICE_CHARS = 2000


class TriageAnswer(BaseModel):
    """A provider's answer, validated before anything downstream trusts it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    urgency: Urgency
    specialization: str = Field(min_length=1, max_length=100)
    red_flags: list[str]
    advice: str = Field(max_length=MAX_ADVICE_CHARS)
    rationale: Union[str, list[str]]

    def rationale_lines(self) -> list[str]:
        return [self.rationale] if isinstance(self.rationale, str) else list(self.rationale)


# OpenAI strict mode rejects length limits and defaults; pydantic still enforces them.
_UNSUPPORTED_IN_STRICT = ("maxLength", "minLength", "default", "title")


def _strictify(node: Any) -> Any:
    if isinstance(node, dict):
        cleaned = {key: _strictify(value) for key, value in node.items() if key not in _UNSUPPORTED_IN_STRICT}
        if cleaned.get("type") == "object" and "properties" in cleaned:
            cleaned["additionalProperties"] = False
            cleaned["required"] = list(cleaned["properties"])
        return cleaned
    if isinstance(node, list):
        return [_strictify(item) for item in node]
    return node


def triage_json_schema() -> dict:
    """JSON Schema of TriageAnswer, acceptable to OpenAI strict mode and Ollama `format`."""
    return _strictify(copy.deepcopy(TriageAnswer.model_json_schema()))
