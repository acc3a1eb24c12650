/**
 * The OpenAPI documents true to the wire for every endpoint of every service, without per-controller work: one
 * {@code ApiErrorResponse} schema with every error code as an enum ({@link com.mclass.platform.web.apidocs.ErrorCodeCatalog}),
 * each operation's error responses ({@link com.mclass.platform.web.apidocs.ErrorResponses}), record fields that can be null
 * declared nullable ({@link com.mclass.platform.web.apidocs.NullableProperties}), and the plan's {@code limit}. The
 * system tests hold every answer to these documents.
 */
package com.mclass.platform.web.apidocs;
