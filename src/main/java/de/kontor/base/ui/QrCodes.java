package de.kontor.base.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Locale;
import java.util.Map;

/** QR codes as SVG, drawn by ZXing on the server (one path of unit squares, crisp at any print size). */
public final class QrCodes {

    private QrCodes() {}

    /** An SVG image {@code pixels} wide and high showing {@code content} as a QR code. */
    public static String svg(String content, int pixels) {
        return svg(content, pixels, "QR " + content);
    }

    /** The same with its own text for screen readers (instead of the content, e.g. when that is a secret). */
    public static String svg(String content, int pixels, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + content, e);
        }
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        // Vaadin's Html component lower-cases attribute names, and SVG ignores "viewbox": scale with a transform
        String scale = String.format(Locale.ROOT, "%.4f", (double) pixels / Math.max(w, h));
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + pixels + "\" height=\"" + pixels
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(label) + "\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" transform=\"scale(" + scale
                + ")\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
