package herald.domain.jobs;

/** An async action is in progress until every one of its parts is finished. */
public enum AsyncActionStatus {
  IN_PROGRESS,
  DONE
}
