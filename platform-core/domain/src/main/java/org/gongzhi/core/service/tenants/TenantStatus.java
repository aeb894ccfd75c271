package org.gongzhi.core.service.tenants;

/** Where a district stands in its lifecycle. Deleted districts are not served at all. */
public enum TenantStatus {
    /** 正常: served. */
    ACTIVE,
    /** 已暂停: every API call for it is refused; its data is kept. */
    SUSPENDED
}
