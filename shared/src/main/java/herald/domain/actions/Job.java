package herald.domain.actions;

/**
 * A piece of background work on the jobs queue: a part of an async action's work, or the purge of a deleted
 * segment's shard.
 */
public sealed interface Job permits ImportJob, ScanJob, PurgeJob {
  /** The async action the job does part of; null for a purge, which no action follows. */
  String actionId();
}
