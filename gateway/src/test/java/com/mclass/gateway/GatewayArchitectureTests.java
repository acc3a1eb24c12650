package com.mclass.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packagesOf = GatewayApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTests {

	/** Each feature speaks to the others only through the exchange and the platform's envelope types. */
	@ArchTest
	static final ArchRule featuresDoNotReachIntoEachOther = slices().matching("com.mclass.gateway.(*)..")
		.should()
		.notDependOnEachOther();

}
