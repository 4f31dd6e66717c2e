package herald.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The AWS CLI as a second opinion on the local endpoints: Debian's awscli (/usr/bin/aws) or else the first
 * {@code aws} on the PATH, with dummy credentials and no user configuration. Where none is installed, the tests that
 * ask it are skipped, unless {@code HERALD_REQUIRE_AWS_CLI=1} (which .ci/run sets after installing awscli): then
 * they fail.
 */
public final class AwsCli {
  private AwsCli() {}

  public record Run(int exitCode, String stdout, String stderr) {}

  public static String executable() {
    if (Files.isExecutable(Path.of("/usr/bin/aws"))) return "/usr/bin/aws";
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "aws"))) return Path.of(dir, "aws").toString();
    }
    String missing = "no AWS CLI: install Debian's awscli (apt-get install -y awscli) to run this second opinion";
    if ("1".equals(System.getenv("HERALD_REQUIRE_AWS_CLI"))) throw new AssertionError(missing);
    Assumptions.abort(missing);
    return null;
  }

  public static Run run(String endpoint, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable(), "--endpoint-url", endpoint, "--region", "us-east-1",
        "--output", "json"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
        "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", "",
        "AWS_EC2_METADATA_DISABLED", "true"));
    Process process = builder.start();
    process.getOutputStream().close();
    var stdout = process.getInputStream();
    var stderr = process.getErrorStream();
    byte[] err = stderr.readAllBytes();
    byte[] out = stdout.readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("aws did not finish within 60 s: " + command);
    }
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }
}
