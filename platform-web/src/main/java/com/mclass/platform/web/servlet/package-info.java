/**
 * What every servlet service gets: global error handling into the envelope (no framework error page or stack trace
 * reaches a client), the API documents' name and server, and the plan's pagination ({@code page} from 1 with
 * {@code limit}).
 */
package com.mclass.platform.web.servlet;
