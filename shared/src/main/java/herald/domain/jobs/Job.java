package herald.domain.jobs;


/**
 * A piece of background work: a part of an async action's work (an import part on the jobs queue, a segment scan
 * part on the segment scans queue), or the purge of a deleted segment's shard (jobs queue).
 */
public interface Job {
  /** The async action the job does part of; null for a purge, which no action follows. */
  String actionId();
}
