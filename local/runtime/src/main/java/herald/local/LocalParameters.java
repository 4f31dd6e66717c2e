package herald.local;

import java.util.Map;

/**
 * The values the local runtime gives the template's parameters that have no usable default (the API key, and a
 * webhook allowlist that lets webhooks reach this machine) and to the secrets AWS would generate (the key that
 * signs unsubscribe links).
 */
final class LocalParameters {
  static final String SIGNING_KEY = "herald-local-signing-key-not-for-production";

  private LocalParameters() {}

  static Map<String, String> of(String apiKey) {
    return Map.of(
        "ApiKey", apiKey,
        "SenderIdentity", "localhost",
        "WebhookAllowlist", env("HERALD_WEBHOOK_ALLOWLIST", "localhost,127.0.0.1"));
  }

  /** The values of the secrets the template generates in AWS (GenerateSecretString), by logical id. */
  static Map<String, String> generatedSecrets() {
    return Map.of("SigningKeySecret", env("HERALD_SIGNING_KEY", SIGNING_KEY));
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
