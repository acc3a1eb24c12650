/**
 * Terms of service, privacy and enrollment, versioned: which are current and required, who agreed to which version,
 * publishing a new version; {@code /api/terms} and {@code /api/admin/terms}.
 */
package com.mclass.auth.terms;
