package com.bulletiningest.extract;

import java.awt.geom.Point2D;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;

/**
 * A path operator of a content stream, read by the text pass for {@link Rulings}: PDFBox's own path operators work for
 * a {@code PDFGraphicsStreamEngine} only, and a second pass of that engine over each page cost as much as the text
 * layout. Points go through the current transformation matrix as PDFBox's operators take them; a curve draws no
 * ruling, so its end point starts a new subpath. Glyphs draw none either: the text pass runs no Type 3 glyph procedures.
 */
final class PathOperator extends OperatorProcessor {

    private static final List<String> NAMES = List.of(OperatorName.MOVE_TO, OperatorName.LINE_TO,
            OperatorName.CURVE_TO, OperatorName.CURVE_TO_REPLICATE_INITIAL_POINT,
            OperatorName.CURVE_TO_REPLICATE_FINAL_POINT, OperatorName.APPEND_RECT, OperatorName.CLOSE_PATH,
            OperatorName.STROKE_PATH, OperatorName.CLOSE_AND_STROKE, OperatorName.FILL_NON_ZERO,
            OperatorName.LEGACY_FILL_NON_ZERO, OperatorName.FILL_EVEN_ODD, OperatorName.FILL_NON_ZERO_AND_STROKE,
            OperatorName.FILL_EVEN_ODD_AND_STROKE, OperatorName.CLOSE_FILL_NON_ZERO_AND_STROKE,
            OperatorName.CLOSE_FILL_EVEN_ODD_AND_STROKE, OperatorName.ENDPATH);

    private final String name;
    private final Rulings rulings;

    private PathOperator(PDFStreamEngine engine, String name, Rulings rulings) {
        super(engine);
        this.name = name;
        this.rulings = rulings;
    }

    /** Lets the engine feed the paths it reads to the rulings. */
    static void addAll(PDFStreamEngine engine, Rulings rulings) {
        for (String name : NAMES) {
            engine.addOperator(new PathOperator(engine, name, rulings));
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void process(Operator operator, List<COSBase> operands) {
        switch (name) {
            case OperatorName.MOVE_TO -> {
                if (numbers(operands, 2, false)) {
                    rulings.moveTo(point(operands, 0));
                }
            }
            case OperatorName.LINE_TO -> {
                if (numbers(operands, 2, false)) {
                    rulings.lineTo(point(operands, 0));
                }
            }
            case OperatorName.CURVE_TO -> {
                if (numbers(operands, 6, true)) {
                    rulings.moveTo(point(operands, 4));
                }
            }
            case OperatorName.CURVE_TO_REPLICATE_INITIAL_POINT, OperatorName.CURVE_TO_REPLICATE_FINAL_POINT -> {
                if (numbers(operands, 4, true)) {
                    rulings.moveTo(point(operands, 2));
                }
            }
            case OperatorName.APPEND_RECT -> {
                if (numbers(operands, 4, true)) {
                    float x = number(operands, 0);
                    float y = number(operands, 1);
                    float x2 = number(operands, 2) + x;
                    float y2 = number(operands, 3) + y;
                    rulings.rectangle(point(x, y), point(x2, y), point(x2, y2), point(x, y2));
                }
            }
            case OperatorName.CLOSE_PATH -> rulings.closePath();
            case OperatorName.STROKE_PATH -> rulings.stroke();
            case OperatorName.CLOSE_AND_STROKE -> {
                rulings.closePath();
                rulings.stroke();
            }
            case OperatorName.FILL_NON_ZERO, OperatorName.LEGACY_FILL_NON_ZERO, OperatorName.FILL_EVEN_ODD -> rulings.fill();
            case OperatorName.FILL_NON_ZERO_AND_STROKE, OperatorName.FILL_EVEN_ODD_AND_STROKE -> rulings.fillAndStroke();
            case OperatorName.CLOSE_FILL_NON_ZERO_AND_STROKE, OperatorName.CLOSE_FILL_EVEN_ODD_AND_STROKE -> {
                rulings.closePath();
                rulings.fillAndStroke();
            }
            case OperatorName.ENDPATH -> rulings.endPath();
            default -> throw new IllegalStateException(name);
        }
    }

    /**
     * Whether the operands make a point or points, by PDFBox's checks: at least {@code count} of them, and numbers
     * (all of them, or the first {@code count}); PDFBox skips the operator otherwise.
     */
    private static boolean numbers(List<COSBase> operands, int count, boolean all) {
        if (operands.size() < count) {
            return false;
        }
        for (COSBase operand : all ? operands : operands.subList(0, count)) {
            if (!(operand instanceof COSNumber)) {
                return false;
            }
        }
        return true;
    }

    private static float number(List<COSBase> operands, int index) {
        return ((COSNumber) operands.get(index)).floatValue();
    }

    /** The point of operands {@code index} and {@code index + 1}, in page space. */
    private Point2D.Float point(List<COSBase> operands, int index) {
        return point(number(operands, index), number(operands, index + 1));
    }

    private Point2D.Float point(float x, float y) {
        return getContext().transformedPoint(x, y);
    }
}
