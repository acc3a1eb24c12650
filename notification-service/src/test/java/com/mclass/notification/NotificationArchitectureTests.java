package com.mclass.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages depend one way: {@code intake} (events in) uses {@code mail} (what an email says) and
 * {@code outbox} (delivery); {@code outbox} knows {@code mail}'s types only; {@code mail} knows neither. Web adapters
 * are reached by nobody.
 */
@AnalyzeClasses(packages = "com.mclass.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationArchitectureTests {

	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().matching("com.mclass.notification.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule mailDependsOnNoOtherFeature = noClasses().that()
		.resideInAPackage("..notification.mail..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..notification.intake..", "..notification.outbox..");

	@ArchTest
	static final ArchRule outboxKnowsNothingOfKafkaOrTheInbox = noClasses().that()
		.resideInAPackage("..notification.outbox..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..notification.intake..", "org.apache.kafka..", "org.springframework.kafka..");

	@ArchTest
	static final ArchRule webAdaptersAreReachedByNobody = noClasses().that()
		.resideOutsideOfPackage("com.mclass.notification..web..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.mclass.notification..web..");

}
