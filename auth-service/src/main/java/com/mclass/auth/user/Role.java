package com.mclass.auth.user;

public enum Role {

	USER, ADMIN

}
