package com.mclass.auth.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Users extends JpaRepository<User, UUID> {

	/** The name of the unique index that settles concurrent registrations of one e-mail. */
	String LOCAL_EMAIL_CONSTRAINT = "users_local_email_key";

	/** The name of the unique index that settles concurrent first logins of one social account. */
	String SOCIAL_ACCOUNT_CONSTRAINT = "users_social_account_key";

	Optional<User> findByProviderAndEmail(Provider provider, String email);

	boolean existsByProviderAndEmail(Provider provider, String email);

	Optional<User> findByProviderAndSocialId(Provider provider, String socialId);

	/**
	 * Users whose e-mail or name contains {@code pattern} (a lower-case LIKE pattern with {@code \} escaping), or
	 * everyone when it is {@code %}.
	 */
	@Query("select u from User u where lower(u.email) like :pattern escape '\\' or lower(u.name) like :pattern escape '\\'")
	Page<User> search(String pattern, Pageable pageable);

	/** The accounts whose e-mail is one of {@code emails} (lower case), whatever their provider. */
	@Query("select u from User u where lower(u.email) in :emails")
	List<User> findByLowerCaseEmailIn(Collection<String> emails);

}
