package herald.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the bearer key of a request against the deployment's key, in constant time. */
final class ApiKeyCheck {
  private final byte[] key;

  ApiKeyCheck(String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** Null when the request may go on; otherwise the 401 to answer. */
  HttpResponse check(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return HttpResponse.error(401, "unauthorized", "send the API key as Authorization: Bearer <key>", "authorization");
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(key, given)) {
      return HttpResponse.error(401, "unauthorized", "the API key is not valid", "authorization");
    }
    return null;
  }
}
