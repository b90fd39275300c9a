"""The coach's learned model: one linear score per sentence over its words, word pairs,
word stems, the rule triggers in it and cues that carry over to wording never seen (see
cues.py). It decides for every sentence: one no rule matched is flagged over the
threshold, and the rules' findings in one scored under the keep level are dropped.

The weights are data (data/model.txt, tab-separated, written by scripts/build_coach_model.py from
the labelled corpus); scoring is dictionary look-ups and a sum, so no numeric library is
needed. Loaded on the first lint that needs it, never at import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import repeat

from debrief.coach.cues import Lexicon, cues, stem

TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d+")
KINDS = (
    "blame", "character", "human-error", "counterfactual", "hindsight", "why-question",
    "vague-remediation",
)  # fmt: skip
"""What the model can report a sentence as (naming a person or a team is "blame")."""
WHY = {
    "blame": "Naming and blaming: the sentence makes a person or a team the cause.",
    "character": "Judging character: a verdict on a person stops the inquiry.",
    "human-error": "Human error as the cause: it ends the story where it should start.",
    "counterfactual": "Counterfactual: what someone should have done, not what happened.",
    "hindsight": "Hindsight: it reads as obvious now, which it was not at the time.",
    "why-question": "A why-question aimed at a person asks for a justification.",
    "vague-remediation": "A vague action item: nobody can tell when it is done.",
}
REDIRECTS = {
    "blame": [
        "What made this possible, and what did the situation look like at the time?",
        "What would have stopped it, and why didn't it?",
    ],
    "character": [
        "What about the situation made this the reasonable thing to do?",
        "What support or information was missing?",
    ],
    "human-error": [
        "What made the action look right at the time, and what would have caught it?",
        "How did the tool or process let one action do this much?",
    ],
    "counterfactual": [
        "What was known at that moment, and what made the choice look reasonable?",
        "What would have had to be different for another choice to be easy?",
    ],
    "hindsight": [
        "What did the signals look like before we knew the outcome?",
        "What else was competing for attention at the time?",
    ],
    "why-question": [
        "How did the situation look at that moment?",
        "What made that the sensible next step at the time?",
    ],
    "vague-remediation": [
        "What specific change would make this happen, who owns it, and by when?",
        "How will we know it is done?",
    ],
}


@dataclass
class Model:
    """Weights for the flag score and for the kind of a flagged sentence."""

    threshold: float
    """The score at which a sentence no rule matched is flagged."""
    bias: float
    weights: dict[str, float]
    kinds: dict[str, dict[str, float]]
    lower: frozenset[str]
    """Words seen in lower case while training: others are `<unk>` or `<cap>`."""
    keep: float = 0.0
    """The score below which the rules' findings in a sentence are dropped."""
    _scores: dict[tuple[str, tuple[str, ...], frozenset[str]], float] = field(default_factory=dict)

    def sentence_score(
        self,
        sentence: str,
        names: frozenset[str],
        hits: tuple[str, ...],
        lexicon: Lexicon | None = None,
    ) -> float:
        """The probability-like score (0..1) that the sentence is worth a redirect.

        Remembered per sentence: the live coach lints the same section on every pause,
        and only the sentence being typed changes."""
        key = (sentence, hits, names)
        cached = self._scores.get(key)
        if cached is not None:
            return cached
        if len(self._scores) > 20_000:
            self._scores.clear()
        feats = features(sentence, names, self.lower, hits, lexicon)
        total = self.bias + sum(map(self.weights.get, feats, repeat(0.0)))
        self._scores[key] = result = _sigmoid(total)
        return result

    def kind(
        self,
        sentence: str,
        names: frozenset[str],
        hits: Iterable[str],
        lexicon: Lexicon | None = None,
    ) -> str:
        feats = features(sentence, names, self.lower, hits, lexicon)
        best, best_score = KINDS[0], -math.inf
        for kind, weights in self.kinds.items():
            total = weights.get("<bias>", 0.0) + sum(weights.get(f, 0.0) for f in feats)
            if total > best_score:
                best, best_score = kind, total
        return best


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def tokenize(sentence: str, names: frozenset[str], lower: frozenset[str]) -> list[tuple[str, ...]]:
    """Each word as its alternatives: a name is `<name>`, a capitalised word never seen in
    lower case also `<cap>`, an unseen lower-case word also `<unk>` (chat-style names)."""
    return _tokens(words(sentence), names, lower)


