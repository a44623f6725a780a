"""Long differential campaign: shapedoctor against Keras 3 (torch backend, CPU).

    KERAS_BACKEND=torch python benchmarks/conformance.py --n 10000 [--seed 0] [--exec-every 5]
        [--mix all|chains|single] [--families attention,einsum,...] [--forward] [--shrink] [--json out.json]

Draws ``--n`` random layer stacks and small functional graphs (tests/conformance/generator.py) and
single-layer models of every other rule family (tests/conformance/single.py), seeded, renders each as
Python source, runs ``shapedoctor.check_source`` on it and builds the same model in Keras in-process,
then prints cases/s, the agreement rate per Keras verdict kind, per layer family and per rendering
style, and every disagreement (grouped).  ``--mix``: ``chains`` (the chain/DAG generator only, as
before issue 10), ``single`` (single-layer cases only, ``--families`` to pick some), ``all`` (both).
``--forward``: the oracle also runs each model Keras builds on one small random batch, layer by layer;
a model that builds but fails on its first batch must get a shapedoctor warning at that layer (and a
model that runs, none).  With ``--shrink`` each group of disagreements is minimized with hypothesis and
printed as a fixture candidate (``tests/conformance/record.py`` stores it).  Exit status 1 when any case
disagrees.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "torch")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from conformance.campaign import run, shrink
from conformance.case import case_to_json
from conformance.generator import cases as chain_cases
from conformance.render import render
from conformance.single import WEIGHTS, single_layers


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:6.2f}%" if b else "     -"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--exec-every", type=int, default=5,
                        help="also exec every k-th rendered source in Keras to check the rendering (0: never)")
    parser.add_argument("--shrink", action="store_true", help="minimize one case per disagreement group")
    parser.add_argument("--json", help="write the summary and the disagreeing cases to this file")
    parser.add_argument("--mix", choices=("all", "chains", "single"), default="all")
    parser.add_argument("--families", help=f"single-layer families, comma-separated: {', '.join(WEIGHTS)}")
    parser.add_argument("--forward", action="store_true", help="oracle = build + one forward pass")
    parser.add_argument("--tf-path", help="a site-packages holding tensorflow, appended to sys.path: the layers "
                                          "Keras makes with TensorFlow (Hashing, IntegerLookup) are drawn too")
    args = parser.parse_args(argv)
    if args.tf_path:
        sys.path.append(args.tf_path)

    def progress(c):
        print(f"  {c.n} cases, {len(c.disagreements)} disagreements", file=sys.stderr, flush=True)

    import hypothesis.strategies as st

    families = tuple(args.families.split(",")) if args.families else None
    strategy = {"chains": chain_cases(), "single": single_layers(families),
                "all": st.one_of(chain_cases(), single_layers(families))}[args.mix]
    campaign = run(args.n, args.seed, exec_every=args.exec_every, progress=progress, strategy=strategy,
                   forward=args.forward)
    n = campaign.n
    bad = campaign.disagreements
    oracle = "build + one forward pass" if args.forward else "build"
    print(f"shapedoctor vs Keras 3 (torch backend): {n} cases ({args.mix}), seed {args.seed}, oracle {oracle}, "
          f"{campaign.seconds:.1f} s = {n / campaign.seconds:.1f} cases/s")
    print(f"agreement: {n - len(bad)}/{n} = {_pct(n - len(bad), n)}")
    invalid = sum(1 for o in campaign.outcomes if o.keras.error_index is not None)
    print(f"Keras rejects {invalid}/{n} cases ({_pct(invalid, n).strip()})")

    print("\nper Keras verdict (kind):")
    print(f"  {'kind':<20} {'cases':>7} {'agree':>7} {'rate':>8}")
    for kind, (total, agree) in sorted(campaign.by_kind().items(), key=lambda kv: -kv[1][0]):
        print(f"  {kind:<20} {total:>7} {agree:>7} {_pct(agree, total):>8}")

    print("\nper layer family (cases containing it; layers built before Keras' first error):")
    print(f"  {'family':<14} {'cases':>7} {'agree':>7} {'rate':>8} {'invalid':>8} {'layers':>7} {'agree':>7} "
          f"{'rate':>8}")
    for fam, (c, a, inv, nl, la) in sorted(campaign.by_family().items(), key=lambda kv: -kv[1][0]):
        print(f"  {fam:<14} {c:>7} {a:>7} {_pct(a, c):>8} {_pct(inv, c):>8} {nl:>7} {la:>7} {_pct(la, nl):>8}")

    styles = defaultdict(lambda: [0, 0])
    for o in campaign.outcomes:
        key = o.case.style if o.case.is_chain else "functional DAG"
        styles[key][0] += 1
        styles[key][1] += o.agree
    print("\nper rendering style:")
    for style, (c, a) in sorted(styles.items()):
        print(f"  {style:<20} {c:>7} {a:>7} {_pct(a, c):>8}")

    singles = defaultdict(lambda: [0, 0, 0])
    for o in campaign.outcomes:
        if o.case.intent.startswith("single:"):
            row = singles[o.case.intent.split(":", 1)[1]]
            row[0] += 1
            row[1] += o.agree
            row[2] += o.keras_kind != "valid"
    if singles:
        print("\nsingle-layer cases per generator family:")
        print(f"  {'family':<20} {'cases':>7} {'agree':>7} {'rate':>8} {'Keras rejects/fails':>20}")
        for fam, (c, a, bad_) in sorted(singles.items(), key=lambda kv: -kv[1][0]):
            print(f"  {fam:<20} {c:>7} {a:>7} {_pct(a, c):>8} {bad_:>20}")

    print("\ngenerator intent -> Keras verdict:")
    for intent, verdicts in sorted(campaign.by_intent().items()):
        print(f"  {intent:<20} " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items(), key=lambda kv: -kv[1])))

    if bad:
        print(f"\n{len(bad)} disagreements, by signature:")
        groups = defaultdict(list)
        for o in bad:
            groups[o.signature].append(o)
        for sig, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"\n  [{len(items)}] {sig}\n    {items[0].problems[0][:500]}")
            print("    " + render(items[0].case).replace("\n", "\n    "))
            if args.shrink:
                minimal = shrink(sig, args.seed, strategy=strategy, forward=args.forward)
                print("    minimized:\n    " + render(minimal).replace("\n", "\n    "))
                print("    " + json.dumps(case_to_json(minimal)))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "n": n, "seed": args.seed, "mix": args.mix, "forward": args.forward, "seconds": campaign.seconds,
            "agree": n - len(bad),
            "by_kind": campaign.by_kind(), "by_family": campaign.by_family(),
            "disagreements": [{"problems": o.problems, "case": case_to_json(o.case)} for o in bad],
        }, indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
