package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.plugin.api.DistrictFacts;

/** Request bodies of the registries and their validation into {@link Registry.Entry entries}. */
public final class RegistryBodies {

    private RegistryBodies() {
    }

    /** An elder mediator of a studio, e.g. a retired teacher (退休教师) or former village cadre (老村干部). */
    public record Mediator(String name, Long age, String standing, String phone) {
    }

    /**
     * 老倌俚工作室 of one village: {@code village} is the code of a node of level community (社区/村) in the
     * district's grid tree.
     */
    public record Studio(String name, String village, List<Mediator> mediators) {

        /** Validates against the district's grid tree ({@code district}, null: no village is known). */
        Registry.Entry validate(DistrictFacts district) {
            String validName = Inputs.text("name", name, 60);
            if (village == null || village.isBlank()) {
                throw Problems.required("village");
            }
            String code = village.trim();
            if (!Places.isVillage(district, code)) {
                throw Problems.invalid("village", "应为本区网格树中的社区/村编码", "a community/village code of the district's grid tree");
            }
            List<Mediator> list = Inputs.list("mediators", mediators, 1, 30);
            List<Map<String, Object>> elders = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "mediators[" + i + "].";
                Mediator m = list.get(i);
                String elder = Inputs.text(at + "name", m.name(), 30);
                if (!names.add(elder)) {
                    throw Problems.invalid(at + "name", "同一工作室调解员不能重名", "mediators of a studio need distinct names");
                }
                elders.add(Records.of("name", elder,
                        "age", Inputs.number(at + "age", m.age(), 18, 120, true),
                        "standing", Inputs.text(at + "standing", m.standing(), 40),
                        "phone", Inputs.phone(at + "phone", m.phone(), true)));
            }
            String street = Places.street(district, code).orElse(null);
            return new Registry.Entry(Records.of("name", validName, "village", code, "street", street, "mediators", elders),
                    street == null ? List.of("village=" + code) : List.of("village=" + code, "street=" + street));
        }
    }

    /** 第三方调解组织 serving urban streets, with its speciality (a dispute type). */
    public record Organisation(String name, String speciality, String phone, String contact) {

        Registry.Entry validate() {
            DisputeType type = Inputs.choice("speciality", DisputeType.class, speciality);
            return new Registry.Entry(Records.of("name", Inputs.text("name", name, 60), "speciality", type.wire(),
                    "specialityZh", type.labelZh(), "phone", Inputs.phone("phone", phone, false),
                    "contact", Inputs.optionalText("contact", contact, 30)), List.of("speciality=" + type.wire()));
        }
    }

    /** A member of the district's mediator expert pool (调解专家库), e.g. a retired judge. */
    public record Expert(String name, String field, String background, String phone) {

        Registry.Entry validate() {
            ExpertField valid = Inputs.choice("field", ExpertField.class, field);
            return new Registry.Entry(Records.of("name", Inputs.text("name", name, 30), "field", valid.wire(),
                    "fieldZh", valid.labelZh(), "background", Inputs.optionalText("background", background, 60),
                    "phone", Inputs.phone("phone", phone, false)), List.of("field=" + valid.wire()));
        }
    }
}
