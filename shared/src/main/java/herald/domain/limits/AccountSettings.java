package herald.domain.limits;

/** Port: the account's settings, one per deployment; a deployment never saved has the default plan. */
public interface AccountSettings {
  Account account();

  void save(Account account);
}
