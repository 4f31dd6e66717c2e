package herald.domain.customers;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {
  private static Customer withEmail(String email) {
    return new Customer("cust_1", "src-1", "Ada", email, null, null, T0, T0);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesAMissingSourceId(String sourceId) {
    assertRefused(() -> new Customer("cust_1", sourceId, null, null, null, null, T0, T0), "missing_field", "source_id");
  }

  @Test
  void refusesAMissingId() {
    assertRefused(() -> new Customer(null, "src-1", null, null, null, null, T0, T0), "missing_field", "id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada", "ada@", "ada@mail", "ada@@mail.example"})
  void refusesAnEmailThatIsNotAnAddress(String email) {
    assertRefused(() -> withEmail(email), "invalid_email", "email");
  }

  @Test
  void aBlankEmailMeansNoEmail() {
    assertThat(withEmail("  ").email()).isNull();
    assertThat(withEmail(null).email()).isNull();
  }

  @Test
  void refusesTooLongFields() {
    assertRefused(() -> new Customer("cust_1", "s".repeat(257), null, null, null, null, T0, T0), "too_long",
        "source_id");
    assertRefused(() -> new Customer("cust_1", "src-1", "n".repeat(201), null, null, null, T0, T0), "too_long", "name");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"07700900123", "+0447700900123", "+44 7700 900123",
      "+4477009", "+4477009001234567", "+44770090012a", "123456789012345678901234567890123"})
  void refusesAPhoneThatIsNotE164(String phone) {
    assertRefused(() -> new Customer("cust_1", "src-1", null, null, phone, null, T0, T0), "invalid_phone", "phone");
  }

  @Test
  void keepsAnE164Phone() {
    assertThat(new Customer("cust_1", "src-1", null, null, " +447700900123 ", null, T0, T0).phone())
        .isEqualTo("+447700900123");
  }

  @Test
  void missingMetadataIsEmpty() {
    assertThat(withEmail(null).metadata()).isEmpty();
  }

  @Test
  void theIdIsDerivedFromTheSourceIdAlone() {
    assertThat(Customer.idFor("src-1")).isEqualTo(Customer.idFor("src-1")).startsWith("cust_");
    assertThat(Customer.idFor("src-1")).isNotEqualTo(Customer.idFor("src-2"));
    assertThat(Customer.idFor(" src-1 ")).isEqualTo(Customer.idFor("src-1"));
  }

  @Test
  void aCustomerProfileNeedsASourceId() {
    assertRefused(() -> CustomerProfile.of(" "), "missing_field", "source_id");
    assertThat(CustomerProfile.of(" src-1 ").sourceId()).isEqualTo("src-1");
  }

  private static Customer inZone(String timezone) {
    return new Customer("cust_1", "src-1", null, null, null, timezone, null, null, null, T0, T0, 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+02:00", "UTC+2", "Z", "GMT+2", "Europe/Atlantis", "europe/warsaw", "Warsaw"})
  void refusesATimezoneThatIsNotAnIanaZoneId(String timezone) {
    assertRefused(() -> inZone(timezone), "invalid_timezone", "timezone");
    assertRefused(() -> new CustomerProfile("src-1", null, null, null, timezone, null, null), "invalid_timezone",
        "timezone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Warsaw", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "UTC", "Etc/GMT+2"})
  void keepsAnIanaTimezone(String timezone) {
    assertThat(inZone(timezone).timezone()).isEqualTo(timezone);
    assertThat(new CustomerProfile("src-1", null, null, null, timezone, null, null).timezone()).isEqualTo(timezone);
  }

  @Test
  void aBlankTimezoneMeansNone() {
    assertThat(inZone(" ").timezone()).isNull();
    assertThat(inZone(" Europe/Warsaw ").timezone()).isEqualTo("Europe/Warsaw");
    assertThat(new CustomerProfile("src-1", null, null, null, "", null, null).timezone()).isNull();
  }
}
