package com.mclass.classes.form;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.mclass.formrules.QuestionDraft;

/**
 * A form as an admin submits it. The questions are drafts, their types still as sent, so that an unknown type is one
 * more fault in the list form-rules reports rather than an unreadable body; {@link PublishingForm} checks them
 * together with these annotations so that one response lists every fault.
 */
public record FormDraft(@NotBlank @Size(max = 200) String title, @Size(max = 2_000) String description,
		List<QuestionDraft> questions) {
}
