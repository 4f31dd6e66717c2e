package herald.domain.integrations;

import herald.domain.common.Ids;
import herald.domain.common.Invalid;

/** A channel's {@code integration_id}: read when the channel is built, checked against the store when saved. */
public final class IntegrationRefs {
  public static final String FIELD = "integration_id";

  private IntegrationRefs() {}

  /** The id as given (null when absent: a channel stored before integrations existed reads back without one). */
  public static String read(String id, String field) {
    return id == null ? null : Ids.given(id, field);
  }

  /**
   * Refuses (400, naming {@code field}) a missing id, one no integration has ({@code unknown_integration}) and one
   * of another tool ({@code integration_tool_mismatch}).
   */
  public static void check(Integrations integrations, String id, String tool, String field) {
    if (id == null) throw Invalid.required(field);
    Integration integration = integrations.get(id).orElseThrow(() -> new Invalid("unknown_integration", field,
        field + ": integration " + id + " does not exist"));
    if (!integration.tool().equals(tool)) {
      throw new Invalid("integration_tool_mismatch", field, field + ": integration " + id + " is for "
          + integration.tool() + ", not " + tool);
    }
  }
}
