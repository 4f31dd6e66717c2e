package herald.adapters.dynamodb;

import herald.domain.limits.Account;
import herald.domain.limits.AccountSettings;
import herald.domain.limits.Plan;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The account's settings, one item of the settings table ({@code account}); none saved yet: the default plan. */
public final class DynamoDbAccountSettings implements AccountSettings {
  static final int SCHEMA = 1;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Plan defaultPlan;

  public DynamoDbAccountSettings(DynamoDbClient dynamo, String table, Plan defaultPlan) {
    this.dynamo = dynamo;
    this.table = table;
    this.defaultPlan = defaultPlan;
  }

  @Override
  public Account account() {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("name", "account")).consistentRead(true)).item();
    if (item == null || item.isEmpty()) return Account.of(defaultPlan);
    Items.schema(item, SCHEMA, "account settings");
    Map<String, Integer> rates = new HashMap<>();
    AttributeValue stored = item.get("send_rates");
    if (stored != null && stored.hasM()) stored.m().forEach((type, rate) -> rates.put(type, Integer.valueOf(rate.n())));
    return new Account(Plan.parse(Items.text(item, "plan"), "plan"), rates);
  }

  @Override
  public void save(Account account) {
    Map<String, AttributeValue> rates = new HashMap<>();
    account.sendRates().forEach((type, rate) -> rates.put(type, Items.n(rate)));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("name", Items.s("account"));
    item.put("plan", Items.s(account.plan().key()));
    item.put("send_rates", AttributeValue.fromM(rates));
    dynamo.putItem(r -> r.tableName(table).item(Items.withSchema(item, SCHEMA)));
  }
}
