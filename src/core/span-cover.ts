// The spans kept so far, asked "does this span overlap any of them?" in logarithmic time. Two spans overlap when
// a.start < b.end && b.start < a.end (touching spans do not; an empty span overlaps a span strictly around it).
// Non-empty spans are held as the unions of those that overlap (disjoint, sorted intervals; a union answers
// exactly as its members would), empty spans as sorted points. Used where a quadratic rescan of everything kept
// made one huge document take minutes (#12).
/** Any span-like range: the evidence of a candidate, or a plain start and end. */
type Range = { readonly start: number; readonly end: number };

/** The first index in the ascending array whose value is greater than x (its length if none). */
function firstAbove(xs: readonly number[], x: number, from = 0): number {
  let lo = from;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** xs[i, j) replaced by the one value x, in place (splice would allocate the array of what it removes). */
function replaceWith(xs: number[], i: number, j: number, x: number): void {
  if (j === i) {
    xs.push(x);
    for (let k = xs.length - 1; k > i; k--) xs[k] = xs[k - 1]!;
  } else if (j > i + 1) {
    xs.copyWithin(i + 1, j);
    xs.length -= j - i - 1;
  }
  xs[i] = x;
}

export class SpanCover {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly points: number[] = [];

  overlaps(s: Range): boolean {
    const i = firstAbove(this.ends, s.start); // the first interval ending after s starts
    if (i < this.ends.length && this.starts[i]! < s.end) return true;
    const p = firstAbove(this.points, s.start); // the first empty span after s starts
    return p < this.points.length && this.points[p]! < s.end;
  }

  add(s: Range): void {
    if (s.end <= s.start) {
      const p = firstAbove(this.points, s.start);
      replaceWith(this.points, p, p, s.start);
      return;
    }
    const i = firstAbove(this.ends, s.start);
    let j = i;
    while (j < this.starts.length && this.starts[j]! < s.end) j++; // the intervals s overlaps: i … j-1
    const start = j > i ? Math.min(s.start, this.starts[i]!) : s.start;
    const end = j > i ? Math.max(s.end, this.ends[j - 1]!) : s.end;
    replaceWith(this.starts, i, j, start);
    replaceWith(this.ends, i, j, end);
  }
}
