package herald.domain.channels.email;

import herald.domain.brand.Brand;

/** What every email ends with: the brand's name and postal address, and the unsubscribe link when there is one. */
final class EmailFooter {
  private EmailFooter() {}

  static String html(Brand brand, String unsubscribeUrl) {
    StringBuilder footer = new StringBuilder("\n<p style=\"font-size:12px;color:#666\">")
        .append(escape(brand.senderName())).append(", ").append(escape(brand.postalAddress()));
    if (unsubscribeUrl != null) {
      footer.append("<br><a href=\"").append(escape(unsubscribeUrl)).append("\">Unsubscribe</a>");
    }
    return footer.append("</p>").toString();
  }

  static String text(Brand brand, String unsubscribeUrl) {
    String footer = "\n\n--\n" + brand.senderName() + ", " + brand.postalAddress();
    return unsubscribeUrl == null ? footer : footer + "\nUnsubscribe: " + unsubscribeUrl;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
