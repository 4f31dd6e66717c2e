package herald.domain.distributions;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.Conflict;
import herald.domain.Invalid;
import herald.domain.NotFound;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.templates.Templates;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManageDistributionsTest {
  private final TestClock clock = new TestClock();
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final ManageDistributions manage = new ManageDistributions(distributions, new Templates(), clock);

  private static NewDistribution draft(EmailChannel channel) {
    return new NewDistribution("Welcome", Samples.custom("signup"), AudienceType.EVENT_CUSTOMER,
        ActionType.PLAIN_MESSAGE, List.of(channel));
  }

  @Test
  void createStoresADraftAtVersionOne() {
    Distribution created = manage.create(draft(Samples.email()));

    assertThat(created.id()).startsWith("dist_");
    assertThat(created.status()).isEqualTo(DistributionStatus.DRAFT);
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.createdAt()).isEqualTo(T0);
    assertThat(created.updatedAt()).isEqualTo(T0);
    assertThat(created.name()).isEqualTo("Welcome");
    assertThat(created.trigger()).isEqualTo(Samples.custom("signup"));
    assertThat(created.channels()).containsExactly(Samples.email());
    assertThat(distributions.get(created.id())).contains(created);
  }

  @Test
  void eachCreatedDistributionGetsItsOwnId() {
    assertThat(manage.create(draft(Samples.email())).id()).isNotEqualTo(manage.create(draft(Samples.email())).id());
  }

  @Test
  void createRefusesAnHtmlBodyThatDoesNotCompileNamingTheField() {
    Invalid invalid = catchThrowableOfType(Invalid.class,
        () -> manage.create(draft(new EmailChannel("Hi", "<p>{{#unclosed}}</p>", "Hi"))));

    assertThat(invalid.code()).isEqualTo("invalid_template");
    assertThat(invalid.field()).isEqualTo("channels[0].html");
    assertThat(distributions.all()).isEmpty();
  }

  @Test
  void createNamesTheSubjectOrTextWhenThoseDoNotCompile() {
    assertThat(catchThrowableOfType(Invalid.class,
        () -> manage.create(draft(new EmailChannel("Hi {{#x}}", "<p>ok</p>", "ok")))).field())
        .isEqualTo("channels[0].subject");
    assertThat(catchThrowableOfType(Invalid.class,
        () -> manage.create(draft(new EmailChannel("Hi", "<p>ok</p>", "{{/x}}")))).field())
        .isEqualTo("channels[0].text");
  }

  @Test
  void createStoresNothingWhenATemplateIsInvalid() {
    assertThatThrownBy(() -> manage.create(draft(new EmailChannel("Hi", "{{#unclosed}}", null))))
        .isInstanceOf(Invalid.class);

    assertThat(distributions.all()).isEmpty();
  }

  @Test
  void movingStoresTheNewStatusAndVersion() {
    Distribution created = manage.create(draft(Samples.email()));
    clock.advance(Duration.ofMinutes(5));

    Distribution active = manage.moveTo(created.id(), DistributionStatus.ACTIVE);

    assertThat(active.status()).isEqualTo(DistributionStatus.ACTIVE);
    assertThat(active.version()).isEqualTo(2);
    assertThat(active.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(distributions.get(created.id())).contains(active);
    assertThat(distributions.activeFor(Samples.CUSTOM)).containsExactly(active);

    Distribution paused = manage.moveTo(created.id(), DistributionStatus.PAUSED);
    assertThat(paused.version()).isEqualTo(3);
    assertThat(distributions.activeFor(Samples.CUSTOM)).isEmpty();
  }

  @Test
  void aRefusedTransitionThrowsInvalidTransitionAndChangesNothing() {
    Distribution created = manage.create(draft(Samples.email()));

    Conflict conflict = catchThrowableOfType(Conflict.class,
        () -> manage.moveTo(created.id(), DistributionStatus.PAUSED));

    assertThat(conflict.code()).isEqualTo("invalid_transition");
    assertThat(distributions.get(created.id())).contains(created);
    assertThat(distributions.replaces()).isZero();
  }

  @Test
  void aConcurrentChangeGivesVersionConflictAndKeepsTheOtherChange() {
    Distribution created = manage.create(draft(Samples.email()));
    Distribution archivedMeanwhile = created.moveTo(DistributionStatus.ARCHIVED, T0);
    distributions.beforeNextReplace(() -> distributions.replace(archivedMeanwhile, 1));

    Conflict conflict = catchThrowableOfType(Conflict.class,
        () -> manage.moveTo(created.id(), DistributionStatus.ACTIVE));

    assertThat(conflict.code()).isEqualTo("version_conflict");
    assertThat(distributions.get(created.id())).contains(archivedMeanwhile);
  }

  @Test
  void movingToTheCurrentStatusWritesNothing() {
    Distribution created = manage.create(draft(Samples.email()));

    assertThat(manage.moveTo(created.id(), DistributionStatus.DRAFT)).isEqualTo(created);
    assertThat(distributions.replaces()).isZero();
  }

  @Test
  void movingAnUnknownDistributionIsNotFound() {
    NotFound notFound = catchThrowableOfType(NotFound.class,
        () -> manage.moveTo("dist_missing", DistributionStatus.ACTIVE));

    assertThat(notFound.field()).isEqualTo("id");
    assertThat(notFound.getMessage()).contains("dist_missing");
  }
}
