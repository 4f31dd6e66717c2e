package herald.domain.limits;

import herald.domain.channels.ChannelKinds;
import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import jakarta.inject.Inject;
import java.util.Map;

/** The account's settings as the API changes them: its plan, its channels' send rates, and its verification. */
public final class ManageAccount {
  private final AccountSettings settings;
  private final ChannelKinds kinds;
  private final Quota quota;

  @Inject
  public ManageAccount(AccountSettings settings, ChannelKinds kinds, Quota quota) {
    this.settings = settings;
    this.kinds = kinds;
    this.quota = quota;
  }

  /** The settings with their usage. */
  public record View(Account account, Usage usage) {}

  public View get() {
    Account account = settings.account();
    return new View(account, quota.usage(account.plan()));
  }

  /** Changes what is given (null leaves it as it is): the plan, and the send rates (replaced as a whole). */
  public View update(Plan plan, Map<String, Integer> sendRates) {
    Account account = settings.account();
    if (plan != null) account = account.withPlan(plan);
    if (sendRates != null) {
      sendRates.keySet().forEach(type -> {
        if (kinds.find(type).isEmpty()) {
          throw new Invalid("invalid_value", "send_rates." + type, "send_rates has no channel type " + type
              + "; use one of " + String.join(", ", kinds.all().stream().map(k -> k.type()).toList()));
        }
      });
      account = account.withSendRates(sendRates);
    }
    settings.save(account);
    return get();
  }

  /** A trial account becomes a verified trial (a verified one stays so); a paid account has nothing to verify. */
  public View verify() {
    Account account = settings.account();
    if (account.plan() == Plan.PAID) {
      throw new Conflict("invalid_transition", "a paid account has no trial to verify");
    }
    if (account.plan() == Plan.TRIAL) settings.save(account.withPlan(Plan.TRIAL_VERIFIED));
    return get();
  }
}
