package herald.domain.integrations;

import java.util.List;
import java.util.Map;

/**
 * One tool's credentials, in that tool's channel package, bound under the tool's name (its channel type): which
 * fields it takes, how they are checked, and the API base URL they imply. Refusals name
 * {@code credentials.<field>} (or {@code api_base_url}).
 */
public interface ToolCredentials {
  /** The tool, the same name as its channel type ({@code klaviyo}). */
  String tool();

  /** Every credential field, in order; all are write-only (answers say {@code <field>_set}). */
  List<String> fields();

  /** The credentials, checked, as texts; {@code apiBaseUrl} is the integration's own, or null. */
  Map<String, String> check(Map<String, Object> given, String apiBaseUrl);

  /** The base URL Herald calls: the integration's {@code api_base_url}, else the tool's host for these credentials. */
  String baseUrl(Map<String, String> credentials, String apiBaseUrl);

  /** A valid example, as a client would send it (the catalogue and the OpenAPI document show one). */
  Map<String, String> example();
}
