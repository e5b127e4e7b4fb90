"""The campaign report of `cargo bench -p analytics --bench report`, computed with pandas.

The same synthetic campaign (one million responses, 30 five-point Likert items, codes
0-4 for values 1-5, about 3 % missing), read from the file the Rust benchmark writes, and
the same statistics as `CampaignTally::report(5)`: per item, answered / missing, counts
and shares per option, top box, mean with its 95 % confidence interval, sd, median and
quartiles (type 7, pandas' default); per scale, the survey-defs scores (a prorated sum
over the 30 items with at least 24 answered, and three means of 10 items with at least
5), then the same distribution figures and band counts; and the disclosure control of
`analytics/src/disclosure.rs` (k = 5). It prints the same check lines as the Rust
benchmark so the two can be compared.

Run:
    BOUCLE_BENCH_WRITE=/tmp/boucle-1m.bin cargo bench -p analytics --bench report
    python3 -m venv /tmp/pandas-venv && /tmp/pandas-venv/bin/pip install pandas
    /tmp/pandas-venv/bin/python analytics/benches/report_pandas.py /tmp/boucle-1m.bin

Timed: from the codes in memory (bytes) to the report, as the Rust figure is from the
codes in memory to the report; reading the file is not timed. Median of 5 runs.
"""

import resource
import sys
import time

import numpy as np
import pandas as pd

ITEMS = 30
MISSING = -(2**31)
K = 5
# Student's t 0.975 quantile; n is large here, so the normal value is exact to 1e-6.
T_975 = 1.959963984540054


def round2(x):
    """survey-defs' rounding to 2 decimals: half away from zero (Rust's f64::round)."""
    return np.sign(x) * np.floor(np.abs(x) * 100 + 0.5) / 100


def disclose_counts(counts, k):
    """Primary and complementary suppression of one row (analytics/src/disclosure.rs)."""
    counts = list(counts)
    hidden = [0 < n < k for n in counts]
    if sum(counts) < k:
        hidden = [n > 0 for n in counts]
    elif sum(hidden) == 1:
        others = [(n, i) for i, n in enumerate(counts) if n > 0 and not hidden[i]]
        if others:
            hidden[min(others)[1]] = True
    return [None if h else n for n, h in zip(counts, hidden)]


def distribution(series):
    """n, mean, sd, 95 % CI, median, quartiles of the non-missing values."""
    s = series.dropna()
    n = len(s)
    if n == 0:
        return None
    mean, sd = s.mean(), s.std()
    half = T_975 * sd / np.sqrt(n)
    q1, median, q3 = s.quantile([0.25, 0.5, 0.75])
    return dict(n=n, mean=mean, sd=sd, ci=(mean - half, mean + half), median=median, q1=q1, q3=q3)


def band_counts(scores, bands):
    """Scores per band; a score between two bands belongs to the lower one."""
    s = scores.dropna()
    counts = []
    for i, (low, high) in enumerate(bands):
        upper = bands[i + 1][0] if i + 1 < len(bands) else high
        inside = (s >= low) & ((s <= high) | (s < upper))
        counts.append(int(inside.sum()))
    return counts


def report(raw):
    codes = np.frombuffer(raw, dtype="<i4").reshape(-1, ITEMS)
    df = pd.DataFrame(codes, columns=[f"q{i}" for i in range(ITEMS)])
    answers = df.where(df != MISSING)  # float, NaN = missing
    values = answers + 1  # option values 1..5
    respondents = len(df)

    items = []
    for column in df.columns:
        counts = answers[column].value_counts().reindex(range(5), fill_value=0)
        answered = int(counts.sum())
        cells = disclose_counts(counts.tolist(), K)
        complete = all(c is not None for c in cells)
        items.append(
            dict(
                item=column,
                answered=answered,
                missing=respondents - answered,
                options=cells,
                pct=[None if c is None else 100 * c / answered for c in cells],
                top_box=100 * counts[4] / answered if complete else None,
                distribution=distribution(values[column]) if complete else None,
            )
        )

    scales = []
    answered = values.notna()
    n_total = answered.sum(axis=1)
    sum_total = values.sum(axis=1)
    prorated = round2(sum_total / n_total * ITEMS).clip(30, 150)
    total = sum_total.where(n_total == ITEMS, prorated).where(n_total >= 24)
    scales.append(("total", total, [(30, 69), (70, 109), (110, 150)]))
    for part in range(3):
        cols = [f"q{i}" for i in range(part * 10, part * 10 + 10)]
        n = answered[cols].sum(axis=1)
        scales.append((f"part{part}", round2(values[cols].sum(axis=1) / n).where(n >= 5), []))
    rows = []
    for name, scores, bands in scales:
        d = distribution(scores)
        scored = int(scores.notna().sum())
        shown = scored >= K
        rows.append(
            dict(
                scale=name,
                scored=scored,
                not_scored=respondents - scored,
                distribution=d if shown else None,
                bands=disclose_counts(band_counts(scores, bands), K) if shown else None,
            )
        )
    return respondents, items, rows


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/boucle-1m.bin"
    with open(path, "rb") as f:
        raw = f.read()
    print(f"input: {len(raw) // (4 * ITEMS)} responses x {ITEMS} items, {len(raw) >> 20} MiB of codes")
    print(f"pandas {pd.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = report(raw)
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"pandas report, 5 runs: median {times[2] * 1000:.0f} ms, min {times[0] * 1000:.0f} ms, max {times[4] * 1000:.0f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS: {peak:.0f} MiB (input included)")
    _, items, scales = result
    for s in scales:
        d = s["distribution"]
        print(
            f"check: {s['scale']} scored {s['scored']} / not scored {s['not_scored']}, mean {d['mean']:.6f}, "
            f"sd {d['sd']:.6f}, median {d['median']:g}, q1 {d['q1']:g}, q3 {d['q3']:g}, bands {s['bands']}"
        )
    first = items[0]
    print(f"check: q0 answered {first['answered']} missing {first['missing']} options {first['options']}")


if __name__ == "__main__":
    main()
