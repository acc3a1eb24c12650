/**
 * Taking a place in a class's waiting room ({@code POST /api/mclasses/{id}/queue}) goes through a lane of a few requests
 * at a time, so that a crowd joining does not queue the admitted students' enrolls behind it.
 */
package com.mclass.gateway.queue;
