package com.mclass.auth.terms;

public enum TermType {

	SERVICE, PRIVACY, ENROLLMENT

}
