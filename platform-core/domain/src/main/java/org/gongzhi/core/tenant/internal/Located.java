package org.gongzhi.core.tenant.internal;

/** A parsed value and the field it came from, for errors found later (cross-file checks). */
public record Located<T>(T value, Field field) {
}
