package com.bulletiningest.extract.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins recognised boxes into visual lines. Each box is first narrowed to its ink (the detector's boxes carry a
 * margin, and the splitter compares left edges to a point or two), then rotated by the page's skew, so that lines of a
 * skewed page come out level and their left edges line up at the margin; boxes overlapping vertically form one line,
 * read left to right, a blank between boxes further apart than a third of the line's height.
 */
final class LineAssembler {

    /** Two boxes are on one line when their vertical overlap is at least this share of the lower one. */
    private static final double SAME_LINE = 0.5;
    private static final double WORD_GAP = 0.33;

    private record Piece(String text, double left, double top, double right, double bottom, float confidence) {
    }

    private LineAssembler() {
    }

    static List<OcrLine> lines(PageImage page, List<TextRecognizer.Reading> readings, double skew) {
        double cx = page.width / 2.0, cy = page.height / 2.0;
        double cos = Math.cos(-skew), sin = Math.sin(-skew);
        List<Piece> pieces = new ArrayList<>();
        for (TextRecognizer.Reading r : readings) {
            double[] ink = ink(page, r.box());
            double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int corner = 0; corner < 4; corner++) {
                double u = corner % 2 == 0 ? ink[0] : ink[1];
                double v = corner < 2 ? ink[2] : ink[3];
                TextBox b = r.box();
                double x = b.x0() + b.alongX() * u + b.acrossX() * v - cx;
                double y = b.y0() + b.alongY() * u + b.acrossY() * v - cy;
                double rx = cx + x * cos - y * sin;
                double ry = cy + x * sin + y * cos;
                minX = Math.min(minX, rx);
                maxX = Math.max(maxX, rx);
                minY = Math.min(minY, ry);
                maxY = Math.max(maxY, ry);
            }
            pieces.add(new Piece(r.text(), minX, minY, maxX, maxY, r.confidence()));
        }
        pieces.sort(Comparator.comparingDouble(p -> (p.top + p.bottom) / 2));
        List<List<Piece>> rows = new ArrayList<>();
        for (Piece piece : pieces) {
            List<Piece> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (row != null && sameLine(row, piece)) {
                row.add(piece);
            } else {
                rows.add(new ArrayList<>(List.of(piece)));
            }
        }
        List<OcrLine> lines = new ArrayList<>();
        for (List<Piece> row : rows) {
            row.sort(Comparator.comparingDouble(Piece::left));
            lines.add(join(row));
        }
        return lines;
    }

    private static boolean sameLine(List<Piece> row, Piece piece) {
        for (Piece other : row) {
            double overlap = Math.min(other.bottom, piece.bottom) - Math.max(other.top, piece.top);
            double shorter = Math.min(other.bottom - other.top, piece.bottom - piece.top);
            if (overlap >= SAME_LINE * shorter) {
                return true;
            }
        }
        return false;
    }

    private static OcrLine join(List<Piece> row) {
        StringBuilder text = new StringBuilder();
        double top = Double.MAX_VALUE, bottom = -Double.MAX_VALUE, sum = 0;
        int chars = 0;
        Piece previous = null;
        for (Piece p : row) {
            if (previous != null && p.left - previous.right > WORD_GAP * (p.bottom - p.top)) {
                text.append(' ');
            }
            text.append(p.text);
            top = Math.min(top, p.top);
            bottom = Math.max(bottom, p.bottom);
            sum += p.confidence * p.text.length();
            chars += p.text.length();
            previous = p;
        }
        return new OcrLine(text.toString(), row.get(0).left, top, row.get(row.size() - 1).right, bottom, (float) (sum / chars));
    }

    /**
     * The ink inside a box as fractions of it: {from, to} along the line and {from, to} across it; the whole box when
     * it holds no clear ink. Ink is darker than half-way between the box's paper and its darkest pixel.
     */
    static double[] ink(PageImage page, TextBox box) {
        int cols = Math.max(1, (int) Math.ceil(box.length()));
        int rows = Math.max(1, (int) Math.ceil(box.thickness()));
        int[][] dark = new int[rows][cols];
        int max = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double u = (j + 0.5) / cols, v = (i + 0.5) / rows;
                int x = (int) Math.floor(box.x0() + box.alongX() * u + box.acrossX() * v);
                int y = (int) Math.floor(box.y0() + box.alongY() * u + box.acrossY() * v);
                dark[i][j] = page.darkness(x, y);
                max = Math.max(max, dark[i][j]);
            }
        }
        int threshold = Math.max(48, max / 2);
        int[] colCount = new int[cols];
        int[] rowCount = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (dark[i][j] > threshold) {
                    colCount[j]++;
                    rowCount[i]++;
                }
            }
        }
        int[] u = extent(colCount, 1); // one pixel: a thin stroke (一) may be one pixel thick
        int[] v = extent(rowCount, 1);
        if (u == null || v == null) {
            return new double[]{0, 1, 0, 1};
        }
        return new double[]{(double) u[0] / cols, (double) (u[1] + 1) / cols, (double) v[0] / rows, (double) (v[1] + 1) / rows};
    }

    /** First and last index counting at least {@code min}, or null. */
    private static int[] extent(int[] counts, int min) {
        int first = -1, last = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= min) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? null : new int[]{first, last};
    }
}
