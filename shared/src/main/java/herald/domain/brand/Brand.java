package herald.domain.brand;

import herald.domain.common.Text;

/**
 * Who emails come from, and the postal address every email's footer carries. The sender's name and address go into
 * the {@code From} header, so they are plain text: no line break or other control character.
 */
public record Brand(String senderName, String senderEmail, String postalAddress) {
  public Brand {
    senderName = Text.plain(Text.maxLength(Text.required(senderName, "sender_name"), 200, "sender_name"), "sender_name");
    senderEmail = Text.email(senderEmail, "sender_email");
    postalAddress = Text.maxLength(Text.required(postalAddress, "postal_address"), 500, "postal_address");
  }
}
