package com.mclass.classes.form;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.mclass.classes.formrules.Question;

/**
 * A form as an admin submits it. The questions' rules are {@code formrules.QuestionRules}; {@link PublishingForm}
 * checks them together with these annotations so that one response lists every fault.
 */
public record FormDraft(@NotBlank @Size(max = 200) String title, @Size(max = 2_000) String description, List<Question> questions) {
}
