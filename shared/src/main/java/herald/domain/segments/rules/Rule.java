package herald.domain.segments.rules;

import herald.domain.segments.SegmentRule;

/**
 * A segment rule as a tree: {@link Group}s ({@code and}, {@code or}) of {@link Condition}s and further groups.
 * The tree is checked when it is built, so a rule that exists can be evaluated for any customer without an
 * exception; see {@link Condition} for what each operator means.
 */
public sealed interface Rule extends SegmentRule permits Group, Condition {
  /** How many groups deep the tree is: 0 for a lone condition, 1 for a group of conditions. */
  int depth();

  /** How many conditions the tree holds, in all its groups. */
  int conditions();
}
