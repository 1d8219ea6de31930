package org.wwan4j.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows of cells printed with aligned columns, header first, as {@code mmcli -L} and {@code ip} print tables. */
final class TextTable {

    static final String NONE = "-";

    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(List.of(header));
    }

    /** Adds a row; a null cell prints as {@value #NONE}. */
    void add(Object... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? NONE : cell.toString());
        }
        rows.add(row);
    }

    @Override
    public String toString() {
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(cell);
                if (i < row.size() - 1) {
                    out.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
