package herald.domain.actions;

/** A piece of background work on the jobs queue, done for one async action. */
public sealed interface Job permits ImportJob, ScanJob {
  String actionId();
}
