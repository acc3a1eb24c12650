package com.mclass.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package boundaries class-service promises. */
class ArchitectureTests {

	private static final JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.mclass.classes");

	@Test
	void formsAreCheckedOnlyByTheSharedFormRules() {
		// form-rules (com.mclass.formrules) keeps itself plain Java; a copy here would drift from enrollment-service's.
		noClasses().should()
			.resideInAPackage("..formrules..")
			.orShould()
			.haveSimpleName("SafePattern")
			.because("class-service and enrollment-service apply the same form rules, from the form-rules module")
			.check(main);
	}

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		slices().matching("com.mclass.classes.(*)..").should().beFreeOfCycles().check(main);
	}

	@Test
	void onlyWebAdaptersDependOnTheWebLayer() {
		noClasses().that()
			.resideOutsideOfPackages("..web..", "com.mclass.classes")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..mclass.web..", "..form.web..")
			.check(main);
	}

}
