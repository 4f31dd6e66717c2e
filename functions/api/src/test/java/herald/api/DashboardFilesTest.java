package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import herald.platform.Json;
import herald.testing.StandIns;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files (bundled into target/classes/dashboard by the build), as the api function serves them. */
class DashboardFilesTest {
  private static ApiHandler api;

  @BeforeAll
  static void start() {
    api = new ApiHandler(StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key")
        .with("EVENT_BUS_NAME", "herald-test"));
  }

  @Test
  void servesTheIndexWithoutAKeyUnderAStrictPolicyRevalidatedOnEveryVisit() {
    APIGatewayV2HTTPResponse index = get("/");
    assertThat(index.getStatusCode()).isEqualTo(200);
    assertThat(index.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
        .containsEntry("cache-control", "no-cache").containsEntry("x-content-type-options", "nosniff")
        .containsEntry("referrer-policy", "no-referrer");
    String policy = index.getHeaders().get("content-security-policy");
    assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
        "frame-ancestors 'none'").doesNotContain("unsafe", "http:", "https:", "*");
    assertThat(text(index)).contains("<script type=\"module\" src=\"dashboard/app-")
        .contains("<link rel=\"stylesheet\" href=\"dashboard/app-");
  }

  @Test
  void servesTheBundleByItsHashedNamesCachedForAYear() {
    String index = text(get("/"));
    String script = named(index, "src=\"dashboard/(app-[A-Z0-9]{8}\\.js)\"");
    String style = named(index, "href=\"dashboard/(app-[A-Z0-9]{8}\\.css)\"");
    APIGatewayV2HTTPResponse js = get("/dashboard/" + script);
    assertThat(js.getStatusCode()).isEqualTo(200);
    assertThat(js.getHeaders()).containsEntry("content-type", "text/javascript; charset=utf-8")
        .containsEntry("cache-control", "public, max-age=31536000, immutable")
        .containsEntry("x-content-type-options", "nosniff");
    assertThat(text(js)).contains("sessionStorage").doesNotContain("https://cdn", "//unpkg", "jsdelivr");
    APIGatewayV2HTTPResponse css = get("/dashboard/" + style);
    assertThat(css.getHeaders()).containsEntry("content-type", "text/css; charset=utf-8");
  }

  @Test
  void unknownFilesAndOtherMethodsAreRefusedWithTheErrorShape() {
    for (String path : new String[] {"/dashboard/nope.js", "/dashboard/..%2Fopenapi.json", "/dashboard/../openapi.json",
        "/dashboard/.env.js", "/dashboard/index", "/dashboard/", "/dashboard/a/b.js", "/favicon.ico"}) {
      APIGatewayV2HTTPResponse response = get(path);
      assertThat(response.getStatusCode()).as(path).isEqualTo(404);
      assertThat(Json.parse(response.getBody()).path("code").asText()).as(path).isIn("not_found", "route_not_found");
    }
    APIGatewayV2HTTPResponse post = api.handleRequest(TestRequests.event("POST", "/", "{}", Map.of()), null);
    assertThat(post.getStatusCode()).isEqualTo(405);
    assertThat(Json.parse(post.getBody()).path("code").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void theApiBesideItStillNeedsTheKey() {
    APIGatewayV2HTTPResponse response = get("/v1/distributions");
    assertThat(response.getStatusCode()).isEqualTo(401);
  }

  private static APIGatewayV2HTTPResponse get(String path) {
    return api.handleRequest(TestRequests.event("GET", path, null, Map.of()), null);
  }

  private static String text(APIGatewayV2HTTPResponse response) {
    return response.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8) : response.getBody();
  }

  private static String named(String index, String regex) {
    Matcher m = Pattern.compile(regex).matcher(index);
    assertThat(m.find()).as(regex + " in " + index).isTrue();
    return m.group(1);
  }
}
