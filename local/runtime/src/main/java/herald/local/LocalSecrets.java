package herald.local;

import herald.sam.Intrinsics;
import herald.sam.Template;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's AWS::SecretsManager::Secret values on this machine, and the Secrets Manager dynamic references
 * ({@code {{resolve:secretsmanager:<arn>:SecretString}}}) that CloudFormation resolves at deploy time, resolved
 * the same way. A secret's value is its SecretString when the template gives one (the ApiKey parameter, which the
 * runtime sets), otherwise the local value named after it (HERALD_SIGNING_KEY for SigningKeySecret).
 */
final class LocalSecrets {
  private static final Pattern REFERENCE = Pattern.compile(
      "\\{\\{resolve:secretsmanager:arn:aws:secretsmanager:[^:]+:[^:]+:secret:([^:}]+)(?::SecretString)?(?::[^}]*)?}}");

  private final Map<String, String> values;

  private LocalSecrets(Map<String, String> values) {
    this.values = values;
  }

  /** @param generated local values of the secrets the template generates, by logical id */
  static LocalSecrets of(Template template, Intrinsics intrinsics, Map<String, String> generated) {
    Map<String, String> values = new LinkedHashMap<>();
    template.resources().forEach((id, resource) -> {
      if (!"AWS::SecretsManager::Secret".equals(resource.get("Type"))) return;
      Object given = template.propertiesOf(id).get("SecretString");
      String value = given == null ? null : intrinsics.string(given);
      values.put(id, value != null && !value.isEmpty() ? value : generated.get(id));
    });
    return new LocalSecrets(values);
  }

  /** The value with every Secrets Manager dynamic reference replaced by the secret's local value. */
  String resolve(String value) {
    if (value == null || !value.contains("{{resolve:secretsmanager:")) return value;
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String secret = values.get(m.group(1));
      if (secret == null) {
        throw new IllegalStateException(m.group() + ": no local value for the secret " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(secret));
    }
    m.appendTail(out);
    return out.toString();
  }
}
