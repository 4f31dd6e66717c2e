package herald.jobs;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import herald.domain.segments.EvaluateSegmentPart;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.FollowCustomer;
import herald.domain.segments.SweepChanges;

/** Only the segments function evaluates segments: nothing the jobs function is built from reaches the evaluation. */
@AnalyzeClasses(packages = "herald", importOptions = ImportOption.DoNotIncludeTests.class)
class JobsEvaluateNoSegmentTest {
  @ArchTest
  static final ArchRule theJobsFunctionRunsNoRules = noClasses().that().belongToAnyOf(DaggerJobsComponent.class)
      .should().transitivelyDependOnClassesThat(belongToAnyOf(EvaluateSegments.class, FollowCustomer.class,
          SweepChanges.class, EvaluateSegmentPart.class))
      .because("an import saves customers and announces them; the segments function evaluates them");
}
