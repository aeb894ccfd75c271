/**
 * Tenant (district, 区县) definitions read from {@code tenants/<id>/}: departments (职能部门),
 * event categories (事件分类), grids, SLA policy, working calendar and the 12345 hotline mapping.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.gongzhi.core.tenant;
