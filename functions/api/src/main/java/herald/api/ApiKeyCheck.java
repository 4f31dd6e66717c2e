package herald.api;

import herald.domain.keys.Authentication;
import herald.domain.keys.ManageApiKeys;
import herald.platform.Log;
import jakarta.inject.Inject;

/**
 * Tells who is calling from the request's bearer key: the deployment key (actor "root", no read) or a
 * stored key (one read by id). Records a stored key's last use, at most once a minute; a failure to
 * record it is logged and never fails the request.
 */
final class ApiKeyCheck {
  private final ManageApiKeys keys;

  @Inject
  ApiKeyCheck(ManageApiKeys keys) {
    this.keys = keys;
  }

  /** Either the caller's actor name and key id ("root" for the deployment key), or the 401/403 to answer. */
  record Outcome(String actor, String keyId, HttpResponse denied) {}

  Outcome check(String authorization) {
    String secret = bearer(authorization);
    if (secret == null) return deny(401, "unauthorized", "send the API key as Authorization: Bearer <key>");
    return switch (keys.authenticate(secret)) {
      case Authentication.Granted granted -> {
        if (granted.key() != null) recordUse(granted);
        yield new Outcome(granted.actor(), granted.key() == null ? ManageApiKeys.ROOT : granted.key().id(), null);
      }
      case Authentication.Revoked revoked -> deny(403, "key_revoked", "this API key was revoked");
      case Authentication.Unknown unknown -> deny(401, "unauthorized", "the API key is not valid");
    };
  }

  private void recordUse(Authentication.Granted granted) {
    try {
      keys.recordUse(granted.key());
    } catch (RuntimeException e) {
      Log.error("api_key_use_not_recorded", e, "key_id", granted.key().id());
    }
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String secret = authorization.substring(7).strip();
    return secret.isEmpty() ? null : secret;
  }

  private static Outcome deny(int status, String code, String message) {
    return new Outcome(null, null, HttpResponse.error(status, code, message, "authorization"));
  }
}
