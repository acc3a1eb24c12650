package com.mclass.formrules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class FormRulesArchitectureTests {

	private static final JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.mclass.formrules");

	@Test
	void formRulesArePlainJavaSoEveryServiceAppliesThemAlike() {
		// Jackson's annotations only name the JSON; no framework may decide what a rule means.
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("com.mclass.formrules..", "java..", "com.fasterxml.jackson.annotation..")
			.check(main);
	}

}
