package org.gongzhi.core.service.tenants;

/** A deployed district model (plugin), as its descriptor tells it. */
public record ModelInfo(String id, String nameZh, String nameEn, String version) {
}
