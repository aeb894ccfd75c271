package org.gongzhi.plugins.threelinked.internal;

import java.util.List;

/**
 * One page of a list answer.
 *
 * @param total number of matching items on all pages
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
}
