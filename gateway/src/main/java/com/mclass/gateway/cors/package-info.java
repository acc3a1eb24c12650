/**
 * Which browser front ends may call the API.
 */
package com.mclass.gateway.cors;
