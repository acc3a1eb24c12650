package com.mclass.classes.mclass;

/** Who finds a class: PUBLIC classes are listed for everyone, UNLISTED ones only for admins (and by id for anyone). */
public enum Visibility {

	PUBLIC, UNLISTED

}
