/**
 * class-service over HTTP (OpenFeign, Resilience4j) behind the seat package's {@code ClassCatalog} port: asked only
 * for a class whose events have not arrived yet.
 */
package com.mclass.enrollment.classcatalog;
