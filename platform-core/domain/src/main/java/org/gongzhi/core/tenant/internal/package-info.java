/**
 * Private helpers of {@link org.gongzhi.core.tenant.TenantDefinitionReader}: YAML loading and
 * field access with error paths, and the parsers of the calendar, category and grid files.
 * Not exported.
 */
package org.gongzhi.core.tenant.internal;
