package org.wwan4j.generator.api.mbim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.Direction;
import org.wwan4j.generator.model.Parameter;

/**
 * The parameters of one builder or parser as the API sees them: which map to Java, which are skipped, and which
 * are counts or sizes of the array right after them (those are implied by the Java list or array, never shown).
 */
final class MbimCallShape {

    /** One C parameter (the instance parameter excluded). */
    static final class Slot {
        final Parameter parameter;
        final Optional<MbimValueType> type;
        /** For an array with a count before it: that count's slot. */
        Slot count;
        /** True when this is the count of the array after it. */
        boolean isCount;

        Slot(Parameter parameter, Optional<MbimValueType> type) {
            this.parameter = parameter;
            this.type = type;
        }

        /** Shown in Java: mapped and not a count. */
        boolean visible() {
            return type.isPresent() && !isCount;
        }

        String javaName() {
            return MbimNames.component(parameter.name());
        }

        /** The local holding the out slot, prefixed so it cannot clash with the generated method's own locals. */
        String local() {
            return "out" + MbimNames.upperCamel(parameter.name().startsWith("out_")
                    ? parameter.name().substring(4) : parameter.name());
        }
    }

    final List<Slot> slots;

    private MbimCallShape(List<Slot> slots) {
        this.slots = slots;
    }

    static MbimCallShape of(Callable callable, MbimTypeMapper mapper, boolean out) {
        List<Slot> slots = new ArrayList<>();
        for (Parameter p : callable.parameters()) {
            if (p.instance()) {
                continue;
            }
            boolean isOut = p.direction() == Direction.OUT;
            Optional<MbimValueType> type = isOut != out ? Optional.empty()
                    : out ? mapper.forOut(p.type()) : mapper.forIn(p.type());
            slots.add(new Slot(p, type));
        }
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (slot.type.isEmpty()) {
                continue;
            }
            boolean wantsCount = slot.type.get().needsCount()
                    || (!out && slot.type.get().kind() == MbimValueKind.STRUCT_ARRAY);
            if (!wantsCount) {
                continue;
            }
            Slot before = i > 0 ? slots.get(i - 1) : null;
            if (before != null && before.type.isPresent() && isCountName(before.parameter.name())
                    && isInteger(before.type.get().kind())) {
                before.isCount = true;
                slot.count = before;
            } else {
                slots.set(i, new Slot(slot.parameter, Optional.empty())); // length unknown: cannot be carried
            }
        }
        return new MbimCallShape(slots);
    }

    private static boolean isCountName(String name) {
        return name.endsWith("_count") || name.endsWith("_size") || name.endsWith("_length");
    }

    private static boolean isInteger(MbimValueKind kind) {
        return kind == MbimValueKind.U32 || kind == MbimValueKind.U16 || kind == MbimValueKind.U8;
    }

    List<Slot> visible() {
        return slots.stream().filter(Slot::visible).toList();
    }

    List<Slot> unsupported() {
        return slots.stream().filter(s -> s.type.isEmpty()).toList();
    }

    /** Same Java components in the same order: a notification can reuse the response record. */
    boolean sameComponents(MbimCallShape other) {
        List<Slot> mine = visible();
        List<Slot> theirs = other.visible();
        if (mine.size() != theirs.size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!mine.get(i).javaName().equals(theirs.get(i).javaName())
                    || !mine.get(i).type.get().javaType().equals(theirs.get(i).type.get().javaType())) {
                return false;
            }
        }
        return true;
    }
}
