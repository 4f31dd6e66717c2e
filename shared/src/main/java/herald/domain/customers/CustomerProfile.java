package herald.domain.customers;

import herald.domain.Text;
import java.util.Map;

/** What a caller says about a customer when upserting: only the fields given are changed. */
public record CustomerProfile(String sourceId, String name, String email, String phone, Map<String, Object> metadata) {
  public CustomerProfile {
    sourceId = Text.required(sourceId, "source_id");
  }

  public static CustomerProfile of(String sourceId) {
    return new CustomerProfile(sourceId, null, null, null, null);
  }
}
