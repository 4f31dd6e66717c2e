package herald;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import herald.platform.Json;

/**
 * The domain knows no AWS, wiring, HTTP or JSON library, and its packages depend on each other one way only;
 * adapters use nothing of the platform but Json.
 */
@AnalyzeClasses(packages = "herald", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainDependsOnNoFrameworkOrOuterLayer = noClasses()
      .that().resideInAPackage("herald.domain..").and().areNotAnnotatedWith("dagger.internal.DaggerGenerated")
      .should().dependOnClassesThat().resideInAnyPackage(
          "software.amazon..", "com.amazonaws..", "dagger..", "javax.inject..", "java.net.http..",
          "com.sun.net.httpserver..", "com.fasterxml.jackson..", "herald.adapters..", "herald.platform..")
      .because("the domain is plain Java, tested with in-memory fakes (DESIGN.md, Layout); it may carry the "
          + "standard jakarta.inject annotations, which name what it needs without saying how it is wired");

  @ArchTest
  static final ArchRule adaptersUseOnlyJsonFromThePlatform = noClasses()
      .that().resideInAPackage("herald.adapters..")
      .should().dependOnClassesThat(resideInAPackage("herald.platform..").and(not(belongToAnyOf(Json.class))))
      .because("the platform wires adapters together; an adapter must not reach back into the wiring");

  @ArchTest
  static final ArchRule domainPackagesHaveNoCycles = slices().matching("herald.domain.(**)")
      .should().beFreeOfCycles()
      .because("the domain is packaged by pipeline stage (intake, trigger, fanout, delivery, channels...): a "
          + "package may use the ones below it, never one that uses it back");
}
