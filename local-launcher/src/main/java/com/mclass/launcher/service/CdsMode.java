package com.mclass.launcher.service;

/**
 * Whether services start from a class-data / AOT cache (JDK 25: JEP 483/514/515 AOT cache; older JDKs: a dynamic
 * CDS archive). A cache only ever speeds startup up: when it is missing, stale or rejected, the service starts
 * plainly.
 */
public enum CdsMode {

	/** Plain {@code java -jar}, caches are ignored. */
	OFF,

	/** Use a cache that matches the jar and the JDK if there is one; never spend time creating one. */
	USE,

	/** Like USE, but first create the missing caches with a training run of each service. */
	CREATE,

	/**
	 * Train the cache on this session's use (JDK 25; older JDKs: like CREATE): the service starts plainly in AOT
	 * record mode and its cache is built from what it ran when it stops, replacing any cache it had. The next start
	 * in USE mode then begins with the classes loaded and the JIT's profiles of this session.
	 */
	TRAIN

}
