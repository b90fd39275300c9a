"""Build debrief/coach/data/model.txt, the coach's learned model, from the labelled
corpus in tests/coach/corpus (the dev split only: the test split stays unseen).

A logistic regression over words, word pairs, word stems, the rule triggers in the
sentence and the cues of debrief/coach/cues.py (who the subject is and what it does,
negation, "should have", question forms), trained in plain Python (seconds), and one
linear scorer per kind for what a flagged sentence is reported as. The rules' findings
are not features: they taught the model that a sentence no rule matched is fine. The
threshold (for sentences no rule matched) and the keep level (below which a rule's
finding is dropped) give the best recall at which the rules plus the model keep
precision at TARGET_PRECISION (or, when that is out of reach, at the rules' own
precision) on the dev sentences the rules were not written from (those below a corpus
file's calibration line), scored by models that never saw them (cross-validation
grouped by source): on the rest of dev the rules look better than they are. Deterministic: the same corpus and rules give the
same file.

Usage: python scripts/build_coach_model.py [--report] [--tune] [--out PATH]
  --report  also prints grouped cross-validation scores (every source held out in turn:
            each real publisher, and the written sentences in ten parts) and how often
            the kind of a flagged sentence is told right.
  --tune    prints the recall at TARGET_PRECISION for a grid of training settings
            (leave-source-out), and writes nothing.
  --out     writes the weights to PATH instead of debrief/coach/data/model.txt.
"""

from __future__ import annotations

import hashlib
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from debrief.coach import Coach, load_rules  # noqa: E402
from debrief.coach.cues import lexicon_of  # noqa: E402
from debrief.coach.model import KINDS, Model, features, tokenize  # noqa: E402
from tests.coach.corpus import Sentence, load  # noqa: E402

OUT = ROOT / "debrief" / "coach" / "data" / "model.txt"
TARGET_PRECISION = 0.955
"""Over the 0.95 asked for: the choice is made on five folds, the report holds out every
source, and the two differ by a point or so."""
EPOCHS = 4
RATE = 0.1
L2 = 1e-2
MIN_COUNT = 2
POSITIVE_WEIGHT = 1.5
"""How much a sentence to flag counts in training against one to leave alone."""
KIND_FEATURES = ("w:", "t:", "f:")
"""What the kind of a flagged sentence is told from: its words, rule triggers and first
word (stems and cues made it worse in cross-validation)."""
KIND_OF = {"person": "blame", "team": "blame", "vague-action": "vague-remediation"}


@dataclass
class Example:
    row: Sentence
    flagged_by_rules: bool
    hits: list[str]
    feats: list[str]
    kind_feats: list[str]


def source_group(row: Sentence) -> str:
    """The publisher of a real sentence; the written ones in ten parts by hash."""
    if not row.real:
        return f"written-{hashlib.sha256(row.text.encode()).digest()[1] % 10}"
    parts = urlsplit(row.source.strip().split(" ")[0])
    path = [p for p in parts.path.split("/") if p]
    if parts.netloc in ("github.com", "raw.githubusercontent.com") and len(path) >= 2:
        return f"{parts.netloc}/{path[0]}/{path[1]}"
    return parts.netloc or row.source


def lower_vocabulary(rows: list[Sentence]) -> frozenset[str]:
    """Words written in lower case at least MIN_COUNT times in the training sentences."""
    counts: Counter[str] = Counter()
    for row in rows:
        for alts in tokenize(row.text, frozenset(), frozenset()):
            if alts[-1] == "<unk>":
                counts[alts[0]] += 1
    return frozenset(w for w, c in counts.items() if c >= MIN_COUNT)


def examples(coach: Coach, rows: list[Sentence], lower: frozenset[str]) -> list[Example]:
    names = coach._lower_names_frozen
    lexicon = lexicon_of(coach)
    out = []
    for row in rows:
        context, found = coach.rules_pass(row.text)
        hits = [c for _, cats in context.hits for c in cats]
        feats = features(row.text, names, lower, hits, lexicon)
        out.append(
            Example(
                row, bool(found), hits, feats, [f for f in feats if f.startswith(KIND_FEATURES)]
            )
        )
    return out


