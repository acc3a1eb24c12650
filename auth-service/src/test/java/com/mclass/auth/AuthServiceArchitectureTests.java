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
	 * Features depend one way: terms and token know nobody; user builds on terms and the platform outbox; session on user
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

	/** Events leave through one door: only the user events append to the platform outbox. */
	@ArchTest
	static final ArchRule onlyUserEventsAppendToTheOutbox = noClasses().that()
		.resideOutsideOfPackage("com.mclass.auth.user..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.mclass.platform.events..");

}
