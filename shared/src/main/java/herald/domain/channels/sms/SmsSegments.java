package herald.domain.channels.sms;

/**
 * How many SMS segments a text takes. GSM-7 text: 160 septets in one message, 153 per part when split
 * (an extension character such as {@code €} or {@code [} takes two, and a pair is never split). Any other
 * character makes the whole text UCS-2: 70 UTF-16 units in one message, 67 per part (a surrogate pair is
 * never split).
 */
public final class SmsSegments {
  private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "\f^{}\\[~]|€";

  private SmsSegments() {}

  /** 0 for no text. */
  public static int count(String text) {
    if (text == null || text.isEmpty()) return 0;
    return gsm7(text) ? parts(text, 160, 153, true) : parts(text, 70, 67, false);
  }

  /** Whether every character of the text is in the GSM-7 alphabet or its extension. */
  public static boolean gsm7(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) return false;
    }
    return true;
  }

  private static int parts(String text, int single, int perPart, boolean gsm) {
    int total = 0;
    for (int i = 0; i < text.length(); i++) total += width(text, i, gsm);
    if (total <= single) return 1;
    int parts = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int w = width(text, i, gsm);
      if (w == 0) continue;
      if (used + w > perPart) {
        parts++;
        used = 0;
      }
      used += w;
    }
    return parts;
  }

  /** Septets (GSM-7) or UTF-16 units (UCS-2) the character at i takes; a low surrogate counts with its high one. */
  private static int width(String text, int i, boolean gsm) {
    char c = text.charAt(i);
    if (gsm) return EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) return 0;
    return Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
  }
}
