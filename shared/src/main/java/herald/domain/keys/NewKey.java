package herald.domain.keys;

import herald.domain.common.Invalid;
import herald.domain.common.Text;

/** A request for a new API key: a name of 1 to 100 characters, plain text ({@link Text#plain}). */
public record NewKey(String name) {
  public static final int MAX_NAME = 100;

  public NewKey {
    name = Text.plain(Text.maxLength(Text.required(name, "name"), MAX_NAME, "name"), "name");
    if (name.equalsIgnoreCase(ManageApiKeys.ROOT)) {
      throw new Invalid("reserved_name", "name", "\"" + ManageApiKeys.ROOT + "\" is the deployment key's name");
    }
  }
}
