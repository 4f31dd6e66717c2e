package herald.adapters.dynamodb;

import herald.domain.brand.Brand;
import herald.domain.brand.BrandSettings;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The brand details, one item of the settings table. */
public final class DynamoDbBrandSettings implements BrandSettings {
  static final int SCHEMA = 1;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbBrandSettings(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Brand> brand() {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("name", "brand")).consistentRead(true)).item();
    if (item == null || item.isEmpty()) return Optional.empty();
    Items.schema(item, SCHEMA, "brand settings");
    return Optional.of(new Brand(Items.text(item, "sender_name"), Items.text(item, "sender_email"),
        Items.text(item, "postal_address")));
  }

  @Override
  public void save(Brand brand) {
    dynamo.putItem(r -> r.tableName(table).item(Map.of(
        "name", Items.s("brand"),
        "sender_name", Items.s(brand.senderName()),
        "sender_email", Items.s(brand.senderEmail()),
        "postal_address", Items.s(brand.postalAddress()),
        Items.SCHEMA, Items.n(SCHEMA))));
  }
}
