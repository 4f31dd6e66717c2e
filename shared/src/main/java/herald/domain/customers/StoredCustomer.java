package herald.domain.customers;

/**
 * A customer's item as stored, whoever may read it: their profile, or, once erased, the tombstone that keeps only
 * their id and source id until their segments have let go of them ({@code profile} null). {@code version} counts
 * the item's writes, the erase included.
 */
public record StoredCustomer(String id, String sourceId, long version, Customer profile) {
  public StoredCustomer {
    if (id == null || sourceId == null) throw new IllegalArgumentException("id and sourceId are required");
    if (profile != null && (!profile.id().equals(id) || profile.version() != version)) {
      throw new IllegalArgumentException("the profile is not the one stored as " + id + " v" + version);
    }
  }

  public static StoredCustomer of(Customer profile) {
    return new StoredCustomer(profile.id(), profile.sourceId(), profile.version(), profile);
  }

  public static StoredCustomer erased(String id, String sourceId, long version) {
    return new StoredCustomer(id, sourceId, version, null);
  }

  public boolean erased() {
    return profile == null;
  }
}
