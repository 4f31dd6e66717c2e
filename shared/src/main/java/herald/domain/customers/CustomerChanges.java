package herald.domain.customers;

/** Port: told of every change to a customer's profile, so that segment membership follows it. */
public interface CustomerChanges {
  /** The customer as saved now (also called when nothing changed: a caller retrying finishes what it began). */
  void changed(Customer customer);

  /** The customer is about to be erased: they leave every segment. */
  void erased(Customer customer);

  CustomerChanges NONE = new CustomerChanges() {
    @Override public void changed(Customer customer) {}

    @Override public void erased(Customer customer) {}
  };
}
