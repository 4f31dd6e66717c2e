package herald.domain.actions;

/** An async action is in progress until every one of its parts is finished. */
public enum ActionStatus {
  IN_PROGRESS,
  DONE
}
