package herald.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import herald.sam.Intrinsics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The template's Schedule event sources. Each rate(...) schedule invokes its function asynchronously once per
 * period, the first time one period after the start, with the event EventBridge sends (detail-type "Scheduled
 * Event", source aws.events) or the schedule's constant Input; a failing invocation is retried and dead-lettered
 * as for a rule ({@link AsyncInvoker}). cron(...) schedules are listed but not run locally.
 */
public final class LocalSchedules implements AutoCloseable {
  /** One schedule: its event source's name, the function's target, the expression, its period (null: cron). */
  public record Scheduled(String event, LocalEventBridge.Target target, String expression, Duration period,
      String input) {
    public String function() {
      return target.function().name();
    }
  }

  private final List<Scheduled> schedules;
  private final AsyncInvoker invoker;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("schedules").factory());

  public LocalSchedules(List<Scheduled> schedules, AsyncInvoker invoker) {
    this.schedules = List.copyOf(schedules);
    this.invoker = invoker;
  }

  /** Starts the rate schedules' timers. */
  public LocalSchedules start() {
    for (Scheduled s : schedules) {
      String name = s.function() + "." + s.event() + ": " + s.expression();
      if (s.period() == null) {
        System.err.println("[herald-local] " + name + " is not run locally (cron schedules are not supported)");
        continue;
      }
      long millis = s.period().toMillis();
      timer.scheduleAtFixedRate(() -> fire(s), millis, millis, TimeUnit.MILLISECONDS);
      System.out.println("[herald-local] " + name + ": first run in " + s.period());
    }
    return this;
  }

  public List<Scheduled> schedules() {
    return schedules;
  }

  /** Runs a function's schedule now, as when its time comes; the id of the event sent. */
  public String fire(String function, String event) {
    return fire(schedules.stream().filter(s -> s.function().equals(function) && s.event().equals(event))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no schedule " + function + "." + event)));
  }

  private String fire(Scheduled s) {
    String id = UUID.randomUUID().toString();
    String payload = s.input() != null ? s.input() : Json.write(event(id, s, Instant.now()));
    System.out.println("[herald-local] schedule " + s.function() + "." + s.event() + " -> " + s.function());
    invoker.submit(s.target(), payload.getBytes(StandardCharsets.UTF_8), Instant.now());
    return id;
  }

  /** The event EventBridge sends for a scheduled rule, named as SAM names the rule. */
  static ObjectNode event(String id, Scheduled s, Instant time) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", Intrinsics.ACCOUNT);
    event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", Intrinsics.REGION);
    event.putArray("resources").add("arn:aws:events:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT + ":rule/"
        + Intrinsics.STACK_NAME + "-" + s.function() + s.event());
    event.putObject("detail");
    return event;
  }

  /** Stops the timers; an invocation already submitted runs on (the invoker stops it). */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
