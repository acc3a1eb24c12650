/**
 * What admins do with enrollments: decisions (approve, reject, waitlist), the CSV export, and the dashboard that
 * gathers every service's stats over HTTP ({@code ServiceStatsClients}); {@code web/} is the admin HTTP adapter.
 */
package com.mclass.enrollment.admin;