def words(sentence: str) -> list[str]:
    return TOKEN.findall(sentence.replace("\u2019", "'"))


def _tokens(raw: list[str], names: frozenset[str], lower: frozenset[str]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    if len(_TOKENS) > 8:
        _TOKENS.clear()
    cache = _TOKENS.setdefault((names, lower), {})
    if len(cache) > 50_000:
        cache.clear()
    for word in raw:
        known = cache.get(word)
        if known is not None:
            out.append(known)
            continue
        alternatives = _alternatives(word, names, lower)
        cache[word] = alternatives
        out.append(alternatives)
    return out


_TOKENS: dict[tuple[frozenset[str], frozenset[str]], dict[str, tuple[str, ...]]] = {}
"""Each word's alternatives, per names list and vocabulary (a few sets per process)."""


def _alternatives(raw: str, names: frozenset[str], lower: frozenset[str]) -> tuple[str, ...]:
    """A name, a number, a known word, or an unseen word with its class."""
    if raw[0].isdigit():
        return ("<num>",)
    base, tail = (raw[:-2], "s") if raw.endswith("'s") else (raw, "")
    folded = base.lower()
    if folded in names and not (base.isupper() and len(base) > 1):
        return ("<name>" + tail,)
    word = raw.lower().replace("'", "")
    if folded in lower or word in lower:
        return (word,)
    if base[:1].isupper() or (not base.isascii() and base.lower() == base.upper()):
        return (word, "<cap>" + tail)  # a name, also in a script without case: 王伟, 김민준
    return (word, "<unk>")


def word_features(tokens: list[tuple[str, ...]], question: bool, hits: Iterable[str]) -> list[str]:
    """Unigrams, bigrams (with sentence start and end marks) and rule-trigger features."""
    feats = [f"t:{h}" for h in hits]
    previous: tuple[str, ...] = ("<s>",)
    for alternatives in tokens:
        for token in alternatives:
            feats.append("w:" + token)
            for before in previous:
                feats.append(f"b:{before} {token}")
        previous = alternatives
    end = "<q>" if question else "</s>"
    for before in previous:
        feats.append(f"b:{before} {end}")
    if tokens:
        feats.append(f"f:{tokens[0][0]}{'?' if question else ''}")
    return feats


def features(
    sentence: str,
    names: frozenset[str],
    lower: frozenset[str],
    hits: Iterable[str],
    lexicon: Lexicon | None = None,
) -> list[str]:
    """Every feature of a sentence, as training sees them: words, word pairs, rule
    triggers, the stems of known words, and the cues (`lexicon` is the coach's words
    for people and systems)."""
    raw = words(sentence)
    tokens = _tokens(raw, names, lower)
    question = sentence.rstrip().endswith("?")
    feats = word_features(tokens, question, hits)
    for alternatives in tokens:
        word = alternatives[0]
        if word[0] != "<":
            stemmed = _STEMS.get(word)
            if stemmed is None:
                stemmed = _STEMS[word] = stem(word)
                if len(_STEMS) > 50_000:
                    _STEMS.clear()
            feats.append("st:" + stemmed)
    if tokens:
        feats += cues(raw, tokens, question, lexicon or _NO_LEXICON)
    return feats


_STEMS: dict[str, str] = {}
_NO_LEXICON = Lexicon()


@lru_cache(maxsize=1)
def load() -> Model | None:
    """The shipped model, or None when the package has none."""
    path = resources.files("debrief") / "coach" / "data" / "model.txt"
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return None
    scalars: dict[str, float] = {}
    weights: dict[str, float] = {}
    kinds: dict[str, dict[str, float]] = {}
    lower: set[str] = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "w":
            weights[fields[1]] = float(fields[2])
        elif fields[0] == "k":
            kinds.setdefault(fields[1], {})[fields[2]] = float(fields[3])
        elif fields[0] == "l":
            lower.add(fields[1])
        else:
            scalars[fields[0]] = float(fields[1])
    return Model(
        threshold=scalars["threshold"],
        keep=scalars.get("keep", 0.0),
        bias=scalars["bias"],
        weights=weights,
        kinds=kinds,
        lower=frozenset(lower),
    )
