/**
 * Tenant (district, 区县) definitions read from {@code tenants/<id>/}: departments (职能部门),
 * event categories (事件分类), grids, SLA policy and working calendar.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.gongzhi.core.tenant;
