package com.mclass.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packagesOf = AuthServiceApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class AuthServiceArchitectureTests {

	/**
	 * Features depend one way: terms, token and outbox know nobody; user builds on terms and outbox; session on user
	 * and token; the use cases (registration, login, social, admin) on those. A cycle would mean a rule lives in two
	 * places.
	 */
	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().matching("com.mclass.auth.(*)..").should().beFreeOfCycles();

	/** Web adapters are entry points: no feature calls another feature's controllers. */
	@ArchTest
	static final ArchRule nothingDependsOnWebAdapters = noClasses().that()
		.resideOutsideOfPackage("..web..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.mclass.auth.*.web..");

	/** The outbox is a mechanism to be swapped for platform-events: only the user events use it. */
	@ArchTest
	static final ArchRule onlyUserEventsAppendToTheOutbox = noClasses().that()
		.resideOutsideOfPackages("com.mclass.auth.outbox..", "com.mclass.auth.user..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.mclass.auth.outbox..");

}
