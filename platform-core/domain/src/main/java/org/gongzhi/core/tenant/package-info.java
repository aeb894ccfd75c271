/**
 * Tenant (district, 区县) definitions read from {@code tenants/<id>/}: departments (职能部门),
 * event categories (事件分类), grids, SLA policy, working calendar, the 12345 hotline mapping (with the
 * reply connector and the callback attempts, since 1.4), the emergency plan for wartime (应急预案, 战时)
 * the supervision rules (督办规则, since 1.4) and the responsibility list (责任清单, since 1.4) and the categories' matter kinds for the cross-district rule
 * ({@link org.gongzhi.core.tenant.MatterKind}, since 1.4).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.gongzhi.core.tenant;
