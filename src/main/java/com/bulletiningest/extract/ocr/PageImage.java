package com.bulletiningest.extract.ocr;

import java.awt.image.BufferedImage;

/**
 * A page image as the models see it: its pixels' blue, green and red values (the channel order PaddleOCR's models were
 * trained on, as OpenCV reads images), with bilinear sampling for resizing and for cutting out rotated text boxes.
 */
final class PageImage {

    final int width;
    final int height;
    private final int[] rgb;

    PageImage(BufferedImage image) {
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.rgb = image.getRGB(0, 0, width, height, null, 0, width);
    }

    /**
     * Fills {@code out} (planar B, G, R, {@code outWidth} × {@code outHeight} each, starting at {@code offset}, rows
     * {@code rowStride} apart) with the parallelogram of {@code box} scaled onto {@code boxWidth} × {@code outHeight},
     * each value normalised as {@code (v / 255 - mean[c]) / std[c]}.
     */
    void sample(TextBox box, float[] out, int offset, int boxWidth, int outHeight, int rowStride, float[] mean, float[] std) {
        int plane = rowStride * outHeight;
        // shrinking averages n × n samples per pixel, or thin strokes fall between the samples
        int n = (int) Math.min(4, Math.ceil(Math.max(box.length() / boxWidth, box.thickness() / outHeight)));
        n = Math.max(1, n);
        double[] sum = new double[3];
        for (int i = 0; i < outHeight; i++) {
            for (int j = 0; j < boxWidth; j++) {
                sum[0] = sum[1] = sum[2] = 0;
                for (int si = 0; si < n; si++) {
                    double fi = (i + (si + 0.5) / n) / outHeight;
                    for (int sj = 0; sj < n; sj++) {
                        double fj = (j + (sj + 0.5) / n) / boxWidth;
                        double x = box.x0() + box.alongX() * fj + box.acrossX() * fi - 0.5;
                        double y = box.y0() + box.alongY() * fj + box.acrossY() * fi - 0.5;
                        addBilinear(x, y, sum);
                    }
                }
                int p = offset + i * rowStride + j;
                for (int ch = 0; ch < 3; ch++) {
                    out[p + ch * plane] = (float) ((sum[ch] / (n * n) / 255 - mean[ch]) / std[ch]);
                }
            }
        }
    }

    private void addBilinear(double x, double y, double[] sum) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double dx = x - x0;
        double dy = y - y0;
        int a = pixel(x0, y0);
        int b = pixel(x0 + 1, y0);
        int c = pixel(x0, y0 + 1);
        int d = pixel(x0 + 1, y0 + 1);
        for (int ch = 0; ch < 3; ch++) {
            int shift = ch * 8; // blue, green, red
            sum[ch] += ((a >> shift) & 0xFF) * (1 - dx) * (1 - dy) + ((b >> shift) & 0xFF) * dx * (1 - dy)
                    + ((c >> shift) & 0xFF) * (1 - dx) * dy + ((d >> shift) & 0xFF) * dx * dy;
        }
    }

    /** Outside the image is white paper. */
    private int pixel(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0xFFFFFF : rgb[y * width + x];
    }

    /** Darkness (0 white … 255 black) at a pixel, outside the image white. */
    int darkness(int x, int y) {
        int v = pixel(x, y);
        return 255 - (((v >> 16) & 0xFF) * 299 + ((v >> 8) & 0xFF) * 587 + (v & 0xFF) * 114) / 1000;
    }
}
