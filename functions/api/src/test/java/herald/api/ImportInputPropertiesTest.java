package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.intake.ImportJob;
import herald.domain.intake.ImportRow;
import herald.platform.Json;
import herald.properties.Generators;
import herald.properties.Theories;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random CSV and NDJSON files sent to POST /v1/customers/import (any quoting, quotes inside fields, CRLF, LF
 * and CR, a byte order mark, blank lines, missing and extra cells, unicode, rows too large): never a 5xx; a
 * file with a good header and rows is accepted, and the parts queued for it carry every data row exactly once,
 * by the line it starts on, a good row as the customer it says; a refused file creates and queues nothing. Rows
 * holding U+FFFE, U+FFFF or a surrogate without its pair (which SQS refuses, and which once made an import answer
 * 500) come up in every run, and the run checks that they did.
 */
class ImportInputPropertiesTest {
  private static StandInApi api;

  @BeforeAll
  static void start() {
    api = new StandInApi();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void everyDataRowIsQueuedExactlyOnceByItsLine() {
    AtomicInteger refused = new AtomicInteger();
    Gen<ImportFiles.File> files = Generators.weighted(2, ImportFiles.csv(), 1, ImportFiles.ndjson());
    Theories.check(120, files, file -> {
      if (file.importable() && Generators.refusedBySqs(file.text())) refused.incrementAndGet();
      importsEveryRowOnce(file);
    });
    assertThat(refused.get()).as("accepted files holding characters SQS refuses").isGreaterThanOrEqualTo(12);
  }

  private static void importsEveryRowOnce(ImportFiles.File file) {
    long actions = api.count("ASYNC_ACTIONS_TABLE");
    String what = file.type() + "\n" + StandInApi.abbreviated(file.text());

    APIGatewayV2HTTPResponse response = api.call("POST", ImportApi.PATH, file.text(), Map.of("content-type",
        file.type()));


    if (!file.importable()) {
      assertThat(response.getStatusCode()).as(what).isEqualTo(400);
      assertThat(api.count("ASYNC_ACTIONS_TABLE")).as(what).isEqualTo(actions);
      assertThat(api.jobsQueued()).as(what).isZero();
      return;
    }
    assertThat(response.getStatusCode()).as(what + "\n -> " + response.getBody()).isEqualTo(202);
    String id = Json.parse(response.getBody()).path("async_action_id").asText();
    List<ImportJob> parts = api.takeJobs().stream().map(ImportJob.class::cast).toList();
    assertThat(parts).as(what).allSatisfy(part -> assertThat(part.actionId()).isEqualTo(id));
    assertThat(parts).extracting(ImportJob::part).as(what).doesNotHaveDuplicates();
    Map<Long, ImportRow> byLine = new HashMap<>();
    for (ImportJob part : parts) {
      for (ImportRow row : part.rows()) assertThat(byLine.put(row.line(), row)).as(what + "\nline " + row.line()).isNull();
    }
    assertThat(byLine.keySet()).as(what).containsExactlyInAnyOrderElementsOf(
        file.rows().stream().map(ImportFiles.Row::line).toList());
    for (ImportFiles.Row expected : file.rows()) {
      if (!expected.good()) continue;
      ImportRow row = byLine.get(expected.line());
      if (expected.customer() == null) {
        assertThat(row.rejected()).as(what + "\nline " + row.line()).isNotNull();
      } else {
        assertThat(row.customer()).as(what + "\nline " + row.line() + ": " + row.rejected()).isNotNull();
        JsonNode queued = Json.parse(wellFormed(expected.customer().toString()));
        assertThat(StandInApi.sameJson(Json.parse(row.customer()), queued))
            .as(what + "\nline " + row.line() + ": " + row.customer()).isTrue();
      }
    }
    JsonNode action = Json.parse(api.call("GET", "/v1/async-actions/" + id, null).getBody());
    assertThat(action.path("progress").path("rows_read").asLong()).isEqualTo(file.rows().size());
    assertThat(action.path("progress").path("parts_total").asLong()).isEqualTo(parts.size());
  }

  /** The text as it is queued: a surrogate without its pair, which is no character, as U+FFFD. */
  private static String wellFormed(String text) {
    return text.codePoints().map(c -> Character.isSurrogate((char) c) ? 0xFFFD : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }
}
