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
	TRAIN,

	/**
	 * What {@code ./mclass up} does by default: USE where a cache is ready, TRAIN where there is none (JDK 25; older
	 * JDKs: USE). The first start after a build records and its stop builds the caches; every later start begins
	 * from them (measured: ready in 35-38 s instead of 67-82 s, the first refusal run after the start at 3.5-6.1 ms of
	 * CPU per request instead of 12-20).
	 */
	USE_OR_TRAIN

}
