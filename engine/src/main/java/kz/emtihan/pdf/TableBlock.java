package kz.emtihan.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A bordered table drawn through a {@link PageFlow}. Cells wrap; a row that does not fit moves to the next
 * page under a repeated header; a row taller than a whole page is split between pages.
 */
public final class TableBlock {
    private static final float PAD = 3f;

    /** A column: header text, share of the width (weights are scaled to the page), and alignment. */
    public record Column(String header, float weight, boolean centered) {}

    private final PageFlow flow;
    private final List<Column> columns;
    private final float[] widths;
    private final float fontSize;
    private final float leading;
    private List<List<String>> header;
    private float headerHeight;

    public TableBlock(PageFlow flow, List<Column> columns, float fontSize) throws IOException {
        this.flow = flow;
        this.columns = List.copyOf(columns);
        this.fontSize = fontSize;
        this.leading = fontSize * 1.25f;
        this.widths = widths(flow, this.columns, fontSize);
    }

    /**
     * Widths in proportion to the weights, then widened so no header word has to be broken, the room taken
     * from the columns that have some to spare.
     */
    private static float[] widths(PageFlow flow, List<Column> columns, float fontSize) throws IOException {
        float total = (float) columns.stream().mapToDouble(Column::weight).sum();
        float[] widths = new float[columns.size()];
        float[] least = new float[columns.size()];
        float deficit = 0;
        float slack = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = flow.width() * columns.get(i).weight() / total;
            for (String word : columns.get(i).header().split("\\s+")) {
                least[i] = Math.max(least[i], flow.width(word, flow.bold, fontSize) + 2 * PAD + 1);
            }
            deficit += Math.max(0, least[i] - widths[i]);
            slack += Math.max(0, widths[i] - least[i]);
        }
        if (deficit == 0 || slack == 0) return widths;
        float moved = Math.min(deficit, slack);
        for (int i = 0; i < widths.length; i++) {
            widths[i] = widths[i] < least[i]
                    ? widths[i] + (least[i] - widths[i]) * moved / deficit
                    : widths[i] - (widths[i] - least[i]) * moved / slack;
        }
        return widths;
    }

    public void draw(List<List<String>> rows) throws IOException {
        List<String> titles = columns.stream().map(Column::header).toList();
        header = wrapCells(titles, flow.bold);
        headerHeight = lineCount(header) * leading + 2 * PAD;
        flow.ensure(headerHeight + leading + 2 * PAD);
        drawHeader();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalStateException("row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            List<List<String>> cells = wrapCells(row, flow.regular);
            int total = lineCount(cells);
            int from = 0;
            while (from < total) {
                int rest = total - from;
                int fit = (int) Math.floor((flow.remaining() - 2 * PAD) / leading);
                boolean wholeFitsOnNewPage = rest * leading + 2 * PAD <= flow.pageBody() - headerHeight;
                if (fit < 1 || (fit < rest && wholeFitsOnNewPage)) {
                    flow.newPage();
                    drawHeader();
                    continue;
                }
                int n = Math.min(fit, rest);
                drawSlice(cells, from, n, flow.regular, false);
                from += n;
            }
        }
    }

    private void drawHeader() throws IOException {
        drawSlice(header, 0, lineCount(header), flow.bold, true);
    }

    private void drawSlice(List<List<String>> cells, int from, int n, PDFont font, boolean shaded) throws IOException {
        float height = n * leading + 2 * PAD;
        float top = flow.top();
        float x = flow.left();
        for (int c = 0; c < cells.size(); c++) {
            flow.cell(x, top - height, widths[c], height, shaded);
            List<String> lines = cells.get(c);
            for (int i = from; i < Math.min(from + n, lines.size()); i++) {
                String line = lines.get(i);
                float offset = columns.get(c).centered() ? (widths[c] - flow.width(line, font, fontSize)) / 2 : PAD;
                flow.show(line, font, fontSize, x + offset, top - PAD - (i - from) * leading - fontSize * 0.92f);
            }
            x += widths[c];
        }
        flow.down(height);
    }

    private List<List<String>> wrapCells(List<String> texts, PDFont font) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) {
            cells.add(flow.wrap(texts.get(c), font, fontSize, widths[c] - 2 * PAD));
        }
        return cells;
    }

    private static int lineCount(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1);
    }
}
