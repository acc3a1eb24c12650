package com.mclass.classes.mclass;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.mclass.classes.ClassServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's one promise: an entry is only ever replaced by a newer version of the class. */
@ClassServiceIntegrationTest
class ClassCacheIntegrationTests {

	@Autowired
	ClassCache cache;

	@Autowired
	StringRedisTemplate redis;

	@Value("${mclass.classes.cache.key-prefix}")
	String keyPrefix;

	private static ClassView view(UUID id, String title, long version) {
		Instant t = Instant.parse("2030-01-01T00:00:00Z");
		return new ClassView(id, title, "", 10, 0, false, Visibility.PUBLIC, null, 0, false, SelectionType.FIRST_COME, t,
				t.plusSeconds(60), t.plusSeconds(120), t.plusSeconds(180), RecruitState.UPCOMING, UUID.randomUUID(), t, t, version, false, WaitlistMode.AUTO, 1440);
	}

	@Test
	void aStaleReaderCannotOverwriteANewerVersion() {
		UUID id = UUID.randomUUID();
		this.cache.store(id, 4, view(id, "v4", 4));
		this.cache.store(id, 3, view(id, "v3 read before the commit of v4", 3));
		assertThat(this.cache.read(id).view().title()).isEqualTo("v4");

		this.cache.store(id, 5, view(id, "v5", 5));
		assertThat(this.cache.read(id).view().title()).isEqualTo("v5");
	}

	@Test
	void aDeletionIsATombstoneThatOlderVersionsCannotRevive() {
		UUID id = UUID.randomUUID();
		this.cache.store(id, 1, view(id, "v1", 1));
		this.cache.store(id, 2, null);
		assertThat(this.cache.read(id).deleted()).isTrue();

		this.cache.store(id, 1, view(id, "v1 again", 1));
		assertThat(this.cache.read(id).deleted()).isTrue();
	}

	@Test
	void entriesExpire() {
		UUID id = UUID.randomUUID();
		this.cache.store(id, 1, view(id, "v1", 1));
		Long ttl = this.redis.getExpire(this.keyPrefix + id);
		assertThat(ttl).isPositive().isLessThanOrEqualTo(600);
	}

	@Test
	void anUnknownClassIsAMiss() {
		assertThat(this.cache.read(UUID.randomUUID()).known()).isFalse();
	}

}
