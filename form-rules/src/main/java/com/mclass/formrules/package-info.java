/**
 * The rules of enrollment forms, in one place for every service that needs them: class-service checks a form
 * definition with {@link com.mclass.formrules.FormRules#checkDraft(java.util.List)} before it publishes it, and
 * enrollment-service checks a student's answers with
 * {@link com.mclass.formrules.FormRules#checkAnswers(java.util.List, java.util.Map)}. Which regular expressions a
 * question may carry is {@link com.mclass.formrules.SafePattern}'s call.
 * <p>
 * Plain Java plus Jackson's annotations (for the JSON names), no Spring: both services apply exactly these classes.
 * Rules report {@link com.mclass.formrules.Violation}s: a field path as the client sent it ({@code questions[2].options},
 * {@code answers.phone}), a stable code, positional message arguments and an English default text. Each service words
 * them in the client's language under {@code form.reason.<code>} of its message bundles.
 */
package com.mclass.formrules;
