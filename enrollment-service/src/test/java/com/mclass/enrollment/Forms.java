package com.mclass.enrollment;

/** Enrollment forms as class-service publishes them (form-rules' questions). */
public final class Forms {

	/** A motivation of 5–200 characters, a level among three, and a required agreement. */
	public static final String MOTIVATION_LEVEL_AGREEMENT = """
			[{"id":"motivation","type":"textarea","label":"지원 동기","required":true,"validation":{"minLength":5,"maxLength":200}},
			 {"id":"level","type":"radio","label":"수준","required":true,"options":["초급","중급","고급"]},
			 {"id":"agree","type":"agreeTerms","label":"개인정보 수집 동의","required":true}]""";

	public static final String VALID_ANSWERS = """
			{"motivation":"동시성을 제대로 배우고 싶어요","level":"중급","agree":true}""";

	private Forms() {
	}

}
