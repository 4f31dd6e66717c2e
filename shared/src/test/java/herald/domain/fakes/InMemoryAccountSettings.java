package herald.domain.fakes;

import herald.domain.limits.Account;
import herald.domain.limits.AccountSettings;
import herald.domain.limits.Plan;

/** The account's settings in memory, starting with a plan. */
public final class InMemoryAccountSettings implements AccountSettings {
  private volatile Account account;

  public InMemoryAccountSettings(Plan plan) {
    this.account = Account.of(plan);
  }

  @Override
  public Account account() {
    return account;
  }

  @Override
  public void save(Account account) {
    this.account = account;
  }
}
