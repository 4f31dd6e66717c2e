package herald.domain.actions;

import java.util.function.BooleanSupplier;

/** Does one background job: a part of an import, or a part of a segment evaluation. */
public final class RunJob {
  private final ImportCustomers imports;
  private final EvaluateSegmentPart evaluations;

  public RunJob(ImportCustomers imports, EvaluateSegmentPart evaluations) {
    this.imports = imports;
    this.evaluations = evaluations;
  }

  /** {@code timeLeft} says whether there is time for more work in this invocation. */
  public void run(Job job, BooleanSupplier timeLeft) {
    switch (job) {
      case ImportJob part -> imports.handle(part, timeLeft);
      case ScanJob part -> evaluations.handle(part, timeLeft);
    }
  }
}
