package herald.domain.channels.braze;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Braze user attributes: the https REST endpoint of the user's Braze instance (host under braze.com or
 * braze.eu), a write-only API key, which customer id is Braze's external_id, and up to 50 attributes
 * (name -> template).
 */
public record BrazeChannel(String restEndpoint, String apiKey, String externalIdField, Map<String, String> attributes)
    implements Channel {
  public BrazeChannel {
    restEndpoint = endpoint(restEndpoint);
    apiKey = ChannelSettings.secret(apiKey, "api_key");
    externalIdField = externalIdField == null ? "source_id" : externalIdField;
    if (!externalIdField.equals("source_id") && !externalIdField.equals("id")) {
      throw new Invalid("invalid_value", "channels[].external_id_field",
          "channels[].external_id_field must be source_id or id");
    }
    attributes = ChannelSettings.templateMap(attributes, "attributes", 50);
  }

  @Override
  public String type() {
    return BrazeKind.TYPE;
  }

  @Override
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    attributes.forEach((name, template) -> templates.put("attributes." + name, template));
    return templates;
  }

  @Override
  public String toString() {
    return "BrazeChannel[rest_endpoint=" + restEndpoint + ", api_key=" + (apiKey == null ? "unset" : "***")
        + ", external_id_field=" + externalIdField + ", attributes=" + attributes + "]";
  }

  private static String endpoint(String value) {
    String field = ChannelSettings.AT + "rest_endpoint";
    String url = Text.maxLength(Text.required(value, field), 300, field);
    URI uri = WebhookUrls.parse(url, field);
    String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
    boolean brazeHost = host.endsWith(".braze.com") || host.endsWith(".braze.eu");
    boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getPort() == -1;
    if (!"https".equals(uri.getScheme()) || !brazeHost || !bare) {
      throw new Invalid("invalid_url", field,
          field + " must be your Braze REST endpoint, e.g. https://rest.iad-01.braze.com (https, under braze.com or braze.eu)");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
