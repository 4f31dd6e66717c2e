package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import herald.sam.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stand-ins hold personal data and API-key hashes: every socket the runtime (this JVM and the
 * processes it starts) listens on is bound to the loopback interface, never to every interface.
 */
class LoopbackOnlyTest {
  private static LocalRuntime runtime;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
    runtime = LocalRuntime.start(Options.forTests(TemplateReader.projectTemplate()));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) runtime.close();
  }

  @Test
  void everySocketTheRuntimeListensOnIsBoundToLoopback() {
    List<ListeningSockets.Listener> listeners = ListeningSockets.of(ProcessHandle.current());

    // the API, the runtime's AWS endpoints, ElasticMQ, dynalite and aws-ses-v2-local at least
    assertThat(listeners).hasSizeGreaterThanOrEqualTo(5);
    assertThat(listeners).extracting(l -> l.address().getPort()).contains(
        port(runtime.apiUrl()), port(runtime.endpoints().aws()), port(runtime.endpoints().sqs()),
        port(runtime.endpoints().dynamoDb()), port(runtime.endpoints().ses()));
    assertThat(listeners).as("sockets listening beyond the loopback interface")
        .filteredOn(l -> !l.loopback()).isEmpty();
  }

  @Test
  void readsTheKernelsAddressesInItsByteOrder() {
    assertThat(ListeningSockets.address("0100007F:1F90").toString()).isEqualTo("/127.0.0.1:8080");
    assertThat(ListeningSockets.address("00000000:0050").getAddress().isAnyLocalAddress()).isTrue();
    assertThat(ListeningSockets.address("00000000000000000000000001000000:0BB8").getAddress().isLoopbackAddress())
        .isTrue();
    assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F:0BB8").getAddress().isLoopbackAddress())
        .isTrue();
    assertThat(ListeningSockets.address("00000000000000000000000000000000:0BB8").getAddress().isAnyLocalAddress())
        .isTrue();
  }

  private static int port(String url) {
    return java.net.URI.create(url).getPort();
  }
}
