package herald.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.customers.Customer;
import herald.local.LambdaFunction;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.local.SqsPoller;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Messages per second through the sender on the local runtime, for email and for webhooks, against the same
 * stand-in operations timed raw in the same run.
 *
 * <p>Per channel: a warm-up of both paths, then rounds that alternate which path goes first. The sender path
 * ({@link SenderPath}): a fresh ACTIVE distribution with that one channel (webhooks go to {@link WebhookReceiver} on
 * 127.0.0.1, which the local runtime's allowlist admits), one send job per customer put straight on the send queue
 * with SqsJobQueue as the trigger does, and the runtime's SQS pollers handing batches to SenderFunction as
 * Lambda would; timed from the first SendMessageBatch to the last message's SENT write (its updated_at), once the
 * summary shows them all SENT. The raw path ({@link RawPath}): the same job bodies on a scratch queue, drained by as
 * many threads as the runtime has pollers, each receiving a batch, doing for each message the sender's stand-in calls
 * ({@link RawCalls}) with the sender's SDK client setup (claim, stats, GetItem distribution, customer, suppression for
 * email, brand, calling, SES SendEmail of the email the sender sent or POST of the body it posted, finish, stats) and
 * deleting the batch. The setup both share is {@link ThroughputSetup}; the JSON and tables, {@link ThroughputReport}.
 *
 * <p>{@code SenderThroughputBench [messages per channel] [warm-up] [rounds]}; writes
 * bench/results/sender-throughput.json. With {@link SdkCallTimer} on the classpath (bench/run.sh), every SDK call
 * of both paths is timed too, so the sender's time per message splits into stand-in calls and the rest.
 */
public final class SenderThroughputBench {
  private static PrintStream OUT = System.out;

  private SenderThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 800;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int chunk = messages / rounds;
    messages = chunk * rounds;
    Path root = Repo.root();
    OUT = Results.logsToFile(root, "sender-throughput");
    ObjectNode results = Results.start("sender-throughput");
    Options options = Options.forTests(root.resolve("template.yaml"));
    try (LocalRuntime runtime = LocalRuntime.start(options);
         WebhookReceiver receiver = WebhookReceiver.start()) {
      LambdaFunction sender = runtime.functions().get(ThroughputSetup.SENDER);
      // the raw path drains on as many threads as the sender's event source may run batches at once (or
      // -Dherald.bench.rawThreads, to compare with older runs: 2)
      int threads = Integer.getInteger("herald.bench.rawThreads", 0);
      if (threads < 1) {
        threads = runtime.pollers().stream().filter(p -> p.function() == sender)
            .mapToInt(SqsPoller::maxConcurrency).findFirst().orElseThrow();
      }
      int batchSize = ThroughputSetup.batchSize(sender);
      results.put("messages_per_channel", messages);
      results.put("rounds", rounds);
      results.put("warm_up", warmUp);
      results.put("threads", threads);
      results.put("batch_size", batchSize);
      results.put("sdk_calls_timed", SdkCallTimer.installed());

      ThroughputSetup setup = ThroughputSetup.prepare(runtime, sender.env(), receiver, Math.max(messages, warmUp));
      OUT.printf("%d customers seeded; %d poller threads, batches of %d; SDK calls timed: %s%n",
          setup.customers().size(), threads, batchSize, SdkCallTimer.installed());
      SenderPath senderPath = new SenderPath(setup.api(), setup.sendQueue(), receiver);
      RawPath rawPath = new RawPath(setup.sqs(), threads, batchSize);

      ObjectNode channels = results.putObject("channels");
      for (String channel : List.of("email", "webhook")) {
        String key = channel;
        List<Customer> customers = setup.customers();
        // warm-up, right before the channel's rounds (the JIT needs about a thousand messages per path to settle):
        // the sender on a distribution of its own, then the raw operations with what the sender sent
        long sinceEpoch = Instant.now().getEpochSecond() - 1;
        String warm = setup.distribution("Throughput warm-up " + key, channel);
        senderPath.run(warm, channel, customers.subList(0, warmUp));
        setup.api().archive(warm);
        RawCalls calls = channel.equals("email")
            ? RawCalls.email(setup.env(), warm, customers, SesSample.last(runtime.endpoints().ses(), sinceEpoch))
            : RawCalls.webhook(setup.env(), warm, customers, setup.hookUrl(), receiver.sample());
        String scratch = setup.sqs().createQueue(r -> r.queueName("bench-raw-" + key)).queueUrl();
        rawPath.run(scratch, calls, customers.subList(0, warmUp), "warm");
        OUT.printf("%s: warm-up of %d messages through the sender and %d raw done%n", key, warmUp, warmUp);

        // rounds, alternating which path goes first, so drift on a shared machine hits both alike
        Tally senderTally = new Tally();
        Tally rawTally = new Tally();
        for (int r = 0; r < rounds; r++) {
          List<Customer> slice = customers.subList(r * chunk, (r + 1) * chunk);
          for (int step = 0; step < 2; step++) {
            if ((step == 0) == (r % 2 == 0)) {
              String distribution = setup.distribution("Throughput " + key + " " + r, channel);
              Tally.Window w = senderPath.run(distribution, channel, slice);
              setup.api().archive(distribution);
              senderTally.add(w);
              OUT.printf("%s round %d: sender %d messages in %.2f s: %.1f msgs/s%n", key, r, chunk, w.seconds(),
                  chunk / w.seconds());
            } else {
              Tally.Window w = rawPath.run(scratch, calls, slice, "r" + r);
              rawTally.add(w);
              OUT.printf("%s round %d: raw    %d messages in %.2f s: %.1f msgs/s%n", key, r, chunk, w.seconds(),
                  chunk / w.seconds());
            }
          }
        }
        ThroughputReport.channel(channels.putObject(key), senderTally, rawTally, threads);
      }
      ThroughputReport.print(results, OUT);
    }
    OUT.println("results: " + Results.write(root, "sender-throughput", results));
  }
}
