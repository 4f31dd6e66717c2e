package herald.standins;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, embedded in this JVM, as the SQS stand-in. */
public final class ElasticMq implements AutoCloseable {
  private final SQSRestServer server;
  private final int port;

  private ElasticMq(SQSRestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts on the given port (0 picks a free one). */
  public static ElasticMq start(int port) {
    int p = port == 0 ? Ports.free() : port;
    SQSRestServer server = SQSRestServerBuilder.withPort(p)
        .withInterface("127.0.0.1")
        .withServerAddress(new NodeAddress("http", "127.0.0.1", p, ""))
        .withAWSRegion("us-east-1")
        .withAWSAccountId("000000000000")
        .start();
    server.waitUntilStarted();
    return new ElasticMq(server, p);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
