/**
 * Demo classes and forms for local runs ({@code MCLASS_DEMO_DATA_ENABLED}); off unless asked for.
 */
package com.mclass.classes.demo;
