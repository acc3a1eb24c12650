/**
 * The rules of enrollment forms, in one place for every service that needs them: what makes a question well-formed
 * ({@link com.mclass.classes.formrules.QuestionRules}), which regular expressions a question may carry
 * ({@link com.mclass.classes.formrules.SafePattern}) and whether a set of answers satisfies a form
 * ({@link com.mclass.classes.formrules.AnswerValidator}).
 * <p>
 * Plain Java on purpose: no Spring, no Jackson, nothing else from class-service. enrollment-service validates answers
 * with exactly these classes, and moving the package into a shared {@code form-rules} module is a rename. An
 * architecture test keeps it that way.
 * <p>
 * Rules report {@link com.mclass.classes.formrules.Violation}s: a field path as the client sent it
 * ({@code questions[2].options}, {@code answers.phone}), a stable code and positional message arguments. The texts
 * live in the service's message bundle under {@code formrules.<code>} ({@code {0}}, {@code {1}} are the arguments).
 */
package com.mclass.classes.formrules;
