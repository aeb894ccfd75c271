package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.ClientErrorException;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.DistrictGrid;
import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.gongzhi.plugin.tck.SampleDistricts;

/**
 * Donghu registries and desks on the in-memory storage, with the clock at 2026-06-19 10:00 in Nanchang.
 * Places are nodes of Donghu's real grid tree as the TCK gives it ({@link SampleDistricts#donghu()}),
 * looked up by name.
 */
final class Fixture {

    static final String TENANT = "donghu";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-19T02:00:00Z"), OldManStudiosModel.ZONE);
    /** Donghu's categories, grid tree and departments. */
    static final DistrictFacts DONGHU = SampleDistricts.donghu();
    /** 扬子洲镇 (a rural town). */
    static final String YANGZIZHOU_TOWN = code("扬子洲镇");
    /** 扬子洲镇 扬子洲村 (a village with a studio). */
    static final String YANGZIZHOU_VILLAGE = code("扬子洲村");
    /** 扬子洲村第一网格. */
    static final String YANGZIZHOU_GRID = code("扬子洲村第一网格");
    /** 第一、第二村民小组 of 扬子洲村第一网格 (level building). */
    static final String VILLAGER_GROUP_1 = DONGHU.children(YANGZIZHOU_GRID).get(0).code();
    static final String VILLAGER_GROUP_2 = DONGHU.children(YANGZIZHOU_GRID).get(1).code();
    /** 扬子洲镇 新洲村 (another village). */
    static final String XINZHOU_VILLAGE = code("新洲村");
    /** 扬子洲镇 洲头村 (a village that gets no studio in these tests). */
    static final String ZHOUTOU_VILLAGE = code("洲头村");
    /** 公园街道 叠山第一网格 (urban). */
    static final String DIESHAN_GRID = code("叠山第一网格");

    /** Donghu enabled the model; Jizhou and Jiangbei did not. */
    final PluginTenants tenants = FixedPluginTenants.builder().tenant(TENANT, OldManStudiosModel.ID).tenant("jizhou")
            .tenant("jiangbei").build();
    /** The TCK's in-memory storage, with the districts these tests use. */
    final InMemoryPluginStorage storage = new InMemoryPluginStorage(TENANT, "jizhou", "jiangbei");
    final Registry studios = Registry.studios(storage);
    final Registry organisations = Registry.organisations(storage);
    final Registry experts = Registry.experts(storage);
    final DisputeDesk desk = new DisputeDesk(storage, tenants, CLOCK);

    /** The code of the Donghu grid-tree node with this Chinese name. */
    static String code(String name) {
        return DONGHU.grids().stream().filter(g -> g.name().equals(name)).map(DistrictGrid::code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name + " in Donghu's tree"));
    }
    final MediationDesk mediation = new MediationDesk(storage, CLOCK);

    /** A studio whose elders are named {@code elders}, e.g. a retired teacher 退休教师. */
    PluginRecord studio(String name, String village, String... elders) {
        List<RegistryBodies.Mediator> mediators = new ArrayList<>();
        for (int i = 0; i < elders.length; i++) {
            mediators.add(new RegistryBodies.Mediator(elders[i], 66L + i, i % 2 == 0 ? "退休教师" : "老村干部",
                    "1390791000" + i));
        }
        return studios.create(TENANT, new RegistryBodies.Studio(name, village, mediators).validate(DONGHU));
    }

    PluginRecord organisation(String name, String speciality) {
        return organisations.create(TENANT, new RegistryBodies.Organisation(name, speciality, "0791-86000000", "万主任")
                .validate());
    }

    PluginRecord expert(String name, String field) {
        return experts.create(TENANT, new RegistryBodies.Expert(name, field, "退休法官", null).validate());
    }

    static List<DisputeBodies.Party> parties() {
        return List.of(new DisputeBodies.Party("熊某", "applicant", "13907910001"),
                new DisputeBodies.Party("万某", "respondent", null));
    }

    static DisputeBodies.NewDispute newDispute(String grid, String type, String registeredOn) {
        return new DisputeBodies.NewDispute(null, parties(), type, grid, 3000L, "宅基地边界排水沟堵塞引发争执", registeredOn);
    }

    PluginRecord register(String grid, String type, String registeredOn) {
        return desk.register(TENANT, newDispute(grid, type, registeredOn));
    }

    PluginRecord assign(PluginRecord dispute) {
        return desk.assign(TENANT, dispute.id(), null);
    }

    PluginRecord session(PluginRecord dispute, String date, String mediator) {
        return mediation.session(TENANT, dispute.id(),
                new DisputeBodies.Session(date, List.of("熊某", "万某"), List.of(mediator), List.of(), "双方陈述"));
    }

    PluginRecord agree(PluginRecord dispute, String date) {
        return mediation.agree(TENANT, dispute.id(), new DisputeBodies.Agreement(date, "双方同意共同疏通排水沟",
                List.of("熊某负责清淤", "万某承担材料费300元"), date));
    }

    PluginRecord fail(PluginRecord dispute, String date) {
        return mediation.fail(TENANT, dispute.id(), new DisputeBodies.Failure(date, "双方分歧过大"));
    }

    PluginRecord escalate(PluginRecord dispute, String level, String date, String organisationId) {
        return mediation.escalate(TENANT, dispute.id(), new DisputeBodies.Escalation(level, date, organisationId, null));
    }

    PluginRecord reload(PluginRecord dispute) {
        return desk.get(TENANT, dispute.id());
    }

    /** Runs {@code call}, asserts a 409 and returns its message. */
    static String conflict(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ClientErrorException.class);
        assertThat(((ClientErrorException) thrown).getResponse().getStatus()).isEqualTo(409);
        return thrown.getMessage();
    }

    /** Runs {@code call}, asserts a 400 ({@link InvalidInputException}) with a zh-CN-first message and returns the field. */
    static String invalidField(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        assertThat(thrown.getMessage()).matches("(?s)^[^\\x00-\\x7F].*\\(.*[A-Za-z].*\\).*");
        return ((InvalidInputException) thrown).field();
    }
}
