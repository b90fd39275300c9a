"""`python -m tests.coach.corpus [dev|test|all] [-v]`: the coach's scores on the corpus."""

from __future__ import annotations

import sys

from tests.coach.corpus import evaluate, load, render

if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    print(render(evaluate(load(args[0] if args else "dev")), verbose="-v" in sys.argv))
