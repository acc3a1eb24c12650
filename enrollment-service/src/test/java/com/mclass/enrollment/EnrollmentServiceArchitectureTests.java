package com.mclass.enrollment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.cloud.openfeign.FeignClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packagesOf = EnrollmentServiceApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class EnrollmentServiceArchitectureTests {

	/**
	 * Features depend one way: seat (the ledger) knows nobody; classcatalog implements seat's catalog port; enrollment
	 * builds on seat and idempotency; waitlist on enrollment and seat; admin on all of them. A cycle would mean a rule
	 * lives in two places.
	 */
	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().matching("com.mclass.enrollment.(*)..").should().beFreeOfCycles();

	/** Web adapters are entry points: no feature calls another feature's controllers. */
	@ArchTest
	static final ArchRule nothingDependsOnWebAdapters = noClasses().that()
		.resideOutsideOfPackage("..web..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.mclass.enrollment.*.web..");

	/** The seat counters move only through SeatLedger's statements, and the ledger does not know who holds its seats. */
	@ArchTest
	static final ArchRule theLedgerKnowsNoEnrollments = noClasses().that()
		.resideInAPackage("com.mclass.enrollment.seat..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.mclass.enrollment.enrollment..", "com.mclass.enrollment.waitlist..", "com.mclass.enrollment.admin..");

	/**
	 * The class data the hot path needs comes from class-service only through the catalog port (classcatalog
	 * implements seat's ClassCatalog). The one other HTTP caller is the admin dashboard's read of every service's
	 * /internal/stats (admin.ServiceStatsClients), pinned by the rule below.
	 */
	@ArchTest
	static final ArchRule onlyTheCatalogUsesTheClassServiceClient = noClasses().that()
		.resideOutsideOfPackage("com.mclass.enrollment.classcatalog..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.mclass.enrollment.classcatalog..");

	/** HTTP clients of other services are declared in two places only: the catalog port and the dashboard's stats. */
	@ArchTest
	static final ArchRule feignClientsLiveInTheCatalogAndTheDashboardOnly = classes().that()
		.areAnnotatedWith(FeignClient.class)
		.should()
		.resideInAnyPackage("com.mclass.enrollment.classcatalog..", "com.mclass.enrollment.admin..");

}
