/**
 * Classes (MClass): the aggregate and its repository, admin changes with optimistic locking ({@code version}),
 * search and reads by id with a Redis cache, and the class events every change publishes through the outbox;
 * {@code web/} is the HTTP adapter ({@code /api/mclasses}).
 */
package com.mclass.classes.mclass;
