package com.bulletiningest.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The ruling lines a page draws (a table's cell borders): stroked straight segments and thin filled rectangles that
 * run along the page's axes, in the top-down coordinates of the page's text. Producers draw a border either way:
 * Writer strokes lines, Chromium fills hairline rectangles.
 */
final class Rulings extends PDFGraphicsStreamEngine {

    /** A filled rectangle this thin (points) is a drawn line; thicker, it is a shape or a shaded cell. */
    private static final float MAX_THICKNESS = 2.5f;
    /** Shorter lines are dots, dashes or glyph parts. */
    private static final float MIN_LENGTH = 3f;
    /** A segment within this much of an axis runs along it. */
    private static final float STRAIGHT = 0.5f;

    /**
     * A ruling line: {@code at} is its y for a horizontal line, its x for a vertical one; it runs from {@code from} to
     * {@code to} along the other axis.
     */
    record Rule(boolean horizontal, float at, float from, float to) {

        float length() {
            return to - from;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    /** The path being built: subpaths of points in page space (y up). */
    private final List<List<Point2D.Float>> path = new ArrayList<>();
    private final float left;
    private final float top;

    private Rulings(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        left = box.getLowerLeftX();
        top = box.getUpperRightY();
    }

    /** The page's ruling lines; none on a turned page, whose text runs along other axes. */
    static List<Rule> of(PDPage page) throws IOException {
        if (page.getRotation() % 360 != 0) {
            return List.of();
        }
        Rulings rulings = new Rulings(page);
        rulings.processPage(page);
        return rulings.rules;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        List<Point2D.Float> rectangle = new ArrayList<>();
        for (Point2D p : List.of(p0, p1, p2, p3, p0)) {
            rectangle.add(new Point2D.Float((float) p.getX(), (float) p.getY()));
        }
        path.add(rectangle);
    }

    @Override
    public void moveTo(float x, float y) {
        List<Point2D.Float> subpath = new ArrayList<>();
        subpath.add(new Point2D.Float(x, y));
        path.add(subpath);
    }

    @Override
    public void lineTo(float x, float y) {
        if (path.isEmpty()) {
            moveTo(x, y);
        } else {
            path.get(path.size() - 1).add(new Point2D.Float(x, y));
        }
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        moveTo(x3, y3); // a curve is no ruling; the path goes on from its end
    }

    @Override
    public Point2D getCurrentPoint() {
        if (path.isEmpty() || path.get(path.size() - 1).isEmpty()) {
            return new Point2D.Float();
        }
        List<Point2D.Float> subpath = path.get(path.size() - 1);
        return subpath.get(subpath.size() - 1);
    }

    @Override
    public void closePath() {
        if (!path.isEmpty() && !path.get(path.size() - 1).isEmpty()) {
            List<Point2D.Float> subpath = path.get(path.size() - 1);
            subpath.add(subpath.get(0));
        }
    }

    @Override
    public void strokePath() {
        for (List<Point2D.Float> subpath : path) {
            for (int k = 1; k < subpath.size(); k++) {
                segment(subpath.get(k - 1), subpath.get(k));
            }
        }
        path.clear();
    }

    @Override
    public void fillPath(int windingRule) {
        for (List<Point2D.Float> subpath : path) {
            thinRectangle(subpath);
        }
        path.clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        List<List<Point2D.Float>> painted = new ArrayList<>(path);
        fillPath(windingRule);
        path.addAll(painted);
        strokePath();
    }

    @Override
    public void endPath() {
        path.clear(); // a clipping path, not painted
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void drawImage(PDImage pdImage) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }

    /** Text draws no rulings (a Type 3 glyph may fill rectangles): left unread. */
    @Override
    protected void showText(byte[] string) {
    }

    private void segment(Point2D.Float a, Point2D.Float b) {
        if (Math.abs(a.y - b.y) < STRAIGHT && Math.abs(a.x - b.x) >= MIN_LENGTH) {
            rules.add(new Rule(true, top - (a.y + b.y) / 2, Math.min(a.x, b.x) - left, Math.max(a.x, b.x) - left));
        } else if (Math.abs(a.x - b.x) < STRAIGHT && Math.abs(a.y - b.y) >= MIN_LENGTH) {
            rules.add(new Rule(false, (a.x + b.x) / 2 - left, top - Math.max(a.y, b.y), top - Math.min(a.y, b.y)));
        }
    }

    /** A filled rectangle along the axes, thin one way and long the other: a line along its middle. */
    private void thinRectangle(List<Point2D.Float> subpath) {
        if (subpath.size() < 4 || subpath.size() > 5) {
            return;
        }
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int k = 0; k < subpath.size(); k++) {
            Point2D.Float p = subpath.get(k);
            Point2D.Float next = subpath.get((k + 1) % subpath.size());
            if (Math.abs(p.x - next.x) >= STRAIGHT && Math.abs(p.y - next.y) >= STRAIGHT) {
                return; // a side off the axes
            }
            minX = Math.min(minX, p.x);
            maxX = Math.max(maxX, p.x);
            minY = Math.min(minY, p.y);
            maxY = Math.max(maxY, p.y);
        }
        float width = maxX - minX;
        float height = maxY - minY;
        if (height <= MAX_THICKNESS && width >= MIN_LENGTH && width > height) {
            rules.add(new Rule(true, top - (minY + maxY) / 2, minX - left, maxX - left));
        } else if (width <= MAX_THICKNESS && height >= MIN_LENGTH && height > width) {
            rules.add(new Rule(false, (minX + maxX) / 2 - left, top - maxY, top - minY));
        }
    }
}