@dataclass(frozen=True)
class Settings:
    epochs: int = EPOCHS
    l2: float = L2
    min_count: int = MIN_COUNT
    positive_weight: float = POSITIVE_WEIGHT


def train(
    data: list[tuple[list[str], int]], settings: Settings = Settings(), seed: int = 7
) -> tuple[float, dict[str, float]]:
    """Logistic regression by AdaGrad; features seen fewer than `min_count` times dropped."""
    seen: Counter[str] = Counter()
    for feats, _ in data:
        seen.update(set(feats))
    kept = [([f for f in feats if seen[f] >= settings.min_count], y) for feats, y in data]
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(kept)))
    rng = random.Random(seed)
    l2 = settings.l2
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = kept[i]
            z = bias + sum(weights[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * (settings.positive_weight if y else 1.0)
            bias_sq += g * g
            bias -= RATE * g / math.sqrt(bias_sq)
            for f in feats:
                grad = g + l2 * weights[f]
                squares[f] += grad * grad
                weights[f] -= RATE * grad / math.sqrt(squares[f])
    return bias, {f: w for f, w in weights.items() if abs(w) >= 1e-3}


def score(bias: float, weights: dict[str, float], feats: list[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def kind_of(row: Sentence) -> str:
    return KIND_OF.get(row.category, row.category)


def fit_kinds(positives: list[Example]) -> dict[str, dict[str, float]]:
    """One scorer per kind, one against the rest, over the kind features."""
    kinds: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        data = [(e.kind_feats, int(kind_of(e.row) == kind)) for e in positives]
        kind_bias, kind_weights = train(data, Settings(EPOCHS, L2, MIN_COUNT, 1.0))
        kind_weights = {f: round(w, 3) for f, w in kind_weights.items() if abs(w) >= 0.01}
        kind_weights["<bias>"] = kind_bias
        kinds[kind] = kind_weights
    return kinds


def best_kind(kinds: dict[str, dict[str, float]], feats: list[str]) -> str:
    def total(weights: dict[str, float]) -> float:
        return weights.get("<bias>", 0.0) + sum(weights.get(f, 0.0) for f in feats)

    return max(sorted(kinds), key=lambda k: total(kinds[k]))


def out_of_fold(
    data: list[Example], folds: dict[str, int], settings: Settings = Settings(), kinds: bool = False
) -> tuple[list[float], list[str]]:
    """Each example's score (and, with `kinds`, its kind) from models trained without its fold."""
    scores = [0.0] * len(data)
    told = [""] * len(data)
    for fold in sorted(set(folds.values())):
        held = [i for i, e in enumerate(data) if folds[source_group(e.row)] == fold]
        rest = [e for i, e in enumerate(data) if folds[source_group(e.row)] != fold]
        bias, weights = train([(e.feats, int(e.row.wanted)) for e in rest], settings)
        kind_weights = fit_kinds([e for e in rest if e.row.wanted]) if kinds else {}
        for i in held:
            scores[i] = score(bias, weights, data[i].feats)
            if kinds and data[i].row.wanted:
                told[i] = best_kind(kind_weights, data[i].kind_feats)
    return scores, told


def precision_recall(
    data: list[Example], scores: list[float], threshold: float, keep: float = 0.0
) -> tuple[float, float, dict[str, float]]:
    """A sentence is flagged when the model scores it over `threshold`, or when a rule
    matched it and the model scores it at least `keep`."""
    tp = fp = fn = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e, s in zip(data, scores, strict=True):
        flagged = (e.flagged_by_rules and s >= keep) or s >= threshold
        if e.row.wanted:
            by_kind[e.row.category][1] += 1
            by_kind[e.row.category][0] += flagged
            tp += flagged
            fn += not flagged
        else:
            fp += flagged
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, {k: v[0] / v[1] for k, v in sorted(by_kind.items())}


MIN_THRESHOLD = 0.9
"""The lowest score at which the model may flag a sentence no rule matched."""
KEEPS = (0.0, 0.01, 0.02, 0.05, 0.1)
"""The model vetoes a rule's finding only in a sentence it scores as near-certainly fine:
the rules say which words and why, and a deliberate catch stays."""


def choose_thresholds(
    data: list[Example],
    scores: list[float],
    allowed: Callable[[float, float], bool] = lambda threshold, keep: True,
) -> tuple[float, float]:
    """The threshold and the keep level with the best recall at TARGET_PRECISION
    (threshold MIN_THRESHOLD at the least, 0.995 at the most; keep as low as gives that
    recall) among the settings `allowed` accepts. When no setting reaches it, the best
    recall at the precision the rules have alone (the model may add findings, never nag
    more than the rules); failing that too, the model adds nothing (threshold over 1)
    and the keep level is the one with the best precision."""
    floor = min(TARGET_PRECISION, precision_recall(data, scores, 1.01)[0])
    lowest = round(MIN_THRESHOLD * 200) - 1
    for target in (TARGET_PRECISION, floor):
        best = (-1.0, 1.01, 0.0)
        for keep in KEEPS:
            for step in (201, *range(199, lowest, -1)):  # 201: the rules alone, with the veto
                threshold = step / 200
                precision, recall, _ = precision_recall(data, scores, threshold, keep)
                if precision >= target and recall > best[0] + 1e-9 and allowed(threshold, keep):
                    best = (recall, threshold, keep)
        if best[0] >= 0:
            return best[1], best[2]
    return 1.01, max(KEEPS, key=lambda k: precision_recall(data, scores, 1.01, k)[0])


def documents_allow(
    bias: float,
    weights: dict[str, float],
    kinds: dict[str, dict[str, float]],
    lower: frozenset[str],
) -> Callable[[float, float], bool]:
    """Whether the model at a threshold and keep level leaves every real post-mortem in
    tests/coach/documents with at most one finding outside those judged right there."""
    from tests.coach.test_documents import DOCUMENTS, JUDGED

    texts = [(path.name, path.read_text(encoding="utf-8")) for path in DOCUMENTS]
    rules = load_rules()
    seen: dict[tuple[float, float], bool] = {}

    def allow(threshold: float, keep: float) -> bool:
        if (threshold, keep) not in seen:
            model = Model(threshold, bias, weights, kinds, lower, keep)
            coach = Coach(rules, model=model)
            seen[threshold, keep] = all(
                sum((name, f.line, f.category) not in JUDGED for f in coach.lint(text)) <= 1
                for name, text in texts
            )
        return seen[threshold, keep]

    return allow


def calibration_rows(data: list[Example]) -> list[int]:
    """The examples new to the rules (below a corpus file's calibration line): rules
    fitted to the rest of dev look better there than they are, so the operating point is
    chosen on these. All of dev when there are none."""
    rows = [i for i, e in enumerate(data) if e.row.calibration]
    return rows or list(range(len(data)))


def folds_by_source(data: list[Example], parts: int) -> dict[str, int]:
    """Every source in one fold: the big ones alone, the small ones shared by hash."""
    sizes = Counter(source_group(e.row) for e in data)
    folds: dict[str, int] = {}
    big = [g for g, n in sizes.most_common() if n >= 25]
    for index, group in enumerate(big):
        folds[group] = index
    for group in sizes:
        if group not in folds:
            digest = hashlib.sha256(group.encode()).digest()[0]
            folds[group] = len(big) + digest % parts
    return folds


def _by_kind(kinds: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in kinds.items())


def report(data: list[Example], threshold: float, keep: float) -> None:
    """Leave-source-out scores of rules plus model, and the kind classifier's accuracy."""
    merged = folds_by_source(data, 10)
    oof, told = out_of_fold(data, merged, kinds=True)
    p, r, k = precision_recall(data, oof, threshold, keep)
    print(
        f"leave-source-out ({len(set(merged.values()))} folds): precision {p:.3f}, recall {r:.3f}"
    )
    print("  recall by kind: " + _by_kind(k))
    rows = calibration_rows(data)
    p, r, k = precision_recall([data[i] for i in rows], [oof[i] for i in rows], threshold, keep)
    print(f"  the {len(rows)} sentences new to the rules: precision {p:.3f}, recall {r:.3f}")
    print("    recall by kind: " + _by_kind(k))
    flagged = [
        (e, t) for e, s, t in zip(data, oof, told, strict=True)
        if e.row.wanted and s >= threshold and not e.flagged_by_rules
    ]  # fmt: skip
    positives = [(e, t) for e, t in zip(data, told, strict=True) if e.row.wanted]
    right = sum(kind_of(e.row) == t for e, t in positives)
    print(
        f"  kind told right: {right / len(positives):.3f} of {len(positives)} sentences to flag; "
        f"{sum(kind_of(e.row) == t for e, t in flagged)}/{len(flagged)} of those only the model flags"
    )
    for kind in sorted({kind_of(e.row) for e, _ in positives}):
        told_as = [t for e, t in positives if t == kind]
        hits = sum(kind_of(e.row) == t for e, t in positives if t == kind)
        print(f"    reported as {kind:<18} precision {hits / max(1, len(told_as)):.2f}")


def tune(data: list[Example]) -> None:
    """Recall at TARGET_PRECISION, leave-source-out, for settings around the chosen ones."""
    merged = folds_by_source(data, 10)
    grid = [
        Settings(epochs, l2, min_count, weight)
        for epochs in (3, 4, 6)
        for l2 in (3e-3, 1e-2, 3e-2)
        for min_count in (2, 3)
        for weight in (1.0, 1.5)
    ]
    for settings in grid:
        oof, _ = out_of_fold(data, merged, settings)
        threshold, keep = choose_thresholds(data, oof)
        p, r, _ = precision_recall(data, oof, threshold, keep)
        print(f"{settings}: threshold {threshold:.2f} keep {keep:.2f}: p {p:.3f} r {r:.3f}")


def main() -> None:
    coach = Coach(load_rules(), use_model=False)
    dev = load("dev")
    lower = lower_vocabulary(dev)
    data = examples(coach, dev, lower)
    if "--tune" in sys.argv:
        tune(data)
        return
    folds = folds_by_source(data, 5)
    scores, _ = out_of_fold(data, folds)
    bias, weights = train([(e.feats, int(e.row.wanted)) for e in data])
    kind_weights = fit_kinds([e for e in data if e.row.wanted])
    weights = {f: round(w, 3) for f, w in weights.items() if abs(w) >= 0.01}
    rows = calibration_rows(data)
    fresh, fresh_scores = [data[i] for i in rows], [scores[i] for i in rows]
    allowed = documents_allow(bias, weights, kind_weights, lower)
    threshold, keep = choose_thresholds(fresh, fresh_scores, allowed)
    for label, part, part_scores in (
        (f"the {len(rows)} sentences new to the rules", fresh, fresh_scores),
        ("all of dev", data, scores),
    ):
        precision, recall, kinds = precision_recall(part, part_scores, threshold, keep)
        rules_only = precision_recall(part, [0.0] * len(part), 2.0)
        print(
            f"threshold {threshold:.3f}, keep {keep:.2f}; {label}, cross-validated "
            f"({len(set(folds.values()))} folds by source): precision {precision:.3f}, "
            f"recall {recall:.3f} (rules alone {rules_only[0]:.3f}, {rules_only[1]:.3f})"
        )
        print("  recall by kind: " + _by_kind(kinds))
    if "--report" in sys.argv:
        report(data, threshold, keep)
    lines = [
        "# The coach's learned model, written by scripts/build_coach_model.py from the dev split",
        "# of tests/coach/corpus; do not edit. One entry a line, fields separated by tabs:",
        "# threshold, keep, bias, w FEATURE WEIGHT, k KIND FEATURE WEIGHT, l WORD (seen in",
        "# lower case).",
        f"threshold\t{threshold}",
        f"keep\t{keep}",
        f"bias\t{round(bias, 4)}",
        *(f"w\t{f}\t{w}" for f, w in sorted(weights.items())),
        *(
            f"k\t{kind}\t{f}\t{w}"
            for kind, kind_map in sorted(kind_weights.items())
            for f, w in sorted(kind_map.items())
        ),
        *(f"l\t{word}" for word in sorted(lower)),
    ]
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else OUT
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"wrote {shown}: {len(weights)} weights, {out.stat().st_size // 1000} KB")


if __name__ == "__main__":
    main()
