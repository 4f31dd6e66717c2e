package herald.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * AWS Secrets Manager in memory, for the local runtime and the tests: CreateSecret, GetSecretValue, PutSecretValue
 * and DeleteSecret over the real JSON 1.1 protocol ({@code X-Amz-Target: secretsmanager.<Operation>}), so the SDK's
 * client and the AWS CLI talk to it unchanged. A secret is found by its name or its ARN
 * ({@code arn:aws:secretsmanager:us-east-1:000000000000:secret:<name>-<6 characters>}); errors carry AWS's types
 * ({@code ResourceNotFoundException}, {@code ResourceExistsException}, {@code InvalidRequestException}...).
 * Deleting removes at once (no recovery window locally). Values are never printed.
 */
public final class LocalSecretsManager {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:000000000000:secret:";
  private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

  /** An answer: HTTP status and JSON body. */
  public record Answer(int status, String body) {}

  private record Secret(String name, String arn, String value, String versionId, Instant created) {}

  /** Whether a request's X-Amz-Target is this service's. */
  public static boolean handles(String target) {
    return target != null && target.startsWith("secretsmanager.");
  }

  /** How many secrets it holds (tests). */
  public int size() {
    return secrets.size();
  }

  /** A secret's value by name, or null (tests). */
  public String value(String name) {
    Secret secret = secrets.get(name);
    return secret == null ? null : secret.value();
  }

  public Answer handle(String target, String body) {
    JsonNode request;
    try {
      request = JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      return error("SerializationException", "the request body is not JSON");
    }
    String operation = target.substring("secretsmanager.".length());
    return switch (operation) {
      case "CreateSecret" -> create(request);
      case "GetSecretValue" -> get(request);
      case "PutSecretValue" -> put(request);
      case "DeleteSecret" -> delete(request);
      default -> error("UnknownOperationException", operation + " is not supported by the local Secrets Manager");
    };
  }

  private Answer create(JsonNode request) {
    String name = request.path("Name").asText("");
    if (name.isEmpty() || name.length() > 512 || !name.matches("[A-Za-z0-9/_+=.@-]+")) {
      return error("InvalidParameterException", "Invalid name: 1 to 512 of A-Z a-z 0-9 /_+=.@-");
    }
    if (!request.hasNonNull("SecretString")) {
      return error("InvalidRequestException", "You must provide either SecretString or SecretBinary.");
    }
    String suffix = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    suffix = (suffix + "000000").substring(0, 6);
    Secret secret = new Secret(name, ARN_PREFIX + name + "-" + suffix, request.get("SecretString").asText(),
        UUID.randomUUID().toString(), Instant.now());
    if (secrets.putIfAbsent(name, secret) != null) {
      return error("ResourceExistsException", "The operation failed because the secret " + name
          + " already exists.");
    }
    return ok(JSON.createObjectNode().put("ARN", secret.arn()).put("Name", name).put("VersionId", secret.versionId()));
  }

  private Answer get(JsonNode request) {
    Secret secret = find(request.path("SecretId").asText(""));
    if (secret == null) return notFound();
    ObjectNode answer = JSON.createObjectNode().put("ARN", secret.arn()).put("Name", secret.name())
        .put("VersionId", secret.versionId()).put("SecretString", secret.value())
        .put("CreatedDate", secret.created().toEpochMilli() / 1000.0);
    answer.putArray("VersionStages").add("AWSCURRENT");
    return ok(answer);
  }

  private Answer put(JsonNode request) {
    Secret secret = find(request.path("SecretId").asText(""));
    if (secret == null) return notFound();
    if (!request.hasNonNull("SecretString")) {
      return error("InvalidRequestException", "You must provide either SecretString or SecretBinary.");
    }
    Secret updated = new Secret(secret.name(), secret.arn(), request.get("SecretString").asText(),
        UUID.randomUUID().toString(), Instant.now());
    secrets.put(secret.name(), updated);
    ObjectNode answer = JSON.createObjectNode().put("ARN", updated.arn()).put("Name", updated.name())
        .put("VersionId", updated.versionId());
    answer.putArray("VersionStages").add("AWSCURRENT");
    return ok(answer);
  }

  private Answer delete(JsonNode request) {
    Secret secret = find(request.path("SecretId").asText(""));
    if (secret == null) return notFound();
    secrets.remove(secret.name());
    return ok(JSON.createObjectNode().put("ARN", secret.arn()).put("Name", secret.name())
        .put("DeletionDate", Instant.now().toEpochMilli() / 1000.0));
  }

  private Secret find(String id) {
    if (!id.startsWith(ARN_PREFIX)) return secrets.get(id);
    return secrets.values().stream().filter(s -> s.arn().equals(id)).findFirst().orElse(null);
  }

  private static Answer ok(ObjectNode body) {
    return new Answer(200, body.toString());
  }

  private static Answer notFound() {
    return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
  }

  private static Answer error(String type, String message) {
    return new Answer(400, JSON.createObjectNode().put("__type", type).put("message", message).toString());
  }

  /** Serves it alone on a free port of 127.0.0.1 (the adapter tests); close the server to stop. */
  public HttpServer serve() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/", this::serve);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return server;
  }

  private void serve(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    Answer answer = handles(target) ? handle(target, body) : error("UnknownOperationException", "no X-Amz-Target");
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
