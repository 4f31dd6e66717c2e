package herald.api;

/**
 * The unsubscribe link's HTML pages: plain HTML with no script, every value escaped. The confirmation page has one
 * button, a form POST back to the same signed link (a form with no action posts to the page's own URL, query
 * included, whatever path the API is reached under) whose body is RFC 8058's {@code List-Unsubscribe=One-Click}, so
 * the button and a mail client's one-click unsubscribe are the same request.
 */
final class UnsubscribePage {
  private UnsubscribePage() {}

  /** Asks before anything changes: a GET (a person, or a scanner following links) sees this page only. */
  static String confirm(String brand) {
    return page("Unsubscribe", "Stop receiving emails from " + sender(brand) + "?",
        "<form method=\"post\">"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\">Unsubscribe</button></form>");
  }

  static String done(String brand) {
    return page("You are unsubscribed", "You will no longer receive emails from " + sender(brand) + ".", "");
  }

  static String invalid(String brand) {
    return page("This link is not valid", "This unsubscribe link is incomplete or was changed. Please use the link"
        + " in the latest email you received" + (brand == null ? "." : ", or contact " + escape(brand) + "."), "");
  }

  private static String sender(String brand) {
    return brand == null ? "us" : escape(brand);
  }

  private static String page(String title, String message, String form) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
        + "<body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\">"
        + "<h1>" + title + "</h1><p>" + message + "</p>" + form + "</body></html>\n";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
