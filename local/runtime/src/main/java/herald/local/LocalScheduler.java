package herald.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import herald.sam.Intrinsics;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A stand-in for EventBridge Scheduler's API (REST-JSON on the runtime's AWS endpoint): CreateSchedule
 * ({@code POST /schedules/{name}}), GetSchedule and DeleteSchedule, in the default group. A one-time schedule,
 * {@code at(yyyy-mm-ddThh:mm:ss)} in its ScheduleExpressionTimezone (UTC by default), runs when due: its target's
 * Input is sent to the SQS queue its Arn names (the only target type Herald uses), and with ActionAfterCompletion
 * DELETE the schedule is deleted. rate(...) and cron(...) schedules are refused (Herald makes none). Every
 * CreateSchedule body is kept, for tests that check what the SDK sent.
 */
public final class LocalScheduler implements AutoCloseable {
  private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
  private final SqsClient sqs;
  private final Function<String, String> queueUrl;
  private final Map<String, JsonNode> schedules = new ConcurrentHashMap<>();
  private final List<String> created = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("scheduler").factory());

  /** @param queueUrl a queue's URL from its ARN */
  public LocalScheduler(SqsClient sqs, Function<String, String> queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** The bodies of every CreateSchedule request, oldest first. */
  public List<String> created() {
    return List.copyOf(created);
  }

  /** The schedules that exist now (not run yet, or kept after running), by name. */
  public Map<String, JsonNode> schedules() {
    return Map.copyOf(schedules);
  }

  Reply handle(String method, String path, String body) {
    String name = URLDecoder.decode(path.substring("/schedules/".length()), StandardCharsets.UTF_8);
    if (name.isEmpty() || name.contains("/")) return error(404, "ResourceNotFoundException", "no such route");
    return switch (method) {
      case "POST" -> create(name, body);
      case "GET" -> schedules.containsKey(name) ? Reply.json(200, schedules.get(name).toString())
          : error(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
      case "DELETE" -> schedules.remove(name) != null ? Reply.json(200, "{}")
          : error(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
      default -> error(405, "ValidationException", method + " is not supported");
    };
  }

  private Reply create(String name, String body) {
    created.add(body);
    JsonNode request = Json.parse(body);
    String expression = request.path("ScheduleExpression").asText();
    Matcher at = AT.matcher(expression);
    if (!at.matches()) {
      return error(400, "ValidationException", "the local scheduler runs at(...) schedules only, not " + expression);
    }
    JsonNode target = request.path("Target");
    if (!target.path("Arn").asText().startsWith("arn:aws:sqs:") || target.path("RoleArn").asText().isEmpty()) {
      return error(400, "ValidationException", "the local scheduler sends to SQS queues only, with a RoleArn");
    }
    Instant due;
    try {
      String zone = request.path("ScheduleExpressionTimezone").asText("UTC");
      due = LocalDateTime.parse(at.group(1)).atZone(ZoneId.of(zone.isEmpty() ? "UTC" : zone)).toInstant();
    } catch (java.time.DateTimeException e) {
      return error(400, "ValidationException", "invalid schedule expression " + expression);
    }
    ObjectNode stored = ((ObjectNode) request.deepCopy()).put("Name", name).put("GroupName", "default")
        .put("Arn", arn(name)).put("State", "ENABLED");
    if (schedules.putIfAbsent(name, stored) != null) {
      return error(409, "ConflictException", "Schedule " + name + " already exists.");
    }
    long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
    timer.schedule(() -> run(name), delay, TimeUnit.MILLISECONDS);
    System.out.println("[herald-local] schedule " + name + " " + expression + " (in " + delay / 1000 + " s)");
    return Reply.json(200, Json.object().put("ScheduleArn", arn(name)).toString());
  }

  private void run(String name) {
    JsonNode schedule = schedules.get(name);
    if (schedule == null) return;   // deleted before it was due
    try {
      JsonNode target = schedule.path("Target");
      sqs.sendMessage(r -> r.queueUrl(queueUrl.apply(target.path("Arn").asText()))
          .messageBody(target.path("Input").asText()));
      System.out.println("[herald-local] schedule " + name + " ran");
    } catch (RuntimeException e) {
      System.err.println("[herald-local] schedule " + name + " failed: " + e);
    }
    if ("DELETE".equals(schedule.path("ActionAfterCompletion").asText())) schedules.remove(name);
  }

  private static String arn(String name) {
    return "arn:aws:scheduler:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT + ":schedule/default/" + name;
  }

  private static Reply error(int status, String type, String message) {
    return Reply.json(status, Json.object().put("__type", type).put("Message", message).toString());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
