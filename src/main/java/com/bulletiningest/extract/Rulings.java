package com.bulletiningest.extract;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The ruling lines a page draws (a table's cell borders): stroked straight segments and thin filled rectangles that
 * run along the page's axes, in the top-down coordinates of the page's text. Producers draw a border either way:
 * Writer strokes lines, Chromium fills hairline rectangles.
 * <p>
 * The text pass feeds it the page's path, point by point in page space ({@link PathOperator}), so that each page's
 * content is parsed once.
 */
final class Rulings {

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

    private List<Rule> rules = new ArrayList<>();
    /** The path being built: subpaths of points in page space (y up). */
    private final List<List<Point2D.Float>> path = new ArrayList<>();
    private float left;
    private float top;
    private boolean turned;

    /** Starts on a page: no rules, no path. */
    void startPage(PDPage page) {
        PDRectangle box = page.getCropBox();
        left = box.getLowerLeftX();
        top = box.getUpperRightY();
        turned = page.getRotation() % 360 != 0;
        rules = new ArrayList<>();
        path.clear();
    }

    /** The page's ruling lines; none on a turned page, whose text runs along other axes. */
    List<Rule> rules() {
        return turned ? List.of() : rules;
    }

    void rectangle(Point2D.Float p0, Point2D.Float p1, Point2D.Float p2, Point2D.Float p3) {
        path.add(new ArrayList<>(List.of(p0, p1, p2, p3, p0)));
    }

    void moveTo(Point2D.Float p) {
        List<Point2D.Float> subpath = new ArrayList<>();
        subpath.add(p);
        path.add(subpath);
    }

    void lineTo(Point2D.Float p) {
        if (path.isEmpty()) {
            moveTo(p);
        } else {
            path.get(path.size() - 1).add(p);
        }
    }

    void closePath() {
        if (!path.isEmpty() && !path.get(path.size() - 1).isEmpty()) {
            List<Point2D.Float> subpath = path.get(path.size() - 1);
            subpath.add(subpath.get(0));
        }
    }

    void stroke() {
        for (List<Point2D.Float> subpath : path) {
            for (int k = 1; k < subpath.size(); k++) {
                segment(subpath.get(k - 1), subpath.get(k));
            }
        }
        path.clear();
    }

    void fill() {
        for (List<Point2D.Float> subpath : path) {
            thinRectangle(subpath);
        }
        path.clear();
    }

    void fillAndStroke() {
        List<List<Point2D.Float>> painted = new ArrayList<>(path);
        fill();
        path.addAll(painted);
        stroke();
    }

    /** A path ended unpainted (a clipping path). */
    void endPath() {
        path.clear();
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
