package herald.domain.brand;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BrandTest {
  @Test
  void keepsTheDetailsTrimmed() {
    Brand brand = new Brand("  Acme  ", " hello@acme.example ", " 1 Main St ");

    assertThat(brand.senderName()).isEqualTo("Acme");
    assertThat(brand.senderEmail()).isEqualTo("hello@acme.example");
    assertThat(brand.postalAddress()).isEqualTo("1 Main St");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = "   ")
  void refusesAMissingSenderName(String name) {
    assertRefused(() -> new Brand(name, "hello@acme.example", "1 Main St"), "missing_field", "sender_name");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesAMissingSenderEmail(String email) {
    assertRefused(() -> new Brand("Acme", email, "1 Main St"), "missing_field", "sender_email");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesAMissingPostalAddress(String address) {
    assertRefused(() -> new Brand("Acme", "hello@acme.example", address), "missing_field", "postal_address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.example", "@acme.example", "hello@", "hello@acme", "a@b@acme.example",
      "hello @acme.example"})
  void refusesASenderEmailThatIsNotAnAddress(String email) {
    assertRefused(() -> new Brand("Acme", email, "1 Main St"), "invalid_email", "sender_email");
  }

  @Test
  void refusesATooLongSenderName() {
    assertRefused(() -> new Brand("x".repeat(201), "hello@acme.example", "1 Main St"), "too_long", "sender_name");
    assertThat(new Brand("x".repeat(200), "hello@acme.example", "1 Main St").senderName()).hasSize(200);
  }
}
