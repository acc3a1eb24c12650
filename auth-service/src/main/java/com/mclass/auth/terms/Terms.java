package com.mclass.auth.terms;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Terms extends JpaRepository<Term, UUID> {

	/** The current (highest) version of each type. */
	@Query(value = "select distinct on (type) * from term order by type, version desc", nativeQuery = true)
	List<Term> findCurrent();

	@Query("select coalesce(max(t.version), 0) from Term t where t.type = :type")
	int latestVersion(TermType type);

}
