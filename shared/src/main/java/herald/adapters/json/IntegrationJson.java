package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.integrations.Integration;
import herald.domain.integrations.IntegrationDraft;
import herald.domain.integrations.ToolCredentials;
import herald.platform.Json;
import java.util.Map;
import java.util.Set;

/**
 * Integrations as the API reads and writes them: {@code {tool, name, credentials, api_base_url}} in, and out the
 * same without the credentials, each of the tool's credential fields shown only as {@code <field>_set}.
 */
public final class IntegrationJson {
  private static final Set<String> FIELDS = Set.of("tool", "name", "credentials", "api_base_url", "version",
      "id", "created_at", "updated_at", "credentials_set");

  private IntegrationJson() {}

  public static IntegrationDraft parse(JsonNode body) {
    Fields f = Fields.of(body, "", FIELDS);
    return new IntegrationDraft(f.text("tool"), f.text("name"), f.object("credentials"), f.text("api_base_url"));
  }

  /** The version a PUT names in its body, or null. */
  public static Long version(JsonNode body) {
    JsonNode version = body == null ? null : body.get("version");
    return version != null && version.canConvertToLong() ? version.asLong() : null;
  }

  public static ObjectNode write(Integration integration, Map<String, ToolCredentials> tools) {
    ObjectNode node = Json.object();
    node.put("id", integration.id());
    node.put("tool", integration.tool());
    node.put("name", integration.name());
    node.put("api_base_url", integration.apiBaseUrl());
    ObjectNode set = node.putObject("credentials_set");
    ToolCredentials tool = tools.get(integration.tool());
    for (String field : tool == null ? integration.credentialsSet() : tool.fields()) {
      set.put(field + "_set", integration.credentialsSet().contains(field));
    }
    node.put("version", integration.version());
    node.put("created_at", integration.createdAt().toString());
    node.put("updated_at", integration.updatedAt().toString());
    return node;
  }
}
