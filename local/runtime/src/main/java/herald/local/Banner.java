package herald.local;

import herald.sam.Intrinsics;
import herald.sam.Template;
import java.util.List;

/** What the runtime prints once it is ready. */
final class Banner {
  private Banner() {}

  static void print(LocalRuntime runtime, Template template, Intrinsics intrinsics) {
    Endpoints e = runtime.endpoints();
    StringBuilder out = new StringBuilder("\n");
    line(out, "Herald is running locally", "");
    line(out, "  API", runtime.apiUrl() + "   (try: curl " + runtime.apiUrl() + "/v1/health)");
    line(out, "  dashboard", runtime.apiUrl() + "/   (open it in a browser, with the API key)");
    line(out, "  API key", runtime.apiKey()
        + (Options.DEFAULT_API_KEY.equals(runtime.apiKey()) ? "   (the default; set HERALD_API_KEY to change it)" : ""));
    line(out, "  mail viewer", e.ses() + "   (captured mail as JSON: " + e.ses() + "/store)");
    line(out, "  texts (SMS)", e.aws() + "/sms");
    out.append('\n');
    line(out, "Stand-ins (use with --endpoint-url, region us-east-1, any credentials)", "");
    line(out, "  DynamoDB", e.dynamoDb() + "   tables: " + String.join(", ",
        template.tables().stream().map(intrinsics::tableName).toList()));
    line(out, "  SQS", e.sqs() + "   queues: " + String.join(", ", runtime.queueUrls().keySet()));
    line(out, "  SES v2", e.ses());
    line(out, "  EventBridge", e.aws() + "   buses: default, " + String.join(", ",
        template.buses().stream().map(intrinsics::busName).toList()));
    line(out, "  SNS", e.aws());
    out.append('\n');
    line(out, "Functions", "");
    runtime.functions().values().forEach(f -> line(out, "  " + f.name(), f.spec().handler()));
    if (!runtime.schedules().schedules().isEmpty()) {
      line(out, "Schedules", "");
      runtime.schedules().schedules().forEach(s -> line(out, "  " + s.function() + "." + s.event(), s.expression()
          + (s.period() == null ? "   (cron: not run locally)" : "")));
    }
    line(out, "Routes", "");
    List<String> routes = runtime.api().routeKeys();
    routes.forEach(r -> line(out, "  " + r, ""));
    out.append('\n');
    line(out, "Function logs and the runtime's [herald-local] lines appear below. Ctrl-C stops everything.", "");
    System.out.println(out);
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(value.isEmpty() ? label : String.format("%-20s %s", label, value)).append('\n');
  }
}
