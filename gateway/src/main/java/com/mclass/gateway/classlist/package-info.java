/**
 * The class list ({@code GET /api/mclasses}, the page every student reloads before a rush) answered from the gateway's
 * memory for anonymous callers and students alike, for at most a second or its own {@code max-age}.
 */
package com.mclass.gateway.classlist;
