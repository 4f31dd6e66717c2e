package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import herald.local.LocalRuntime;
import herald.local.Options;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser, through the local runtime: {@code test/dashboard.e2e.mjs} of the dashboard's
 * package drives Debian's chromium with playwright-core (a wrong key refused; the builder creating a webhook
 * distribution, with an API field error shown next to its field; a preview; the activation; an event through the
 * API changing the counts and the chart over time; a webhook message that FAILs shown with its reason, retried
 * from the page once its receiver takes it, and ending SENT; the list and the account page), and fails on any
 * console error or failed request. The chart over time is the stats recount's, which the stack runs every 15
 * minutes: here the test runs that schedule every {@value #RECOUNT_SECONDS} seconds. Without chromium the test is
 * skipped, unless HERALD_REQUIRE_CHROMIUM=1 (CI) makes it fail. Screenshots go to target/screenshots, or to the
 * folder {@code -Dherald.screenshots} names (the README's are in docs/).
 */
class DashboardBrowserTest {
  private static final long TIMEOUT_SECONDS = 240;
  private static final long RECOUNT_SECONDS = 3;

  @Test
  void theDashboardBuildsFollowsAndRetriesADistributionWithoutAConsoleError() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      String missing = "no chromium at " + chromium + " (Debian: apt-get install chromium)";
      if ("1".equals(System.getenv("HERALD_REQUIRE_CHROMIUM"))) fail(missing);
      Assumptions.abort(missing);
    }
    Path template = FirstDistributionEndToEndTest.template();
    Path dashboard = template.resolveSibling("functions/api/src/main/dashboard");
    assertThat(dashboard.resolve("node_modules/playwright-core")).as("the build's npm ci installs it").isDirectory();
    Path screenshots = Path.of(System.getProperty("herald.screenshots", "target/screenshots")).toAbsolutePath();

    LocalRuntime runtime = LocalRuntime.start(Options.forEndToEndTests(template));
    ScheduledExecutorService recounts = Executors.newSingleThreadScheduledExecutor();
    recounts.scheduleWithFixedDelay(() -> {
      try {
        runtime.schedules().fire("JobsFunction", "StatsRecount");
      } catch (RuntimeException e) {
        System.out.println("[dashboard.e2e] the recount could not start: " + e);
      }
    }, RECOUNT_SECONDS, RECOUNT_SECONDS, TimeUnit.SECONDS);
    try (HookReceiver hooks = new HookReceiver()) {
      Process browser = new ProcessBuilder("node", "test/dashboard.e2e.mjs", runtime.apiUrl(), runtime.apiKey(),
          hooks.url(), screenshots.toString())
          .directory(dashboard.toFile()).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      StringBuilder output = new StringBuilder();
      Thread reader = Thread.ofVirtual().start(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
          lines.lines().forEach(line -> {
            System.out.println("[dashboard.e2e] " + line);
            output.append(line).append('\n');
          });
        } catch (java.io.IOException e) {
          output.append("(output unreadable: ").append(e).append(")\n");
        }
      });
      if (!browser.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        browser.destroyForcibly();
        fail("the browser test did not end within " + TIMEOUT_SECONDS + " s");
      }
      reader.join(5_000);
      assertThat(browser.exitValue()).as("node test/dashboard.e2e.mjs:\n%s", output).isZero();
      assertThat(output).contains("every step passed");
    } finally {
      recounts.shutdownNow();
      runtime.close();
    }
  }
}
