package org.wwan4j.generator.types;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.model.Field;
import org.wwan4j.generator.model.RecordType;

/**
 * Computes {@link StructLayout}s with the C rules for x86_64: each member at its natural alignment, the struct
 * padded to its strictest alignment. Bit-fields are packed into units of their declared type.
 */
public final class StructLayoutPlanner {

    private static final int MAX_NESTING = 8;

    private final TypeLowering lowering;

    public StructLayoutPlanner(TypeLowering lowering) {
        this.lowering = lowering;
    }

    /** The outcome: a layout, or the reason none can be given. */
    public record Plan(StructLayout layout, String unsupportedReason) {
        public boolean supported() {
            return layout != null;
        }
    }

    public Plan plan(RecordType record, String namespace) {
        try {
            return new Plan(layoutOf(record, namespace, 0), null);
        } catch (IllegalArgumentException e) {
            return new Plan(null, e.getMessage());
        }
    }

    private StructLayout layoutOf(RecordType record, String namespace, int depth) {
        if (depth > MAX_NESTING) {
            throw new IllegalArgumentException("struct nesting too deep at " + record.cType());
        }
        if (record.union()) {
            throw new IllegalArgumentException(record.cType() + " is a union");
        }
        if (record.isOpaque()) {
            throw new IllegalArgumentException(record.cType() + " is opaque");
        }
        List<StructLayout.Member> members = new ArrayList<>();
        long offset = 0;
        long maxAlign = 1;
        List<Field> fields = record.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (field.anonymous() || (field.type() == null && field.inlineCallback() == null)) {
                throw new IllegalArgumentException("field '" + field.name() + "' of " + record.cType()
                        + " is an anonymous union or struct");
            }
            if (field.isBitField()) {
                int end = i;
                int bits = 0;
                List<String> names = new ArrayList<>();
                while (end < fields.size() && fields.get(end).isBitField()) {
                    bits += fields.get(end).bits();
                    names.add(fields.get(end).name());
                    end++;
                }
                CType unit = scalarOf(field, namespace, record);
                long units = (bits + unit.byteSize() * 8L - 1) / (unit.byteSize() * 8L);
                offset = pad(members, offset, unit.alignment());
                maxAlign = Math.max(maxAlign, unit.alignment());
                members.add(new StructLayout.BitFieldStorage(names, units * unit.byteSize()));
                offset += units * unit.byteSize();
                i = end - 1;
                continue;
            }
            Lowered type = field.inlineCallback() != null ? new Lowered.Scalar(CType.POINTER)
                    : lowering.lowerForField(field.type(), namespace);
            long size;
            long align;
            StructLayout nested = null;
            switch (type) {
                case Lowered.Scalar s when s.type() != CType.VOID -> {
                    size = s.type().byteSize();
                    align = s.type().alignment();
                }
                case Lowered.FixedArray a when a.element() instanceof Lowered.Scalar s && s.type() != CType.VOID -> {
                    size = (long) s.type().byteSize() * a.count();
                    align = s.type().alignment();
                }
                case Lowered.StructByValue s -> {
                    nested = layoutOf(s.record(), s.namespace(), depth + 1);
                    size = nested.byteSize();
                    align = nested.alignment();
                }
                case Lowered.Unsupported u -> throw new IllegalArgumentException(
                        "field '" + field.name() + "' of " + record.cType() + ": " + u.reason());
                default -> throw new IllegalArgumentException(
                        "field '" + field.name() + "' of " + record.cType() + " has an unsupported type");
            }
            offset = pad(members, offset, align);
            maxAlign = Math.max(maxAlign, align);
            members.add(new StructLayout.FieldMember(field.name(), type, nested, offset, size));
            offset += size;
        }
        offset = pad(members, offset, maxAlign);
        return new StructLayout(record.cType(), members, offset, maxAlign);
    }

    private CType scalarOf(Field field, String namespace, RecordType record) {
        if (lowering.lowerForField(field.type(), namespace) instanceof Lowered.Scalar s && s.type() != CType.VOID) {
            return s.type();
        }
        throw new IllegalArgumentException("bit-field '" + field.name() + "' of " + record.cType() + " is not a scalar");
    }

    private static long pad(List<StructLayout.Member> members, long offset, long align) {
        long aligned = (offset + align - 1) / align * align;
        if (aligned > offset) {
            members.add(new StructLayout.Padding(aligned - offset));
        }
        return aligned;
    }
}
